/** Registers the published catalogue (src/catalogue) as a Strapi service, so every part of the CMS shares one. */
import { createCatalogue } from '../../../catalogue/catalogue';

export default createCatalogue;
