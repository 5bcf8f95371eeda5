/**
 * What anyone may read, from any origin, without signing in: the updates API, the feeds, the
 * reader pages and their sitemaps, the widget scripts, the demo pages and uploaded files. The rate limit, CORS and
 * the response cache all ask this one question.
 */
const PUBLIC_PATH = /^\/(api\/updates(\/|$)|feeds\/|updates(\/|$)|widgets\/|demo(\/|$)|uploads\/|favicon\.ico$|robots\.txt$|sitemap\.xml$|sitemaps\/)/;

export const isPublicPath = (path: string) => PUBLIC_PATH.test(path);

/** GET and HEAD, and the preflight a browser sends before one. */
export function isPublicRead(method: string, path: string, preflightMethod = ''): boolean {
  if (!isPublicPath(path)) return false;
  if (method === 'GET' || method === 'HEAD') return true;
  return method === 'OPTIONS' && (preflightMethod === '' || preflightMethod === 'GET' || preflightMethod === 'HEAD');
}
