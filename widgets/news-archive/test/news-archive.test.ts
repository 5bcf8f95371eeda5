import { sendKeys, setViewport } from '@web/test-runner-commands';

import { SendNewsArchive } from '../../test/under-test.js';
import { pageNumbers } from '../url-state.js';
import { fixtureFetcher, isItemRequest, listAndItem, type FixtureName } from '../../fixtures/index.js';
import {
  assert,
  assertEqual,
  assertExcludes,
  assertIncludes,
  readerProblems,
  guardHostPage,
  mount,
  nextEvent,
  recording,
  shadow,
  textOf,
  waitFor,
} from '../../test/helpers.js';

const API = 'https://cms.example';

async function mountArchive(options: { list?: FixtureName; item?: FixtureName; attributes?: Record<string, string>; search?: string } = {}) {
  if (options.search) history.replaceState(null, '', `${location.pathname}${options.search}`);
  const fetcher = recording(listAndItem(options.list ?? 'archivePage', options.item ?? 'articleWithEverything'));
  const archive = await mount<SendNewsArchive>('send-news-archive', {
    attributes: { api: API, ...options.attributes },
    properties: { fetcher },
  });
  await settled(archive);
  return { archive, fetcher };
}

const settled = (archive: SendNewsArchive) => waitFor(() => !shadow(archive).querySelector('.loading'), 'archive to settle');

const listRequests = (fetcher: { urls: URL[] }) => fetcher.urls.filter((url) => !isItemRequest(url));
const lastListRequest = (fetcher: { urls: URL[] }) => listRequests(fetcher).at(-1)!.searchParams;
const param = (name: string) => new URLSearchParams(location.search).get(name);
const activeInShadow = (archive: SendNewsArchive) => shadow(archive).activeElement as HTMLElement | null;

function resultLink(archive: SendNewsArchive, key: string): HTMLAnchorElement {
  const link = shadow(archive).querySelector<HTMLAnchorElement>(`a[data-key="${key}"]`);
  assert(link, `result link ${key}`);
  return link;
}

function choose(archive: SendNewsArchive, filter: string, value: string): void {
  const select = shadow(archive).querySelector<HTMLSelectElement>(`#send-${filter}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const applyButton = (archive: SendNewsArchive) =>
  [...shadow(archive).querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Apply filters')!;

async function openItem(archive: SendNewsArchive, key: string) {
  resultLink(archive, key).click();
  await waitFor(() => Boolean(shadow(archive).querySelector('.reading-title')), 'reading view');
  await archive.updateComplete;
}

describe('<send-news-archive>', () => {
  guardHostPage();

  it('restores search, filters and page from prefixed URL parameters, keeping the host’s own', async () => {
    const { archive, fetcher } = await mountArchive({
      search: '?tab=2&send-q=ehcp&send-type=consultation&send-year=2022&send-page=2',
    });
    const request = lastListRequest(fetcher);
    assertEqual(
      [request.get('q'), request.get('type'), request.get('year'), request.get('page'), request.get('pageSize'), request.get('facets')],
      // Counts of what each filter value finds with the others, beside the results they describe.
      ['ehcp', 'consultation', '2022', '2', '10', 'matching'],
      'request',
    );
    assertEqual(shadow(archive).querySelector<HTMLInputElement>('input[type="search"]')?.value, 'ehcp', 'search box');
    assertEqual(shadow(archive).querySelector<HTMLSelectElement>('#send-type')?.value, 'consultation', 'type select');
    assertEqual(shadow(archive).querySelector<HTMLSelectElement>('#send-year')?.value, '2022', 'year select');
    assertEqual(param('tab'), '2', 'host parameter untouched');
    const subscribe = shadow(archive).querySelector<HTMLAnchorElement>('.links a');
    assertEqual(subscribe?.textContent?.trim(), 'Subscribe to these results', 'subscribe link');
    assertEqual(subscribe?.href, `${API}/updates/subscribe?q=ehcp&type=consultation&year=2022`, "the CMS's subscribe page with the same search and filters");
    assertEqual(archive.subscribeHref, subscribe?.href, 'subscribe page exposed as a property');
    assertEqual(archive.rssHref, `${API}/feeds/rss.xml?q=ehcp&type=consultation&year=2022`, 'the raw RSS feed, for hosts, as a property');
  });

  it('groups results under year and month headings below its own heading level', async () => {
    const { archive } = await mountArchive({ attributes: { 'heading-level': '2' } });
    const outline = [...shadow(archive).querySelectorAll('h2, h3, h4')].map((h) => `${h.localName} ${h.textContent?.trim()}`);
    assertEqual(outline.slice(0, 5), ['h2 SEND news and updates', 'h3 2026', 'h4 February 2026', 'h3 2024', 'h4 January 2024'], 'outline');
    assert(shadow(archive).querySelector('.item h5 a'), 'result titles one level below the month');
  });

  it('with heading-level="0" continues the host page\'s outline: year, month and item below the host heading', async () => {
    const section = document.createElement('section');
    section.innerHTML = '<h1>Local offer</h1><h3>News archive</h3>';
    document.body.append(section);
    const archive = await mount<SendNewsArchive>('send-news-archive', {
      attributes: { api: API, 'heading-level': '0' },
      properties: { fetcher: listAndItem('archivePage') },
      parent: section,
    });
    await settled(archive);
    const outline = [...shadow(archive).querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent?.trim()}`);
    assertEqual(outline.slice(0, 4), ['h4 2026', 'h5 February 2026', 'h6 Short breaks for disabled children: have your say', 'h4 2024'], 'outline');
  });

  it('shows the current page clearly, and with the focus style when it has keyboard focus', async () => {
    const { archive } = await mountArchive({ search: '?send-page=2' });
    const nav = shadow(archive).querySelector('nav')!;
    const current = nav.querySelector<HTMLAnchorElement>('[aria-current="page"]')!;
    const look = (link: HTMLElement) => {
      const style = getComputedStyle(link);
      return { colour: style.color, background: style.backgroundColor, weight: style.fontWeight, underline: style.textDecorationLine };
    };
    assertEqual(look(current), { colour: 'rgb(255, 255, 255)', background: 'rgb(29, 112, 184)', weight: '700', underline: 'none' }, 'current page');
    assertEqual(look(nav.querySelector<HTMLAnchorElement>('a[data-page="3"]:not([rel])')!).background, 'rgba(0, 0, 0, 0)', 'other pages unfilled');
    nav.querySelector<HTMLAnchorElement>('a[rel="prev"]')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    assertEqual(activeInShadow(archive), current, 'current page focused from the keyboard');
    const focused = getComputedStyle(current);
    assertEqual([focused.color, focused.backgroundColor], ['rgb(11, 12, 12)', 'rgb(255, 221, 0)'], 'focus colours');
    assertIncludes(focused.boxShadow, 'rgb(11, 12, 12) 0px 4px 0px 0px', 'focus underline bar');
  });

  it('announces the result count in a single polite status region', async () => {
    const { archive } = await mountArchive();
    const regions = shadow(archive).querySelectorAll('[role="status"], [aria-live]');
    assertEqual(regions.length, 1, 'one live region');
    assertEqual(regions[0].textContent?.trim(), '18 updates found', 'count');
  });

  it('writes counts in the thousands as readers read them (12,345), in the status and beside each choice', async () => {
    const { archive } = await mountArchive({ list: 'largeArchive' });
    assertEqual(shadow(archive).querySelector('[role="status"]')?.textContent?.trim(), '12,345 updates found', 'count');
    const types = [...shadow(archive).querySelectorAll<HTMLOptionElement>('#send-type option')].map((option) => option.textContent?.trim());
    assertIncludes(types.join(' | '), 'News (8,140)', 'type choices');
    // Page numbers stay plain, and each link's name holds the number it shows (WCAG 2.5.3, Label in Name).
    const last = shadow(archive).querySelector<HTMLAnchorElement>('a[data-page="1235"]');
    assert(last, 'a link to the last page');
    assertEqual([last.textContent?.trim(), last.getAttribute('aria-label')], ['1235', 'Page 1235'], 'last page link');
  });

  it('names its search and its pages after its heading, so two archives on one page are told apart', async () => {
    const { archive } = await mountArchive({ attributes: { heading: 'Consultations archive' }, search: '?send-page=2' });
    assertEqual(shadow(archive).querySelector('form[role="search"]')?.getAttribute('aria-label'), 'Consultations archive', 'search landmark');
    assertEqual(shadow(archive).querySelector('nav')?.getAttribute('aria-label'), 'Pages of Consultations archive', 'pages landmark');
  });

  it('paginates like GOV.UK and fetches the chosen page', async () => {
    const { archive, fetcher } = await mountArchive({ search: '?send-page=2' });
    const nav = shadow(archive).querySelector('nav');
    assertEqual(nav?.getAttribute('aria-label'), 'Pages of SEND news and updates', 'nav label, named after the archive');
    const links = [...nav!.querySelectorAll('a')];
    assertEqual(
      links.map((a) => a.textContent?.replace(/\s+/g, ' ').trim()),
      ['Previous page', '1', '2', '3', '4', 'Next page'],
      'links',
    );
    assertEqual(nav!.querySelector('[aria-current="page"]')?.textContent, '2', 'current page');
    assertEqual(links[0].querySelector('.visually-hidden')?.textContent?.trim(), 'page', 'hidden context');

    links.at(-1)!.click();
    await waitFor(() => lastListRequest(fetcher).get('page') === '3', 'page 3 request');
    assertEqual(param('send-page'), '3', 'page in URL');
    await settled(archive);
    await archive.updateComplete;
    assertEqual(activeInShadow(archive)?.className, 'results-count', 'focus moved to the results');
  });

  it('builds the GOV.UK page list with gaps', () => {
    assertEqual(pageNumbers(1, 1), [1], 'single page');
    assertEqual(pageNumbers(5, 10), [1, null, 4, 5, 6, null, 10], 'middle');
    assertEqual(pageNumbers(2, 4), [1, 2, 3, 4], 'no gaps needed');
    assertEqual(pageNumbers(1, 4), [1, 2, 3, 4], 'a gap of one page shows the page');
    assertEqual(pageNumbers(4, 7), [1, 2, 3, 4, 5, 6, 7], 'gaps of one page on both sides');
    assertEqual(pageNumbers(1, 5), [1, 2, null, 5], 'a gap of two pages is a gap');
  });

  it('offers the facets as filters and applies them with the button, pushing history and firing send-filter-change', async () => {
    const { archive, fetcher } = await mountArchive();
    const options = (name: string) =>
      [...shadow(archive).querySelector<HTMLSelectElement>(`#send-${name}`)!.options].map((option) => option.textContent?.trim());
    assertEqual(options('type'), ['All', 'News (25)', 'Consultation (6)', 'Service update (4)'], 'type options');
    assertEqual(options('topic'), ['All', 'Inspections (8)', 'Funding (5)', 'EHC plans (12)'], 'topic options');
    assertEqual(options('audience'), ['All', 'Parents and carers (30)', 'Children and young people (9)', 'Professionals (21)'], 'audience options');
    assertEqual(options('year'), ['All', '2025 (3)', '2022 (12)', '2021 (11)', '2019 (9)'], 'year options');
    const historyLength = history.length;
    const before = listRequests(fetcher).length;
    const changed = nextEvent<{ topic: string[]; year: string; page: number }>(archive, 'send-filter-change');
    choose(archive, 'topic', 'funding');
    choose(archive, 'year', '2022');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assertEqual(listRequests(fetcher).length, before, 'choosing alone requests nothing');
    applyButton(archive).click();
    const { detail } = await changed;
    assertEqual([detail.topic, detail.year, detail.page], [['funding'], '2022', 1], 'event detail');
    await waitFor(() => lastListRequest(fetcher).get('topic') === 'funding', 'topic request');
    assertEqual([lastListRequest(fetcher).get('year'), lastListRequest(fetcher).get('page')], ['2022', '1'], 'year, back to page 1');
    assertEqual(listRequests(fetcher).length, before + 1, 'one request for both filters');
    assertEqual([param('send-topic'), param('send-year')], ['funding', '2022'], 'URL');
    assertEqual(history.length, historyLength + 1, 'history entry pushed');
    await waitFor(() => activeInShadow(archive)?.className === 'results-count', 'focus on the new result count');
  });

  it('searches when the form is submitted (Enter in the box or the Search button), never while typing', async () => {
    const { archive, fetcher } = await mountArchive();
    const input = shadow(archive).querySelector<HTMLInputElement>('input[type="search"]')!;
    const before = listRequests(fetcher).length;
    input.focus();
    await sendKeys({ type: 'short' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    assertEqual(listRequests(fetcher).length, before, 'no request while typing');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => lastListRequest(fetcher).get('q') === 'short', 'search request');
    assertEqual(param('send-q'), 'short', 'URL');
    input.value = 'breaks';
    shadow(archive).querySelector<HTMLButtonElement>('.search-row button')!.click();
    await waitFor(() => lastListRequest(fetcher).get('q') === 'breaks', 'search button');
  });

  it('works as a plain GET form: named fields under its prefix, submit buttons, a clear-filters link', async () => {
    const { archive } = await mountArchive({ search: '?send-type=consultation' });
    const form = shadow(archive).querySelector('form')!;
    assertEqual(form.method, 'get', 'method');
    assertEqual(
      [...form.elements].map((field) => (field as HTMLInputElement).name).filter(Boolean),
      ['send-q', 'send-type', 'send-topic', 'send-audience', 'send-year'],
      'field names',
    );
    assertEqual(
      [...form.querySelectorAll('button')].map((button) => [button.type, button.textContent?.trim()]),
      [
        ['submit', 'Search'],
        // Only folds the filters on a phone's screen: it sends nothing.
        ['button', 'Show filters'],
        ['submit', 'Apply filters'],
      ],
      'buttons',
    );
    const clear = [...form.querySelectorAll('a')].find((link) => link.textContent?.trim() === 'Clear filters');
    assert(clear && new URL(clear.href).searchParams.get('send-type') === null, 'clear-filters link to the unfiltered archive');
    clear.click();
    await waitFor(() => param('send-type') === null, 'filters cleared');
  });

  it('keeps the Apply button a space below the last filter, with Clear filters beside it, on a phone and wide', async () => {
    const { archive } = await mountArchive({ search: '?send-type=consultation' });
    const form = shadow(archive).querySelector('form')!;
    const clear = [...form.querySelectorAll('a')].find((link) => link.textContent?.trim() === 'Clear filters')!;
    for (const width of ['320px', '900px']) {
      archive.style.width = width;
      const lastFilter = form.querySelector('#send-year')!.getBoundingClientRect();
      const apply = applyButton(archive).getBoundingClientRect();
      // It touched the year's select (0 px apart) at every width.
      assert(apply.top - lastFilter.bottom >= 8, `${width}: Apply ${apply.top - lastFilter.bottom} px below the last filter`);
      const link = clear.getBoundingClientRect();
      assert(link.left >= apply.right && link.top < apply.bottom && link.bottom > apply.top, `${width}: Clear filters beside Apply`);
    }
    archive.style.width = '';
  });

  it('on a phone folds its filters behind "Show filters", so the results start in sight; the search box stays', async () => {
    const { archive } = await mountArchive({ search: '?send-type=consultation' });
    const root = shadow(archive);
    const toggle = root.querySelector<HTMLButtonElement>('.filter-toggle')!;
    const shown = (element: Element | null | undefined) => Boolean(element && element.getClientRects().length > 0);
    const clear = () => [...root.querySelectorAll('a')].find((link) => link.textContent?.trim() === 'Clear filters');
    try {
      await setViewport({ width: 320, height: 640 });
      assertEqual(
        [shown(toggle), toggle.getAttribute('aria-expanded'), shown(root.querySelector('#send-type')), shown(applyButton(archive))],
        [true, 'false', false, false],
        'folded: the button, no filters, no Apply',
      );
      assertEqual([shown(root.querySelector('#send-q')), shown(clear())], [true, true], 'the search box and Clear filters stay');
      assertEqual(toggle.getAttribute('aria-controls'), root.querySelector('.filters')!.id, 'the button names what it folds');
      const firstResult = () => root.querySelector('.item')!.getBoundingClientRect().top - archive.getBoundingClientRect().top;
      const folded = firstResult();
      assertEqual(await readerProblems(archive), [], 'axe, folded');

      toggle.click();
      await archive.updateComplete;
      assert(firstResult() - folded > 250, `the first result starts ${folded} px into the archive folded, ${firstResult()} px unfolded`);
      assertEqual(
        [toggle.textContent?.trim(), toggle.getAttribute('aria-expanded'), shown(root.querySelector('#send-type')), shown(applyButton(archive))],
        ['Hide filters', 'true', true, true],
        'unfolded',
      );
      assertEqual(await readerProblems(archive), [], 'axe, unfolded');
      // Applied, the filters fold again, and the results are what the reader looks at next.
      choose(archive, 'audience', 'parents-carers');
      applyButton(archive).click();
      await settled(archive);
      assertEqual([param('send-audience'), toggle.getAttribute('aria-expanded')], ['parents-carers', 'false'], 'applied and folded');

      await setViewport({ width: 1024, height: 768 });
      assertEqual([shown(toggle), shown(root.querySelector('#send-type')), shown(applyButton(archive))], [false, true, true], 'on a wide screen');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows several values of one filter (from a feed\'s "View all") as one choice, in words', async () => {
    const { archive, fetcher } = await mountArchive({ search: '?send-type=article,consultation' });
    const select = shadow(archive).querySelector<HTMLSelectElement>('#send-type')!;
    assertEqual(select.selectedOptions[0]?.textContent?.trim(), 'News, Consultation', 'selected choice');
    assertEqual(lastListRequest(fetcher).get('type'), 'article,consultation', 'request');
    applyButton(archive).click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assertEqual(param('send-type'), 'article,consultation', 'kept when applying again');
  });

  it('restores the previous view on back and the next on forward', async () => {
    const { archive, fetcher } = await mountArchive();
    choose(archive, 'type', 'consultation');
    applyButton(archive).click();
    await waitFor(() => lastListRequest(fetcher).get('type') === 'consultation', 'filtered');

    history.back();
    await waitFor(() => param('send-type') === null && lastListRequest(fetcher).get('type') === null, 'back');
    await archive.updateComplete;
    assertEqual(shadow(archive).querySelector<HTMLSelectElement>('#send-type')?.value, '', 'select restored');

    history.forward();
    await waitFor(() => lastListRequest(fetcher).get('type') === 'consultation', 'forward');
    await archive.updateComplete;
    assertEqual(shadow(archive).querySelector<HTMLSelectElement>('#send-type')?.value, 'consultation', 'select shows the view again');
  });

  it('puts the form back to the shown view on back, even after an unapplied choice', async () => {
    const { archive } = await mountArchive({ search: '?send-q=funding' });
    const input = shadow(archive).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'ehcp';
    applyButton(archive).click();
    await waitFor(() => param('send-q') === 'ehcp', 'searched');
    choose(archive, 'year', '2019'); // chosen, never applied
    history.back();
    await waitFor(() => param('send-q') === 'funding', 'back');
    await archive.updateComplete;
    assertEqual([input.value, shadow(archive).querySelector<HTMLSelectElement>('#send-year')?.value], ['funding', ''], 'form matches the view');
  });

  it('opens the reading view in place, focuses its heading, and returns focus and scroll on Back to results', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '2000px';
    document.body.prepend(spacer);
    try {
      const { archive, fetcher } = await mountArchive({ attributes: { loading: 'eager' } });
      window.scrollTo({ top: 1500 });
      const selected = nextEvent<{ type: string; slug: string }>(archive, 'send-item-select');
      await openItem(archive, 'article/send-improvement-plan-2024');
      assertEqual((await selected).detail.slug, 'send-improvement-plan-2024', 'select event');
      assertEqual(fetcher.urls.at(-1)?.href, `${API}/api/updates/article/send-improvement-plan-2024`, 'item request');
      assertEqual(param('send-item'), 'article/send-improvement-plan-2024', 'URL');
      assertEqual(activeInShadow(archive)?.textContent, 'Our SEND improvement plan for 2024', 'focus on title');

      window.scrollTo({ top: 0 });
      shadow(archive).querySelector<HTMLAnchorElement>('a.back')!.click();
      await waitFor(() => param('send-item') === null && Boolean(shadow(archive).querySelector('.items')), 'results again');
      await waitFor(() => activeInShadow(archive)?.dataset.key === 'article/send-improvement-plan-2024', 'focus returned');
      assertEqual(Math.round(window.scrollY), 1500, 'scroll restored');
    } finally {
      spacer.remove();
    }
  });

  it('renders every rich-text block, downloads and Easy Read in the reading view', async () => {
    const { archive } = await mountArchive({ search: '?send-item=article/send-improvement-plan-2024' });
    const root = shadow(archive);
    assertEqual(root.querySelector('h3.reading-title')?.textContent, 'Our SEND improvement plan for 2024', 'title level');
    assertEqual(root.querySelector('.rich-text h4')?.textContent, 'What is changing', 'body heading 2 one level below the title');
    assertEqual(root.querySelector('.rich-text h5')?.textContent, 'Steps we will take', 'body heading 3 two levels below');
    assertEqual(root.querySelector('h4.section-heading')?.textContent, 'Downloads', 'downloads one level below the title');
    for (const selector of ['strong', 'em', 'u', 's', 'p code', 'blockquote', 'pre code', 'ol > li', 'figure img', 'figcaption']) {
      assert(root.querySelector(`.rich-text ${selector}`), `renders ${selector}`);
    }
    // The nested list sits inside the item before it, so the ordered list counts 1, 2 with no gap.
    const steps = [...root.querySelectorAll<HTMLLIElement>('.rich-text ol > li')];
    const ownText = (li: HTMLLIElement) =>
      [...li.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join('');
    assertEqual(steps.map(ownText), ['Listen to families', 'Publish what we heard'], 'ordered items');
    assertEqual(
      steps.map((li) => getComputedStyle(li).listStyleType),
      ['decimal', 'decimal'],
      'numbered',
    );
    assertEqual(
      [...steps[0].querySelectorAll('ul > li')].map((li) => li.textContent),
      ['Parent carer forum meetings', 'Online survey'],
      'nested list inside step 1',
    );
    const images = [...root.querySelectorAll<HTMLImageElement>('.rich-text img')];
    assertEqual(
      images.map((img) => [img.alt, img.src]),
      [
        ['Bar chart: parent carers who felt listened to rose from 42% in 2022 to 50% in 2023 and 61% in 2024', `${API}/demo/images/survey-chart.png`],
        ['', `${API}/demo/images/divider.png`],
      ],
      'images with alt (empty = decorative) against the API origin',
    );
    const gov = [...root.querySelectorAll('a')].find((a) => a.textContent?.includes('GOV.UK guide'));
    assertIncludes(gov?.textContent ?? '', '(opens external site)', 'external link marked');
    const mail = root.querySelector<HTMLAnchorElement>('a[href^="mailto:"]');
    assertExcludes(mail?.textContent ?? '', 'external', 'mailto not marked external');
    assert(root.querySelector('a[href^="tel:"]'), 'tel link kept');
    assertIncludes(textOf(archive), '2024 Improvement Plan (PDF, 471 KB)', 'download details');
    const easyRead = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Easy Read version');
    assertEqual(easyRead?.href, 'https://www.example.gov.uk/uploads/plan-easy-read.pdf', 'Easy Read link');
    assertEqual(activeInShadow(archive), null, 'opening from a shared link does not steal focus');
  });

  describe('reading view chunk', () => {
    const realLoad = SendNewsArchive.loadReadingView;
    afterEach(() => {
      SendNewsArchive.loadReadingView = realLoad;
    });

    it('opens the reading view once its chunk has loaded, with the chunk’s styles and strings', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let requested = 0;
      SendNewsArchive.loadReadingView = async () => {
        requested += 1;
        await gate;
        return realLoad();
      };
      history.replaceState(null, '', '?send-item=article/send-improvement-plan-2024');
      const fetcher = recording(listAndItem('archivePage'));
      const archive = await mount<SendNewsArchive>('send-news-archive', { attributes: { api: API }, properties: { fetcher } });
      await waitFor(() => fetcher.urls.some(isItemRequest), 'item requested');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assertEqual(requested, 1, 'chunk requested alongside the item');
      assert(shadow(archive).querySelector('.loading'), 'still loading while the chunk is on its way');
      assert(!shadow(archive).querySelector('.reading-title'), 'no article before the chunk');
      const loaded = nextEvent<{ count: number }>(archive, 'send-loaded');
      release();
      await waitFor(() => Boolean(shadow(archive).querySelector('.reading-title')), 'reading view');
      assertEqual((await loaded).detail.count, 1, 'send-loaded after the chunk');
      const root = shadow(archive);
      assertEqual(getComputedStyle(root.querySelector('.reading-title')!).fontSize, '32px', 'reading-view styles adopted');
      assertEqual(getComputedStyle(root.querySelector('.rich-text blockquote')!).borderLeftWidth, '5px', 'rich-text styles adopted');
      assertEqual(getComputedStyle(root.querySelector('.tag')!).fontWeight, '700', 'base styles kept');
      assertIncludes(textOf(archive), 'Downloads', 'chunk strings used');
      // Back to the results and into another item: the chunk is not requested again.
      root.querySelector<HTMLAnchorElement>('a.back')!.click();
      await waitFor(() => Boolean(shadow(archive).querySelector('.items')), 'results');
      await openItem(archive, 'consultation/short-breaks-consultation');
      assertEqual(requested, 1, 'chunk loaded once per element');
    });

    it('shows the error state with the fallback link when the chunk cannot load', async () => {
      SendNewsArchive.loadReadingView = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      history.replaceState(null, '', '?send-item=article/send-improvement-plan-2024');
      const wrapper = document.createElement('div');
      document.body.append(wrapper);
      const error = nextEvent<{ kind: string }>(wrapper, 'send-error');
      const archive = await mount<SendNewsArchive>('send-news-archive', {
        attributes: { api: API, 'fallback-href': 'https://www.example.gov.uk/news' },
        properties: { fetcher: listAndItem('archivePage') },
        parent: wrapper,
      });
      await waitFor(() => Boolean(shadow(archive).querySelector('[part=error]')), 'error state');
      assertEqual((await error).detail.kind, 'script', 'send-error kind');
      const link = shadow(archive).querySelector<HTMLAnchorElement>('[part=error] a');
      assertEqual(link?.href, 'https://www.example.gov.uk/news', 'fallback link');
      assert(shadow(archive).querySelector('a.back'), 'Back to results still offered');
      assert(!shadow(archive).querySelector('.reading-title'), 'no article');
    });
  });

  it('goes back to the results from a shared reading-view link', async () => {
    const { archive } = await mountArchive({ search: '?send-item=article/send-improvement-plan-2024&send-page=2' });
    shadow(archive).querySelector<HTMLAnchorElement>('a.back')!.click();
    await waitFor(() => Boolean(shadow(archive).querySelector('.items')), 'results');
    assertEqual([param('send-item'), param('send-page')], [null, '2'], 'URL keeps the page');
  });

  it('renders hostile links as plain text and drops unsafe images and downloads', async () => {
    const { archive } = await mountArchive({ search: '?send-item=article/hostile-content', item: 'hostileContent' });
    const root = shadow(archive);
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    assert(
      hrefs.every((href) => !/^\s*(javascript|data):/i.test(href)),
      `no unsafe hrefs: ${hrefs.join(' ')}`,
    );
    assertIncludes(textOf(archive), 'script link', 'link text kept as text');
    assertIncludes(textOf(archive), '<b onmouseover="window.__pwned=1">markup as text</b>', 'markup shown literally');
    assertEqual(root.querySelectorAll('.rich-text img, .rich-text b').length, 0, 'no injected elements');
    assertExcludes(textOf(archive), 'Bad download', 'unsafe download dropped');
  });

  it("without fallback-href, the error state links to the CMS's own page: the index with the same search, or the open item's page", async () => {
    const fetcher = fixtureFetcher(() => ({ status: 500 }));
    history.replaceState(null, '', '?send-q=ehcp&send-type=consultation&send-page=2');
    const results = await mount<SendNewsArchive>('send-news-archive', { attributes: { api: API }, properties: { fetcher } });
    await waitFor(() => Boolean(shadow(results).querySelector('[part=error] a')), 'error');
    const link = shadow(results).querySelector<HTMLAnchorElement>('[part=error] a')!;
    assertEqual([link.textContent, link.href], ['See all updates on cms.example', `${API}/updates?q=ehcp&type=consultation`], 'index link');
    results.remove();

    history.replaceState(null, '', '?send-item=article/send-improvement-plan-2024');
    const item = await mount<SendNewsArchive>('send-news-archive', { attributes: { api: API }, properties: { fetcher } });
    await waitFor(() => Boolean(shadow(item).querySelector('[part=error] a')), 'error');
    assertEqual(shadow(item).querySelector<HTMLAnchorElement>('[part=error] a')?.href, `${API}/updates/article/send-improvement-plan-2024`, 'item page');
  });

  it('says when an item no longer exists', async () => {
    const fetcher = fixtureFetcher((url) => (isItemRequest(url) ? { status: 404 } : { fixture: 'archivePage' }));
    history.replaceState(null, '', '?send-item=article/gone');
    const archive = await mount<SendNewsArchive>('send-news-archive', { attributes: { api: API }, properties: { fetcher } });
    await waitFor(() => textOf(archive).includes('This update could not be found.'), 'not found message');
  });

  it('uses its url-prefix so two archives or host parameters cannot clash', async () => {
    const { fetcher } = await mountArchive({ attributes: { 'url-prefix': 'news-' }, search: '?send-q=ignored&news-q=funding' });
    assertEqual(lastListRequest(fetcher).get('q'), 'funding', 'own prefix read');
  });

  it('is usable with the keyboard alone', async () => {
    const { archive } = await mountArchive();
    const target = resultLink(archive, 'consultation/short-breaks-consultation');
    target.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => activeInShadow(archive)?.classList.contains('reading-title') === true, 'title focused');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    assertEqual(activeInShadow(archive)?.textContent, 'Back to all updates', 'back link reached');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => activeInShadow(archive)?.dataset.key === 'consultation/short-breaks-consultation', 'focus back on result');

    const select = shadow(archive).querySelector<HTMLSelectElement>('#send-type')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assertEqual(param('send-type'), null, 'arrowing through the options applies nothing');
    applyButton(archive).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => param('send-type') === select.value && select.value !== '', 'filter applied from the keyboard');
  });

  for (const [state, options] of [
    ['loaded', {}],
    ['empty', { list: 'emptyList' }],
    ['reading view', { search: '?send-item=article/send-improvement-plan-2024' }],
  ] as const) {
    it(`has no axe violations in the ${state} state`, async () => {
      const { archive } = await mountArchive(options);
      assertEqual(await readerProblems(archive), [], 'axe');
    });
  }

  it('has no axe violations while loading, failed or showing cached results', async () => {
    const loading = await mount<SendNewsArchive>('send-news-archive', {
      attributes: { api: API },
      properties: { fetcher: fixtureFetcher(() => ({ behaviour: 'hang' })) },
    });
    assertEqual(await readerProblems(loading), [], 'loading');
    loading.remove();

    const failed = await mount<SendNewsArchive>('send-news-archive', {
      attributes: { api: API, 'fallback-href': '/news' },
      properties: { fetcher: fixtureFetcher(() => ({ behaviour: 'network-error' })) },
    });
    await waitFor(() => textOf(failed).includes('Sorry'), 'error');
    assertEqual(await readerProblems(failed), [], 'error');
    failed.remove();

    const { archive } = await mountArchive();
    archive.remove();
    const stale = await mount<SendNewsArchive>('send-news-archive', {
      attributes: { api: API },
      properties: { fetcher: fixtureFetcher(() => ({ status: 502 })) },
    });
    await waitFor(() => textOf(stale).includes('may be out of date'), 'stale notice');
    assertEqual(await readerProblems(stale), [], 'stale');
  });
});
