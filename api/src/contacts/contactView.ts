import { inferTimeZone, readContactProfile } from '@threadline/worker/store';

/**
 * A stored contact as the API answers with it (GET and PATCH /api/contacts/:id), with its
 * running journeys as the registry lists them (journeyRegistry.ts).
 */
export function contactView(
  stored: {
    _id: string;
    name?: string | null | undefined;
    optOuts?: string[] | null | undefined;
    createdAt?: Date | null | undefined;
    updatedAt?: Date | null | undefined;
  },
  activeJourneys: string[],
) {
  const profile = readContactProfile(stored);
  const phone = profile.identities.find((identity) => identity.type === 'phone')?.value;
  return {
    id: profile.id,
    name: stored.name ?? null,
    firstName: profile.firstName,
    lastName: profile.lastName,
    identities: profile.identities,
    /** The contact's own zone; null when none was set. */
    timezone: profile.timezone,
    /** What journeys use when `timezone` is null: the phone country's zone, if it has one. */
    inferredTimezone: phone === undefined ? null : (inferTimeZone(phone) ?? null),
    tags: profile.tags,
    attributes: Object.fromEntries(profile.attributes.map(({ name, value }) => [name, value])),
    preferredChannel: profile.preferredChannel,
    doNotCall: profile.doNotCall,
    // `?? []`: FerretDB 1.24 drops empty arrays written by an upsert's $setOnInsert.
    optOuts: stored.optOuts ?? [],
    activeJourneys,
    createdAt: stored.createdAt?.toISOString() ?? null,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
  };
}
