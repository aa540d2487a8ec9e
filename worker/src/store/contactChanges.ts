/**
 * Changing a contact's profile: what a change is, how it applies (pure, so it is tested
 * without a database), how it reads on the timeline, and how it is written.
 */
import type { MessageChannel } from '@threadline/flows/types';
import { readContactProfile, type ContactAttribute, type ContactProfile, type ContactProfileFields } from './contactProfile';
import { withContactLock } from './contactLock';
import type { Store } from './models';

/** A change: each field given is applied, each absent one is kept as it is. */
export interface ContactChanges {
  /** null clears it. */
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  timezone?: string | null | undefined;
  /** Replaces the whole list; addTags and removeTags then apply to it. */
  tags?: string[] | undefined;
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
  /** Sets each named attribute, leaving the others; a null value removes the attribute. */
  attributes?: Array<{ name: string; value: string | null }> | undefined;
  preferredChannel?: MessageChannel | null | undefined;
  doNotCall?: boolean | undefined;
}

/**
 * The profile after the change. Set semantics throughout (a tag present once, an attribute
 * set to a value), so applying a change to its own result changes nothing: an activity
 * retried after it wrote leaves the record as the first attempt did.
 */
export function applyContactChanges(current: ContactProfileFields, changes: ContactChanges): ContactProfileFields {
  const removed = new Set(changes.removeTags ?? []);
  const tags = unique([...(changes.tags ?? current.tags), ...(changes.addTags ?? [])]).filter((tag) => !removed.has(tag));

  const attributes: ContactAttribute[] = current.attributes.map(({ name, value }) => ({ name, value }));
  for (const { name, value } of changes.attributes ?? []) {
    const position = attributes.findIndex((attribute) => attribute.name === name);
    if (value === null) {
      if (position >= 0) attributes.splice(position, 1);
    } else if (position >= 0) {
      attributes[position] = { name, value };
    } else {
      attributes.push({ name, value });
    }
  }

  return {
    firstName: changes.firstName === undefined ? current.firstName : changes.firstName,
    lastName: changes.lastName === undefined ? current.lastName : changes.lastName,
    timezone: changes.timezone === undefined ? current.timezone : changes.timezone,
    tags,
    attributes,
    preferredChannel: changes.preferredChannel === undefined ? current.preferredChannel : changes.preferredChannel,
    doNotCall: changes.doNotCall ?? current.doNotCall,
  };
}

/** The change as the timeline tells it: "tags +vip -trial, plan=gold, do not call". */
export function describeContactChanges(changes: ContactChanges): string {
  const parts: string[] = [];
  const tagMarks = [...(changes.addTags ?? []).map((tag) => `+${tag}`), ...(changes.removeTags ?? []).map((tag) => `-${tag}`)];
  if (changes.tags !== undefined) parts.push(`tags = ${changes.tags.length === 0 ? 'none' : changes.tags.join(' ')}`);
  if (tagMarks.length > 0) parts.push(`tags ${tagMarks.join(' ')}`);
  for (const { name, value } of changes.attributes ?? []) parts.push(value === null ? `${name} removed` : `${name}=${shorten(value)}`);
  if (changes.firstName !== undefined) parts.push(changes.firstName === null ? 'first name cleared' : `first name ${changes.firstName}`);
  if (changes.lastName !== undefined) parts.push(changes.lastName === null ? 'last name cleared' : `last name ${changes.lastName}`);
  if (changes.preferredChannel !== undefined) {
    parts.push(changes.preferredChannel === null ? 'preferred channel cleared' : `preferred channel ${changes.preferredChannel}`);
  }
  if (changes.doNotCall !== undefined) parts.push(changes.doNotCall ? 'do not call' : 'calls allowed');
  if (changes.timezone !== undefined) parts.push(changes.timezone === null ? 'time zone cleared' : `time zone ${changes.timezone}`);
  return parts.length === 0 ? 'nothing changed' : parts.join(', ');
}

/**
 * Applies a change to the stored contact; null when there is no such contact. Read, apply and
 * write under the contact's lock, so two changes at once (updateContact nodes of two journeys,
 * an integration's PATCH) both land. A change that changes nothing writes nothing.
 */
export async function updateContactProfile(store: Store, contactId: string, changes: ContactChanges): Promise<ContactProfile | null> {
  if (!(await store.contacts.exists({ _id: contactId }))) return null;
  return withContactLock(store, contactId, async () => {
    const stored = await store.contacts.findById(contactId).lean();
    if (!stored) return null;
    const current = readContactProfile(stored);
    const next = applyContactChanges(current, changes);
    if (sameFields(current, next)) return current;
    const revision = current.revision + 1;
    await store.contacts.updateOne({ _id: contactId }, { $set: { ...next, profileRevision: revision } });
    return { ...current, ...next, revision };
  });
}

function sameFields(a: ContactProfileFields, b: ContactProfileFields): boolean {
  return JSON.stringify(fieldsInOrder(a)) === JSON.stringify(fieldsInOrder(b));
}

function fieldsInOrder(fields: ContactProfileFields): unknown[] {
  return [fields.firstName, fields.lastName, fields.timezone, fields.tags, fields.attributes, fields.preferredChannel, fields.doNotCall];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function shorten(value: string, maxLength = 40): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= maxLength ? line : `${line.slice(0, maxLength - 1)}…`;
}
