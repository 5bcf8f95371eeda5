/**
 * Strapi's registration form (the first administrator's, and each invited editor's) offers to "Keep me
 * updated about new features" under Strapi's own terms; ticked, the admin then posts the person's name
 * and email address to Strapi's analytics service. Council staff are signing in to their council's CMS,
 * not to its software's mailing list, so the box is not shown. Strapi draws the form itself, with no
 * option to leave it out: the style finds the box by its link to Strapi's terms.
 */
import { addAdminStyles } from './fit-tables';

/** The box's field, as the admin walkthrough looks for it. */
export const NEWSLETTER_FIELD = 'form div:has(> div > div > label a[href="https://strapi.io/terms"])';

export const hideNewsletter = () => addAdminStyles('no-newsletter', `${NEWSLETTER_FIELD} { display: none !important; }`);
