/**
 * A full-page screenshot of an HTML report, its first failed criterion expanded, for docs/.
 *
 *   node --import tsx scripts/screenshot-report.ts <report.html> <out.png> [--dark]
 *
 * Given a JSON report instead of HTML, renders it first.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunReport } from '../src/report/model.js';
import { renderHtml } from '../src/report/html.js';
import { screenshotReport } from '../test/report/chromium.js';

const args = process.argv.slice(2);
const dark = args.includes('--dark');
const [input, output] = args.filter((arg) => arg !== '--dark');
if (input === undefined || output === undefined) {
  console.error(
    'usage: node --import tsx scripts/screenshot-report.ts <report.html|report.json> <out.png> [--dark]',
  );
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'specgate-screenshot-'));
try {
  let htmlPath = resolve(input);
  if (input.endsWith('.json')) {
    htmlPath = join(scratch, 'report.html');
    writeFileSync(htmlPath, renderHtml(JSON.parse(readFileSync(input, 'utf8')) as RunReport));
  }
  await screenshotReport(htmlPath, resolve(output), {
    viewport: { width: 1200, height: 800 },
    colorScheme: dark ? 'dark' : 'light',
  });
  console.log(`wrote ${output}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
