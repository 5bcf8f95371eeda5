/**
 * The upload plugin's service checks every file by its content before storing it (security/uploads.ts),
 * so files that arrive other than as a multipart upload (the media library's "From URL") meet the
 * same rule as those middlewares/upload-guard.ts checks.
 */
import type { Core } from '@strapi/strapi';
import { checkUpload, type UploadedFile } from '../../security/uploads';

type UploadService = {
  upload(args: { data: unknown; files: UploadedFile | UploadedFile[] }, opts?: unknown): Promise<unknown>;
  replace(id: unknown, args: { data: unknown; file: UploadedFile }, opts?: unknown): Promise<unknown>;
};
type Plugin = { services: Record<string, (deps: { strapi: Core.Strapi }) => UploadService> };

export default (plugin: Plugin) => {
  const createService = plugin.services.upload;
  plugin.services.upload = (deps) => {
    const service = createService(deps);
    return {
      ...service,
      async upload(args, opts) {
        for (const file of [args.files].flat()) await checkUpload(file);
        return service.upload(args, opts);
      },
      async replace(id, args, opts) {
        await checkUpload(args.file);
        return service.replace(id, args, opts);
      },
    };
  };
  return plugin;
};
