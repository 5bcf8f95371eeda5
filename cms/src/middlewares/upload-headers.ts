/**
 * Uploaded files are served so that no browser runs anything in them, even a file that reached the
 * disk some other way: the type comes from the accepted name endings only (anything else is plain
 * bytes), no sniffing, a sandbox with nothing allowed, and every non-image downloads instead of
 * opening.
 */
import path from 'path';
import type { Core } from '@strapi/strapi';
import { INLINE_EXTENSIONS, SERVED_TYPES } from '../security/uploads';
import type { Next } from '../lib/strapi-services';

export const UPLOADS_CSP = "default-src 'none'; sandbox";

export default (() => async (ctx, next: Next) => {
  if (!ctx.path.startsWith('/uploads/')) return next();
  await next();
  const extension = path.extname(ctx.path).toLowerCase();
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', UPLOADS_CSP);
  if (ctx.status !== 200 && ctx.status !== 206 && ctx.status !== 304) return;
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.type = SERVED_TYPES[extension] ?? 'application/octet-stream';
  if (!INLINE_EXTENSIONS.has(extension)) {
    const name = path.basename(ctx.path).replace(/[^\w.-]/g, '_');
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
  }
}) satisfies Core.MiddlewareFactory;
