/*
 * A script tag whose widget code cannot load (every chunk answers 404 under /fail-chunks/, see
 * web-test-runner.config.mjs): each widget still offers the host's fallback link and reports send-error,
 * and nothing is thrown into the page.
 */
import type { SendEventDetails } from '../../core/events.js';
import { buildUrl } from '../../test/build.js';
import { assert, assertEqual, guardHostPage, mount, nextEvent, readerProblems, shadow, textOf } from '../../test/helpers.js';

describe('script tag: the widget code cannot load', () => {
  guardHostPage();

  it('shows the error message with the fallback link in every widget and fires send-error', async () => {
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const errors: Array<SendEventDetails['send-error']> = [];
    wrapper.addEventListener('send-error', (event) => errors.push(event.detail));
    const feed = document.createElement('send-news-feed');
    feed.innerHTML = '<a href="https://cms.example/updates">SEND news and updates</a>'; // the partner's link for readers without JavaScript
    feed.setAttribute('fallback-href', 'https://www.example.gov.uk/send-news');
    feed.setAttribute('strings', JSON.stringify({ errorFallbackLink: 'Read SEND news on our website' }));
    wrapper.append(feed);

    const { SendNewsFeed, SendNewsArchive } = (await import(/* @vite-ignore */ `/fail-chunks${buildUrl('send-widgets.js').pathname}`)) as Record<
      string,
      unknown
    >;
    assertEqual([SendNewsFeed, SendNewsArchive], [undefined, undefined], 'no classes exported');
    const link = shadow(feed).querySelector<HTMLAnchorElement>('[part=error] slot[name=error] a');
    assertEqual(link?.href, 'https://www.example.gov.uk/send-news', 'fallback link in the page already');
    assertEqual(link?.textContent, 'Read SEND news on our website', 'overridden link text');
    assert(link!.getClientRects().length > 0, 'the error state shows');
    assertEqual(feed.querySelector('a')!.getClientRects().length, 0, 'the link inside the tag gives way to it (one link, not two)');

    const heard = nextEvent<SendEventDetails['send-error']>(wrapper, 'send-error');
    const archive = await mount('send-news-archive', { parent: wrapper });
    assertEqual((await heard).detail.kind, 'script', 'kind for a widget added later');
    assertEqual(
      textOf(archive),
      `Sorry, updates cannot be shown at the moment. See all updates on ${location.host}`,
      "without fallback-href: the CMS's own page",
    );
    assertEqual(
      shadow(archive).querySelector<HTMLAnchorElement>('[part=error] a')?.href,
      `${location.origin}/updates`,
      "the CMS's updates page (the script's origin)",
    );
    // A fallback-href that is no web, email or phone address is not followed: the CMS's page instead.
    const countdown = await mount('send-consultation-countdown', { parent: wrapper, attributes: { 'fallback-href': 'javascript:alert(1)' } });
    assertEqual(shadow(countdown).querySelector<HTMLAnchorElement>('[part=error] a')?.href, `${location.origin}/updates`, 'no script link');
    assertEqual(
      errors.map((error) => error.kind),
      ['script', 'script', 'script'],
      'one send-error per widget',
    );
    assertEqual(/Failed to fetch dynamically imported module/.test(errors[0].message), true, `reason given: ${errors[0].message}`);
  });

  it('its link is readable on a dark page: the page\u2019s own text colour, or the link token', async () => {
    const page = document.createElement('div');
    page.style.cssText = 'background: #1b1b1f; color: #f3f2f1; padding: 1em';
    document.body.append(page);
    try {
      const feed = await mount('send-news-feed', { parent: page, attributes: { theme: 'dark' } });
      const link = shadow(feed).querySelector<HTMLAnchorElement>('[part=error] a')!;
      assertEqual(getComputedStyle(link).color, 'rgb(243, 242, 241)', 'the page\u2019s text colour');
      assertEqual(await readerProblems(feed), [], 'axe on the dark page');
      feed.style.setProperty('--send-link-colour', '#8fc2ff');
      assertEqual(getComputedStyle(link).color, 'rgb(143, 194, 255)', 'the token');
    } finally {
      page.remove();
    }
  });
});
