/*
 * On a partner page with a dark background: `theme="dark"` gives every widget, in every state a reader meets, light
 * text and links that pass axe's contrast checks against the page showing through; `theme="auto"` follows the reader's
 * browser; with no theme the widgets keep their light-page colours, and the `--send-*` tokens still win.
 */
import { emulateMedia } from '@web/test-runner-commands';
import './under-test.js';
import type { SendNewsFeed } from './under-test.js';
import { assert, assertEqual, guardHostPage, readerProblems, shadow } from './helpers.js';
import { READER_STATES as STATES } from './reader-states.js';

/** The darkest and the lightest page the dark defaults are made for. */
const DARK_PAGES = ['#000000', '#333333'];

/** A stretch of partner page with its own background, holding the widget. */
function darkPage(background: string): HTMLElement {
  const page = document.createElement('div');
  page.style.cssText = `background: ${background}; color: #ffffff; padding: 16px`;
  document.body.append(page);
  return page;
}

const textColour = (element: HTMLElement) => getComputedStyle(element).color;
const linkColour = (element: HTMLElement) => getComputedStyle(shadow(element).querySelector('a')!).color;

describe('widgets on a dark page', () => {
  guardHostPage();

  for (const background of DARK_PAGES) {
    for (const [state, mountState] of Object.entries(STATES)) {
      it(`${state}: with theme="dark" on ${background}, no axe violations`, async () => {
        const widget = await mountState({ theme: 'dark' }, darkPage(background));
        assertEqual(await readerProblems(widget), [], 'axe');
      });
    }
  }

  it('without a theme, the light-page colours stay: dark text that fails on a dark page (so the checks above can fail)', async () => {
    const feed = await STATES['news feed, list']({}, darkPage('#1b1b1f'));
    assertEqual(textColour(feed), 'rgb(11, 12, 12)', 'the default text colour');
    const problems = await readerProblems(feed);
    assert(
      problems.some((problem) => problem.startsWith('color-contrast')),
      `dark text on a dark page is reported: ${problems.join('; ')}`,
    );
  });

  it('theme="auto" follows the reader\u2019s browser: dark colours where it prefers dark, the light ones otherwise', async () => {
    const page = darkPage('#1b1b1f');
    const dark = await STATES['news feed, list']({ theme: 'dark' }, page);
    const light = await STATES['news feed, list']({}, page);
    const auto = await STATES['news feed, list']({ theme: 'auto' }, page);
    try {
      await emulateMedia({ colorScheme: 'dark' });
      assertEqual([textColour(auto), linkColour(auto)], [textColour(dark), linkColour(dark)], 'auto in a dark browser');
      // Form fields and scroll bars follow (color-scheme).
      assertEqual([getComputedStyle(auto).colorScheme, getComputedStyle(dark).colorScheme], ['dark', 'dark'], 'dark form fields');
      assertEqual(await readerProblems(auto), [], 'axe, auto in a dark browser');
      await emulateMedia({ colorScheme: 'light' });
      assertEqual([textColour(auto), linkColour(auto)], [textColour(light), linkColour(light)], 'auto in a light browser');
      assertEqual(getComputedStyle(auto).colorScheme, 'normal', 'light form fields');
    } finally {
      await emulateMedia({ colorScheme: 'no-preference' });
    }
  });

  it('the --send-* tokens still win over the dark defaults, and the theme set as a property shows as the attribute', async () => {
    const page = darkPage('#000000');
    page.style.setProperty('--send-text-colour', 'rgb(255, 221, 0)');
    const feed = (await STATES['news feed, list']({}, page)) as SendNewsFeed;
    feed.theme = 'dark';
    await feed.updateComplete;
    assertEqual(feed.getAttribute('theme'), 'dark', 'reflected, so the style sheet sees it');
    assertEqual(textColour(feed), 'rgb(255, 221, 0)', 'the token');
  });
});
