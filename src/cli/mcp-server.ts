/**
 * specgate as an MCP server: the CLI's commands as tools a coding agent calls (lint, suggest,
 * compile, test, explain, report), and the project's specs and last report as resources. Every
 * tool runs the CLI's own functions in this process, against the project at `root`.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { allRules, formatJson, suggestCheck } from '../lint/index.js';
import { builtInPhrases } from '../phrases/index.js';
import type { RunReport } from '../report/model.js';
import { createContext } from './context.js';
import type { CliContext } from './context.js';
import { CliError } from './errors.js';
import { listSpecFiles, loadSpecs, selectSpecFiles } from './project.js';
import { packageVersion } from './version.js';
import { DEFAULT_REPORT_DIR } from './commands/options.js';

export interface McpServerOptions {
  /** The project root the tools work in. */
  root: string;
  /** Where test runs write their reports and `report`/`explain` read them (default specgate-report). */
  reportDir?: string;
  /** Progress lines for the operator (stderr; stdout carries the protocol). */
  log?: (line: string) => void;
}

/** What a tool call printed through the CLI's context, gathered for the tool's result. */
interface CapturedContext {
  context: CliContext;
  output: () => string;
}

function captureContext(root: string): CapturedContext {
  let text = '';
  const context = createContext({
    root,
    verbose: false,
    color: false,
    io: {
      stdout: (chunk) => (text += chunk),
      stderr: (chunk) => (text += chunk),
      env: process.env,
      stdoutIsTTY: false,
    },
  });
  return { context, output: () => text.trimEnd() };
}

function textResult(text: string, structured?: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], ...(structured ? { structuredContent: structured } : {}) };
}

function errorResult(error: unknown, printed = ''): CallToolResult {
  const message = error instanceof Error ? error.message : String(error);
  const internal = error instanceof CliError ? '' : 'internal error: ';
  return {
    isError: true,
    content: [
      { type: 'text', text: [printed, `specgate: ${internal}${message}`].filter(Boolean).join('\n\n') },
    ],
  };
}

/** Runs a tool body with a captured context; a CliError (bad input, spec errors) is the tool's error result. */
async function withContext(
  root: string,
  body: (context: CliContext, printed: () => string) => Promise<CallToolResult>,
): Promise<CallToolResult> {
  const { context, output } = captureContext(root);
  try {
    return await body(context, output);
  } catch (error) {
    return errorResult(error, output());
  }
}

const specsArgument = z
  .array(z.string())
  .optional()
  .describe('Spec files (`specs/orders.md`) or spec names (`orders`); default: every specs/*.md');

export function createSpecgateServer(options: McpServerOptions): McpServer {
  const { root } = options;
  const reportDir = resolve(root, options.reportDir ?? DEFAULT_REPORT_DIR);
  const log = options.log ?? (() => {});
  const server = new McpServer(
    { name: 'specgate', version: packageVersion() },
    {
      instructions:
        'specgate judges an implementation against a Markdown spec (specs/*.md): each criterion (C-, FM-, AC- ids) ' +
        'compiles to a test with real services and fault injection. Loop: `test` → read each failure and its question → ' +
        'fix the code, or fix the spec when the spec is what is wrong → `test` again. Never edit generated/: it is ' +
        'compiled from the specs. `lint` asks the questions a reviewer would; `explain` tells what a criterion runs.',
    },
  );
  // One run at a time: a run sets the process's SPECGATE_* env and exit code while it lasts.
  let running: Promise<unknown> = Promise.resolve();

  server.registerTool(
    'lint',
    {
      title: 'Lint specs',
      description:
        "Parse and lint specs: errors (the spec cannot compile), and warnings that are a reviewer's questions " +
        '(what happens when a service is down, which status over a limit…), each with file, line and column. ' +
        'With suggest, a starting yaml block for every criterion that has none.',
      inputSchema: {
        specs: specsArgument,
        suggest: z
          .boolean()
          .default(false)
          .describe('also draft a yaml block for each criterion without one'),
        include_info: z.boolean().default(false).describe('also list info-level findings'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ specs, suggest, include_info }) =>
      withContext(root, async () => {
        const { configuredRules, lintLoadedSpec } = await import('./commands/lint.js');
        const rules = await configuredRules(root, []);
        const loaded = await loadSpecs(root, await selectSpecFiles(root, specs ?? []));
        const results = loaded.map((spec) =>
          lintLoadedSpec(spec, rules, { minimum: include_info ? 'info' : 'warning', suggest }),
        );
        const files = JSON.parse(formatJson(results, allRules)) as Array<{
          file: string;
          findings: Array<{
            severity: string;
            code: string;
            line: number;
            column: number;
            message: string;
            hint?: string;
          }>;
          suggestions?: Record<string, string>;
        }>;
        const lines = files.flatMap((file) => [
          ...file.findings.map(
            (f) =>
              `${file.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}${f.hint ? ` (${f.hint})` : ''}`,
          ),
          ...Object.entries(file.suggestions ?? {}).map(
            ([id, yaml]) => `${file.file}: ${id} has no yaml block; a start:\n\`\`\`yaml\n${yaml}\n\`\`\``,
          ),
        ]);
        const errors = files.reduce(
          (sum, file) => sum + file.findings.filter((f) => f.severity === 'error').length,
          0,
        );
        const summary = `${files.length} spec(s), ${errors} error(s), ${
          files.reduce((sum, file) => sum + file.findings.length, 0) - errors
        } other finding(s)`;
        return textResult([...lines, summary].join('\n'), { files, errors });
      }),
  );

  server.registerTool(
    'suggest',
    {
      title: 'Suggest a check for a criterion',
      description:
        'For one criterion: a starting yaml block drafted from its prose (for a person or agent to finish, never a ' +
        'finished check), and the built-in phrases closest to a clause no phrase matched. Use it on criteria lint or ' +
        'test report as not executable.',
      inputSchema: {
        spec: z.string().describe('the spec file or name, e.g. specs/view-counter.md or view-counter'),
        criterion: z.string().describe('the criterion id, e.g. AC-3'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ spec: specArgument, criterion: id }) =>
      withContext(root, async () => {
        const [loaded] = await loadSpecs(root, await selectSpecFiles(root, [specArgument]));
        const spec = loaded?.spec;
        if (!spec) throw new CliError(`${specArgument}: the spec has errors; run the lint tool first`);
        const criterion = spec.sections.flatMap((section) => section.criteria).find((c) => c.id === id);
        if (!criterion) throw new CliError(`${id}: no criterion with this id in ${spec.file}`);
        const block = suggestCheck(criterion, spec);
        const unmatched = /no phrase matches "([^"]+)"/.exec(criterion.notExecutable ?? '')?.[1];
        const phrases = unmatched
          ? builtInPhrases
              .map((definition) => ({
                definition,
                score: distance(unmatched.toLowerCase(), definition.phrase),
              }))
              .sort((a, b) => a.score - b.score)
              .slice(0, 3)
              .map(({ definition }) => ({
                phrase: definition.phrase,
                book: definition.book,
                means: definition.means,
              }))
          : [];
        const lines = [
          `${spec.file} ${criterion.id}: ${criterion.check ? 'executable already' : `not executable: ${criterion.notExecutable ?? 'no yaml block'}`}`,
          ...(block !== undefined ? ['a start for its yaml block:', '```yaml', block.trimEnd(), '```'] : []),
          ...(block === undefined && !criterion.check ? ['no block could be drafted from its prose'] : []),
          ...(phrases.length > 0
            ? [
                `phrases closest to "${unmatched}":`,
                ...phrases.map((p) => `  ${p.phrase} (${p.book}): ${p.means}`),
              ]
            : []),
        ];
        return textResult(lines.join('\n'), {
          executable: criterion.check !== undefined,
          ...(block !== undefined ? { block } : {}),
          phrases,
        });
      }),
  );

  server.registerTool(
    'compile',
    {
      title: 'Compile specs',
      description:
        'Compile specs into generated/<name>.test.ts. All or nothing: when any spec has an error nothing is written ' +
        'and the errors are returned with file:line:column. `test` compiles too; call this to check a spec edit.',
      inputSchema: { specs: specsArgument },
      annotations: { idempotentHint: true },
    },
    async ({ specs }) =>
      withContext(root, async (context) => {
        const { compileProject } = await import('./commands/compile.js');
        const result = await compileProject(context, specs ?? []);
        return textResult(
          `compiled ${result.suites.length} spec(s): ${result.written.length} written, ${
            result.suites.length - result.written.length
          } unchanged${result.deleted.length > 0 ? `, ${result.deleted.length} orphan(s) deleted` : ''}`,
          { suites: result.suites, written: result.written, deleted: result.deleted },
        );
      }),
  );

  server.registerTool(
    'test',
    {
      title: 'Judge an implementation',
      description:
        'Compile and run specs against an implementation, with real services and fault injection: every criterion ' +
        'gets a verdict, and every failure its evidence (expected vs actual, the request that broke it, the faults in ' +
        'force, a replay command, the question it raises). The report is saved for `report` and `explain`. ' +
        'Runs take seconds to minutes: progress is notified per criterion; cancelling the request stops the run ' +
        'and every process it started.',
      inputSchema: {
        specs: specsArgument,
        criterion: z.string().optional().describe('run only the criterion with this id, e.g. FM-1'),
        target: z
          .string()
          .optional()
          .describe(
            "judge this implementation instead of the spec's target: a shell command (`node server.mjs`), " +
              'a URL (`http://127.0.0.1:8080`) or `module:path#export`',
          ),
        seed: z.number().int().optional().describe('seed of the property runs (from a replay command)'),
        path: z.string().optional().describe('fast-check path of a counterexample (from a replay command)'),
        runs: z.number().int().positive().optional().describe('property runs per criterion'),
      },
    },
    async ({ specs, criterion, target, seed, path, runs }, extra) => {
      const previous = running;
      let release: () => void = () => {};
      running = new Promise<void>((done) => (release = done));
      await previous;
      try {
        return await withContext(root, async (context) => {
          const { runSpecs } = await import('./commands/test.js');
          const { renderAgent } = await import('../report/agent.js');
          const progressToken = extra._meta?.progressToken;
          const run = await runSpecs(
            context,
            specs ?? [],
            {
              ...(criterion !== undefined ? { criterion } : {}),
              ...(target !== undefined ? { target } : {}),
              ...(seed !== undefined ? { seed: String(seed) } : {}),
              ...(path !== undefined ? { path } : {}),
              ...(runs !== undefined ? { runs: String(runs) } : {}),
            },
            {
              signal: extra.signal,
              onProgress: (progress) => {
                if (progressToken === undefined) return;
                void extra
                  .sendNotification({
                    method: 'notifications/progress',
                    params: {
                      progressToken,
                      progress: progress.done,
                      total: progress.total,
                      message: `${progress.state}: ${progress.test}`,
                    },
                  })
                  .catch(() => {});
              },
            },
          );
          if (run.cancelled) {
            log(
              `specgate mcp: test run cancelled (${run.report.totals.passed + run.report.totals.failed} criteria judged)`,
            );
            return errorResult(new CliError('the run was cancelled; no report was saved'));
          }
          await saveReport(reportDir, run.report);
          log(
            `specgate mcp: test run done: ${run.report.totals.passed} passed, ${run.report.totals.failed} failed`,
          );
          return textResult(renderAgent(run.report).trimEnd(), testSummary(run.report, run.passed));
        });
      } finally {
        release();
      }
    },
  );

  server.registerTool(
    'explain',
    {
      title: 'Explain a criterion or a diagnostic code',
      description:
        'subject a diagnostic code (SG1007): its catalogue page (meaning, an example, the fix). subject a criterion ' +
        'id (AC-1, with spec when several specs have it): its prose, the phrases it matched, the steps it runs and ' +
        'its verdict and evidence in the last report.',
      inputSchema: {
        subject: z.string().describe('a diagnostic code such as SG1007, or a criterion id such as FM-1'),
        spec: z.string().optional().describe('the spec file or name the criterion belongs to'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ subject, spec }) =>
      withContext(root, async () => {
        const explain = await import('./commands/explain.js');
        if (/^SG\d{4}$/i.test(subject)) {
          const page = await explain.explainCode(subject);
          return textResult(page.text, { ...page });
        }
        const explanation =
          spec !== undefined
            ? await explain.explainCriterion(root, spec, subject, reportDir)
            : await explain.explainCriterion(root, subject, undefined, reportDir);
        return textResult(explain.renderCriterionExplanation(explanation), { ...explanation });
      }),
  );

  server.registerTool(
    'report',
    {
      title: 'The last report',
      description:
        'The last run report as JSON (schema/specgate-report.schema.json): the gate, totals, every criterion with its ' +
        'verdict and, for failures, its evidence. Written by the `test` tool and by `specgate ci`.',
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    async () =>
      withContext(root, async () => {
        const text = await readLastReport(reportDir);
        return textResult(text, JSON.parse(text) as Record<string, unknown>);
      }),
  );

  server.registerResource(
    'spec',
    new ResourceTemplate('specgate://specs/{name}', {
      list: async () => ({
        resources: (await listSpecFiles(root)).map((file) => ({
          uri: `specgate://specs/${specName(file)}`,
          name: file,
          mimeType: 'text/markdown',
        })),
      }),
    }),
    {
      title: 'A spec',
      description: 'A spec of the project (specs/<name>.md), as Markdown',
      mimeType: 'text/markdown',
    },
    async (uri, { name }) => {
      const [file] = await selectSpecFiles(root, [String(name)]);
      return {
        contents: [
          { uri: uri.href, mimeType: 'text/markdown', text: await readFile(join(root, file!), 'utf8') },
        ],
      };
    },
  );

  server.registerResource(
    'last-report',
    'specgate://report/last',
    {
      title: 'The last report',
      description: 'The last run report as JSON (written by the test tool and by specgate ci)',
      mimeType: 'application/json',
    },
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'application/json', text: await readLastReport(reportDir) }],
    }),
  );

  return server;
}

function specName(file: string): string {
  return file.replace(/^specs\//, '').replace(/\.md$/, '');
}

async function saveReport(reportDir: string, report: RunReport): Promise<void> {
  const { renderReports } = await import('../report/index.js');
  const { writeReports } = await import('./commands/ci.js');
  await writeReports(reportDir, renderReports(report));
}

async function readLastReport(reportDir: string): Promise<string> {
  const { REPORT_FILES } = await import('./commands/ci.js');
  const path = join(reportDir, REPORT_FILES.json);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined)
    throw new CliError(`no report yet at ${path}: run the test tool (or specgate ci) first`);
  return text;
}

/** The verdicts as data: what an agent filters on without reading the text. */
function testSummary(report: RunReport, passed: boolean): Record<string, unknown> {
  return {
    passed,
    totals: report.totals,
    criteria: report.specs.flatMap((spec) =>
      spec.sections.flatMap((section) =>
        section.criteria.map((criterion) => ({
          spec: spec.file,
          id: criterion.id,
          place: `${criterion.file}:${criterion.line}`,
          verdict: criterion.verdict,
          ...(criterion.reason !== undefined ? { reason: criterion.reason } : {}),
          ...(criterion.failure
            ? {
                failure: {
                  message: criterion.failure.message,
                  faults: criterion.failure.faults.map((fault) => fault.trim()),
                  transcript: criterion.failure.transcript.slice(-5).map((line) => line.trim()),
                  replay: criterion.failure.replay,
                },
              }
            : {}),
        })),
      ),
    ),
    problems: report.problems,
  };
}
