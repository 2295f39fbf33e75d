export { arbitraryFor, forAllArbitrary, forAllEdges } from './generator.js';
export { edgesOf, dateEdges, type Edges } from './edges.js';
export { csvArbitrary, renderCsv, quoteField } from './csv.js';
export { fakerArbitrary, fakerMethod, fakerSeed, withFaker } from './faker.js';
export { isoCodes, CURRENCY_CODES, COUNTRY_CODES, LANGUAGE_CODES } from './iso.js';
export { textArbitrary } from './text.js';
export { dateArbitrary, decimalArbitrary, slugArbitrary, formatIsoDate, formatUnits } from './scalars.js';
export {
  charsArbitrary,
  ipArbitrary,
  patternArbitrary,
  timestampArbitrary,
  urlArbitrary,
  uuidArbitrary,
} from './formats.js';
