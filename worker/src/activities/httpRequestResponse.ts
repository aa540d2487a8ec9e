import type { IncomingHttpHeaders } from 'node:http';

/** The most of a response body a journey keeps: it lands in the workflow's history. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_HEADERS = 50;
const MAX_HEADER_VALUE_LENGTH = 1024;
/** Cookies are the service's session with the worker, not data for the flow. */
const LEFT_OUT_HEADERS = new Set(['set-cookie']);

/** The response headers by lower-case name, bounded in number and length. */
export function responseHeaders(headers: IncomingHttpHeaders, scrub: (text: string) => string): Record<string, string> {
  const kept: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || LEFT_OUT_HEADERS.has(name.toLowerCase())) continue;
    if (count === MAX_HEADERS) break;
    const text = Array.isArray(value) ? value.join(', ') : value;
    kept[name.toLowerCase()] = scrub(text.slice(0, MAX_HEADER_VALUE_LENGTH));
    count += 1;
  }
  return kept;
}

/**
 * The body as the catalog promises it: parsed JSON, else text, else null (empty, or a content
 * type that is not text, such as an image).
 */
export function responseBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === '' || !isTextual(contentType)) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isTextual(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type === '' ||
    type.startsWith('text/') ||
    type.includes('json') ||
    type.includes('xml') ||
    type.includes('javascript') ||
    type === 'application/x-www-form-urlencoded'
  );
}
