/**
 * The report stage: every criterion traced to a verdict (collect), and the renderings a team reads:
 * JSON for tools, JUnit XML for CI test views, Markdown for job summaries and PR comments, HTML for people.
 */
import { renderHtml } from './html.js';
import { renderJUnit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RunReport } from './model.js';

export type * from './model.js';
export { REPORT_SCHEMA_VERSION } from './model.js';
export { buildReport, describeProblem } from './collect.js';
export type { ReportInput, SuiteOutcome, TestOutcome } from './collect.js';
export { renderHtml, renderJUnit, renderMarkdown };

export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** GitHub's limit on a comment body is 65,536 characters; leave room for a header a workflow adds. */
export const COMMENT_MAX_LENGTH = 65_000;

export interface RenderedReports {
  json: string;
  junit: string;
  /** Fits GITHUB_STEP_SUMMARY (1 MiB). */
  markdown: string;
  /** The same summary cut to fit a pull-request comment. */
  comment: string;
  html: string;
}

export function renderReports(report: RunReport): RenderedReports {
  return {
    json: renderJson(report),
    junit: renderJUnit(report),
    markdown: renderMarkdown(report),
    comment: renderMarkdown(report, { maxLength: COMMENT_MAX_LENGTH }),
    html: renderHtml(report),
  };
}
