/**
 * Serves the built widget bundles at /widgets/ and the demo partner pages at
 * /demo/, from the repository root beside the CMS. Both are public and meant
 * to be loaded from other origins (module scripts are fetched with CORS).
 *
 * /widgets/v<version>/… never changes once built, and chunk names carry a hash
 * of their content, so those are cached for good (`immutable`); the plain
 * names (/widgets/send-widgets.js) change with each release and revalidate.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Next } from '../lib/strapi-services';

/** A versioned folder (/widgets/v1.2.3/…) or a content-hashed chunk (…/chunks/name-<hash>.js). */
const IMMUTABLE = /^\/widgets\/(v\d+\.\d+\.\d+[\w.-]*\/|chunks\/)/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export default ((_config, { strapi }) => {
  const repoRoot = path.resolve(strapi.dirs.app.root, '..');
  const mounts: [string, string][] = [
    ['/widgets/', path.join(repoRoot, 'dist', 'widgets')],
    ['/demo/', path.join(repoRoot, 'demo')],
  ];

  return async (ctx, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/demo') return ctx.redirect('/demo/');
    const mount = mounts.find(([prefix]) => ctx.path.startsWith(prefix));
    if (!mount) return next();
    const [prefix, dir] = mount;
    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path.slice(prefix.length)) || 'index.html';
    } catch {
      ctx.status = 400;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'Bad request: the address is not valid percent-encoding.\n';
      return;
    }
    if (relative.endsWith('/')) relative += 'index.html';
    const file = path.resolve(dir, relative);
    if (!file.startsWith(dir + path.sep)) return next(); // no escaping the folder
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      return next();
    }
    if (!stat.isFile()) return next();

    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    // Plain bundle names are kept across releases, so caches must revalidate those (cheap with Last-Modified).
    ctx.set('Cache-Control', IMMUTABLE.test(ctx.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=86400');
    ctx.type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    ctx.length = stat.size;
    ctx.lastModified = stat.mtime;
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    // HEAD too: Koa sends this body's headers and no body (a null body would turn the answer into a bare 204).
    ctx.body = fs.createReadStream(file);
  };
}) satisfies Core.MiddlewareFactory;
