/*
 * A reader's own browser settings, on every state a reader meets, in the shipped build:
 * - forced colours (Windows contrast themes), where the browser drops backgrounds and shadows: every shape drawn by
 *   a background alone (tags, notices, panels, the Respond button) keeps a border, and every control a keyboard
 *   reaches shows a focus outline;
 * - reduced motion: nothing moves, the loading indicator included;
 * - wider text spacing (WCAG 2.2, 1.4.12) on a 320 px screen: no text is cut off and nothing scrolls sideways.
 * Each check is also run where it must fail (no forced colours, motion allowed, a clipping box), so it can.
 */
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { fixtureFetcher } from '../fixtures/index.js';
import type { SendNewsFeed } from './under-test.js';
import { assert, assertEqual, guardHostPage, mount, shadow } from './helpers.js';
import { READER_STATES } from './reader-states.js';
import {
  addRules,
  allElements,
  backgroundShapes,
  clippedText,
  focusChange,
  focused,
  focusOutline,
  named,
  noteUnfocusedLooks,
  unbordered,
  widenTextSpacing,
} from './reader-settings-checks.js';

type MediaFeature = { name: string; value: string };
const emulate = (features: MediaFeature[]) => executeServerCommand('emulate-reader-media', features);
const FORCED_COLOURS = [{ name: 'forced-colors', value: 'active' }];
const REDUCED_MOTION = [{ name: 'prefers-reduced-motion', value: 'reduce' }];

/** Whether `element` is in the widget's shadow root, or in a shadow root inside it. */
function insideOf(widget: HTMLElement, element: Element): boolean {
  const root = element.getRootNode();
  return root === widget.shadowRoot || (root instanceof ShadowRoot && insideOf(widget, root.host));
}

/** Tabs from just before the widget to just after it; returns what `check` says of each control reached inside it. */
async function tabThrough<T>(widget: HTMLElement, check: () => T): Promise<T[]> {
  const before = document.createElement('button');
  before.textContent = 'Before';
  const after = document.createElement('button');
  after.textContent = 'After';
  widget.before(before);
  widget.after(after);
  const reached: T[] = [];
  try {
    before.focus();
    for (let step = 0; step < 60; step += 1) {
      await sendKeys({ press: 'Tab' });
      const element = focused();
      if (!element || !insideOf(widget, element)) break;
      reached.push(check());
    }
  } finally {
    before.remove();
    after.remove();
  }
  return reached;
}

/** The column of the page the widget sits in: at most 320 px, as on a small phone. */
function phoneColumn(): HTMLElement {
  const column = document.createElement('div');
  column.style.cssText = 'max-width: 320px';
  document.body.append(column);
  return column;
}

describe('a reader\u2019s own browser settings', () => {
  guardHostPage();
  afterEach(() => emulate([]));

  describe('forced colours', () => {
    for (const [state, mountState] of Object.entries(READER_STATES)) {
      it(`${state}: focus shows on every control; in forced colours every shape drawn by a background keeps a border and every control shows a focus outline`, async () => {
        const widget = await mountState({}, phoneColumn());
        const shapes = backgroundShapes(shadow(widget));
        noteUnfocusedLooks(shadow(widget));
        const shown = await tabThrough(widget, () => focusChange()!);
        assertEqual(
          shown.filter(({ visible }) => !visible).map(({ element }) => element),
          [],
          'controls whose focus does not show in ordinary colours',
        );
        await emulate(FORCED_COLOURS);
        assert(matchMedia('(forced-colors: active)').matches, 'forced colours are on');
        assertEqual(unbordered(shapes), [], 'shapes without a border in forced colours');
        const reached = await tabThrough(widget, () => focusOutline()!);
        assert(reached.length > 0, `a keyboard reaches something in ${state}`);
        assertEqual(
          reached.filter(({ visible }) => !visible).map(({ element, outline }) => `${element}: ${outline}`),
          [],
          'controls without a visible focus outline in forced colours',
        );
      });
    }

    it('without forced colours the checks above find shapes with no border and outlines that are transparent (so they can fail)', async () => {
      const widget = await READER_STATES['consultation countdown, open']({}, phoneColumn());
      assert(unbordered(backgroundShapes(shadow(widget))).length > 0, 'the Respond button has no border of its own');
      const reached = await tabThrough(widget, () => focusOutline()!);
      assert(
        reached.some(({ visible }) => !visible),
        `the focus style is a fill, not an outline: ${reached.map(({ outline }) => outline).join('; ')}`,
      );
    });

    it('a control whose focus style is taken away is found (so the check in ordinary colours can fail)', async () => {
      const widget = await READER_STATES['news feed, list']({}, phoneColumn());
      // Links look the same with focus as without.
      addRules(
        shadow(widget),
        'a, a:focus-visible { outline: none !important; background: none !important; box-shadow: none !important; color: blue !important; }',
      );
      noteUnfocusedLooks(shadow(widget));
      const shown = await tabThrough(widget, () => focusChange()!);
      assert(shown.length > 0 && shown.every(({ visible }) => !visible), `no link shows focus: ${JSON.stringify(shown)}`);
    });
  });

  describe('reduced motion', () => {
    const loadingFeed = () =>
      mount<SendNewsFeed>('send-news-feed', {
        attributes: { api: 'https://cms.example' },
        properties: { fetcher: fixtureFetcher(() => ({ behaviour: 'hang' })) },
        parent: phoneColumn(),
      });

    it('the loading indicator moves when motion is allowed (so the check below can fail)', async () => {
      const feed = await loadingFeed();
      assert(shadow(feed).getAnimations().length > 0, 'an animation runs while loading');
    });

    it('nothing moves in any state, loading included, when the reader asks for less motion', async () => {
      await emulate(REDUCED_MOTION);
      const feed = await loadingFeed();
      assertEqual(shadow(feed).getAnimations().length, 0, 'animations while loading');
      feed.parentElement?.remove();
      for (const [state, mountState] of Object.entries(READER_STATES)) {
        // One at a time, as in a test of its own: a widget below the fold waits to fetch until a reader scrolls near
        // it, and one whose API fails shows the answer an earlier widget kept.
        localStorage.clear();
        const widget = await mountState({}, phoneColumn());
        const moving = allElements(shadow(widget)).filter((element) => {
          const { animationName, transitionDuration } = getComputedStyle(element);
          return animationName !== 'none' || transitionDuration.split(',').some((duration) => parseFloat(duration) > 0);
        });
        assertEqual(moving.map(named), [], `${state}: animated or transitioned elements`);
        widget.parentElement?.remove();
      }
    });
  });

  describe('wider text spacing on a 320 px screen (WCAG 1.4.12)', () => {
    before(() => setViewport({ width: 320, height: 640 }));
    after(() => setViewport({ width: 800, height: 600 }));

    for (const [state, mountState] of Object.entries(READER_STATES)) {
      it(`${state}: no text is cut off and nothing scrolls sideways`, async () => {
        const widget = await mountState({}, phoneColumn());
        widenTextSpacing(shadow(widget));
        assertEqual(
          getComputedStyle(shadow(widget).querySelector('p, a, h2, h3') ?? widget).letterSpacing !== 'normal',
          true,
          'the spacing applies inside the widget',
        );
        assertEqual(clippedText(shadow(widget)), [], 'boxes that cut off their text');
        assert(
          document.documentElement.scrollWidth <= innerWidth,
          `the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${innerWidth}`,
        );
      });
    }

    it('a box that clips its text is found (so the check above can fail)', async () => {
      const widget = await READER_STATES['news feed, list']({}, phoneColumn());
      addRules(shadow(widget), 'h3 { height: 1em; overflow: hidden; }');
      widenTextSpacing(shadow(widget));
      assert(clippedText(shadow(widget)).length > 0, 'a heading one line high is found clipped');
    });
  });
});
