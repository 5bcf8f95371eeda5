/**
 * The live CMS keeps the API contract (contract/api.d.ts): every response of
 * /api/updates, /api/updates/:type/:slug (every published item, each type),
 * their 400 and 404 bodies, and the JSON Feed is validated against a JSON
 * Schema generated from the contract at test time. Objects in the contract are
 * closed, so an added, renamed or retyped field fails here. And the content
 * types the CMS code is compiled against (cms/types/generated) are Strapi's
 * own output for the content model as it stands.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';
import type { ListResponse, UpdateSummary, UpdateType } from '../../contract/api';
import { cmsDir, getJson, repoRoot, startCms, type TestCms } from '../helpers/cms.ts';

/** The contract's response types this test holds the CMS to. */
type Checked = 'ListResponse' | 'ItemResponse' | 'ErrorResponse' | 'JsonFeed';

const schema = createGenerator({
  path: path.join(repoRoot, 'contract', 'api.d.ts'),
  tsconfig: path.join(repoRoot, 'contract', 'tsconfig.json'),
  type: '*',
}).createSchema('*');
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema(schema, 'contract');
const validators = new Map<Checked, ValidateFunction>();

/** Why `value` is not a `type` of the contract: one line per problem, none when it conforms. */
function problems(type: Checked, value: unknown): string[] {
  let validate = validators.get(type);
  if (!validate) {
    validate = ajv.getSchema(`contract#/definitions/${type}`);
    assert.ok(validate, `the contract defines ${type}`);
    validators.set(type, validate);
  }
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

function assertConforms(type: Checked, value: unknown, label: string) {
  const found = problems(type, value);
  // anyOf reports every branch; the first few lines say enough.
  assert.deepEqual(found, [], `${label} is not a ${type}:\n  ${found.slice(0, 12).join('\n  ')}`);
}

let cms: TestCms;
const get = (pathAndQuery: string) => getJson(cms.baseUrl, pathAndQuery);

before(async () => {
  cms = await startCms();
});
after(async () => {
  await cms?.stop();
});

describe('the contract schema catches drift', () => {
  let list: ListResponse;
  before(async () => {
    list = (await getJson<ListResponse>(cms.baseUrl, '/api/updates?pageSize=100')).body;
    assertConforms('ListResponse', list, '/api/updates');
  });
  const first = <T extends UpdateType>(type: T) => {
    const item = list.data.find((i): i is Extract<UpdateSummary, { type: T }> => i.type === type);
    assert.ok(item, `a published ${type}`);
    return item;
  };
  const withItem = (item: object) => ({ ...list, data: [item] });

  test('an extra field is refused', () => {
    assert.notDeepEqual(problems('ListResponse', withItem({ ...first('article'), author: 'Someone' })), []);
    assert.notDeepEqual(problems('ListResponse', { ...list, meta: { ...list.meta, next: null } }), []);
  });

  test('a renamed or missing field is refused', () => {
    const { closesAt, ...rest } = first('consultation');
    assert.notDeepEqual(problems('ListResponse', withItem({ ...rest, closingAt: closesAt })), []);
    assert.notDeepEqual(problems('ListResponse', withItem(rest)), []);
  });

  test('a wrong type or value is refused', () => {
    assert.notDeepEqual(problems('ListResponse', withItem({ ...first('article'), type: 'news' })), []);
    assert.notDeepEqual(problems('ListResponse', withItem({ ...first('article'), date: '8 July 2019' })), []);
    assert.notDeepEqual(problems('ListResponse', withItem({ ...first('article'), audiences: ['everyone'] })), []);
    assert.notDeepEqual(problems('ListResponse', { ...list, meta: { ...list.meta, pagination: { ...list.meta.pagination, total: '35' } } }), []);
  });

  test('one type\u2019s fields on another type are refused', () => {
    const { type: _type, service, from, effectiveFrom } = first('staffing-update');
    assert.notDeepEqual(problems('ListResponse', withItem({ ...first('article'), service, from, effectiveFrom })), []);
  });

  test('an error body in the wrong shape is refused', () => {
    assert.deepEqual(problems('ErrorResponse', { data: null, error: { status: 404, name: 'NotFoundError', message: 'No.' } }), []);
    assert.notDeepEqual(problems('ErrorResponse', { data: null, error: { status: 400, name: 'ValidationError', message: 'No.' } }), []);
    assert.notDeepEqual(
      problems('ErrorResponse', { data: null, error: { status: 400, name: 'ValidationError', message: 'No.', details: { parameter: 'colour' } } }),
      [],
    );
  });
});

describe('GET /api/updates keeps the contract', () => {
  const queries = [
    '',
    '?pageSize=100',
    '?type=article',
    '?type=consultation&sort=closing',
    '?type=staffing-update',
    '?type=consultation,staffing-update&sort=oldest',
    '?topic=inspections',
    '?audience=children-young-people',
    '?q=educational%20psychologists',
    '?year=2022',
    '?status=open,upcoming',
    '?status=closed&pageSize=2&page=2',
    '?page=999',
  ];
  for (const query of queries) {
    test(query || '(no parameters)', async () => {
      const { status, body } = await get(`/api/updates${query}`);
      assert.equal(status, 200);
      assertConforms('ListResponse', body, `/api/updates${query}`);
    });
  }
});

describe('GET /api/updates/:type/:slug keeps the contract', () => {
  test('every published item of every type', async () => {
    const { body } = await getJson<ListResponse>(cms.baseUrl, '/api/updates?pageSize=100');
    assert.ok(body.meta.pagination.total <= 100, 'one page holds them all');
    const types = new Set<UpdateType>();
    for (const item of body.data) {
      const detail = await get(item.url);
      assert.equal(detail.status, 200, item.url);
      assertConforms('ItemResponse', detail.body, item.url);
      types.add(item.type);
    }
    assert.deepEqual([...types].sort(), ['article', 'consultation', 'staffing-update']);
  });

  test('an item using every kind of rich text, download and consultation field', async () => {
    const unique = Date.now().toString(36);
    const image = {
      name: 'family.jpg',
      alternativeText: 'A parent reading with their child',
      url: '/uploads/family.jpg',
      caption: null,
      width: 640,
      height: 427,
      formats: null,
      hash: 'family_1a2b3c',
      ext: '.jpg',
      mime: 'image/jpeg',
      size: 48.2,
      previewUrl: null,
      provider: 'local',
      provider_metadata: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const text = (value: string, marks = {}) => ({ type: 'text', text: value, ...marks });
    const body = [
      { type: 'heading', level: 2, children: [text('What changes')] },
      {
        type: 'paragraph',
        children: [
          text('Plain, '),
          text('bold', { bold: true }),
          text(' and '),
          { type: 'link', url: 'https://www.gov.uk/', children: [text('a link', { italic: true })] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [text('One')] },
          { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('Nested')] }] },
        ],
      },
      { type: 'quote', children: [text('A quote.')] },
      { type: 'code', children: [text('REF-2025')] },
      { type: 'image', image, children: [text('')] },
    ];
    const data = {
      title: `Contract test consultation ${unique}`,
      slug: `contract-test-${unique}`,
      summary: 'Every field the contract describes.',
      date: '2025-01-01',
      opensAt: '2025-01-01T09:00:00.000Z',
      closesAt: '2025-02-01T23:59:00.000Z',
      respondUrl: 'https://consult.example.gov.uk/contract-test',
      outcomeDate: '2025-03-01',
      outcomeUrl: 'https://www.example.gov.uk/send/outcome',
      audiences: {
        connect: await cms.strapi.documents('api::audience.audience').findMany({ filters: { value: 'children-young-people' }, fields: ['documentId'] }),
      },
      body,
      outcome: [{ type: 'paragraph', children: [text('You said, we did.')] }],
      downloads: [
        { title: 'Plan', url: 'https://www.example.gov.uk/plan.pdf', format: 'PDF', sizeBytes: 482133 },
        { title: 'Data', url: 'https://www.example.gov.uk/data.csv' },
      ],
      easyReadVersion: { title: 'Easy read', url: 'https://www.example.gov.uk/easy.pdf', format: 'PDF' },
    };
    // Written as an editor's content would be, with blocks the document service validates.
    const created = await cms.strapi.documents('api::consultation.consultation').create({ data: data as never, status: 'published' });
    try {
      const { status, body: response } = await get(`/api/updates/consultation/${data.slug}`);
      assert.equal(status, 200);
      assertConforms('ItemResponse', response, 'a consultation with every field');
      assert.deepEqual(
        (response as { data: { body: { type: string }[] } }).data.body.map((b) => b.type),
        ['heading', 'paragraph', 'list', 'quote', 'code', 'image'],
        'every block type reached the response',
      );
    } finally {
      await cms.strapi.documents('api::consultation.consultation').delete({ documentId: created.documentId });
    }
  });
});

describe('error bodies keep the contract', () => {
  const badRequests = [
    '/api/updates?type=bogus',
    '/api/updates?pageSize=500',
    '/api/updates?status=draft',
    '/api/updates?sort=title',
    '/api/updates?q[a]=b',
    '/api/updates/blog/whatever',
  ];
  for (const pathAndQuery of badRequests) {
    test(`400 at ${pathAndQuery}`, async () => {
      const { status, body } = await get(pathAndQuery);
      assert.equal(status, 400);
      assertConforms('ErrorResponse', body, pathAndQuery);
    });
  }

  test('404 for an unknown slug of each type', async () => {
    for (const type of ['article', 'consultation', 'staffing-update'] satisfies UpdateType[]) {
      const { status, body } = await get(`/api/updates/${type}/no-such-item`);
      assert.equal(status, 404);
      assertConforms('ErrorResponse', body, `/api/updates/${type}/no-such-item`);
    }
  });
});

describe('the JSON Feed keeps the contract', () => {
  for (const query of ['', '?type=consultation', '?topic=short-breaks&audience=parents-carers', '?status=open']) {
    test(`/feeds/feed.json${query}`, async () => {
      const { status, body } = await get(`/feeds/feed.json${query}`);
      assert.equal(status, 200);
      assertConforms('JsonFeed', body, `/feeds/feed.json${query}`);
    });
  }
});

describe('the content model\u2019s generated types', () => {
  test('cms/types/generated is what Strapi generates from the content model now', async () => {
    const { generators } = createRequire(path.join(cmsDir, 'package.json'))('@strapi/typescript-utils') as typeof import('@strapi/typescript-utils');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-typegen-'));
    try {
      await generators.generate({
        strapi: cms.strapi,
        pwd: dir,
        rootDir: 'types',
        artifacts: { contentTypes: true, components: true },
        logger: { silent: true },
      });
      for (const file of ['contentTypes.d.ts', 'components.d.ts']) {
        const committed = fs.readFileSync(path.join(cmsDir, 'types', 'generated', file), 'utf8');
        const generated = fs.readFileSync(path.join(dir, 'types', 'generated', file), 'utf8');
        assert.ok(committed === generated, `cms/types/generated/${file} is out of date: run \`cd cms && npx strapi ts:generate-types\` and commit it.`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
