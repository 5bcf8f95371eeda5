import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Public URL of the CMS, used for absolute links in feeds and in widget output.
  url: env('PUBLIC_URL', ''),
  proxy: env.bool('IS_PROXIED', false),
  app: { keys: secret('APP_KEYS').split(',') },
  cron: { enabled: false },
  logger: {
    config: { level: env('LOG_LEVEL', 'http') },
    // No update checks: the CMS must start on a closed network.
    updates: { enabled: false },
  },
});
