import { randomBytes } from 'node:crypto';
import { identityKey, type Identity } from './identities';
import { isDuplicateKeyError, type Store } from './models';

/** A short readable contact id, e.g. `c_4f9k2m7q1z8x`. */
export function newContactId(): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  const bytes = randomBytes(12);
  let id = 'c_';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}

/**
 * Finds the contact an identity belongs to, creating both on first sight. The identity is
 * inserted first, keyed by `_id`, so two webhooks racing for a new number agree on one
 * contact: the loser's insert fails on the unique key and it reads the winner's.
 */
export async function resolveContact(store: Store, identity: Identity): Promise<{ contactId: string; created: boolean }> {
  const key = identityKey(identity);
  const existing = await store.identities.findById(key).lean();
  if (existing) return { contactId: existing.contactId, created: false };

  const contactId = newContactId();
  try {
    await store.identities.create({ _id: key, contactId });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await store.identities.findById(key).lean();
    if (!winner) throw error;
    return { contactId: winner.contactId, created: false };
  }
  // A plain insert: the id is new. (An upsert's `$setOnInsert` would do too on MongoDB, but
  // FerretDB 1.24 drops the empty arrays it sets, leaving contacts without `optOuts`.)
  await store.contacts.create({ _id: contactId, identities: [identity], optOuts: [] });
  return { contactId, created: true };
}
