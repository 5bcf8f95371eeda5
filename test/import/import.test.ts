/**
 * Importing old feeds into the real CMS: the fixture feeds under
 * test/fixtures/feeds (windows-1252 RSS with CDATA, entities, scripts and
 * broken items; Atom with enclosures), re-runs that create nothing twice,
 * the command line as a second process on the same database, and a round
 * trip of this project's own RSS and Atom feeds.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ItemResponse, ListResponse, UpdateDetail } from '../../contract/api';
import { importFeed, parseFeed, readSource } from '../../cms/src/import/feed-import.ts';
import { blocksToText } from '../../cms/src/lib/blocks.ts';
import { repoRoot, startCms, type TestCms } from '../helpers/cms.ts';

const ARTICLE = 'api::article.article';
const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'feeds');
const OLD_RSS = path.join(FIXTURES, 'old-council-news.rss');
const PARTNER_ATOM = path.join(FIXTURES, 'partner-forum.atom');

let cms: TestCms;

before(async () => {
  cms = await startCms();
});
after(async () => {
  await cms?.stop();
});

const fixture = async (file: string) => parseFeed(await readSource(file));
const findArticle = async (title: string, status: 'draft' | 'published' = 'draft') =>
  cms.strapi.documents(ARTICLE).findFirst({ filters: { title }, status, populate: { topics: { fields: ['slug'] }, downloads: true } });
/** An article that must exist. */
const article = async (title: string, status: 'draft' | 'published' = 'draft') => {
  const found = await findArticle(title, status);
  assert.ok(found, `no ${status} article "${title}"`);
  return found;
};
const countArticles = async (title: string) => (await cms.strapi.documents(ARTICLE).findMany({ filters: { title } })).length;

/** Runs the import command as its own process against the test's database, as an editor would. */
function runCli(args: string[]) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'run.mjs'), path.join(repoRoot, 'scripts', 'import-feed.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('importing an old council RSS feed', () => {
  test('creates drafts with mapped rich text, dates, summaries, topics and downloads, and lists what it could not import', async () => {
    const report = await importFeed(cms.strapi, await fixture(OLD_RSS), { type: 'article' });
    assert.deepEqual(
      report.created.map((i) => i.title),
      [
        'Short breaks: new activities for summer 2019',
        'Consultation on the Local Offer website & what you\u2019d like to see',
        'EHCP annual reviews: a guide for families',
        'Preparing for adulthood: transition evenings in January',
      ],
    );
    assert.equal(report.published.length, 0);
    assert.deepEqual(
      report.failed.map((i) => i.reason),
      ['Not imported: it has no title.', 'Not imported: its date "sometime in spring 2020" cannot be read.'],
    );

    const shortBreaks = await article('Short breaks: new activities for summer 2019');
    assert.equal(shortBreaks.publishedAt, null, 'a draft');
    assert.equal(await findArticle('Short breaks: new activities for summer 2019', 'published'), null);
    assert.equal(shortBreaks.date, '2019-07-08', '10:30 BST on 8 July');
    assert.equal(shortBreaks.summary, 'This summer there are more short breaks activities than ever, from climbing to cookery.');
    assert.deepEqual(shortBreaks.topics?.map((t) => t.slug).sort(), ['activities', 'short-breaks']);
    assert.deepEqual(
      shortBreaks.downloads?.map(({ title, url, format, sizeBytes }) => ({ title, url, format, sizeBytes })),
      [
        {
          title: 'short-breaks-summer-2019.pdf',
          url: 'https://www.example-council.gov.uk/sites/default/files/short-breaks-summer-2019.pdf',
          format: 'PDF',
          sizeBytes: 482133,
        },
      ],
    );
    const json = JSON.stringify(shortBreaks.body);
    assert.doesNotMatch(json, /javascript|dataLayer|color: #333|onerror|youtube/i, 'scripts, styles, embeds and unsafe links are gone');
    assert.deepEqual(
      shortBreaks.body?.map((b) => b.type),
      ['paragraph', 'heading', 'list', 'paragraph', 'quote', 'paragraph'],
    );
    assert.deepEqual(shortBreaks.body?.[0].children[1], { type: 'text', text: 'more short breaks activities', bold: true });
    assert.match(blocksToText(shortBreaks.body), /Places cost £5 a session/);
    assert.match(
      blocksToText(shortBreaks.body),
      /\u201cMy son loved the climbing \u2013 he\u2019s asked to go again.\u201d\nParent, Redditch/,
      'windows-1252 curly quotes and dashes',
    );
    assert.match(json, /"url":"https:\/\/www\.example-council\.gov\.uk\/send\/short-breaks\/book"/, 'relative link made absolute');
    assert.match(json, /"text":"in the booking pop-up"/, 'an unsafe link keeps its words');

    const survey = await article('Consultation on the Local Offer website & what you\u2019d like to see');
    assert.equal(survey.date, '2019-03-18', 'UK day/month/year');
    const ehcp = await article('EHCP annual reviews: a guide for families');
    assert.equal(ehcp.body?.length, 3, 'plain-text paragraphs kept apart');
    assert.ok(ehcp.summary && ehcp.summary.length <= 300 && ehcp.summary.endsWith('\u2026'), 'a long summary is cut at a word');
    assert.match(ehcp.summary, /\w\u2026$/);

    const rss = await (await fetch(new URL('/feeds/rss.xml', cms.baseUrl))).text();
    assert.ok(!rss.includes('Short breaks: new activities for summer 2019'), 'drafts stay out of the feeds');
  });

  test('a re-run creates no duplicates and leaves editors\u2019 changes alone', async () => {
    const shortBreaks = await article('Short breaks: new activities for summer 2019');
    await cms.strapi
      .documents(ARTICLE)
      .update({ documentId: shortBreaks.documentId, data: { title: 'Short breaks this summer (edited)', summary: 'Edited by an editor.' } });
    const report = await importFeed(cms.strapi, await fixture(OLD_RSS), { type: 'article', publish: true });
    assert.equal(report.created.length, 0);
    assert.equal(report.skipped.length, 4);
    assert.equal(report.failed.length, 2);
    assert.equal(await countArticles('Short breaks: new activities for summer 2019'), 0);
    const edited = await article('Short breaks this summer (edited)');
    assert.equal(edited.summary, 'Edited by an editor.');
    assert.equal(edited.publishedAt, null, 'a re-run with --publish does not publish what editors hold back');
  });
});

describe('the import command', () => {
  test('imports an Atom feed from a second process and publishes it; running it again changes nothing', async () => {
    const first = await runCli([PARTNER_ATOM, '--publish']);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /Created 3 \(3 published\)/);
    assert.match(first.output, /Could not import 1:\n {2}- tag:example-forum\.org\.uk,2021:news\/160: Not imported: it has no title\./);

    const survey = await article('Parent carer survey 2021 \u2013 results', 'published');
    assert.equal(survey.date, '2021-03-02');
    assert.equal(survey.summary, 'Over 600 families answered this year\u2019s survey. Here is what you told us, and what happens next.');
    assert.deepEqual(
      survey.downloads?.map(({ title, format, sizeBytes }) => ({ title, format, sizeBytes })),
      [
        { title: 'Survey results (PDF)', format: 'PDF', sizeBytes: 1048576 },
        { title: 'Easy read summary', format: 'DOCX', sizeBytes: null },
      ],
    );
    assert.deepEqual(
      survey.topics?.map((t) => t.slug),
      ['have-your-say'],
    );
    assert.doesNotMatch(JSON.stringify(survey.body), /data:text/);
    // 23:30 UTC on 23 June is 00:30 BST on 24 June.
    assert.equal((await article('Coffee morning at the Hive, 24 June', 'published')).date, '2021-06-24');
    assert.equal(
      (await article('New year, new SEND newsletter', 'published')).summary,
      'Our January newsletter: short breaks, transport & the annual conference.',
    );

    const second = await runCli([PARTNER_ATOM, '--publish']);
    assert.equal(second.code, 0, second.output);
    assert.match(second.output, /Created 0 .*\nSkipped 3 already in the CMS\./);
    assert.equal(await countArticles('Parent carer survey 2021 \u2013 results'), 1);
  });

  test('bad arguments and unreadable sources fail with a message and a non-zero exit', async () => {
    const wrongType = await runCli([PARTNER_ATOM, '--type', 'newsletter']);
    assert.equal(wrongType.code, 2);
    assert.match(wrongType.output, /Unknown --type "newsletter"/);
    const missing = await runCli([path.join(FIXTURES, 'no-such-feed.xml')]);
    assert.equal(missing.code, 1);
    assert.match(missing.output, /Could not read a feed from .*no-such-feed\.xml: ENOENT/);
  });
});

describe('round trip', () => {
  /** The published articles as the API gives them, keyed by title. */
  async function publishedArticles() {
    const list = (JSON.parse(await (await fetch(new URL('/api/updates?type=article&pageSize=100', cms.baseUrl))).text()) as ListResponse).data;
    const details = await Promise.all(
      list.map(async (item): Promise<UpdateDetail> => (JSON.parse(await (await fetch(new URL(item.url, cms.baseUrl))).text()) as ItemResponse).data),
    );
    return new Map(details.map((d) => [d.title, d]));
  }

  async function emptyArticles() {
    for (const doc of await cms.strapi.documents(ARTICLE).findMany({ fields: ['documentId'], limit: 1000 })) {
      await cms.strapi.documents(ARTICLE).delete({ documentId: doc.documentId });
    }
    assert.equal((await cms.strapi.documents(ARTICLE).findMany({})).length, 0);
  }

  for (const format of ['atom', 'rss']) {
    test(`this project's own ${format === 'rss' ? 'RSS' : 'Atom'} feed, imported into a CMS without articles, gives back the same items`, async () => {
      const originals = await publishedArticles();
      assert.ok(originals.size >= 20);
      const exported = await (await fetch(new URL(`/feeds/${format}.xml?type=article`, cms.baseUrl))).text();
      await emptyArticles();

      const report = await importFeed(cms.strapi, await parseFeed(exported), { type: 'article', publish: true });
      assert.equal(report.failed.length, 0, JSON.stringify(report.failed));
      assert.equal(report.published.length, originals.size);

      const imported = await publishedArticles();
      assert.deepEqual([...imported.keys()].sort(), [...originals.keys()].sort());
      for (const [title, original] of originals) {
        const copy = imported.get(title);
        assert.ok(copy, `${title}: imported`);
        assert.equal(copy.date, original.date, `${title}: date`);
        assert.equal(copy.summary, original.summary, `${title}: summary`);
        // The feed adds an easy read link (and RSS a list of downloads) after the body.
        assert.ok(blocksToText(copy.body).startsWith(blocksToText(original.body)), `${title}: body text`);
        assert.deepEqual(
          copy.topics.map((t) => t.slug),
          original.topics.map((t) => t.slug),
          `${title}: topics`,
        );
        if (format === 'atom')
          assert.deepEqual(
            copy.downloads.map((d) => [d.title, d.url]),
            original.downloads.map((d) => [d.title, d.url]),
            `${title}: downloads`,
          );
      }
    });
  }
});
