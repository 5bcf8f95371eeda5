import { MAX_UPLOAD_BYTES, UPLOAD_ALLOWED_TYPES } from '../src/security/uploads';

export default () => ({
  upload: {
    config: {
      // Checked by content first (src/security/uploads.ts); the plugin's own allow-list and size limit stand behind it.
      sizeLimit: MAX_UPLOAD_BYTES,
      security: { allowedTypes: UPLOAD_ALLOWED_TYPES },
    },
  },
});
