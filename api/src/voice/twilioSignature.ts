import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature (providers-reference §4.1): HMAC-SHA1, keyed by the auth token,
 * over the full URL Twilio requested followed by each POST parameter's name and value, sorted
 * by name. Written here rather than pulling in the whole `twilio` SDK for one function; the
 * unit test holds it to the SDK's official vectors.
 */
export function twilioSignature(authToken: string, url: string, params: Readonly<Record<string, string | readonly string[]>>): string {
  const signed = Object.keys(params)
    .sort()
    .map((name) => {
      const value = params[name] ?? '';
      // A repeated parameter: each distinct value, sorted (as the SDK does).
      const values = typeof value === 'string' ? [value] : [...new Set(value)].sort();
      return values.map((one) => `${name}${one}`).join('');
    })
    .join('');
  return createHmac('sha1', authToken).update(Buffer.from(url + signed, 'utf8')).digest('base64');
}

/**
 * Whether `header` signs this request. Like the SDK, it accepts the URL with the port removed
 * or the default port added: Twilio's own signing is inconsistent about it.
 */
export function isValidTwilioSignature(
  authToken: string,
  header: string | undefined,
  url: string,
  params: Readonly<Record<string, string | readonly string[]>>,
): boolean {
  if (header === undefined || header === '') return false;
  const expected = Buffer.from(header);
  return urlVariants(url).some((variant) => {
    const actual = Buffer.from(twilioSignature(authToken, variant, params));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}

function urlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === 'https:' ? '443' : '80';
  const withoutPort = new URL(url);
  withoutPort.port = '';
  // URL drops a default port when set, so the port is spliced into the text instead.
  const withPort = parsed.port === '' ? url.replace(parsed.host, `${parsed.hostname}:${defaultPort}`) : url;
  return [...new Set([url, withoutPort.toString(), withPort])];
}
