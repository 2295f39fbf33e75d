/**
 * Faker values driven by fast-check: a fast-check integer seeds a dedicated
 * Faker instance, so a value replays from the property's seed and path, and
 * shrinking the seed moves between (smaller-seeded) realistic values.
 */
import { Faker, base, en } from '@faker-js/faker';
import fc from 'fast-check';

const faker = new Faker({ locale: [en, base] });

/** The seed a faker value is made from; combine it with other choices and call `withFaker` in a `map`. */
export const fakerSeed: fc.Arbitrary<number> = fc.integer({ min: 0, max: 0x7fffffff });

/** Runs `produce` with the dedicated Faker freshly seeded (synchronously, so nothing interleaves). */
export function withFaker<T>(seed: number, produce: (faker: Faker) => T): T {
  faker.seed(seed);
  return produce(faker);
}

export function fakerArbitrary<T>(produce: (faker: Faker) => T): fc.Arbitrary<T> {
  return fakerSeed.map((seed) => withFaker(seed, produce));
}

/** `person.firstName` → a function calling that faker method; throws for unknown paths. */
export function fakerMethod(path: string): (faker: Faker) => unknown {
  const segments = path.split('.');
  let probe: unknown = faker;
  for (const segment of segments) {
    probe = probe && typeof probe === 'object' ? (probe as Record<string, unknown>)[segment] : undefined;
  }
  if (typeof probe !== 'function') throw new Error(`unknown faker method \`${path}\``);
  return (instance) => {
    let owner: Record<string, unknown> = instance as unknown as Record<string, unknown>;
    for (const segment of segments.slice(0, -1)) owner = owner[segment] as Record<string, unknown>;
    return (owner[segments.at(-1)!] as () => unknown).call(owner);
  };
}

/**
 * `module.method` for every method of this faker outside `helpers` (whose methods all need
 * arguments): what a `faker:` generator may name. scripts/update-faker-methods.ts writes it
 * into src/parse/faker-methods.ts, since the parser cannot afford to load faker.
 */
export function fakerMethodPaths(): string[] {
  const paths: string[] = [];
  for (const module of Object.keys(faker).sort()) {
    const value = (faker as unknown as Record<string, unknown>)[module];
    if (!value || typeof value !== 'object' || module.startsWith('_')) continue;
    if (module === 'helpers' || module === 'rawDefinitions' || module === 'definitions') continue;
    const names = new Set<string>();
    for (
      let proto: object | null = value;
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const name of Object.getOwnPropertyNames(proto))
        if (
          name !== 'constructor' &&
          !name.startsWith('_') &&
          typeof (value as Record<string, unknown>)[name] === 'function'
        )
          names.add(name);
    }
    paths.push(...[...names].sort().map((name) => `${module}.${name}`));
  }
  return paths;
}
