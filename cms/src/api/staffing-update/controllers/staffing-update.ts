import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::staffing-update.staffing-update');
