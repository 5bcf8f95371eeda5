/**
 * Strapi lets whoever first reaches /admin on a new database make themselves its Super Admin. In
 * production that is anyone on the internet between a deployment and the council's first visit, so
 * the sign-up is refused there, with the way to make the first administrator on the server instead
 * (`strapi admin:create-user`). ADMIN_SIGNUP=open allows it, for a CMS no stranger can reach yet.
 */
import type { Core } from '@strapi/strapi';
import { errorBody } from '../lib/error-body';
import type { Next } from '../lib/strapi-services';

export const SIGNUP_REFUSED =
  'In production the first administrator is made on the server, not on this page, so that no one else can take the CMS first. ' +
  'On the server, in the cms folder, run: npx strapi admin:create-user (it asks for your name, email address and a password), then sign in here. ' +
  'See "Running in production" in the README.';

/** Whether the sign-up is refused: in production, unless ADMIN_SIGNUP=open. */
export const signupClosed = (env: NodeJS.ProcessEnv, production: boolean) => production && env.ADMIN_SIGNUP !== 'open';

/** Said at start while there is no administrator, as Strapi's own banner then sends people to a sign-up this refuses. */
export const NO_ADMIN_YET =
  'No administrator yet, and the sign-up at /admin is closed in production: on this server, in the cms folder, run npx strapi admin:create-user to make the first one (README "Running in production").';

/** Strapi's route for the first administrator, as its router matches it: any case, with or without a trailing slash. */
const isSignup = (path: string) => path.toLowerCase().replace(/\/+$/, '') === '/admin/register-admin';

export default ((config: { open: boolean }) => async (ctx, next: Next) => {
  if (config.open || !isSignup(ctx.path)) return next();
  ctx.status = 403;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = errorBody(403, 'ForbiddenError', SIGNUP_REFUSED);
}) satisfies Core.MiddlewareFactory;
