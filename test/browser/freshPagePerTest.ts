import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchChromium } from './chromium';

/** Where browser tests leave their screenshots (gitignored). */
export const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/**
 * Registers the hooks of a browser suite: one Chromium for the suite, a fresh 1400×900 page
 * per test, and after each test the check that the page threw nothing — an uncaught error in
 * the page is a bug in the builder even when the steps went through. Call it inside `describe`;
 * the returned function gives the current test's page.
 */
export function freshPagePerTest(): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  });

  afterEach(async () => {
    await page?.close();
    expect(pageErrors).toEqual([]);
  });

  return () => {
    if (!page) throw new Error('no page: freshPagePerTest() gives a page only inside a test');
    return page;
  };
}
