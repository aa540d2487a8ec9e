import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { eventNameSchema } from '@threadline/flows';
import { z } from 'zod';
import '../appDependencies';
import { parseRequest } from '../errors/parseRequest';
import { deliverBusinessEvent } from '../inbound/deliverBusinessEvent';
import { contactIdParam } from './contacts';

const eventBody = z.strictObject({
  // Becomes part of the timeline entry's `_id`: a safe alphabet, and short.
  eventId: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'use 1-128 letters, digits, "_", ".", ":" or "-"')
    .optional(),
  // The catalog's own rule: a name no trigger or wait could hold is refused.
  name: eventNameSchema,
  contact: z
    .strictObject({
      id: contactIdParam.shape.contactId.optional(),
      phone: z.string().min(1, 'give the phone number, or leave the field out').optional(),
      email: z.string().min(1, 'give the email address, or leave the field out').optional(),
    })
    .refine((contact) => contact.id !== undefined || contact.phone !== undefined || contact.email !== undefined, {
      message: 'say who the event is about: a contact id, a phone or an email',
    }),
  data: z.record(z.string(), z.unknown()).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Business events from your systems (`payment.due`, `booking.created`) for one contact. They
 * reach the contact's journeys like an inbound message does (waitForEvent nodes take them) and
 * start the published flows whose event trigger has the same name. Your `eventId` is the dedupe
 * key: a retry with the same id changes nothing.
 */
export const eventsRoutes: FastifyPluginAsync = async (app) => {
  const deps = { store: app.store, temporal: app.temporal, triggerIndex: app.triggerIndex, journeys: app.journeyRouting };

  app.post('/', async (request) => {
    const body = parseRequest(eventBody, request.body, 'body');
    return deliverBusinessEvent(
      { ...deps, logger: request.log },
      {
        eventId: body.eventId ?? `evt-${randomUUID()}`,
        name: body.name,
        contact: body.contact,
        data: body.data ?? {},
        at: body.at ? new Date(body.at) : new Date(),
      },
    );
  });
};
