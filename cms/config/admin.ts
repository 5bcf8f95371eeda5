import type { Core, UID } from '@strapi/strapi';
import { secret } from './secrets';
import { previewUrl } from '../src/preview/preview';
import { resetPasswordEmail, RESET_LINK_HOURS } from '../src/security/email';
import { refuseSignIn, SIGN_IN_ATTEMPTS, SIGN_IN_WINDOW_MINUTES } from '../src/security/sign-in-limit';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const publicUrl = env('PUBLIC_URL', '');
  return {
    auth: { secret: secret('ADMIN_JWT_SECRET') },
    apiToken: { salt: secret('API_TOKEN_SALT') },
    transfer: { token: { salt: secret('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: secret('ENCRYPTION_KEY') },
    flags: { nps: false, promoteEE: false },
    // Signing in: Strapi's limits, with a message that says how long to wait.
    rateLimit: { interval: { min: SIGN_IN_WINDOW_MINUTES }, max: SIGN_IN_ATTEMPTS, handler: refuseSignIn },
    // The reset link's email in plain words, and as long as it says the link works (src/security/email.ts).
    forgotPassword: { emailTemplate: resetPasswordEmail, expiresIn: `${RESET_LINK_HOURS}h` },
    serveAdminPanel: env.bool('SERVE_ADMIN', true),
    // Strapi's free Preview: the edit view shows the item's real page, draft included, through a
    // short-lived signed link (src/preview), framed by this admin.
    preview: {
      enabled: true,
      config: {
        allowedOrigins: publicUrl ? [new URL(publicUrl).origin] : ["'self'"],
        handler: (uid: UID.ContentType, params: { documentId?: string; status?: string | null }) => previewUrl(strapi, uid, params),
      },
    },
  };
};
