/**
 * A large, realistic catalogue written straight into the CMS's database: news, consultations (with
 * opening, closing and outcome dates) and service updates over many years, with titles, summaries
 * and bodies in the style of the council's SEND pages, topics and audiences.
 *
 * The documents API would take hours for 100,000 items, so rows are bulk-inserted with knex into
 * Strapi's own tables, named from Strapi's metadata (tables, columns, link tables), as Strapi 5
 * stores them: each published document is two rows sharing a document id (the draft, and the
 * published version), each linked to its topics (draft to draft, published to published) and
 * audiences. Works on SQLite and PostgreSQL. Run it on a stopped CMS, or restart the CMS after:
 * it writes behind the CMS's back, so no running instance hears of it.
 */
import { randomBytes } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import { seededRandom } from './seeded-random.ts';

type UpdateType = 'article' | 'consultation' | 'staffing-update';
const UIDS: Record<UpdateType, UID.ContentType> = {
  article: 'api::article.article',
  consultation: 'api::consultation.consultation',
  'staffing-update': 'api::staffing-update.staffing-update',
};

type Attribute = { type?: string; columnName?: string; joinTable?: JoinTable };
type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string }; orderColumnName?: string; inverseOrderColumnName?: string };
type Metadata = { tableName: string; attributes: Record<string, Attribute> };
type Row = Record<string, unknown>;

const SERVICES = [
  'SEND Local Offer',
  'Educational Psychology Service',
  'Speech and language therapy',
  'Short breaks',
  'SEND Information, Advice and Support Service',
  'Portage',
  'Autism and Social Communication team',
  'Sensory impairment service',
  'Home to school transport',
  'Preparing for adulthood team',
  'Child and adolescent mental health services',
  'Occupational therapy',
];
/** Towns the generated items are about (also what the bench searches for). */
export const PLACES = ['Worcester', 'Redditch', 'Kidderminster', 'Bromsgrove', 'Malvern', 'Evesham', 'Droitwich', 'Pershore', 'Stourport', 'Upton'];
const SUBJECTS = [
  'EHCP annual reviews',
  'the SEND Improvement Plan',
  'short breaks for disabled children',
  'home to school transport',
  'the Local Offer',
  'EHC needs assessments',
  'alternative provision',
  'specialist school places',
  'the SENCo network',
  'preparing for adulthood',
  'parent carer forums',
  'sensory support',
  'speech and language therapy waiting times',
  'the high needs block',
  'co-production with families',
  'mental health support in schools',
];
const NEWS = [
  'Update on {s}',
  'Changes to {s} from {m}',
  'What families told us about {s}',
  '{p} drop-in sessions on {s}',
  'New guidance on {s}',
  'Progress report: {s}',
  'Inspection findings and {s}',
  'Coffee morning in {p}: {s}',
];
const CONSULTATIONS = ['Have your say on {s}', 'Consultation: proposed changes to {s}', 'Tell us what you think about {s}', 'Review of {s} in {p}'];
const STAFFING = [
  'New manager for the {v}',
  '{v}: changes to opening hours',
  '{v} moves to {p}',
  'New contact details for the {v}',
  '{v}: temporary closure in {p}',
];
const SENTENCES = [
  'Services for children and young people with SEND were inspected by Ofsted and the Care Quality Commission, and this page sets out what we are doing in response.',
  'Parents and carers told us that communication about {s} could be clearer, so we have changed how we write to families.',
  'The local area partnership includes the Integrated Care Board, schools, settings and the council, working together on {s}.',
  'If your child has an EHCP, their plan will be reviewed at least once a year, and you can ask for an earlier review if things change.',
  'A SENCo (special educational needs co-ordinator) in each school can explain the support available and how to ask for an assessment.',
  'We held events in {p} and online, and more than two hundred families took part in discussions about {s}.',
  'The service is available to children and young people from birth to 25 who have special educational needs and disabilities.',
  'You can contact the SEND Information, Advice and Support Service for free, impartial and confidential advice.',
  'Our workforce has grown this year, and waiting times for {s} have fallen since the spring.',
  'Read the report below, which explains the changes and when they take effect, and tell us if anything is unclear.',
  'Co-production with parent carers means families help design services from the start, not only comment at the end.',
  'Speech and language therapy, occupational therapy and educational psychology advice all feed into an EHC needs assessment.',
  'Transport arrangements for the next school year will be confirmed by the end of the summer term.',
  'We will publish what you said and what we did in response once the consultation has closed.',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FIRST_NAMES = ['Sarah', 'James', 'Priya', 'Tom', 'Aisha', 'David', 'Helen', 'Mark', 'Fatima', 'Rachel'];
const LAST_NAMES = ['Hughes', 'Patel', 'Morris', 'Evans', 'Khan', 'Price', 'Turner', 'Walker', 'Davies', 'Ahmed'];
const ROLES = ['Service manager', 'Head of service', 'Team leader', 'Principal educational psychologist', 'Lead practitioner'];

/** Strapi 5's document ids: 24 lower-case letters and digits, starting with a letter. */
function documentId(): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  return Array.from(bytes, (byte, i) => chars[i === 0 ? byte % 26 : byte % 36]).join('');
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

export type GenerateOptions = { items: number; seed?: number; years?: number; now?: Date; log?: (message: string) => void };

/** Adds `items` published documents (split across the three types) to the CMS's database. */
export async function generateCatalogue(strapi: Core.Strapi, { items, seed = 12, years = 12, now = new Date(), log = () => {} }: GenerateOptions) {
  const random = seededRandom(seed);
  const db = strapi.db;
  const metadata = (uid: string) => db.metadata.get(uid) as unknown as Metadata;
  const table = (name: string) => db.getConnection(name);
  const onPostgres = db.config.connection.client === 'postgres';
  const schema = db.getSchemaName();
  /** A table's name for raw SQL, in the CMS's schema when it has one. */
  const qualified = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
  const started = Date.now();

  const topicMeta = metadata('api::topic.topic');
  const topicRows = await table(topicMeta.tableName).select<{ id: number; document_id: string; published_at: unknown }[]>('id', 'document_id', 'published_at');
  const topicsByDocument = new Map<string, { draft?: number; published?: number }>();
  for (const row of topicRows) {
    const pair = topicsByDocument.get(row.document_id) ?? {};
    pair[row.published_at ? 'published' : 'draft'] = row.id;
    topicsByDocument.set(row.document_id, pair);
  }
  const topics = [...topicsByDocument.values()];
  const audienceIds = db.metadata.has('api::audience.audience')
    ? (await table(metadata('api::audience.audience').tableName).select<{ id: number }[]>('id')).map((r) => r.id)
    : [];

  const types: [UpdateType, number][] = [
    ['article', Math.round(items * 0.6)],
    ['consultation', Math.round(items * 0.15)],
    ['staffing-update', items - Math.round(items * 0.6) - Math.round(items * 0.15)],
  ];

  const fill = (template: string, subject: string, place: string, service: string, month: string) =>
    template.replace('{s}', subject).replace('{p}', place).replace('{v}', service).replace('{m}', month);

  for (const [type, count] of types) {
    const meta = metadata(UIDS[type]);
    const column = (attribute: string) => meta.attributes[attribute]?.columnName;
    const maxId = Number((await table(meta.tableName).max<{ max: number | null }[]>('id as max'))[0]?.max ?? 0);
    const existingSlugs = Number((await table(meta.tableName).count<{ n: number | string }[]>('* as n'))[0]?.n ?? 0);
    let nextId = maxId + 1;
    const rows: Row[] = [];
    const topicLinks: Row[] = [];
    const audienceLinks: Row[] = [];
    const topicJoin = meta.attributes.topics?.joinTable;
    const audienceJoin = meta.attributes.audiences?.joinTable;

    const flush = async (force: boolean) => {
      if (!force && rows.length < 5_000) return;
      // SQLite allows 32,766 variables and (as knex writes a multi-row insert there) 500 rows in one statement.
      const insert = async (name: string, list: Row[]) => {
        if (!list.length) return;
        const size = Math.min(500, Math.floor(30_000 / Object.keys(list[0]).length));
        for (let i = 0; i < list.length; i += size) await table(name).insert(list.slice(i, i + size));
      };
      await insert(meta.tableName, rows.splice(0));
      if (topicJoin) await insert(topicJoin.name, topicLinks.splice(0));
      if (audienceJoin) await insert(audienceJoin.name, audienceLinks.splice(0));
    };

    for (let n = 0; n < count; n += 1) {
      const subject = random.pick(SUBJECTS);
      const place = random.pick(PLACES);
      const service = random.pick(SERVICES);
      // Spread over the years, more of them recent.
      const age = Math.floor(random.next() ** 1.5 * years * 365 * 86_400_000);
      const date = new Date(now.getTime() - age);
      const month = MONTHS[date.getUTCMonth()];
      const template = type === 'article' ? random.pick(NEWS) : type === 'consultation' ? random.pick(CONSULTATIONS) : random.pick(STAFFING);
      const title = fill(template, subject, place, service, month);
      const slug = `${title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}-${existingSlugs + n + 1}`;
      const body = Array.from({ length: random.int(3, 7) }, () => paragraph(fill(random.pick(SENTENCES), subject, place, service, month)));
      const summary = fill(random.pick(SENTENCES), subject, place, service, month);
      // Published some hours after the date it carries, but never later than now.
      const published = new Date(Math.min(now.getTime(), date.getTime() + random.int(0, 8) * 3_600_000));
      const values: Row = { title, slug, summary, date: date.toISOString().slice(0, 10), body: JSON.stringify(body), firstPublishedAt: published };
      if (type === 'consultation') {
        const opens = new Date(date.getTime() + 86_400_000);
        const closes = new Date(opens.getTime() + random.int(28, 84) * 86_400_000);
        Object.assign(values, { opensAt: opens, closesAt: closes, respondUrl: 'https://www.worcestershire.gov.uk/council-services/have-your-say' });
        if (closes.getTime() + 30 * 86_400_000 < now.getTime() && random.next() < 0.5) {
          Object.assign(values, {
            outcomeDate: new Date(closes.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
            outcome: JSON.stringify([paragraph(`You said ${subject} needed to change; we have agreed a plan with families in ${place}.`)]),
          });
        }
      }
      if (type === 'staffing-update') {
        Object.assign(values, {
          service,
          whatChanges: `From ${month}, the ${service} in ${place} has a new way to get in touch.`,
          fromName: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
          fromRole: random.pick(ROLES),
          effectiveFrom: date.toISOString().slice(0, 10),
        });
      }
      const id = documentId();
      const chosenTopics = topics.length ? [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(topics)))] : [];
      const chosenAudiences = audienceIds.filter(() => random.next() < 0.5);
      if (audienceIds.length && !chosenAudiences.length) chosenAudiences.push(audienceIds[0]);

      for (const publishedAt of [null, published]) {
        const rowId = nextId++;
        const row: Row = { id: rowId, document_id: id, created_at: date, updated_at: published, published_at: publishedAt };
        for (const [attribute, value] of Object.entries(values)) {
          const name = column(attribute);
          if (name) row[name] = value;
        }
        rows.push(row);
        if (topicJoin) {
          chosenTopics.forEach((topic, order) => {
            const target = publishedAt ? topic.published : topic.draft;
            if (target === undefined) return;
            const link: Row = { [topicJoin.joinColumn.name]: rowId, [topicJoin.inverseJoinColumn.name]: target };
            if (topicJoin.orderColumnName) link[topicJoin.orderColumnName] = order + 1;
            if (topicJoin.inverseOrderColumnName) link[topicJoin.inverseOrderColumnName] = 1;
            topicLinks.push(link);
          });
        }
        if (audienceJoin) {
          chosenAudiences.forEach((audience, order) => {
            const link: Row = { [audienceJoin.joinColumn.name]: rowId, [audienceJoin.inverseJoinColumn.name]: audience };
            if (audienceJoin.orderColumnName) link[audienceJoin.orderColumnName] = order + 1;
            if (audienceJoin.inverseOrderColumnName) link[audienceJoin.inverseOrderColumnName] = 1;
            audienceLinks.push(link);
          });
        }
      }
      await flush(false);
    }
    await flush(true);
    if (onPostgres) {
      // Ids were given explicitly: move the sequence past them so Strapi's next insert does not collide.
      const name = qualified(meta.tableName);
      await db.connection.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM ${name}))`, [name]);
    }
    log(`${count} ${type} documents written`);
  }
  // Statistics for the planner, as a database that grew over years has: without them, PostgreSQL
  // scans whole tables for one document. On PostgreSQL, VACUUM also sets the visibility map, as
  // autovacuum would have: without it, the count Strapi's admin makes on every create (a telemetry
  // check) read the whole 166 MB articles table at 100,000 items (67 ms) instead of its primary key index (13 ms).
  const tables = [
    ...Object.values(UIDS).flatMap((uid) => {
      const meta = metadata(uid);
      return [meta.tableName, meta.attributes.topics?.joinTable?.name, meta.attributes.audiences?.joinTable?.name];
    }),
  ].filter((name): name is string => Boolean(name));
  const command = onPostgres ? 'VACUUM (ANALYZE)' : 'ANALYZE';
  for (const name of tables) await db.connection.raw(`${command} ${qualified(name)}`);
  log(`${items} items in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
