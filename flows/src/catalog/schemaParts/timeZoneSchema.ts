import { z } from 'zod';

/*
 * Zone names read the same in the browser, the API and the workflow sandbox: all three ask the
 * engine's own Intl data (pure, no clock). `new Intl.DateTimeFormat` accepts aliases such as
 * "Asia/Calcutta" and "UTC", which `Intl.supportedValuesOf('timeZone')` leaves out. It also
 * accepts names in any case; we ask for the spelling the engine resolves to, so a definition
 * never holds two spellings of one zone. Offsets such as "+01:00" are not zones: they ignore
 * daylight saving time, which is the reason to name a zone at all.
 */
const knownZones = new Map<string, string | undefined>();

/* The API parses what anyone sends, so the cache is bounded: there are ~600 real zone names. */
const MAX_CACHED_NAMES = 2_000;

/** The engine's spelling of an IANA zone name ("America/New_York"), or undefined when unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  if (knownZones.has(name)) return knownZones.get(name);
  let resolved: string | undefined;
  if (/^[A-Za-z]/.test(name)) {
    try {
      resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      resolved = undefined;
    }
  }
  if (knownZones.size >= MAX_CACHED_NAMES) knownZones.clear();
  knownZones.set(name, resolved);
  return resolved;
}

/** An IANA time zone, e.g. "Europe/Paris", spelled as the zone database spells it. */
export const timeZoneSchema = z.string().superRefine((name, ctx) => {
  const resolved = canonicalTimeZone(name);
  if (resolved === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `"${name}" is not a time zone we know; write an IANA zone such as America/New_York or Europe/Paris`,
    });
  } else if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) {
    ctx.addIssue({ code: 'custom', message: `write the zone as "${resolved}"` });
  }
});
