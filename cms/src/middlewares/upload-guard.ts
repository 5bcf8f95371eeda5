/**
 * Every file sent to the CMS (the admin's media library, the upload API) is checked by its content
 * before any controller sees it (security/uploads.ts). A refusal is a 400 whose message the admin
 * shows the editor.
 */
import type { Core } from '@strapi/strapi';
import { checkUpload, type UploadedFile } from '../security/uploads';

export default (() => async (ctx, next) => {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files;
  if (files) {
    for (const file of Object.values(files).flat()) await checkUpload(file);
  }
  await next();
}) satisfies Core.MiddlewareFactory;
