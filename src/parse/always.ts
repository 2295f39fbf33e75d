/**
 * `always: [...]` beside a generator names values every property run set tries first. A value
 * the generator could never yield would test something the spec does not describe, so each one
 * must fit: `describeMisfit` says what the generator yields when a value does not.
 */
import { isIP } from 'node:net';
import { charsRegex, patternRegex } from '../generator-regex.js';
import type { Generator, TemplateValue } from '../ir.js';

const SLUG = /^[A-Za-z0-9_-]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function codePoints(text: string): number {
  return [...text].length;
}

function lengths(min: number, max: number): string {
  return min === max ? `${min}` : `${min} to ${max}`;
}

/** undefined when `value` is one `generator` yields; else what it yields. */
export function describeMisfit(
  generator: Generator,
  value: TemplateValue,
  isRealDate: (text: string) => boolean,
  toInstant: (text: string) => string | undefined,
): string | undefined {
  const misfit = (fits: boolean, expected: string) => (fits ? undefined : expected);
  const text = typeof value === 'string' ? value : undefined;
  switch (generator.kind) {
    case 'integer':
      return misfit(
        Number.isInteger(value) && (value as number) >= generator.min && (value as number) <= generator.max,
        `an integer from ${generator.min} to ${generator.max}`,
      );
    case 'decimal': {
      const shape = new RegExp(`^-?\\d+${generator.scale > 0 ? `\\.\\d{${generator.scale}}` : ''}$`);
      const n = Number(text);
      return misfit(
        text !== undefined && shape.test(text) && n >= generator.min && n <= generator.max,
        `a string with ${generator.scale} decimals from ${generator.min} to ${generator.max}`,
      );
    }
    case 'enum':
      return misfit(
        generator.values.some((v) => JSON.stringify(v) === JSON.stringify(value)),
        `one of ${generator.values.map((v) => JSON.stringify(v)).join(', ')}`,
      );
    case 'constant':
      return misfit(
        JSON.stringify(value) === JSON.stringify(generator.value),
        JSON.stringify(generator.value),
      );
    case 'boolean':
      return misfit(typeof value === 'boolean', 'true or false');
    case 'slug':
      return misfit(
        text !== undefined &&
          SLUG.test(text) &&
          text.length >= generator.minLength &&
          text.length <= generator.maxLength,
        `${lengths(generator.minLength, generator.maxLength)} characters of [A-Za-z0-9_-]`,
      );
    case 'string':
      return misfit(
        text !== undefined &&
          charsRegex(generator.chars, generator.minLength, generator.maxLength).test(text),
        `${lengths(generator.minLength, generator.maxLength)} characters of [${generator.chars}]`,
      );
    case 'pattern':
      return misfit(
        text !== undefined && patternRegex(generator.pattern).test(text),
        `a match of ${generator.pattern}`,
      );
    case 'text':
      return misfit(
        text !== undefined &&
          codePoints(text) >= generator.minLength &&
          codePoints(text) <= generator.maxLength,
        `a text of ${lengths(generator.minLength, generator.maxLength)} code points`,
      );
    case 'date':
      return misfit(
        text !== undefined && isRealDate(text) && text >= generator.min && text <= generator.max,
        `a real date from ${generator.min} to ${generator.max}`,
      );
    case 'timestamp': {
      const instant = text === undefined ? undefined : toInstant(text);
      return misfit(
        instant !== undefined && instant >= generator.min && instant <= generator.max,
        `an instant from ${generator.min} to ${generator.max}`,
      );
    }
    case 'uuid':
      return misfit(text !== undefined && UUID.test(text), 'a lower-case UUID');
    case 'ip':
      return misfit(
        text !== undefined && isIP(text) === generator.version,
        `an IPv${generator.version} address`,
      );
    case 'email':
    case 'url':
    case 'iso':
    case 'faker':
      return misfit(text !== undefined, 'a string');
    case 'list': {
      const items = Array.isArray(value) ? value : undefined;
      const expected = `a list of ${lengths(generator.minLength, generator.maxLength)} items`;
      if (!items || items.length < generator.minLength || items.length > generator.maxLength) return expected;
      if (generator.unique && new Set(items.map((item) => JSON.stringify(item))).size < items.length)
        return `${expected}, all different`;
      for (const item of items) {
        const wrong = describeMisfit(generator.of, item, isRealDate, toInstant);
        if (wrong) return `${expected}, each ${wrong}`;
      }
      return undefined;
    }
    case 'record': {
      const names = Object.keys(generator.fields);
      const expected = `a mapping of ${names.join(', ')}`;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return expected;
      if (Object.keys(value).sort().join() !== [...names].sort().join()) return expected;
      for (const name of names) {
        const wrong = describeMisfit(generator.fields[name]!, value[name]!, isRealDate, toInstant);
        if (wrong) return `${expected}, with ${name} ${wrong}`;
      }
      return undefined;
    }
    case 'oneOf': {
      const wrongs = generator.options.map((option) => describeMisfit(option, value, isRealDate, toInstant));
      return wrongs.some((wrong) => wrong === undefined) ? undefined : wrongs.join(', or ');
    }
    case 'csv':
      return 'no always values: a csv generator tries its edge documents itself';
  }
}
