import type { Core } from '@strapi/strapi';
import { MAX_UPLOAD_BYTES } from '../src/security/uploads';
import { isProduction } from './secrets';
import { signupClosed } from '../src/middlewares/admin-signup';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  // A malformed Host header, or a method used nowhere here, is refused before anything reads it.
  'global::host-check',
  'global::method-check',
  // Strapi's request log line, written only when LOG_LEVEL lets it through.
  'global::request-log',
  'strapi::errors',
  // A client's mistake found by a library under Strapi gets its 4xx without an error-level log line.
  'global::client-errors',
  // Per client, on public routes: 429 with Retry-After past RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_SECONDS.
  {
    name: 'global::rate-limit',
    config: { requests: env.int('RATE_LIMIT_REQUESTS', 1_000), windowSeconds: env.int('RATE_LIMIT_WINDOW_SECONDS', 10) },
  },
  // Public reads answer any origin with `*`, no credentials; the admin only its own origin and CORS_ALLOWED_ORIGINS.
  // Strapi insists on its own CORS middleware; global::cors, right after it, sets every CORS header itself.
  { name: 'strapi::cors', config: { origin: () => [], credentials: false } },
  { name: 'global::cors', config: { allowedOrigins: env.array('CORS_ALLOWED_ORIGINS', []) } },
  // Finished public responses (API, feeds, pages), bounded in bytes, ahead of the rest of the stack.
  { name: 'global::public-cache', config: { maxBytes: env.int('CACHE_MAX_MB', 32) * 1024 * 1024 } },
  // Public reads go straight to their route, with the headers strapi::security sets: nothing below has work to do for them.
  'global::public-routes',
  // In production the first administrator is made on the server (strapi admin:create-user), never by whoever reaches /admin first.
  { name: 'global::admin-signup', config: { open: !signupClosed(process.env, isProduction()) } },
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'data:', 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  // Uploaded files: nosniff, a sandbox CSP, only raster images inline.
  'global::upload-headers',
  // gzip or brotli (quality 4: cheap per request) for feeds, API and widget bundles when the client accepts it.
  'strapi::compression',
  'strapi::query',
  // Uploads larger than the limit are cut off while they arrive (the upload plugin says so at MAX_UPLOAD_BYTES).
  { name: 'strapi::body', config: { formidable: { maxFileSize: MAX_UPLOAD_BYTES + 1024 * 1024 } } },
  // Every uploaded file is checked by its content before any controller sees it.
  'global::upload-guard',
  // No strapi::session: nothing here reads ctx.session (the admin keeps its sessions in the database), and Strapi
  // mounts it at the top of the stack whatever its place in this list, so every public read paid for a cookie session.
  'strapi::favicon',
  'strapi::public',
  'global::public-assets',
];
