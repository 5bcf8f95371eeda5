import type { Core } from '@strapi/strapi';
import { isAdminBuild, isProduction, secret } from './secrets';

/**
 * The CMS's public origin, for every absolute link it writes (API, feeds, pages): PUBLIC_URL, which
 * production must set; elsewhere this server's own HOST and PORT. Never the Host header of a request,
 * which anyone can forge.
 */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = (env.PUBLIC_URL ?? '').trim();
  if (!configured) {
    // The admin is built for the root of whatever origin serves it, so its build needs no address.
    if (isProduction() && !isAdminBuild()) {
      throw new Error(
        'PUBLIC_URL is not set. In production it must be the address readers use, e.g. https://send-cms.example.gov.uk (see README "Running in production").',
      );
    }
    const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
    return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT || 1337}`;
  }
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute address such as https://send-cms.example.gov.uk; got "${configured}".`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
    throw new Error(`PUBLIC_URL must be a plain http(s) address with no user name, query or fragment; got "${configured}".`);
  }
  // Pages, feeds, the API and the widgets all address the CMS from the root of its origin.
  if (url.pathname !== '/') {
    throw new Error(
      `PUBLIC_URL must be an origin with no path, such as https://send-cms.example.gov.uk: the CMS answers at the root of its address (give it a host name of its own); got "${configured}".`,
    );
  }
  return url.origin;
}

const seconds = (value: number) => value * 1000;

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: publicUrl(),
  // Behind a reverse proxy, trust the address it adds to X-Forwarded-For (the last PROXY_HOPS of them), and only then.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  http: {
    serverOptions: {
      // Slow or stalled clients are cut off: headers within 10 s, a whole request (an upload included) within 2 minutes.
      headersTimeout: seconds(env.int('HEADERS_TIMEOUT_SECONDS', 10)),
      requestTimeout: seconds(env.int('REQUEST_TIMEOUT_SECONDS', 120)),
      keepAliveTimeout: seconds(5),
      connectionsCheckingInterval: seconds(1),
    },
  },
  app: { keys: secret('APP_KEYS').split(',') },
  cron: { enabled: false },
  logger: {
    config: { level: env('LOG_LEVEL', 'http') },
    // No update checks: the CMS must start on a closed network.
    updates: { enabled: false },
  },
});
