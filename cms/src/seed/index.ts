/**
 * First-run seeding. Idempotent: every seed item has a key, and the keys
 * already applied are kept in Strapi's core store. An applied item is never
 * touched again, so an editor's edits, unpublishing or deletion stand. An item
 * whose slug already exists (made by an editor) is adopted, not overwritten.
 */
import type { Core } from '@strapi/strapi';
import { asStrapiBlocks } from '../lib/blocks';
import { UPDATE_TYPES } from '../lib/update-types';
import { ARTICLES, STAFFING_UPDATES, TOPICS, consultations, type SeedItem } from './content';

const STORE = { type: 'app', name: 'send-seed' } as const;

export function seedEnabled(env = process.env): boolean {
  const setting = (env.SEED_CONTENT ?? '').toLowerCase();
  if (setting === 'false' || setting === 'off' || setting === '0') return false;
  // Production databases get the demo content only when asked for.
  return env.NODE_ENV !== 'production' || setting === 'true' || setting === 'on' || setting === '1';
}

export function seedItems(now = new Date()): SeedItem[] {
  return [...ARTICLES, ...STAFFING_UPDATES, ...consultations(now)];
}

export async function seedContent(strapi: Core.Strapi, { now = new Date(), force = false } = {}) {
  if (!force && !seedEnabled()) return { created: 0, skipped: 0 };
  const store = strapi.store(STORE);
  const applied = new Set<string>(((await store.get({ key: 'applied' })) as string[] | null) ?? []);
  const record = async (key: string) => {
    applied.add(key);
    await store.set({ key: 'applied', value: [...applied] });
  };
  let created = 0;
  let skipped = 0;

  for (const topic of TOPICS) {
    if (applied.has(topic.key)) continue;
    const existing = await strapi.documents('api::topic.topic').findFirst({ filters: { slug: topic.slug } });
    if (!existing) {
      await strapi.documents('api::topic.topic').create({ data: { name: topic.name, slug: topic.slug }, status: 'published' });
      created += 1;
    }
    await record(topic.key);
  }

  const topicIds = new Map<string, string>();
  for (const topic of TOPICS) {
    const doc = await strapi.documents('api::topic.topic').findFirst({ filters: { slug: topic.slug }, fields: ['documentId'] });
    if (doc) topicIds.set(topic.key, doc.documentId);
  }

  const audienceIds = new Map<string, string>();
  for (const audience of await strapi.documents('api::audience.audience').findMany({ fields: ['value'] }))
    audienceIds.set(audience.value ?? '', audience.documentId);

  for (const item of seedItems(now)) {
    if (applied.has(item.key)) {
      skipped += 1;
      continue;
    }
    const uid = UPDATE_TYPES[item.type];
    const existing = await strapi.documents(uid).findFirst({ filters: { slug: item.slug }, fields: ['documentId'] });
    if (!existing) {
      const { key: _key, type: _type, topics, audiences, ...fields } = item;
      const data = {
        ...fields,
        body: asStrapiBlocks(fields.body),
        ...('outcome' in fields && fields.outcome ? { outcome: asStrapiBlocks(fields.outcome) } : {}),
        audiences: {
          connect: audiences
            .map((value) => audienceIds.get(value))
            .filter((id) => id !== undefined)
            .map((documentId) => ({ documentId })),
        },
        topics: {
          connect: topics
            .map((key) => topicIds.get(key))
            .filter((id) => id !== undefined)
            .map((documentId) => ({ documentId })),
        },
      };
      await strapi.documents(uid).create({ data, status: 'published' });
      created += 1;
    }
    await record(item.key);
  }
  if (created) strapi.log.info(`Seeded ${created} items of SEND content.`);
  return { created, skipped };
}
