import AxeBuilder from '@axe-core/playwright';
import chromium from '@sparticuz/chromium';
import { type Browser, type BrowserContext, type Page, chromium as playwright } from 'playwright-core';

/**
 * Chromium for the console's browser tests comes from the npm registry (@sparticuz/chromium ships it
 * inside its package), driven by playwright-core: nothing else is downloaded.
 */
export async function launchChromium(): Promise<Browser> {
  return playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
}

/** A page that records every uncaught error and console error, for the test to fail on. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  /**
   * Console errors the test provokes on purpose, each allowed once: Chromium logs every HTTP error
   * answer ("Failed to load resource: … status of 422"), so a test showing a refusal expects one.
   */
  expected: RegExp[];
}

export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  const problems: string[] = [];
  const expected: RegExp[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const allowed = expected.findIndex((pattern) => pattern.test(message.text()));
    if (allowed >= 0) expected.splice(allowed, 1);
    else problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  return { page, context, problems, expected };
}

/** axe-core on the page as it is now: no serious or critical violation (names them otherwise). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
