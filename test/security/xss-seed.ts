/**
 * The XSS corpus stored through the real CMS in every field an editor controls, for the XSS suites.
 *
 * For each vector: a news item, a consultation with its outcome, an open one and a service update,
 * published, each with the
 * vector in every text field (title, summary, every kind of rich-text block, link words, image alt
 * text, download titles and formats, the Easy Read version, the outcome, the service, what changes,
 * who it is from) and a topic named with it. URL fields cannot hold a hostile value through the
 * document service (lib/safe-url.ts refuses it at save), so the vector is then written into every
 * URL field straight into the database, as old or imported content would arrive, and the catalogue
 * is told of the change: what leaves the CMS must still be safe.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { catalogueOf } from '../../cms/src/catalogue/catalogue.ts';

export type Vector = { source: string; vector: string };
export const VECTORS: Vector[] = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'xss-vectors.json'), 'utf8')) as { vectors: Vector[] })
  .vectors;

const COMMON_FIELDS = [
  'title',
  'summary',
  'body: paragraph',
  'body: heading',
  'body: list item',
  'body: quote',
  'body: code',
  'body: link words',
  'body: link address',
  'body: image alt text',
  'body: image address',
  'download title',
  'download format',
  'download address',
  'Easy Read title',
  'Easy Read address',
  'topic name',
];

/** Every field holding the vector, in each kind of item made for it. */
export const FIELDS = {
  news: COMMON_FIELDS,
  'consultation with its outcome': [
    ...COMMON_FIELDS,
    'respond address',
    'outcome address',
    'outcome: paragraph',
    'outcome: link words',
    'outcome: link address',
  ],
  'open consultation': [...COMMON_FIELDS, 'respond address'],
  'service update': [...COMMON_FIELDS, 'service', 'what changes', 'from (name)', 'from (role)'],
};

/** How many fields hold each vector, over the four items made for it. */
export const fieldCount = () => Object.values(FIELDS).reduce((sum, fields) => sum + fields.length, 0);

export type SeededItem = { type: 'article' | 'consultation' | 'staffing-update'; slug: string; documentId: string; vector: number };

const SAFE_URL = 'https://www.example.gov.uk/safe';
const text = (value: string) => ({ type: 'text', text: value });
const clip = (value: string, max: number) => value.slice(0, max);

function blocks(vector: string, url: string, imageUrl: string) {
  return [
    { type: 'heading', level: 2, children: [text(vector)] },
    { type: 'paragraph', children: [text(vector), { type: 'link', url, children: [text(`${vector} (link)`)] }] },
    { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text(vector)] }] },
    { type: 'quote', children: [text(vector)] },
    { type: 'code', children: [text(vector)] },
    {
      type: 'image',
      image: {
        url: imageUrl,
        alternativeText: `${vector} (image)`,
        name: 'x.png',
        width: 2,
        height: 2,
        hash: 'x',
        ext: '.png',
        mime: 'image/png',
        size: 1,
        provider: 'local',
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      },
      children: [text('')],
    },
  ];
}

/** Stores every vector in every field; returns what was made. */
export async function seedVectors(strapi: Core.Strapi): Promise<SeededItem[]> {
  const items: SeededItem[] = [];
  const now = Date.now();
  const dates = { opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 30 * 86_400_000).toISOString() };
  for (const [i, { vector }] of VECTORS.entries()) {
    const topic = await strapi
      .documents('api::topic.topic')
      .create({ data: { name: clip(`${vector} ${i}`, 80), slug: `xss-topic-${i}` }, status: 'published' });
    const download = (title: string) => ({ title: clip(title, 200), url: SAFE_URL, format: clip(vector, 20) });
    const common = {
      title: clip(`${vector} #${i}`, 200),
      summary: clip(vector, 300),
      date: '2024-01-01',
      body: blocks(vector, SAFE_URL, '/uploads/x.png'),
      topics: [topic.documentId],
      downloads: [download(vector)],
      easyReadVersion: download(`${vector} (Easy Read)`),
    };
    const made = [
      ['article', 'api::article.article', {}],
      // One with its outcome published ("you said, we did"), one still open for responses.
      [
        'consultation',
        'api::consultation.consultation',
        { ...dates, respondUrl: SAFE_URL, outcomeUrl: SAFE_URL, outcome: blocks(vector, SAFE_URL, '/uploads/x.png').slice(0, 2) },
      ],
      ['consultation', 'api::consultation.consultation', { ...dates, respondUrl: SAFE_URL }],
      [
        'staffing-update',
        'api::staffing-update.staffing-update',
        { service: clip(vector, 120), whatChanges: clip(vector, 600), fromName: clip(vector, 120), fromRole: clip(vector, 200), effectiveFrom: '2024-02-01' },
      ],
    ] as const;
    for (const [n, [type, uid, extra]] of made.entries()) {
      const slug = `xss-${i}-${type}${n === 2 ? '-open' : ''}`;
      const doc = await strapi.documents(uid).create({ data: { ...common, ...extra, slug } as never, status: 'published' });
      items.push({ type, slug, documentId: doc.documentId, vector: i });
      // Now the URL fields, as content stored before today's rules would hold them.
      const hostileBlocks = blocks(vector, vector, vector);
      const rows = {
        body: hostileBlocks,
        ...(type === 'consultation' ? { respondUrl: vector, ...('outcome' in extra ? { outcomeUrl: vector, outcome: hostileBlocks.slice(0, 2) } : {}) } : {}),
      };
      await strapi.db.query(uid).updateMany({ where: { documentId: doc.documentId }, data: rows });
      await hostileDownloads(strapi, uid, doc.documentId, vector);
      await catalogueOf(strapi).changed({ uid, documentId: doc.documentId });
    }
  }
  return items;
}

/** The download and Easy Read components' links, set to the vector in the component table. */
async function hostileDownloads(
  strapi: Core.Strapi,
  uid: 'api::article.article' | 'api::consultation.consultation' | 'api::staffing-update.staffing-update',
  documentId: string,
  vector: string,
) {
  const rows = (await strapi.db.query(uid).findMany({ where: { documentId }, populate: { downloads: true, easyReadVersion: true } })) as {
    downloads?: { id: number }[];
    easyReadVersion?: { id: number } | null;
  }[];
  const ids = rows.flatMap((row) => [...(row.downloads ?? []).map((d) => d.id), ...(row.easyReadVersion ? [row.easyReadVersion.id] : [])]);
  await strapi.db.query('shared.download').updateMany({ where: { id: { $in: ids } }, data: { url: clip(vector, 2048) } });
}
