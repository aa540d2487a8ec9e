import { templateReferences } from '@threadline/flows';

export type SecretsPick = { ok: true; secrets: Record<string, string> } | { ok: false; reason: string };

/**
 * The secrets a request's templates name, and only those: a template that names one the worker
 * does not have fails the node, so a request never goes out with an empty credential.
 */
export function pickSecrets(templates: readonly string[], available: Readonly<Record<string, string>>): SecretsPick {
  const secrets: Record<string, string> = {};
  for (const template of templates) {
    const read = templateReferences(template);
    // A template that does not parse fails when it is rendered, with liquidjs's message.
    if (!read.ok) continue;
    for (const { segments } of read.references) {
      if (segments[0] !== 'secrets') continue;
      const name = segments[1];
      if (name === undefined) return { ok: false, reason: 'a template reads all the secrets; name one, e.g. {{ secrets.API_TOKEN }}' };
      const value = Object.prototype.hasOwnProperty.call(available, name) ? available[String(name)] : undefined;
      if (value === undefined) return { ok: false, reason: `secret ${String(name)} is not configured` };
      secrets[String(name)] = value;
    }
  }
  return { ok: true, secrets };
}

/** Short secrets are left alone: blanking every "a" in a text would hide more than it protects. */
const MIN_SCRUBBED_LENGTH = 4;

/**
 * Blanks secret values out of text bound for the history or the timeline (an error message, a
 * service that echoes its request), as `[secret NAME]`.
 */
export function scrubSecrets(text: string, secrets: Readonly<Record<string, string>>): string {
  let scrubbed = text;
  for (const [name, value] of Object.entries(secrets)) {
    if (value.length >= MIN_SCRUBBED_LENGTH) scrubbed = scrubbed.split(value).join(`[secret ${name}]`);
  }
  return scrubbed;
}
