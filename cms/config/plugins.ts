import { MAX_UPLOAD_BYTES, UPLOAD_ALLOWED_TYPES } from '../src/security/uploads';
import { emailPluginConfig } from '../src/security/email';
import { isProduction } from './secrets';
import { publicUrl } from './server';

export default () => ({
  upload: {
    config: {
      // Checked by content first (src/security/uploads.ts); the plugin's own allow-list and size limit stand behind it.
      sizeLimit: MAX_UPLOAD_BYTES,
      security: { allowedTypes: UPLOAD_ALLOWED_TYPES },
    },
  },
  // "Forgot your password?" emails: the council's mail relay, or (outside production) the log.
  email: { config: emailPluginConfig(process.env, { production: isProduction(), publicUrl: publicUrl() }) },
});
