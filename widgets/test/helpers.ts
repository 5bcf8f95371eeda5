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
  return new Promise((resolve) =>
    target.addEventListener(name, (event) => resolve(event as CustomEvent<T>), { once: true }),
  );
}

export const shadow = (element: HTMLElement): ShadowRoot => {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
};

export const textOf = (element: HTMLElement): string =>
  (shadow(element).textContent ?? '').replace(/\s+/g, ' ').trim();

/** Runs axe on the element (inside its shadow root) with the WCAG 2.2 AA rule tags; returns violation summaries. */
export async function axeViolations(element: HTMLElement): Promise<string[]> {
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
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
