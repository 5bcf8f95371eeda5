import { factories } from '@strapi/strapi';

// Core routes need an API token: the public reads through /api/updates only.
export default factories.createCoreRouter('api::consultation.consultation');
