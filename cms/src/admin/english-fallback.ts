/**
 * The admin's English messages for UK English (en-GB), without a false "missing translation" for each.
 *
 * Strapi's LanguageProvider (5.54) already gives en-GB every message of Strapi's and the plugins' `en`
 * catalogues (it merges `messages.en` under the chosen locale's). What is left are the message ids that
 * no catalogue has and that Strapi asks for with an English default message: the content types' names,
 * the field labels from each view's configuration ("Configure the view"; cms/src/seed/admin-labels.ts
 * writes ours), and some of Strapi's own (`content-manager.plugin.name`, `search.placeholder`, the
 * blocks editor's `content-manager.components.Blocks.*`), as well as this admin's home widgets. Under
 * `en` react-intl shows the default message quietly, because it is written in the default locale; under
 * `en-GB` it shows the same English text but also reports MISSING_TRANSLATION, which in a development
 * build is a console error each time (over 250 from the home page to an edit view). Giving those ids
 * messages of our own is not the answer: a field label changed in "Configure the view" would then be
 * hidden behind ours.
 *
 * So react-intl's error handler (IntlProvider's default `onError`; Strapi's provider sets none and has
 * no setting for it) treats an English locale as react-intl treats its default one: a message shown from
 * its English default is not reported. Every other error is reported as before: a message with no
 * default text at all, any missing translation in a language other than English, and every formatting
 * error. (strapi/strapi#26108 makes Strapi's own provider drop every MISSING_TRANSLATION, in any
 * language; 5.54 does not have it.)
 */
import { IntlProvider, ReactIntlErrorCode } from 'react-intl';

type OnError = NonNullable<(typeof IntlProvider.defaultProps)['onError']>;

/** Strapi's key for the interface language in the browser (admin/src/reducer); the admin starts in it. */
export const LANGUAGE_KEY = 'strapi-admin-language';

/** Whether a locale tag is English (en, en-GB, en-US…); false for a tag that is not one. */
export function isEnglish(locale: string | null): boolean {
  try {
    return new Intl.Locale(locale || 'en').language === 'en';
  } catch {
    return false;
  }
}

const reportError: OnError = IntlProvider.defaultProps.onError;

/** Installs the handler; before the admin first renders (from the app's `register`). */
export function acceptEnglishDefaultsInEnglish() {
  const onError: OnError = (error) => {
    if (
      error.code === ReactIntlErrorCode.MISSING_TRANSLATION &&
      'descriptor' in error &&
      error.descriptor?.defaultMessage &&
      isEnglish(localStorage.getItem(LANGUAGE_KEY))
    )
      return;
    reportError(error);
  };
  IntlProvider.defaultProps = { ...IntlProvider.defaultProps, onError };
}
