/**
 * Shared by the adversarial suites: HTTP requests with any header (Host included), from any loopback
 * address (each a separate client to the rate limit), raw bytes on a socket, the public routes of a
 * running CMS, and a seeded random generator so every run is the same run.
 */
import http from 'node:http';
import net from 'node:net';
import type { ListResponse, UpdateSummary } from '../../contract/api';
export { seededRandom } from '../../scripts/lib/seeded-random.ts';

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string };

let lastAddress = 1;
/** A loopback address not used before in this process (127.0.0.2 upwards): a new client to the server. */
export function freshAddress(): string {
  lastAddress += 1;
  return `127.0.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 2}`;
}

export type RequestOptions = { method?: string; headers?: Record<string, string>; body?: string; from?: string; timeoutMs?: number };

/** One request on its own connection; headers are sent as given (a Host header replaces the real one). */
export function request(base: string, path: string, { method = 'GET', headers = {}, body, from, timeoutMs = 30_000 }: RequestOptions = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path, method, headers, agent: false, localAddress: from, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Raw bytes on a new connection; resolves with the status code and text of whatever came back before the server closed. */
export function rawRequest(
  base: string,
  bytes: string | Buffer,
  { from, timeoutMs = 15_000 }: { from?: string; timeoutMs?: number } = {},
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), localAddress: from });
    let text = '';
    const timer = setTimeout(() => socket.destroy(new Error('the server kept the connection open')), timeoutMs);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      // One answer is enough (keep-alive would otherwise wait for the server's idle timeout).
      const head = /^HTTP\/1\.[01] (\d{3})[^]*?\r\n\r\n/.exec(text);
      const length = head && /content-length: *(\d+)/i.exec(head[0]);
      if (head && length && text.length >= head[0].length + Number(length[1])) socket.end();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (text) resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
      else reject(error);
    });
    socket.write(bytes);
  });
}

/** One published item of each type (from the API), for addresses that need a slug. */
export async function sampleItems(base: string): Promise<UpdateSummary[]> {
  const answer = await request(base, '/api/updates?pageSize=100', { from: freshAddress() });
  const { data } = JSON.parse(answer.text) as ListResponse;
  const byType = new Map<string, UpdateSummary>();
  for (const item of data) if (!byType.has(item.type)) byType.set(item.type, item);
  return [...byType.values()];
}

/**
 * A public address of every kind the CMS serves: the API (list, item, 404), every feed, every kind
 * of reader page, the widget scripts, the demo pages and an uploaded file (when given).
 */
export async function publicPaths(base: string, uploadedFile?: string): Promise<string[]> {
  const items = await sampleItems(base);
  const consultation = items.find((item) => item.type === 'consultation');
  return [
    '/api/updates',
    '/api/updates?type=consultation&status=open,closed&sort=closing&pageSize=5',
    ...items.map((item) => item.url),
    '/api/updates/article/no-such-item',
    '/feeds/rss.xml',
    '/feeds/atom.xml',
    '/feeds/feed.json',
    '/feeds/rss.xml?type=article&limit=3',
    '/feeds/consultations.ics',
    ...(consultation && consultation.type === 'consultation' ? [consultation.calendarUrl] : []),
    '/feeds/icon.png',
    '/updates',
    '/updates?type=article&page=2',
    ...items.map((item) => new URL(item.pageUrl).pathname),
    '/updates/article/no-such-item',
    '/updates/subscribe',
    '/updates/subscribe?topic=short-breaks',
    '/updates/for-websites',
    '/updates/assets/site.css',
    '/widgets/send-widgets.js',
    '/widgets/send-news-feed.js',
    '/demo/',
    '/demo/nhs-icb.html',
    '/demo/gallery.html',
    '/robots.txt',
    '/sitemap.xml',
    '/sitemaps/1.xml',
    ...(uploadedFile ? [uploadedFile] : []),
  ];
}

/** How many tabs the suites give `visitInTabs`. */
export const TABS_AT_ONCE = 3;

/**
 * Visits every entry of `work`, each tab taking the next as it finishes the last: the corpus's hundreds of pages
 * load a few at a time, so the browser and the CMS, each waiting on the other in turn, use both cores. Stops at the
 * first failure.
 */
export async function visitInTabs<T, Tab>(tabs: Tab[], work: readonly T[], visit: (tab: Tab, entry: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  await Promise.all(
    tabs.map(async (tab) => {
      while (!failed && next < work.length) {
        const entry = work[next++];
        try {
          await visit(tab, entry);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
}
