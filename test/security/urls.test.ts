/**
 * Every URL field is safe at save time: each field an editor fills in with an address (respond,
 * outcome, downloads, Easy Read, links and images in rich text) refuses every scheme but web (and
 * email and phone where a link makes sense), protocol-relative and partial addresses and control
 * characters, with a message naming the field and what to write instead. The fields checked are
 * every URL field of the content model (the test reads the schemas, so a new one cannot be missed).
 * What is already stored is dropped on the way out: the XSS suites.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RICH_TEXT_FIELDS, URL_FIELDS } from '../../cms/src/lib/editor-checks.ts';
import { startCms, type TestCms } from '../helpers/cms.ts';

const CONSULTATION = 'api::consultation.consultation';
let cms: TestCms;

before(async () => {
  cms = await startCms();
});
after(async () => {
  await cms?.stop();
});

let n = 0;
const consultation = (extra: Record<string, unknown>) => ({
  title: `URL rules ${(n += 1)}`,
  slug: `url-rules-${n}`,
  summary: 'Checking addresses.',
  date: '2026-01-01',
  opensAt: '2026-03-01T09:00:00.000Z',
  closesAt: '2026-04-01T22:59:00.000Z',
  ...extra,
});
const link = (url: string) => [
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Before ' },
      { type: 'link', url, children: [{ type: 'text', text: 'the consultation page' }] },
    ],
  },
];
const image = (url: string) => [
  {
    type: 'image',
    image: {
      url,
      alternativeText: 'A chart',
      name: 'c.png',
      hash: 'c',
      ext: '.png',
      mime: 'image/png',
      size: 1,
      width: 1,
      height: 1,
      provider: 'local',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    children: [{ type: 'text', text: '' }],
  },
];

type Field = { label: RegExp; path: (string | number)[]; set: (url: string) => Record<string, unknown>; use: 'link' | 'address' | 'image' };
const FIELDS: Field[] = [
  { label: /The "Respond" link/, path: ['respondUrl'], set: (url) => ({ respondUrl: url }), use: 'link' },
  { label: /The outcome link/, path: ['outcomeUrl'], set: (url) => ({ outcomeUrl: url }), use: 'address' },
  { label: /The link of the download "Plan"/, path: ['downloads', 0, 'url'], set: (url) => ({ downloads: [{ title: 'Plan', url }] }), use: 'address' },
  {
    label: /The link of the download "Easy read"/,
    path: ['easyReadVersion', 'url'],
    set: (url) => ({ easyReadVersion: { title: 'Easy read', url } }),
    use: 'address',
  },
  { label: /The link "the consultation page" in the body text/, path: ['body'], set: (url) => ({ body: link(url) }), use: 'link' },
  { label: /The link "the consultation page" in the outcome/, path: ['outcome'], set: (url) => ({ outcome: link(url) }), use: 'link' },
  { label: /An image in the body text/, path: ['body'], set: (url) => ({ body: image(url) }), use: 'image' },
];

const REFUSED_EVERYWHERE: [string, RegExp][] = [
  ['javascript:alert(1)', /starts with "javascript:"/],
  ['JaVaScRiPt:alert(1)', /starts with "javascript:"/],
  ['java\tscript:alert(1)', /control character/],
  [' javascript:alert(1)', /starts with "javascript:"/],
  ['data:text/html,<script>alert(1)</script>', /starts with "data:"/],
  ['vbscript:msgbox(1)', /starts with "vbscript:"/],
  ['file:///etc/passwd', /starts with "file:"/],
  ['//evil.example/page', /starts with \/\//],
  ['\\\\evil.example\\page', /starts with \/\//],
  ['/send/outcome', /only the end of an address/],
  ['www.example.gov.uk/page', /not a complete address/],
  ['https:evil.example', /not a complete web address/],
  ['https:\\\\evil.example', /not a complete web address/],
  ['http://', /not a complete address/],
];

describe('URLs are checked when saved', () => {
  test('the checks cover every URL field and every rich-text field of the content model', () => {
    const urlAttributes: string[] = [];
    const richText: string[] = [];
    type Model = { uid: string; attributes: Record<string, { type: string }> };
    const models = [
      ...(Object.values(cms.strapi.contentTypes) as Model[]).filter((ct) => ct.uid.startsWith('api::')),
      ...(Object.values(cms.strapi.components) as Model[]),
    ];
    for (const model of models) {
      for (const [name, attribute] of Object.entries(model.attributes)) {
        if (/url$/i.test(name) && attribute.type === 'string') urlAttributes.push(`${model.uid}.${name}`);
        if (attribute.type === 'blocks') richText.push(name);
      }
    }
    const covered = [...URL_FIELDS.map((f) => f.field), 'url'];
    for (const attribute of urlAttributes) assert.ok(covered.includes(attribute.split('.').pop()!), `${attribute} is not checked`);
    assert.ok(urlAttributes.includes('shared.download.url'), 'downloads and Easy Read (shared.download) are among them');
    for (const name of new Set(richText)) assert.ok((RICH_TEXT_FIELDS as readonly string[]).includes(name), `rich text "${name}" is not checked`);
  });

  for (const field of FIELDS) {
    test(`${field.label.source.replace(/\\/g, '')}: refused unless safe, with a message naming the field`, async () => {
      const refused = [
        ...REFUSED_EVERYWHERE,
        ...(field.use === 'address' || field.use === 'image'
          ? ([
              ['mailto:send@example.gov.uk', /starts with "mailto:"/],
              ['tel:01905765765', /starts with "tel:"/],
            ] as [string, RegExp][])
          : []),
      ];
      if (field.use !== 'image') refused.push(['/uploads/chart.png', /only the end of an address/]);
      for (const [url, problem] of refused) {
        await assert.rejects(
          cms.strapi.documents(CONSULTATION).create({ data: consultation(field.set(url)) as never }),
          (error: Error & { details?: { errors?: { path: unknown[] }[] } }) => {
            assert.equal(error.name, 'ValidationError', `${url}: ${error.message}`);
            assert.match(error.message, field.label, url);
            assert.match(error.message, /must be (a web address in full, starting with https:\/\/|an image from the media library)/, url);
            assert.match(error.message, problem, url);
            assert.deepEqual(error.details?.errors?.[0]?.path, field.path, url);
            return true;
          },
        );
      }
      const accepted = [
        'https://www.example.gov.uk/send/consultation?x=1&y=2',
        'http://www.example.gov.uk/',
        ...(field.use === 'link' ? ['mailto:send@example.gov.uk', 'tel:+441905765765'] : []),
        ...(field.use === 'image' ? ['/uploads/chart_1a2b.png'] : []),
      ];
      for (const url of accepted) {
        const saved = await cms.strapi.documents(CONSULTATION).create({ data: consultation(field.set(url)) as never });
        await cms.strapi.documents(CONSULTATION).delete({ documentId: saved.documentId });
      }
    });
  }
});
