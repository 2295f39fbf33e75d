/**
 * Free-text generators. `words` builds realistic faker text of an exact
 * code-point length; `specials` mixes in the characters that break naive CSV
 * and text handling (commas, quotes, CR/LF, non-ASCII, astral code points).
 */
import fc from 'fast-check';
import { fakerSeed, withFaker } from './faker.js';

const SPECIALS = [
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  'é',
  'ß',
  'ø',
  '€',
  '中文',
  '😀',
  '\u00a0',
  "'",
  ';',
  '\t',
];

export interface TextOptions {
  minLength: number;
  maxLength: number;
  style: 'words' | 'any';
  specials: boolean;
}

function sliceCodePoints(text: string, length: number): string {
  return [...text].slice(0, length).join('');
}

export function textArbitrary(options: TextOptions): fc.Arbitrary<string> {
  const { minLength, maxLength } = options;
  if (options.style === 'any') return fc.string({ unit: 'binary', minLength, maxLength });
  return fc.tuple(fc.integer({ min: minLength, max: maxLength }), fakerSeed).map(([length, seed]) =>
    withFaker(seed, (faker) => {
      if (length === 0) return '';
      const pieces: string[] = [];
      let size = 0;
      while (size < length + 1) {
        const useSpecial = options.specials && pieces.length > 0 && faker.number.float() < 0.25;
        const piece = useSpecial ? faker.helpers.arrayElement(SPECIALS) : faker.lorem.word();
        pieces.push(piece);
        size += [...piece].length + 1;
      }
      const chars = [...sliceCodePoints(pieces.join(' '), length)];
      // Keep the ends non-blank so a text of n code points is still n after trimming.
      const solid = (char: string | undefined) => char !== undefined && char.trim() !== '';
      if (!solid(chars[0])) chars[0] = 'a';
      if (!solid(chars.at(-1))) chars[chars.length - 1] = 'z';
      return chars.join('');
    }),
  );
}
