/**
 * The contact's profile as the journeys see it. Stored documents are an edge: older ones lack
 * the profile fields, `lean()` applies no schema defaults and FerretDB drops empty arrays, so
 * every field is read here with its default.
 */
import type { MessageChannel } from '@threadline/flows/types';
import { z } from 'zod';
import type { ContactSnapshot } from '../journeys/contract';
import { inferTimeZone } from './contactTimeZone';
import type { Identity } from './identities';

export interface ContactAttribute {
  name: string;
  value: string;
}

/** The fields a profile change may touch. */
export interface ContactProfileFields {
  firstName: string | null;
  lastName: string | null;
  /** The contact's own zone; null when only the phone number can tell. */
  timezone: string | null;
  tags: string[];
  attributes: ContactAttribute[];
  preferredChannel: MessageChannel | null;
  doNotCall: boolean;
}

export interface ContactProfile extends ContactProfileFields {
  id: string;
  identities: Identity[];
  /** 0 for a contact never changed (or stored before revisions existed). */
  revision: number;
}

const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);
const orEmpty = <T extends z.ZodType>(schema: T) => z.array(schema).nullish().transform((value) => value ?? []);

const storedProfileSchema = z.object({
  _id: z.string(),
  identities: orEmpty(z.object({ type: z.enum(['phone', 'email', 'webchat']), value: z.string() })),
  firstName: orNull(z.string()),
  lastName: orNull(z.string()),
  timezone: orNull(z.string()),
  tags: orEmpty(z.string()),
  attributes: orEmpty(z.object({ name: z.string(), value: z.string() })),
  preferredChannel: orNull(z.enum(['sms', 'whatsapp', 'email', 'webchat'])),
  doNotCall: z.boolean().nullish().transform((value) => value ?? false),
  profileRevision: z.number().int().nullish().transform((value) => value ?? 0),
});

/** Reads a stored contact document (as `lean()` returns it) into a profile with defaults. */
export function readContactProfile(document: unknown): ContactProfile {
  const stored = storedProfileSchema.parse(document);
  return {
    id: stored._id,
    identities: stored.identities.map(({ type, value }) => ({ type, value })),
    firstName: stored.firstName,
    lastName: stored.lastName,
    timezone: stored.timezone,
    tags: stored.tags,
    attributes: stored.attributes.map(({ name, value }) => ({ name, value })),
    preferredChannel: stored.preferredChannel,
    doNotCall: stored.doNotCall,
    revision: stored.profileRevision,
  };
}

/**
 * What a journey is given of its contact: names, the first phone and email among the
 * identities, the zone (their own, else the phone country's), tags, attributes by name and
 * preferences. Unknown names and zone are left out rather than null, so `{% if %}` reads them.
 */
export function contactSnapshot(profile: ContactProfile): ContactSnapshot {
  const phone = profile.identities.find((identity) => identity.type === 'phone')?.value;
  const email = profile.identities.find((identity) => identity.type === 'email')?.value;
  const timezone = profile.timezone ?? (phone === undefined ? undefined : inferTimeZone(phone));
  return {
    ...(profile.firstName === null ? {} : { firstName: profile.firstName }),
    ...(profile.lastName === null ? {} : { lastName: profile.lastName }),
    ...(phone === undefined ? {} : { phone }),
    ...(email === undefined ? {} : { email }),
    ...(timezone === undefined ? {} : { timezone }),
    tags: [...profile.tags],
    // Object.fromEntries defines own properties, so a name such as "__proto__" stays data.
    attributes: Object.fromEntries(profile.attributes.map(({ name, value }) => [name, value])),
    ...(profile.preferredChannel === null ? {} : { preferredChannel: profile.preferredChannel }),
    doNotCall: profile.doNotCall,
  };
}
