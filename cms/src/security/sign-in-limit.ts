/**
 * Strapi's limit on signing in (and on the other account pages: registering, a forgotten or reset
 * password), per email address and client, with an answer an editor can act on. Strapi's own says
 * "Too many requests, please try again later.", which tells a council officer who mistyped their
 * password neither how long to wait nor what else to do.
 */
import type { Context } from 'koa';
import { errorBody } from '../lib/error-body';

/** Attempts allowed per email address and client in each window (Strapi's own figures, set here so the message follows them). */
export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_MINUTES = 5;

const minutes = (count: number) => `${count} minute${count === 1 ? '' : 's'}`;

/** The message for a refused attempt, `minutesLeft` before the window ends, on the page at `path`. */
export function signInLimitMessage(path: string, minutesLeft: number): string {
  const wait = `Wait ${minutes(minutesLeft)}, then try again`;
  return /\/login\/?$/.test(path)
    ? `Too many sign-in attempts with this email address. ${wait}, or choose “Forgot your password?” to set a new one.`
    : `Too many attempts. ${wait}.`;
}

/** koa2-ratelimit's handler: a 429 in Strapi's error body (which the admin shows), with Retry-After. */
export function refuseSignIn(ctx: Context): void {
  const windowSeconds = SIGN_IN_WINDOW_MINUTES * 60;
  // `reset` is the window's end rounded up to a whole second, so it can lie a second past the window.
  const { reset } = (ctx.state as { rateLimit?: { reset?: number } }).rateLimit ?? {};
  const secondsLeft = reset ? Math.min(windowSeconds, Math.max(1, Math.ceil(reset - Date.now() / 1000))) : windowSeconds;
  const message = signInLimitMessage(ctx.path, Math.ceil(secondsLeft / 60));
  ctx.status = 429;
  ctx.set('Retry-After', String(secondsLeft));
  ctx.body = errorBody(429, 'RateLimitError', message);
}
