/*
 * A partner page enforcing Trusted Types (in a same-origin frame with its own Content-Security-Policy).
 * Lit creates a policy named `lit-html`: a page that does not allow it gets the fallback link and a
 * send-error event from the script tag, never an uncaught error; a page that allows it gets the widget.
 */
import { fixtures } from '../../fixtures/index.js';
import { buildUrl } from '../../test/build.js';
import { assert, assertEqual, waitFor, shownItems } from '../../test/helpers.js';

interface Seen {
  errors: string[];
  sendErrors: Array<{ kind: string; message: string }>;
  violations: string[];
}

/** Loads the feed's script tag in a page whose CSP allows these Trusted Types policy names. */
async function partnerPage(allowedPolicies: string): Promise<{ frame: HTMLIFrameElement; feed: HTMLElement; seen: Seen }> {
  const data = JSON.stringify(fixtures.latestNews).replace(/</g, '\\u003c');
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html>
    <html lang="en-GB">
      <head>
        <meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types ${allowedPolicies}">
      </head>
      <body>
        <send-news-feed api="https://cms.example" fallback-href="https://www.example.gov.uk/send-news"></send-news-feed>
        <script>
          window.seen = { errors: [], sendErrors: [], violations: [] };
          addEventListener('error', (event) => seen.errors.push(String(event.message)));
          addEventListener('unhandledrejection', (event) => seen.errors.push(String(event.reason)));
          addEventListener('send-error', (event) => seen.sendErrors.push(event.detail));
          document.addEventListener('securitypolicyviolation', (event) => seen.violations.push(event.violatedDirective));
          const latestNews = ${data};
          document.querySelector('send-news-feed').fetcher = () => Promise.resolve(Response.json(latestNews));
        </script>
        <script type="module" src="${buildUrl('send-news-feed.js').pathname}"></script>
      </body>
    </html>`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & { seen: Seen };
  const feed = frame.contentDocument!.querySelector('send-news-feed')!;
  await waitFor(() => Boolean(feed.shadowRoot?.querySelector('[part=error], .item')), 'the feed to show something', 5000);
  return { frame, feed, seen: win.seen };
}

describe('script tag on a Trusted Types page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('without the lit-html policy allowed: the fallback link and send-error, no uncaught error', async () => {
    const { feed, seen } = await partnerPage("'none'");
    // The violation event is queued as a task of its own, so it can come after the fallback shows.
    await waitFor(() => seen.violations.includes('trusted-types'), "the page to refuse Lit's policy (a trusted-types violation)", 5000);
    const link = feed.shadowRoot!.querySelector<HTMLAnchorElement>('[part=error] a');
    assertEqual(link?.href, 'https://www.example.gov.uk/send-news', 'fallback link');
    assertEqual(
      seen.sendErrors.map((error) => error.kind),
      ['script'],
      'send-error',
    );
    assert(/lit-html/.test(seen.sendErrors[0].message), `the reason names the policy: ${seen.sendErrors[0].message}`);
    assertEqual(seen.errors, [], 'uncaught errors in the page');
  });

  it('with `trusted-types lit-html`: the widget itself', async () => {
    const { feed, seen } = await partnerPage('lit-html');
    await waitFor(() => shownItems(feed.shadowRoot!, '.item').length === 3, 'items');
    assertEqual(feed.shadowRoot!.querySelector('.widget-heading')?.textContent, 'Latest SEND news', 'rendered by Lit');
    assertEqual([seen.sendErrors, seen.errors, seen.violations], [[], [], []], 'no errors or violations');
  });
});
