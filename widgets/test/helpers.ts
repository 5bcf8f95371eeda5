/** Shared test helpers: mounting widgets, waiting for renders, catching host-page errors. */
import type { LitElement } from 'lit';

/* axe-core is UMD: the test page loads it with a classic script (see web-test-runner.config.mjs). */
declare const axe: typeof import('axe-core');

export function assertEqual<T>(actual: T, expected: T, what = 'value'): void {
  if (!Object.is(actual, expected) && JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function assertIncludes(haystack: string, needle: string, what = 'text'): void {
  if (!haystack.includes(needle)) throw new Error(`${what}: expected to include ${JSON.stringify(needle)} in ${JSON.stringify(haystack)}`);
}

export function assertExcludes(haystack: string, needle: string, what = 'text'): void {
  if (haystack.includes(needle)) throw new Error(`${what}: expected not to include ${JSON.stringify(needle)} in ${JSON.stringify(haystack)}`);
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export interface HostErrorLog {
  readonly messages: string[];
  stop(): void;
}

/** Records uncaught errors, unhandled rejections and console.error calls while a test runs. */
export function captureHostErrors(): HostErrorLog {
  const messages: string[] = [];
  const onError = (event: ErrorEvent) => messages.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => messages.push(`unhandledrejection: ${String(event.reason)}`);
  const originalConsoleError = console.error;
  console.error = (...args: unknown[]) => {
    messages.push(`console.error: ${args.map(String).join(' ')}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    messages,
    stop() {
      console.error = originalConsoleError;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

const mounted: HTMLElement[] = [];

/** Creates an element with attributes and properties, adds it to the page and waits for its first render. */
export async function mount<T extends LitElement>(
  tag: string,
  setup: { attributes?: Record<string, string>; properties?: Partial<T>; parent?: HTMLElement } = {},
): Promise<T> {
  const element = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(setup.attributes ?? {})) element.setAttribute(name, value);
  Object.assign(element, setup.properties ?? {});
  (setup.parent ?? document.body).append(element);
  mounted.push(setup.parent ?? element);
  await element.updateComplete;
  return element;
}

export function unmountAll(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/** Resolves once `predicate` holds, re-checking after each animation frame. */
export async function waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits for the next event of this name from the element. */
export function nextEvent<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as CustomEvent<T>), { once: true }));
}

export const shadow = (element: HTMLElement): ShadowRoot => {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
};

/** Items the widget shows (matching `selector`), not the hidden placeholders that keep their space while loading. */
export const shownItems = (root: ParentNode, selector = '.item'): Element[] =>
  [...root.querySelectorAll(selector)].filter((element) => !element.closest('.placeholder'));

export const textOf = (element: HTMLElement): string => (shadow(element).textContent ?? '').replace(/\s+/g, ' ').trim();

/** API keys (types, audiences, statuses) that readers must only ever see as words. */
const RAW_KEYS = new Set([
  'article',
  'consultation',
  'staffing-update',
  'parents-carers',
  'children-young-people',
  'professionals',
  'upcoming',
  'open',
  'closed',
]);
const CAMEL_CASE = /^[a-z]+[A-Z]\w*$/;

/** Visible texts and accessible labels in the element that are code identifiers (`clearFilters`, `article`). */
export function codeLabels(element: HTMLElement): string[] {
  const root = shadow(element);
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
  for (const labelled of root.querySelectorAll('[aria-label], [alt], [title]')) {
    texts.push(...['aria-label', 'alt', 'title'].map((name) => labelled.getAttribute(name) ?? ''));
  }
  return texts
    .map((text) => text.trim().replace(/\s*\(\d+\)$/, '')) // "Inspections (8)": a facet's count
    .filter((text) => CAMEL_CASE.test(text) || RAW_KEYS.has(text));
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeOnce(element: HTMLElement): Promise<string[]> {
  const results = await axe.run(element, { runOnly: { type: 'tag', values: AXE_TAGS } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * What stands between a reader and the element: axe-core's WCAG 2.2 A/AA violations (inside its shadow root)
 * and code identifiers shown as labels. A running animation (the loading indicator) is checked at its start,
 * middle and end, so a fading frame cannot hide a contrast failure.
 */
export async function readerProblems(element: HTMLElement): Promise<string[]> {
  const problems = new Set(codeLabels(element).map((text) => `code identifier shown: ${JSON.stringify(text)}`));
  const animations = shadow(element).getAnimations();
  for (const fraction of animations.length ? [0, 0.5, 1] : [0]) {
    for (const animation of animations) {
      const { duration } = animation.effect?.getComputedTiming() ?? {};
      animation.pause();
      animation.currentTime = (typeof duration === 'number' ? duration : 0) * fraction;
    }
    for (const problem of await axeOnce(element)) problems.add(fraction ? `${problem} (animation at ${fraction})` : problem);
  }
  for (const animation of animations) animation.play();
  return [...problems];
}

/** Wraps a fetcher so tests can see which URLs a widget requested. */
export function recording(fetcher: (url: string, init: RequestInit) => Promise<Response>) {
  const urls: URL[] = [];
  const wrapped = (url: string, init: RequestInit) => {
    urls.push(new URL(url));
    return fetcher(url, init);
  };
  return Object.assign(wrapped, { urls });
}

const testPageUrl = location.href;

/**
 * Per-test isolation for widget suites: fresh storage and URL, widgets removed,
 * and the test fails if the host page saw any error or console.error.
 */
export function guardHostPage(): void {
  let errors: HostErrorLog;
  beforeEach(() => {
    localStorage.clear();
    errors = captureHostErrors();
  });
  afterEach(() => {
    unmountAll();
    history.replaceState(null, '', testPageUrl);
    errors.stop();
    assertEqual(errors.messages, [], 'host page errors');
  });
}
