/** Spec objects built in code, for compiler and drift tests that must not depend on the parser. */
import type { Check, Criterion, Place, Section, SectionKind, Spec } from '../../src/ir.js';
import { SECTION_TITLES } from '../../src/ir.js';

export function place(file = 'specs/sample.md', line = 1): Place {
  return { file, start: { line, column: 1, offset: 0 }, end: { line, column: 10, offset: 9 } };
}

export function sendCheck(path = '/api/ping'): Check {
  return {
    steps: [{ kind: 'send', method: 'GET', path, expect: { status: 200 }, place: place() }],
    place: place(),
  };
}

export function criterion(fields: Partial<Criterion> & Pick<Criterion, 'id'>): Criterion {
  return { prose: `prose of ${fields.id}`, section: 'acceptance', place: place(), ...fields };
}

export function section(kind: SectionKind, criteria: Criterion[]): Section {
  return { kind, heading: SECTION_TITLES[kind], text: '', items: [], criteria, place: place() };
}

export function spec(fields: Partial<Spec> = {}): Spec {
  return {
    name: 'sample',
    title: 'A sample spec',
    file: 'specs/sample.md',
    sha256: 'a'.repeat(64),
    config: {
      target: { kind: 'url', url: 'http://127.0.0.1:1' },
      services: {},
      identities: {},
      vars: {},
      runs: 8,
      timeout: 30_000,
      metricsPath: '/metrics',
    },
    sections: [
      section('acceptance', [
        criterion({ id: 'AC-1', name: 'ping', prose: 'GET /api/ping answers 200.', check: sendCheck() }),
        criterion({ id: 'AC-2', prose: 'the service is\n  friendly.' }),
      ]),
    ],
    place: place(),
    ...fields,
  };
}
