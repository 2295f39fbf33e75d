/** Renders values and paths for mismatch explanations. */

const MAX_VALUE_LENGTH = 200;

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const member = IDENTIFIER.test(key) ? key : JSON.stringify(key);
  if (!parent) return member;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${member}]`;
}
