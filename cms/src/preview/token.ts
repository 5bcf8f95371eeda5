/**
 * Preview tokens: a draft may be shown on its item page to whoever holds a short-lived token
 * signed with HMAC-SHA256. The key is PREVIEW_SECRET, or else one derived from ADMIN_JWT_SECRET
 * (which production must set; outside production a development value stands in).
 */
import { createHmac, timingSafeEqual } from 'crypto';
import { secret } from '../../config/secrets';
import { isUpdateType, type UpdateType } from '../lib/update-types';

/** The query parameter of an item page that carries a preview token. */
export const PREVIEW_PARAMETER = 'preview';

/** How long a preview link works. The admin asks for a fresh one each time the preview opens. */
export const PREVIEW_TTL_SECONDS = 15 * 60;

export type PreviewClaim = { type: UpdateType; documentId: string; status: 'draft' | 'published'; expires: number };

const key = () => process.env.PREVIEW_SECRET || createHmac('sha256', secret('ADMIN_JWT_SECRET')).update('send-updates preview v1').digest('base64');
const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest();

export function createPreviewToken(claim: Omit<PreviewClaim, 'expires'>, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...claim, expires: Math.floor(now / 1000) + PREVIEW_TTL_SECONDS })).toString('base64url');
  return `${payload}.${sign(payload).toString('base64url')}`;
}

/** The claim of a genuine, unexpired token; null for anything else. */
export function readPreviewToken(token: unknown, now = Date.now()): PreviewClaim | null {
  if (typeof token !== 'string' || token.length > 1024) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<PreviewClaim>;
    if (typeof claim.type !== 'string' || !isUpdateType(claim.type) || typeof claim.documentId !== 'string') return null;
    if (claim.status !== 'draft' && claim.status !== 'published') return null;
    if (typeof claim.expires !== 'number' || claim.expires * 1000 <= now) return null;
    return claim as PreviewClaim;
  } catch {
    return null;
  }
}
