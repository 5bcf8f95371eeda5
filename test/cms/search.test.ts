/**
 * Search finds what readers type: word forms, and the SEND abbreviations, including ones editors
 * add in the admin, which apply at once. First the text rules alone, then the live API.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListResponse } from '../../contract/api';
import { createSearch, DEFAULT_ABBREVIATIONS } from '../../cms/src/catalogue/search.ts';
import { SEARCH_ABBREVIATIONS_UID, loadAbbreviations, seedAbbreviations } from '../../cms/src/catalogue/search-abbreviations.ts';
import { getJson, startCms, type TestCms } from '../helpers/cms.ts';

describe('the text rules', () => {
  const search = createSearch(DEFAULT_ABBREVIATIONS);
  const docs = {
    verb: search.index('We will send you a letter about the inspections.'),
    ehcp: search.index('Your child\u2019s EHCP will be reviewed every year.'),
    longForm: search.index('An Education, Health and Care Plan sets out the support a child needs.'),
    senco: search.index('Speak to your school\u2019s special educational needs co-ordinator.'),
    send: search.index('Children with SEND and their families; co-production matters.'),
    sen: search.index('Support for pupils with special educational needs in mainstream schools.'),
  };
  const found = (q: string) => {
    const matches = search.query(q);
    assert.ok(matches, `"${q}" has words`);
    return Object.entries(docs)
      .filter(([, doc]) => matches(doc))
      .map(([name]) => name);
  };

  test('word forms find the same items', () => {
    assert.deepEqual(found('inspection'), ['verb']);
    assert.deepEqual(found('inspections'), ['verb']);
    assert.deepEqual(found('Inspected'), ['verb']);
    assert.deepEqual(found('reviews'), ['ehcp']);
    assert.deepEqual(found('families'), ['send']);
    assert.deepEqual(found('family'), ['send']);
  });

  test('an abbreviation and its full forms are the same term, in any case', () => {
    for (const q of ['EHCP', 'ehcp', 'EHC plan', 'ehc plans', 'education, health and care plan', 'Education Health and Care Plans'])
      assert.deepEqual(found(q), ['ehcp', 'longForm'], q);
    for (const q of ['SENCo', 'senco', 'SENCO', 'special educational needs coordinator']) assert.deepEqual(found(q), ['senco'], q);
  });

  test('SEND in text is the abbreviation only when written in capitals, not the verb "send"', () => {
    assert.deepEqual(found('SEND'), ['send']);
    assert.deepEqual(found('special educational needs and disabilities'), ['send']);
  });

  test('"SEN" also finds items about SEND and SENCos, whose full forms contain its own', () => {
    assert.deepEqual(found('SEN'), ['senco', 'send', 'sen']);
  });

  test('every word must match; the last may be unfinished; hyphens and accents do not matter', () => {
    assert.deepEqual(found('children families'), ['send']);
    assert.deepEqual(found('children letter'), []);
    assert.deepEqual(found('insp'), ['verb']);
    assert.deepEqual(found('coproduction'), ['send']);
    assert.deepEqual(found('co-production'), ['send']);
    assert.deepEqual(found('child\u2019s EHCP r\u00e9viewed'), ['ehcp']);
    assert.equal(search.query('  , ; '), null, 'no words: no text filter');
  });

  test('accents, curly apostrophes, ligatures and capitals index as the plain ASCII words do, however often a word comes', () => {
    const plain = "The cafe's opening hours don't change; file the co-production forms. Opening, opening, opening.";
    const written = 'The Caf\u00e9\u2019s OPENING hours don\u2019t change; \ufb01le the Co-Production forms. Opening, opening, opening.';
    const once = search.index(plain);
    for (const text of [written, plain, written]) assert.deepEqual(search.index(text), once, text);
    assert.deepEqual(once, search.index(plain.toUpperCase().toLowerCase()));
  });
});

describe('search in the API', () => {
  let cms: TestCms;
  const ARTICLE = 'api::article.article';
  const created: string[] = [];

  before(async () => {
    cms = await startCms();
  });
  after(async () => {
    for (const documentId of created) await cms.strapi.documents(ARTICLE).delete({ documentId });
    await cms?.stop();
  });

  const titles = async (q: string) =>
    (await getJson<ListResponse>(cms.baseUrl, `/api/updates?pageSize=100&q=${encodeURIComponent(q)}`)).body.data.map((i) => i.title);
  const article = async (title: string, summary: string) => {
    const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
    const doc = await cms.strapi
      .documents(ARTICLE)
      .create({ data: { title: `${title} ${unique}`, slug: `search-${unique}`, summary, date: '2025-06-01' }, status: 'published' });
    created.push(doc.documentId);
    return doc.title ?? '';
  };

  test('"inspection" and "inspections" find the same seeded items', async () => {
    const singular = await titles('inspection');
    assert.ok(singular.length >= 3, `found ${singular.length}`);
    assert.deepEqual(await titles('inspections'), singular);
    assert.deepEqual(await titles('INSPECTION'), singular);
  });

  test('each SEND abbreviation finds items that use the abbreviation or its full form', async () => {
    const cases: [abbreviation: string, fullForm: string][] = [
      ['EHCP', 'education, health and care plan'],
      ['EHC plan', 'Education Health and Care Plan'],
      ['SENCo', 'special educational needs coordinator'],
      ['SEN', 'special educational needs'],
      ['SEND', 'special educational needs and disabilities'],
    ];
    for (const [abbreviation, fullForm] of cases) {
      const short = await article(`Abbreviation ${abbreviation}`, `A note that mentions the ${abbreviation} only.`);
      const long = await article(`Full form ${abbreviation}`, `A note that mentions the ${fullForm} only.`);
      for (const q of [abbreviation, fullForm, abbreviation.toLowerCase()]) {
        const found = await titles(q);
        assert.ok(
          found.includes(short) && found.includes(long),
          `"${q}" finds both the ${abbreviation} note and the full-form note; found ${JSON.stringify(found)}`,
        );
      }
    }
  });

  test('the seeded list holds the defaults, and seeding again never undoes an editor\u2019s change', async () => {
    assert.deepEqual(
      (await loadAbbreviations(cms.strapi)).map((a) => a.abbreviation),
      DEFAULT_ABBREVIATIONS.map((a) => a.abbreviation),
    );
    const documents = cms.strapi.documents(SEARCH_ABBREVIATIONS_UID);
    const list = await documents.findFirst({ populate: { abbreviations: true } });
    assert.ok(list);
    await documents.update({ documentId: list.documentId, data: { abbreviations: [{ abbreviation: 'EHCP', meanings: 'EHC plan' }] } });
    await seedAbbreviations(cms.strapi);
    assert.deepEqual(await loadAbbreviations(cms.strapi), [{ abbreviation: 'EHCP', meanings: ['EHC plan'] }]);
    await documents.update({
      documentId: list.documentId,
      data: { abbreviations: DEFAULT_ABBREVIATIONS.map((a) => ({ abbreviation: a.abbreviation, meanings: a.meanings.join('\n') })) },
    });
  });

  test('an abbreviation an editor adds works at once, with no restart', async () => {
    const note = await article('Forum news', 'Our parent carer forum meets every month.');
    assert.ok(!(await titles('PCF')).includes(note), 'not before the editor adds it');
    const documents = cms.strapi.documents(SEARCH_ABBREVIATIONS_UID);
    const list = await documents.findFirst({ populate: { abbreviations: true } });
    assert.ok(list);
    const kept = (list.abbreviations ?? []).map(({ abbreviation, meanings }) => ({ abbreviation: abbreviation ?? '', meanings: meanings ?? '' }));
    // As the admin saves it: through the document service.
    await documents.update({
      documentId: list.documentId,
      data: { abbreviations: [...kept, { abbreviation: 'PCF', meanings: 'Parent carer forum\nParent and carer forum' }] },
    });
    assert.ok((await titles('PCF')).includes(note), 'found by the new abbreviation');
    assert.ok((await titles('pcf')).includes(note));
    assert.ok((await titles('EHCP')).length > 0, 'the other abbreviations still work');
    await documents.update({ documentId: list.documentId, data: { abbreviations: kept } });
    assert.ok(!(await titles('PCF')).includes(note), 'and stops when the editor removes it');
  });
});
