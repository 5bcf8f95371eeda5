export default [
  'strapi::logger',
  'strapi::errors',
  // Finished public responses (API and feeds) for a few seconds, ahead of the rest of the stack.
  'global::public-cache',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'data:', 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  {
    // Public reads (widgets, feeds, API) are open to any origin without
    // credentials; the admin is same-origin and unaffected.
    name: 'strapi::cors',
    config: { origin: '*', methods: ['GET', 'HEAD', 'OPTIONS'], credentials: false, keepHeadersOnError: true },
  },
  // gzip or brotli (quality 4: cheap per request) for feeds, API and widget bundles when the client accepts it.
  'strapi::compression',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  'global::public-assets',
];
