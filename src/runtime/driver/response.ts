/** Builds the runtime's `HttpResponse` from any HTTP client's raw parts. */
import type { HttpResponse } from '../types.js';

export type RawHeaders = Record<string, string | string[] | number | undefined>;

/** Lower-cased names; repeated headers joined with `, ` (as in types.ts). */
export function normalizeHeaders(raw: RawHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    headers[key] = key in headers ? `${headers[key]}, ${text}` : text;
  }
  return headers;
}

/** JSON when the content type says so or, whatever it says, when the body parses as a JSON object or array. */
export function parseJsonBody(text: string, contentType: string | undefined): unknown {
  const declared = contentType !== undefined && /[/+]json\b/i.test(contentType);
  const trimmed = text.trim();
  const looksLikeJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (!declared && !looksLikeJson) return undefined;
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

export function toHttpResponse(status: number, rawHeaders: RawHeaders, text: string): HttpResponse {
  const headers = normalizeHeaders(rawHeaders);
  const json = parseJsonBody(text, headers['content-type']);
  return json === undefined ? { status, headers, text } : { status, headers, text, json };
}
