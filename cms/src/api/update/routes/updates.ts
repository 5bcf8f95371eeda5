/** The public read API used by the widgets. No authentication; published content only. */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/updates',
      handler: 'update.find',
      config: { auth: false, middlewares: [] },
    },
    {
      method: 'GET',
      path: '/updates/:type/:slug',
      handler: 'update.findOne',
      config: { auth: false, middlewares: [] },
    },
  ],
};
