/**
 * The feeds' default image: the familiar feed symbol, drawn once at start-up
 * as a 144×144 PNG (the largest image RSS allows), so no binary file has to
 * ship with the CMS. FEED_IMAGE_URL replaces it with a council's own logo.
 */
import { deflateSync } from 'zlib';

const SIZE = 144;
const BACKGROUND = [0x1d, 0x4f, 0x91]; // deep blue; white on it passes WCAG AA contrast
const FOREGROUND = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // per axis, for smooth edges

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Whether a point (in icon units 0..1, origin bottom-left of the glyph) is inked: a dot and two quarter rings. */
function inked(x: number, y: number): boolean {
  const r = Math.hypot(x, y);
  if (x < 0 || y < 0) return false;
  return r <= 0.13 || (r >= 0.36 && r <= 0.5) || (r >= 0.72 && r <= 0.86);
}

function drawIcon(): Buffer {
  const rows: Buffer[] = [];
  const margin = 0.2 * SIZE;
  const span = SIZE - 2 * margin;
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 3); // filter byte 0, then RGB
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE - margin) / span;
          const y = (SIZE - margin - (py + (sy + 0.5) / SUPERSAMPLE)) / span;
          if (inked(x, y)) hits++;
        }
      }
      const coverage = hits / SUPERSAMPLE ** 2;
      for (let c = 0; c < 3; c++) row[1 + px * 3 + c] = Math.round(BACKGROUND[c] + (FOREGROUND[c] - BACKGROUND[c]) * coverage);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let icon: Buffer | null = null;

/** The feed icon as PNG bytes (drawn on first use). */
export function feedIconPng(): Buffer {
  icon ??= drawIcon();
  return icon;
}
