/** Machine formats escape what would break them. */
import { expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { allRules, formatGithub, formatJson } from '../../src/lint/index.js';

const finding: Diagnostic = {
  code: 'SG6012',
  severity: 'error',
  message: 'Which criterion checks "100%\nsure"?',
  place: {
    file: 'specs/a,b.md',
    start: { line: 3, column: 1, offset: 20 },
    end: { line: 4, column: 6, offset: 40 },
  },
};

test('github annotations escape data and properties as the Actions toolkit does', () => {
  expect(formatGithub([{ file: 'specs/a,b:c.md', diagnostics: [finding] }], allRules)).toBe(
    '::error file=specs/a%2Cb%3Ac.md,line=3,col=1,endLine=4,endColumn=6,title=SG6012 unchecked-constraint::Which criterion checks "100%25%0Asure"?\n',
  );
  expect(formatGithub([{ file: 'x.md', diagnostics: [{ ...finding, severity: 'info' }] }], allRules)).toMatch(
    /^::notice /,
  );
});

test('json keeps the message intact and names the rule', () => {
  const [file] = JSON.parse(formatJson([{ file: 'specs/a.md', diagnostics: [finding] }], allRules)) as Array<{
    findings: Array<Record<string, unknown>>;
  }>;
  expect(file?.findings[0]).toEqual({
    code: 'SG6012',
    rule: 'unchecked-constraint',
    severity: 'error',
    message: 'Which criterion checks "100%\nsure"?',
    line: 3,
    column: 1,
    endLine: 4,
    endColumn: 6,
  });
});
