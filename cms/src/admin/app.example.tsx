// Admin customisations live in app.tsx; this project keeps Strapi's defaults.
export default {};
