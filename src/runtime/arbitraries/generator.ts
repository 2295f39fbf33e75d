/** IR `Generator` → fast-check arbitrary. */
import fc from 'fast-check';
import type { Generator } from '../../ir.js';
import { csvArbitrary } from './csv.js';
import { recordEdges } from './edges.js';
import { fakerArbitrary, fakerMethod } from './faker.js';
import {
  charsArbitrary,
  ipArbitrary,
  patternArbitrary,
  timestampArbitrary,
  urlArbitrary,
  uuidArbitrary,
} from './formats.js';
import { isoCodes } from './iso.js';
import { dateArbitrary, decimalArbitrary, slugArbitrary } from './scalars.js';
import { textArbitrary } from './text.js';

export function arbitraryFor(generator: Generator): fc.Arbitrary<unknown> {
  switch (generator.kind) {
    case 'integer':
      return fc.integer({ min: generator.min, max: generator.max });
    case 'enum':
      return fc.constantFrom(...generator.values);
    case 'constant':
      return fc.constant(generator.value);
    case 'boolean':
      return fc.boolean();
    case 'slug':
      return slugArbitrary(generator.minLength, generator.maxLength);
    case 'email':
      return generator.style === 'any'
        ? fc.emailAddress()
        : fakerArbitrary((faker) => faker.internet.email());
    case 'pattern':
      return patternArbitrary(generator.pattern);
    case 'string':
      return charsArbitrary(generator.chars, generator.minLength, generator.maxLength);
    case 'url':
      return urlArbitrary(generator);
    case 'uuid':
      return uuidArbitrary(generator.version);
    case 'ip':
      return ipArbitrary(generator.version);
    case 'timestamp':
      return timestampArbitrary(generator.min, generator.max);
    case 'date':
      return dateArbitrary(generator.min, generator.max);
    case 'decimal':
      return decimalArbitrary(generator.min, generator.max, generator.scale);
    case 'iso':
      return fc.constantFrom(...isoCodes(generator.standard));
    case 'text':
      return textArbitrary(generator);
    case 'list': {
      const item = arbitraryFor(generator.of);
      const size = { minLength: generator.minLength, maxLength: generator.maxLength };
      return generator.unique
        ? fc.uniqueArray(item, { ...size, selector: (v) => JSON.stringify(v) })
        : fc.array(item, size);
    }
    case 'record': {
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, field] of Object.entries(generator.fields)) fields[name] = arbitraryFor(field);
      return fc.record(fields);
    }
    case 'oneOf':
      return fc.oneof(...generator.options.map(arbitraryFor));
    case 'faker':
      return fakerArbitrary(fakerMethod(generator.method));
    case 'csv':
      return csvArbitrary(generator, arbitraryFor);
  }
}

/**
 * The records a criterion's `forAll` tries first (fast-check `examples`), and what they try per
 * field for the report; a function of the generators and the seed, so a seed replays them.
 */
export function forAllEdges(forAll: Record<string, Generator>, seed: number) {
  return recordEdges(forAll, seed, arbitraryFor);
}

/** The arbitrary of a criterion's `forAll`: one record of named values. */
export function forAllArbitrary(forAll: Record<string, Generator>): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, generator] of Object.entries(forAll)) fields[name] = arbitraryFor(generator);
  return fc.record(fields);
}
