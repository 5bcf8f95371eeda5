/**
 * A partner page whose widget script arrives late, as over a slow connection, or never (the CMS down, a blocker):
 * the page paints first with the bare elements. Records the whole load's layout shifts from its start, and when
 * the first widget was defined.
 */
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';

const WIDGETS = ['send-news-feed', 'send-news-archive', 'send-consultation-countdown'];

export type WidgetBox = {
  el: string;
  height: number;
  /** Whether its top is in the first screen (the others wait until the reader scrolls near them). */
  firstScreen: boolean;
  loading: boolean;
  /** The plain link inside the element, where it shows (before the script has run, or where it never does). */
  link: { text?: string; href: string | null } | null;
};

/** Each widget on the page as drawn now. */
export const widgetBoxes = (page: Page): Promise<WidgetBox[]> =>
  page.evaluate(
    (names) =>
      [...document.querySelectorAll(names.join(', '))].map((el) => {
        const { top, height } = el.getBoundingClientRect();
        const link = el.querySelector('a');
        return {
          el: el.localName,
          height: Math.round(height),
          firstScreen: top < innerHeight,
          loading: !!el.shadowRoot?.querySelector('.loading'),
          link: link && link.getBoundingClientRect().height > 0 ? { text: link.textContent?.trim(), href: link.getAttribute('href') } : null,
        };
      }),
    WIDGETS,
  );

/** Waits until no widget in the first screen is loading. */
export async function firstScreenLoaded(page: Page, timeout = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeout; (await widgetBoxes(page)).some((box) => box.firstScreen && box.loading);) {
    assert.ok(Date.now() < deadline, 'the widgets in the first screen loaded');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Call before the page is opened: holds every widget script `delay` ms, or refuses it. */
export async function widgetScriptArrives(page: Page, delay: number | 'never'): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/widgets/')) void request.continue();
    else if (delay === 'never') void request.abort();
    else setTimeout(() => void request.continue(), delay);
  });
  await page.evaluateOnNewDocument(`globalThis.sendShifts = [];
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) globalThis.sendShifts.push(entry.value); }).observe({ type: 'layout-shift', buffered: true });
    for (const name of ${JSON.stringify(WIDGETS)}) customElements.whenDefined(name).then(() => { globalThis.sendDefinedAt ??= performance.now(); });`);
}

/** Once the widgets have loaded: the layout shift over the whole load, having checked the page painted before any widget was defined. */
export async function layoutShiftOfLateLoad(page: Page): Promise<{ shift: number; paintedAt: number; definedAt: number }> {
  const { shifts, paintedAt, definedAt } = (await page.evaluate(`({
    shifts: globalThis.sendShifts,
    paintedAt: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    definedAt: globalThis.sendDefinedAt,
  })`)) as { shifts: number[]; paintedAt?: number; definedAt?: number };
  assert.ok(
    paintedAt !== undefined && definedAt !== undefined && paintedAt < definedAt,
    `painted at ${paintedAt} ms, before a widget was defined at ${definedAt} ms`,
  );
  return { shift: shifts.reduce((sum, value) => sum + value, 0), paintedAt, definedAt };
}
