/**
 * Generated files must type-check against the runtime they import: the literals the compiler
 * prints are checked against `SuiteInfo` and `Criterion` as a user's editor would check them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { compileSpec } from '../../src/compile/index.js';
import { parseSpec } from '../../src/parse/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLDEN_DIR = join(ROOT, 'test/golden/compile');

test('compiled golden specs type-check against the runtime', () => {
  const files = new Map<string, string>();
  for (const name of ['minimal', 'escaping']) {
    const { spec } = parseSpec(readFileSync(join(GOLDEN_DIR, `${name}.md`), 'utf8'), `specs/${name}.md`);
    if (!spec) throw new Error(`${name}.md did not parse`);
    files.set(join(ROOT, 'generated', `__typecheck-${name}.test.ts`), compileSpec(spec));
  }

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    baseUrl: ROOT,
    paths: { 'specgate/runtime': ['./src/runtime/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.readFile = (path) => files.get(path) ?? readFile.call(host, path);
  host.getSourceFile = (path, language, ...rest) => {
    const text = files.get(path);
    return text === undefined
      ? getSourceFile.call(host, path, language, ...rest)
      : ts.createSourceFile(path, text, language);
  };

  const program = ts.createProgram([...files.keys()], options, host);
  const diagnostics = [...files.keys()].flatMap((path) => {
    const source = program.getSourceFile(path);
    return source
      ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
      : [];
  });
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
}, 60_000);
