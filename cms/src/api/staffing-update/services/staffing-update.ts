import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::staffing-update.staffing-update');
