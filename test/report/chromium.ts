/**
 * Headless Chromium for the HTML report's tests and screenshot: the Debian `chromium` package
 * driven by playwright-core, so no browser download is needed.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface PageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** Launches Chromium, hands `fn` a fresh page, and closes the browser whatever `fn` does. */
export async function withChromiumPage<T>(
  fn: (page: Page) => Promise<T>,
  options: PageOptions = {},
): Promise<T> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\``,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1200, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
    });
    return await fn(await context.newPage());
  } finally {
    await browser.close();
  }
}

/** A full-page PNG of a rendered report as it opens (failed criteria show their evidence). */
export async function screenshotReport(
  htmlPath: string,
  pngPath: string,
  options: PageOptions = {},
): Promise<void> {
  await withChromiumPage(async (page) => {
    await page.goto(pathToFileURL(htmlPath).href);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: pngPath, fullPage: true });
  }, options);
}
