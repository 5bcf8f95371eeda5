/**
 * The abbreviations search understands, kept by editors in the "Search abbreviations" single
 * type. Saving it drops the catalogue like any other write (its uid is watched), so a change
 * applies to the next search without a restart or deploy.
 */
import type { Core } from '@strapi/strapi';
import { DEFAULT_ABBREVIATIONS, meaningsOf, type Abbreviation } from './search';

export const SEARCH_ABBREVIATIONS_UID = 'api::search-abbreviation.search-abbreviation';

const STORE = { type: 'app', name: 'send-seed' } as const;
const SEEDED_KEY = 'search-abbreviations';

/** The editors' list; empty when there is none. */
export async function loadAbbreviations(strapi: Core.Strapi): Promise<Abbreviation[]> {
  const document = await strapi.documents(SEARCH_ABBREVIATIONS_UID).findFirst({ populate: { abbreviations: true } });
  return (document?.abbreviations ?? [])
    .map((entry) => ({ abbreviation: (entry.abbreviation ?? '').trim(), meanings: meaningsOf(entry.meanings) }))
    .filter((entry) => entry.abbreviation !== '');
}

/**
 * Creates the list with the defaults once. Never again: an editor's later changes, or deleting
 * the list, stand (the seed store remembers it was done).
 */
export async function seedAbbreviations(strapi: Core.Strapi) {
  const store = strapi.store(STORE);
  if (await store.get({ key: SEEDED_KEY })) return;
  const existing = await strapi.documents(SEARCH_ABBREVIATIONS_UID).findFirst({ fields: ['documentId'] });
  if (!existing) {
    const abbreviations = DEFAULT_ABBREVIATIONS.map(({ abbreviation, meanings }) => ({ abbreviation, meanings: meanings.join('\n') }));
    await strapi.documents(SEARCH_ABBREVIATIONS_UID).create({ data: { abbreviations } });
  }
  await store.set({ key: SEEDED_KEY, value: true });
}
