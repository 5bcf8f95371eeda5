/**
 * The Strapi admin for the council's editors:
 *
 *   - UK English (en-GB) by default, so dates read DD/MM/YYYY in forms, lists and filters;
 *     date-and-time fields are entered and shown in UK time whatever the computer's time zone;
 *     the English messages shown in en-GB are not reported as missing translations (english-fallback.ts);
 *   - a "Content checks" panel beside each item's form (the checks that stop a publish);
 *   - the home page without onboarding or marketing, with "Outcomes due" and "Scheduled" instead,
 *     and registration without Strapi's newsletter (no-newsletter.ts).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Calendar, Clock } from '@strapi/icons';
import type { ComponentType } from 'react';
import { ContentChecksPanel } from './content-checks-panel';
import { acceptEnglishDefaultsInEnglish, LANGUAGE_KEY } from './english-fallback';
import { LondonDateTimeInput } from './london-date-time';
import { fitTables } from './fit-tables';
import { hideNewsletter } from './no-newsletter';
import { londonListColumns } from './list-columns';

const UK_ENGLISH = 'en-GB';

export default {
  config: {
    locales: [UK_ENGLISH],
    tutorials: false,
    notifications: { releases: false },
    translations: {
      [UK_ENGLISH]: {
        'HomePage.header.subtitle': 'SEND news, consultations and service updates',
        // The sign-in page names the service editors came to, not the software under it.
        'Auth.form.welcome.title': 'SEND updates',
        'Auth.form.welcome.subtitle': 'Sign in to publish SEND news, consultations and service updates',
        'Auth.form.button.login': 'Sign in',
        // Registering (the first administrator, and each invited editor): the service's words, not Strapi's.
        'Auth.form.register.subtitle': 'Give your name and choose a password to sign in to SEND updates.',
        'Auth.form.button.register': 'Create account',
        // Strapi's names for kinds of content type are a developer's words.
        'content-manager.components.LeftMenu.collection-types': 'Content',
        'content-manager.components.LeftMenu.single-types': 'Lists',
        'content-manager.widget.last-edited.single-type': 'List',
      },
    },
  },

  register(app: StrapiApp) {
    // Strapi's "en" is US English (11/12/2026 is 12 November). A person who picks another language keeps it.
    if (!localStorage.getItem(LANGUAGE_KEY)) localStorage.setItem(LANGUAGE_KEY, UK_ENGLISH);
    acceptEnglishDefaultsInEnglish();
    // The "new Media Library" announcement is Strapi's news, not the editors': shown as already closed.
    // Its key is scoped by the project's uuid, which this project turns off (cms/package.json: "uuid": false).
    localStorage.setItem('STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:false', 'true');

    // Content types, components and API tokens counted: a developer's figures, not an editor's.
    app.widgets.register((widgets) => widgets.filter((widget) => widget.id !== 'key-statistics'));
    app.widgets.register([
      {
        id: 'outcomes-due',
        icon: Clock,
        title: { id: 'send.widget.outcomes-due', defaultMessage: 'Outcomes due' },
        component: async () => (await import('./home-widgets')).OutcomesDue,
      },
      {
        id: 'scheduled',
        icon: Calendar,
        title: { id: 'send.widget.scheduled', defaultMessage: 'Scheduled' },
        component: async () => (await import('./home-widgets')).Scheduled,
      },
    ]);
  },

  bootstrap(app: StrapiApp) {
    // Strapi types added inputs as taking no props; the edit view gives them the field's name, label and hint.
    app.addFields({ type: 'datetime', Component: LondonDateTimeInput as unknown as ComponentType });
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', londonListColumns);
    fitTables();
    hideNewsletter();
    (app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis']).addEditViewSidePanel([ContentChecksPanel]);
  },
};
