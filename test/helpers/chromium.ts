/** Launch options for Debian's Chromium, shared by the browser tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LaunchOptions } from 'puppeteer-core';
import { CHROMIUM } from '../../scripts/lib/steps.ts';

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
