/**
 * PATCH /api/contacts/:id: what an admin or an integration may change on a contact's profile.
 * Each field given is set, each absent one kept; null clears a name, the zone or the preferred
 * channel. `tags` replaces the list; `attributes` sets the names given (null removes one) and
 * keeps the rest, so an integration can set `plan` without knowing the other attributes.
 */
import { canonicalTimeZone, type ContactChanges } from '@threadline/worker/store';
import { z } from 'zod';

/** As the updateContact node names attributes: they are read back as `contact.attributes.<name>`. */
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const nameSchema = z.string().trim().min(1, 'give a name, or null to clear it').max(100).nullable();

const timeZoneSchema = z
  .string()
  .nullable()
  .superRefine((name, ctx) => {
    if (name === null) return;
    const resolved = canonicalTimeZone(name);
    if (resolved === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${name}" is not a time zone we know; write an IANA zone such as America/New_York or Europe/Paris` });
    } else if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) {
      ctx.addIssue({ code: 'custom', message: `write the zone as "${resolved}"` });
    }
  });

const attributesSchema = z.record(z.string(), z.string().max(1000).nullable()).superRefine((attributes, ctx) => {
  for (const name of Object.keys(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'name the attribute with letters, digits or "_", starting with a letter or "_", e.g. plan' });
    }
  }
});

export const contactPatchSchema = z
  .strictObject({
    firstName: nameSchema.optional(),
    lastName: nameSchema.optional(),
    timezone: timeZoneSchema.optional(),
    tags: z.array(z.string().trim().min(1, 'remove the empty tag').max(64)).max(200).optional(),
    attributes: attributesSchema.optional(),
    preferredChannel: z.enum(['sms', 'whatsapp', 'email', 'webchat']).nullable().optional(),
    doNotCall: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'give at least one of firstName, lastName, timezone, tags, attributes, preferredChannel, doNotCall',
  });

export type ContactPatch = z.infer<typeof contactPatchSchema>;

/** The patch as a profile change (see worker/src/store/contactChanges.ts). */
export function contactChangesOf(patch: ContactPatch): ContactChanges {
  return {
    ...(patch.firstName === undefined ? {} : { firstName: patch.firstName }),
    ...(patch.lastName === undefined ? {} : { lastName: patch.lastName }),
    ...(patch.timezone === undefined ? {} : { timezone: patch.timezone }),
    ...(patch.tags === undefined ? {} : { tags: [...new Set(patch.tags)] }),
    ...(patch.attributes === undefined ? {} : { attributes: Object.entries(patch.attributes).map(([name, value]) => ({ name, value })) }),
    ...(patch.preferredChannel === undefined ? {} : { preferredChannel: patch.preferredChannel }),
    ...(patch.doNotCall === undefined ? {} : { doNotCall: patch.doNotCall }),
  };
}
