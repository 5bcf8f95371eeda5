/**
 * Tells caching proxies in front of the CMS (deploy/nginx/send-cms.conf) that published content
 * changed, so they stop serving what they stored: a POST to each address in PROXY_PURGE_URLS
 * (comma-separated). Every instance does this after it has applied a change itself, so the last
 * purge comes after the last instance is up to date, and no proxy keeps an old answer it fetched
 * from an instance that had not caught up yet.
 */
import type { Core } from '@strapi/strapi';

const TIMEOUT_MS = 2_000;

export function proxyPurger(
  strapi: Core.Strapi,
  urls = (process.env.PROXY_PURGE_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean),
) {
  return async () => {
    await Promise.all(
      urls.map(async (url) => {
        try {
          const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(TIMEOUT_MS) });
          if (!response.ok) strapi.log.warn(`Proxy purge at ${url} answered ${response.status}.`);
        } catch (error) {
          strapi.log.warn(
            `Proxy purge at ${url} failed (${error instanceof Error ? error.message : String(error)}); it serves what it stored until that expires.`,
          );
        }
      }),
    );
  };
}
