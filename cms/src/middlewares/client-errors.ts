/**
 * Client errors thrown by the HTTP libraries under Strapi (koa-compress's 406 when no encoding is
 * acceptable, koa-static's 403 for a path that leaves its folder, raw-body's 400 for an aborted or
 * malformed body) are answered as Strapi answers its own: their status and a readable message in
 * the usual error body. Strapi's error middleware would answer the same but log each one as a
 * server error with its stack trace, so any stranger's bad request could fill the error log.
 * Strapi's request log still records every one with its status.
 */
import type { Core } from '@strapi/strapi';
import { errorBody } from '../lib/error-body';
import type { Next } from '../lib/strapi-services';

/** An http-errors error (what Koa's libraries throw) that is the client's to fix. */
const isClientError = (error: unknown): error is Error & { status: number } => {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose !== false;
};

export default (() => async (ctx, next: Next) => {
  try {
    await next();
  } catch (error) {
    if (!isClientError(error)) throw error;
    ctx.status = error.status;
    ctx.body = errorBody(error.status, error.name, error.message);
  }
}) satisfies Core.MiddlewareFactory;
