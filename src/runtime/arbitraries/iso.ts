/** ISO code lists for `iso` generators. */
import currencyCodes from 'currency-codes';

/** ISO 4217 list one as published 2024-06-25: the 179 codes of currency-codes 2.2.0 (withdrawn codes are not in it). */
export const CURRENCY_CODES: readonly string[] = currencyCodes.codes();

/** ISO 3166-1 alpha-2: a representative subset (realism, not completeness, is what generators need). */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AR AT AU BE BG BR CA CH CL CN CO CZ DE DK EE EG ES FI FR GB GR HK HR HU ID IE IL IN IS IT JP KE KR LT LU ' +
  'LV MA MX MY NG NL NO NZ PE PH PK PL PT RO RS SA SE SG SI SK TH TR TW UA US VN ZA'
).split(' ');

/** ISO 639-1: a representative subset. */
export const LANGUAGE_CODES: readonly string[] = (
  'ar bg bn cs da de el en es et fa fi fr he hi hr hu id is it ja ko lt lv ms nb nl pl pt ro ru sk sl sr sv sw ta ' +
  'th tr uk ur vi zh'
).split(' ');

export function isoCodes(standard: 'currency' | 'country' | 'language'): readonly string[] {
  if (standard === 'currency') return CURRENCY_CODES;
  return standard === 'country' ? COUNTRY_CODES : LANGUAGE_CODES;
}
