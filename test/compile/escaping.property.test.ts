/**
 * Whatever a spec contains, the generated file is valid TypeScript holding exactly that data:
 * no string can end a literal or a comment and become code.
 */
import { fc, test } from '@fast-check/vitest';
import ts from 'typescript';
import { describe, expect } from 'vitest';
import {
  compileSpec,
  criterionTitle,
  NOT_EXECUTABLE_SUFFIX,
  splitGeneratedFile,
} from '../../src/compile/index.js';
import type { Criterion, Spec, TemplateValue } from '../../src/ir.js';
import { place, section, sendCheck, spec } from './spec-fixtures.js';

const NASTY = [
  '*/',
  '/*',
  '`',
  '${',
  '"',
  "'",
  '\\',
  '\n',
  '\r',
  '\u2028',
  '\u2029',
  '</script>',
  '__proto__',
  '\ud800',
];
const nastyString = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...NASTY)), { maxLength: 6 })
  .map((parts) => parts.join(''));

const templateValue: fc.Arbitrary<TemplateValue> = fc.letrec<{ value: TemplateValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const criterionArbitrary = fc.record({
  id: nastyString,
  name: fc.option(nastyString, { nil: undefined }),
  prose: nastyString,
  path: nastyString,
  headers: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  body: templateValue,
  executable: fc.boolean(),
});

const specArbitrary = fc
  .record({
    title: nastyString,
    file: nastyString,
    vars: fc.dictionary(nastyString, templateValue, { maxKeys: 4 }),
    criteria: fc.array(criterionArbitrary, { minLength: 1, maxLength: 4 }),
  })
  .map(({ title, file, vars, criteria }): Spec => {
    const base = spec({ title, file });
    return {
      ...base,
      config: { ...base.config, vars },
      sections: [section('acceptance', criteria.map(toCriterion))],
    };
  });

type CriterionFields = typeof criterionArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toCriterion(fields: CriterionFields): Criterion {
  const check = sendCheck(fields.path);
  const [send] = check.steps;
  if (send?.kind === 'send') Object.assign(send, { headers: fields.headers, body: { json: fields.body } });
  return {
    id: fields.id,
    ...(fields.name === undefined ? {} : { name: fields.name }),
    prose: fields.prose,
    section: 'acceptance',
    place: place(),
    ...(fields.executable ? { check } : {}),
  };
}

describe('compileSpec escaping', () => {
  test.prop([specArbitrary], { numRuns: 150 })(
    'parses as TypeScript and gives back every string intact',
    (input) => {
      const text = compileSpec(input);
      const source = ts.createSourceFile(
        'generated.test.ts',
        text,
        ts.ScriptTarget.ES2022,
        true,
        ts.ScriptKind.TS,
      );
      const diagnostics = (source as unknown as { parseDiagnostics: readonly ts.Diagnostic[] })
        .parseDiagnostics;
      expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);

      // Exactly the statements a generated file has: nothing from the spec turned into code.
      const shapes = [
        ts.isImportDeclaration,
        ts.isImportDeclaration,
        ts.isVariableStatement,
        ts.isExpressionStatement,
      ];
      expect(source.statements).toHaveLength(shapes.length);
      source.statements.forEach((statement, index) => expect(shapes[index]?.(statement)).toBe(true));
      expect(splitGeneratedFile(text)?.header.source).toBe(input.file);

      const suiteCall = findCalls(source, 'defineSpecSuite')[0];
      expect(suiteCall && literalValue(suiteCall.arguments[0])).toEqual({
        name: input.name,
        title: input.title,
        file: input.file,
        sha256: input.sha256,
        config: input.config,
      });

      const criteria = input.sections.flatMap((s) => s.criteria);
      const titles = [...findCalls(source, 'test'), ...findCalls(source, 'todo')].map((call) =>
        literalValue(call.arguments[0]),
      );
      expect(titles.sort()).toEqual(
        criteria.map((c) => (c.check ? criterionTitle(c) : criterionTitle(c) + NOT_EXECUTABLE_SUFFIX)).sort(),
      );
      const verified = findCalls(source, 'verify').map((call) => literalValue(call.arguments[0]));
      expect(verified).toEqual(criteria.filter((c) => c.check));
    },
  );

  test.prop([specArbitrary], { numRuns: 30 })('compiles the same spec to the same bytes', (input) => {
    expect(compileSpec(structuredClone(input))).toBe(compileSpec(input));
  });
});

function findCalls(root: ts.Node, callee: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const target = node.expression;
      const name = ts.isIdentifier(target)
        ? target.text
        : ts.isPropertyAccessExpression(target)
          ? target.name.text
          : '';
      if (name === callee) calls.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return calls;
}

/** The value of a literal expression, read from the AST alone (nothing is evaluated). */
function literalValue(node: ts.Node | undefined): unknown {
  if (!node) throw new Error('missing literal');
  if (ts.isStringLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isIdentifier(node) && node.text === 'Infinity') return Infinity;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    return -(literalValue(node.operand) as number);
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(literalValue);
  if (ts.isObjectLiteralExpression(node)) {
    const object: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) throw new Error(`unexpected ${ts.SyntaxKind[property.kind]}`);
      Object.defineProperty(object, propertyName(property.name), {
        value: literalValue(property.initializer),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  throw new Error(`not a literal: ${ts.SyntaxKind[node.kind]}`);
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  throw new Error(`unexpected property name ${ts.SyntaxKind[name.kind]}`);
}
