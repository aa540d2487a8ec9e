import { identityKey, InvalidAddressError, normalizeAddress, readTimeline, runningJourneysOf, updateContactProfile } from '@threadline/worker/store';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { contactChangesOf, contactPatchSchema } from '../contacts/contactPatch';
import { contactView } from '../contacts/contactView';
import { ApiError, notFound } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { addressFromQuery } from '../http/addressFromQuery';

export const contactIdParam = z.object({
  contactId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a contact id'),
});
const lookupQuery = z.object({
  channel: z.enum(['sms', 'whatsapp', 'email', 'webchat', 'voice']),
  address: z.string().min(1),
});

/** Contacts: find one by an address on any channel, read it, change its profile, read its timeline. */
export const contactsRoutes: FastifyPluginAsync = async (app) => {
  const { store } = app;

  app.get('/lookup', async (request) => {
    const query = parseRequest(lookupQuery, request.query, 'query');
    let key: string;
    try {
      key = identityKey(normalizeAddress(query.channel, addressFromQuery(query.address)));
    } catch (error) {
      if (!(error instanceof InvalidAddressError)) throw error;
      throw new ApiError(400, 'invalid-address', `query.address: ${error.message}`, { path: 'query.address' });
    }
    const identity = await store.identities.findById(key).lean();
    if (!identity) throw notFound('contact with address', key);
    return { contactId: identity.contactId };
  });

  app.get('/:contactId', async (request) => {
    const { contactId } = parseRequest(contactIdParam, request.params, 'params');
    const [contact, running] = await Promise.all([store.contacts.findById(contactId).lean(), runningJourneysOf(store, contactId)]);
    if (!contact) throw notFound('contact', contactId);
    return { contact: contactView(contact, running) };
  });

  // For admins and integrations (a CRM syncing names, plans, preferences). Journeys already
  // running keep the contact they started with until an updateContact node of theirs runs.
  app.patch('/:contactId', async (request) => {
    const { contactId } = parseRequest(contactIdParam, request.params, 'params');
    const patch = parseRequest(contactPatchSchema, request.body, 'body');
    const updated = await updateContactProfile(store, contactId, contactChangesOf(patch));
    if (!updated) throw notFound('contact', contactId);
    const [contact, running] = await Promise.all([store.contacts.findById(contactId).lean(), runningJourneysOf(store, contactId)]);
    if (!contact) throw notFound('contact', contactId);
    return { contact: contactView(contact, running) };
  });

  app.get('/:contactId/timeline', async (request) => {
    const { contactId } = parseRequest(contactIdParam, request.params, 'params');
    if (!(await store.contacts.exists({ _id: contactId }))) throw notFound('contact', contactId);
    const events = await readTimeline(store, contactId);
    return {
      events: events.map((event) => ({
        id: event._id,
        at: event.at.toISOString(),
        channel: event.channel,
        direction: event.direction,
        kind: event.kind,
        body: event.body ?? null,
        from: event.from ?? null,
        to: event.to ?? null,
        provider: event.provider ?? null,
        journeyId: event.journeyId ?? null,
        nodeId: event.nodeId ?? null,
        status: event.status ?? null,
        deliveredAt: event.deliveredAt?.toISOString() ?? null,
      })),
    };
  });
};
