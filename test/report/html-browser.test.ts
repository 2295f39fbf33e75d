/**
 * The HTML report as a reviewer sees it: the sample rendered, opened from disk in headless Chromium.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import type { RunReport } from '../../src/report/model.js';
import { withChromiumPage } from './chromium.js';

const sample = JSON.parse(
  readFileSync(new URL('../fixtures/reports/sample.json', import.meta.url), 'utf8'),
) as RunReport;
const failedId = 'specs/rate-limit.md#AC-2';
const counterexample = sample.specs[0]!.sections[2]!.criteria[1]!.failure!.counterexample;

let dir: string;
let url: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'specgate-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, renderHtml(sample));
  url = pathToFileURL(file).href;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the report, recording every request but the file's own and every console error or page error. */
async function openReport<T>(fn: (page: Page, seen: { requests: string[]; errors: string[] }) => Promise<T>) {
  return withChromiumPage(async (page) => {
    const seen = { requests: [] as string[], errors: [] as string[] };
    page.on('request', (request) => {
      if (request.url() !== url) seen.requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') seen.errors.push(message.text());
    });
    page.on('pageerror', (error) => seen.errors.push(error.message));
    await page.goto(url);
    return fn(page, seen);
  });
}

test('shows the JSON report’s counts and coverage, and fetches nothing', async () => {
  await openReport(async (page, seen) => {
    for (const [key, value] of Object.entries(sample.totals)) {
      await expect
        .poll(() => page.locator(`[data-count="${key}"]`).innerText(), { message: key })
        .toBe(String(value));
    }
    expect(await page.locator('[data-coverage="executable"]').innerText()).toBe(
      String(sample.coverage.executable),
    );
    expect(await page.locator('[data-coverage="total"]').innerText()).toBe(String(sample.coverage.total));
    expect(await page.locator('[data-coverage="percent"]').innerText()).toBe(
      `${Math.floor(sample.coverage.ratio! * 100)}%`,
    );
    expect(await page.locator('[data-gate="failed"]').isVisible()).toBe(true);
    expect(seen.requests).toEqual([]);
    // A CSP violation (the script's hash out of date) is reported as a console error.
    expect(seen.errors).toEqual([]);
  });
});

test('a failed criterion opens with its counterexample shown; passes stay folded; a click folds it', async () => {
  await openReport(async (page, seen) => {
    const row = page.locator(`details[data-criterion="${failedId}"]`);
    const shown = row.locator('[data-evidence="counterexample"]');
    expect(await row.getAttribute('data-verdict')).toBe('failed');
    expect(await shown.isVisible()).toBe(true);
    const passed = page.locator('details[data-verdict="passed"]');
    expect(await passed.count()).toBeGreaterThan(0);
    expect(await passed.evaluateAll((rows) => rows.filter((row) => row.hasAttribute('open')).length)).toBe(0);
    const text = await shown.innerText();
    expect(text).toContain('"user": "u_3kq <script>alert(1)</script>"');
    expect(text).toContain('"limit": 100');
    expect(text).toContain('"note": "a & b \\"quoted\\""');
    expect(JSON.parse(text)).toEqual(counterexample);
    expect(await row.locator('[data-evidence="replay"]').isVisible()).toBe(true);
    // The copy button appears only when the page's own script ran under its CSP.
    expect(await row.locator('button[data-copy]').isVisible()).toBe(true);
    expect(await page.locator('script, img').count()).toBe(1);
    expect(seen.requests).toEqual([]);

    await row.locator('summary').click();
    expect(await shown.isVisible()).toBe(false);
  });
});

test('each row’s runs and seed fit their column, clear of the duration beside them', async () => {
  await openReport(async (page) => {
    const rows = await page.locator('details.criterion > summary').evaluateAll((summaries) =>
      summaries.map((summary) => {
        const runs = summary.querySelector('.runs')!;
        const duration = summary.querySelector('.duration')!;
        return {
          text: runs.textContent ?? '',
          fits: runs.scrollWidth <= runs.clientWidth,
          gap: duration.getBoundingClientRect().left - runs.getBoundingClientRect().right,
        };
      }),
    );
    expect(rows.some((row) => row.text.includes('seed'))).toBe(true);
    for (const row of rows) {
      expect(row.fits, row.text).toBe(true);
      expect(row.gap, row.text).toBeGreaterThanOrEqual(0);
    }
  });
});

test('the keyboard opens a criterion and the failure filter hides the others', async () => {
  await openReport(async (page) => {
    const passed = page.locator('details[data-criterion="specs/rate-limit.md#C-1"]');
    await passed.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await passed.getAttribute('open')).toBe('');

    await page.locator('#only-failed').focus();
    await page.keyboard.press('Space');
    expect(await passed.isVisible()).toBe(false);
    expect(await page.locator('[data-spec="specs/csv-import.md"]').isVisible()).toBe(false);
    expect(await page.locator(`details[data-criterion="${failedId}"]`).isVisible()).toBe(true);
  });
});
