/**
 * Uploads cannot attack. An Editor-role user (made through Strapi's own admin API, as an
 * administrator would) uploads each hostile kind of file: every one is refused, with a message that
 * says why and what is accepted; real documents and images of every accepted kind go through. Files
 * that reach the disk some other way are served so that a browser never runs them: Chromium opens
 * each one directly, and a page on the CMS's own origin (without any CSP of its own) pulls each one
 * in as a script, a frame, an object, an embed and an image; no script runs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import puppeteer, { type Browser } from 'puppeteer-core';
import sharp from 'sharp';
import { MAX_UPLOAD_BYTES } from '../../cms/src/security/uploads.ts';
import { launchOptions } from '../helpers/chromium.ts';
import { startCms, type TestCms } from '../helpers/cms.ts';
import { freshAddress, request } from './helpers.ts';

const ADMIN = { email: 'security.admin@example.org', password: 'Security-Admin-Passw0rd', firstname: 'Security', lastname: 'Admin' };
const EDITOR = { email: 'security.editor@example.org', password: 'Security-Editor-Passw0rd', firstname: 'Security', lastname: 'Editor' };
/** What a hostile script does when it runs: every way these tests look for it. */
const PAYLOAD = "alert('uploaded script ran');window.__pwned=1;try{top.__pwned=1}catch(e){};document.title='PWNED'";

let cms: TestCms;
let base: string;
let editorToken: string;
let browser: Browser;
const uploadedIds: number[] = [];

/** A request to the admin API; its JSON answer and status. */
async function adminApi(method: string, pathname: string, body?: unknown, token?: string) {
  const answer = await fetch(`${base}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: answer.status,
    json: (await answer.json().catch(() => null)) as { data?: Record<string, unknown> & { token?: string; accessToken?: string }; error?: { message: string } },
  };
}

const tokenOf = (answer: Awaited<ReturnType<typeof adminApi>>) => String(answer.json.data?.token ?? answer.json.data?.accessToken ?? '');

before(async () => {
  cms = await startCms();
  base = cms.baseUrl;
  // The first administrator, then an Editor invited and registered, all through the admin API.
  const first = await adminApi('POST', '/admin/register-admin', ADMIN);
  assert.equal(first.status, 200, JSON.stringify(first.json));
  const adminToken = tokenOf(first);
  const roles = (await adminApi('GET', '/admin/roles', undefined, adminToken)).json.data as unknown as { id: number; code: string }[];
  const editorRole = roles.find((role) => role.code === 'strapi-editor');
  assert.ok(editorRole, 'Strapi has its Editor role');
  const invited = await adminApi(
    'POST',
    '/admin/users',
    { email: EDITOR.email, firstname: EDITOR.firstname, lastname: EDITOR.lastname, roles: [editorRole.id] },
    adminToken,
  );
  assert.equal(invited.status, 201, JSON.stringify(invited.json));
  const registered = await adminApi('POST', '/admin/register', {
    registrationToken: invited.json.data?.registrationToken,
    userInfo: { firstname: EDITOR.firstname, lastname: EDITOR.lastname, password: EDITOR.password },
  });
  assert.equal(registered.status, 200, JSON.stringify(registered.json));
  editorToken = tokenOf(registered);
  const me = await adminApi('GET', '/admin/users/me', undefined, editorToken);
  assert.deepEqual(
    (me.json.data?.roles as { code: string }[]).map((role) => role.code),
    ['strapi-editor'],
    'the uploads below are an Editor’s',
  );
  browser = await puppeteer.launch(launchOptions());
});

after(async () => {
  await browser?.close();
  if (cms) {
    const uploads = cms.strapi.plugin('upload').service<{ remove(file: Record<string, unknown>): Promise<unknown> }>('upload');
    for (const id of uploadedIds)
      await uploads.remove({ id, ...((await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id } })) as Record<string, unknown> | null) });
    await cms.stop();
  }
});

/** Uploads one file through the admin's media library endpoint, as the Editor. */
async function upload(name: string, content: Buffer | string, type: string) {
  const form = new FormData();
  form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
  const answer = await fetch(`${base}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${editorToken}` }, body: form });
  const json = (await answer.json().catch(() => null)) as { id: number; url: string }[] | { error?: { message: string } } | null;
  const files = Array.isArray(json) ? json : [];
  uploadedIds.push(...files.map((file) => file.id));
  return { status: answer.status, json, files, message: json && !Array.isArray(json) ? (json.error?.message ?? '') : '' };
}

/** A zip archive with stored (uncompressed) entries: the container of Office and OpenDocument files. */
function zip(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    centrals.push(central, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const officeXml = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x.xml" ContentType="${main}.main+xml"/></Types>`;
const CFB = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]);
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="${PAYLOAD.replace(/"/g, '&quot;')}"><script>${PAYLOAD}</script></svg>`;
const HTML = `<!doctype html><html><body><h1>Report</h1><script>${PAYLOAD}</script><img src=x onerror="${PAYLOAD.replace(/"/g, '&quot;')}"></body></html>`;
const XML = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>${PAYLOAD}</script></html>`;
/** A real GIF header that is also a script: accepted as a GIF, and must never run as one. */
const GIF_POLYGLOT = Buffer.concat([Buffer.from('GIF89a/*'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0]), Buffer.from(`*/=0;${PAYLOAD}//`)]);

describe('an Editor’s uploads', () => {
  const hostile: [name: string, content: Buffer | string, declared: string, reason: RegExp][] = [
    ['logo.svg', SVG, 'image/svg+xml', /SVG images can contain code/],
    ['page.html', HTML, 'text/html', /web pages can contain code/],
    ['page.htm', HTML, 'text/html', /web pages can contain code/],
    ['page.xhtml', XML, 'application/xhtml+xml', /web pages can contain code/],
    ['data.xml', XML, 'application/xml', /XML files can contain code/],
    ['app.js', PAYLOAD, 'text/javascript', /scripts are never accepted/],
    ['module.mjs', PAYLOAD, 'text/javascript', /scripts are never accepted/],
    // Hostile content under an innocent name and type: refused by what it is.
    ['photo.png', SVG, 'image/png', /content is not one of the kinds of file/],
    ['report.pdf', HTML, 'application/pdf', /content is not one of the kinds of file/],
    ['letter.docx', HTML, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', /content is not one of the kinds of file/],
    ['notes.txt', 'Just text, but not a kind of file the CMS serves.', 'text/plain', /content is not one of the kinds of file/],
    ['archive.zip', zip([['a.txt', 'a']]), 'application/zip', /content is not one of the kinds of file/],
    ['no-extension', PDF, 'application/pdf', /content is a PDF file but its name ends in "\(nothing\)"/],
    ['photo.jpg', '', 'image/jpeg', /content is not one of the kinds of file/],
  ];

  for (const [name, content, declared, reason] of hostile) {
    test(`${name} (${declared}) is refused with a message an editor can act on`, async () => {
      const { status, json, message } = await upload(name, content, declared);
      assert.equal(status, 400, JSON.stringify(json));
      assert.match(message, new RegExp(`^"${name.replace('.', '\\.')}" was not uploaded: `));
      assert.match(message, reason);
      assert.match(
        message,
        /You can upload these documents: PDF \(\.pdf\), Word \(\.docx\).* and these images: JPEG \(\.jpg, \.jpeg\), PNG \(\.png\), WebP \(\.webp\), GIF \(\.gif\)\./,
      );
    });
  }

  test('a PNG named .jpg is refused and told to rename it', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#1d70b8' } })
      .png()
      .toBuffer();
    const { status, message } = await upload('photo.jpg', png, 'image/jpeg');
    assert.equal(status, 400);
    assert.match(message, /content is a PNG file but its name ends in "\.jpg"; rename it to end in \.png/);
  });

  test('every accepted kind, checked by its content, goes through', async () => {
    const image = sharp({ create: { width: 4, height: 3, channels: 3, background: '#00703c' } });
    const accepted: [string, Buffer | string, string, string][] = [
      ['plan.pdf', PDF, 'application/pdf', 'application/pdf'],
      [
        'letter.docx',
        zip([['[Content_Types].xml', officeXml('application/vnd.openxmlformats-officedocument.wordprocessingml.document')]]),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        'figures.xlsx',
        zip([['[Content_Types].xml', officeXml('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')]]),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      [
        'minutes.odt',
        zip([['mimetype', 'application/vnd.oasis.opendocument.text']]),
        'application/vnd.oasis.opendocument.text',
        'application/vnd.oasis.opendocument.text',
      ],
      [
        'budget.ods',
        zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']]),
        'application/vnd.oasis.opendocument.spreadsheet',
        'application/vnd.oasis.opendocument.spreadsheet',
      ],
      ['old-letter.doc', CFB, 'application/msword', 'application/msword'],
      ['old-figures.xls', CFB, 'application/vnd.ms-excel', 'application/vnd.ms-excel'],
      ['photo.jpg', await image.clone().jpeg().toBuffer(), 'image/jpeg', 'image/jpeg'],
      ['photo.jpeg', await image.clone().jpeg().toBuffer(), 'image/jpeg', 'image/jpeg'],
      ['chart.png', await image.clone().png().toBuffer(), 'image/png', 'image/png'],
      ['banner.webp', await image.clone().webp().toBuffer(), 'image/webp', 'image/webp'],
      ['icon.gif', await image.clone().gif().toBuffer(), 'image/gif', 'image/gif'],
      // Declared wrongly by the browser: the content decides.
      ['scan.pdf', PDF, 'application/octet-stream', 'application/pdf'],
    ];
    for (const [name, content, declared, served] of accepted) {
      const { status, json, files } = await upload(name, content, declared);
      assert.equal(status, 201, `${name}: ${JSON.stringify(json)}`);
      const [file] = files;
      const answer = await request(base, file.url, { from: freshAddress() });
      assert.equal(answer.status, 200, name);
      assert.equal(answer.headers['content-type'], served, `${name} is served as what it is`);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', name);
      assert.equal(answer.headers['content-security-policy'], "default-src 'none'; sandbox", name);
      const inline = served.startsWith('image/');
      assert.equal(/^attachment/.test(String(answer.headers['content-disposition'] ?? '')), !inline, `${name}: ${inline ? 'shown' : 'downloaded'}`);
      const head = await request(base, file.url, { method: 'HEAD', from: freshAddress() });
      assert.deepEqual(
        [head.status, head.headers['content-type'], Number(head.headers['content-length']), head.body.length],
        [200, served, answer.body.length, 0],
        `HEAD ${name}`,
      );
    }
  });

  test(`a file over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB is refused`, async () => {
    const big = Buffer.concat([Buffer.from(PDF), Buffer.alloc(MAX_UPLOAD_BYTES + 1024)]);
    const { status, json } = await upload('huge.pdf', big, 'application/pdf');
    assert.equal(status, 413, JSON.stringify(json));
  });
});

describe('a hostile file already on disk never runs in a browser', () => {
  const uploadsDir = () => path.join(cms.strapi.dirs.static.public, 'uploads');
  const planted: [name: string, content: Buffer | string][] = [
    ['planted.html', HTML],
    ['planted.svg', SVG],
    ['planted.xml', XML],
    ['planted.xhtml', XML],
    ['planted.js', PAYLOAD],
    ['planted.pdf', HTML],
    ['planted.png', HTML],
    ['planted.gif', GIF_POLYGLOT],
    ['planted.txt', HTML],
    ['planted', HTML],
  ];
  let names: string[] = [];

  before(() => {
    names = planted.map(([name, content]) => {
      fs.writeFileSync(path.join(uploadsDir(), name), content);
      return name;
    });
  });
  after(() => {
    for (const name of names) fs.rmSync(path.join(uploadsDir(), name), { force: true });
  });

  test('each is served with nosniff, a sandbox CSP, as bytes unless an accepted kind, and as an attachment unless an image', async () => {
    for (const name of names) {
      const answer = await request(base, `/uploads/${name}`, { from: freshAddress() });
      assert.equal(answer.status, 200, name);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', name);
      assert.equal(answer.headers['content-security-policy'], "default-src 'none'; sandbox", name);
      const type = String(answer.headers['content-type']);
      assert.ok(!/html|xml|svg|javascript|text\//.test(type), `${name} is served as ${type}`);
      if (!/\.(png|gif)$/.test(name)) assert.match(String(answer.headers['content-disposition']), /^attachment/, name);
    }
  });

  test('Chromium opens each one and pulls each one into a page on the CMS’s origin: no script runs', async () => {
    const page = await browser.newPage();
    const ran: string[] = [];
    page.on('dialog', (dialog) => {
      ran.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => /PWNED|uploaded script ran/.test(message.text()) && ran.push(`console: ${message.text()}`));
    try {
      for (const name of names) {
        await page.goto(`${base}/uploads/${name}`, { waitUntil: 'load', timeout: 10_000 }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 150));
        const title = await page.title().catch(() => '');
        assert.notEqual(title, 'PWNED', `${name} ran when opened`);
      }
      // A page on the CMS's own origin with no CSP of its own: the files' headers alone must hold.
      const hostUrl = `${base}/security-test-host.html`;
      const embeds = names
        .map((name) => {
          const src = `/uploads/${name}`;
          return `<script src="${src}"></script><iframe src="${src}"></iframe><object data="${src}"></object><embed src="${src}"><img src="${src}">`;
        })
        .join('\n');
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.url() === hostUrl) void req.respond({ status: 200, contentType: 'text/html', body: `<!doctype html><title>host</title>${embeds}` });
        else if (!req.url().endsWith('/security-test-control.html')) void req.continue();
      });
      await page.goto(hostUrl, { waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const state = await page.evaluate(() => ({ pwned: (window as { __pwned?: number }).__pwned ?? null, title: document.title }));
      assert.deepEqual(state, { pwned: null, title: 'host' });
      for (const frame of page.frames()) {
        const framePwned = await frame.evaluate(() => (window as { __pwned?: number }).__pwned ?? null).catch(() => null);
        assert.equal(framePwned, null, `a frame (${frame.url()}) ran a script`);
      }
      assert.equal(ran.join('\n'), '', 'no hostile file ran');

      // The control: the same file served as a page would run, and these checks would see it.
      const controlUrl = `${base}/security-test-control.html`;
      page.on('request', (req) => req.url() === controlUrl && void req.respond({ status: 200, contentType: 'text/html', body: HTML }));
      await page.goto(controlUrl, { waitUntil: 'load' });
      assert.equal(await page.title(), 'PWNED', 'the control page ran its script');
      assert.ok(
        ran.some((line) => line.startsWith('dialog')),
        'the control page opened a dialog',
      );
    } finally {
      await page.close();
    }
  });
});
