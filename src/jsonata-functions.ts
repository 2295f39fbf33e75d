/**
 * JSONata 2's own functions, by name: the parser refuses a call to any function that is neither
 * one of these nor one specgate registers (src/runtime/expr/functions.ts), and `$expr` keeps
 * them out of its scope bindings. test/parse/template-functions.test.ts checks the list against
 * the installed jsonata.
 */
export const JSONATA_BUILTINS: ReadonlySet<string> = new Set(
  (
    'sum count max min average string substring substringBefore substringAfter lowercase uppercase length ' +
    'trim pad match contains replace split join formatNumber formatBase formatInteger parseInteger number ' +
    'floor ceil round abs sqrt power random boolean not map zip filter single reduce sift keys lookup append ' +
    'exists spread merge reverse each error assert type sort shuffle distinct base64encode base64decode ' +
    'encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl eval toMillis fromMillis clone now millis'
  ).split(' '),
);
