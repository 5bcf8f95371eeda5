/** Debian's Chromium for the browser tests: its launch options, and axe-core's check of a page. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LaunchOptions, Page } from 'puppeteer-core';
import { CHROMIUM, repoRoot } from '../../scripts/lib/steps.ts';

// Without these flags Chromium reaches for the network at start-up, which is closed here.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function launchOptions(): LaunchOptions {
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'send-chromium-')),
  };
}

const AXE = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
// Best practice too: every piece of content inside a landmark, landmarks told apart, one h1, headings in order.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/** axe-core's WCAG 2.2 A/AA and best-practice violations on the page as it is now, shadow roots included. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  // Run in the page, which has the DOM (this module is also checked without the DOM's types, for the bench).
  type Axe = { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> };
  const violations = await page.evaluate(async (tags: string[]) => {
    const browser = globalThis as unknown as { axe: Axe; document: unknown };
    return (await browser.axe.run(browser.document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, AXE_TAGS);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}
