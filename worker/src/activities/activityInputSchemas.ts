/**
 * The activities' edge: what the workflow sends is parsed here, so a bad input (an older
 * workflow, a hand-started run) fails loudly at the activity instead of deep inside it.
 */
import { flowFrequencyCapSchema } from '@threadline/flows';
import { z } from 'zod';
import type { Identity } from '../store';
import type { CompleteJourneyInput, HttpRequestInput, SendMessageInput, UpdateContactInput } from './activityTypes';

const messageChannelSchema = z.enum(['sms', 'whatsapp', 'email', 'webchat']);

/** Which journey, node and visit an activity acts for: what its idempotency keys are made of. */
const nodeVisitFields = {
  journeyId: z.string().min(1),
  firstRunId: z.string().min(1),
  flowId: z.string().min(1),
  nodeId: z.string().min(1),
  visit: z.number().int().positive(),
  contactId: z.string().min(1),
};

export const sendMessageInputSchema = z.object({
  ...nodeVisitFields,
  channel: z.union([messageChannelSchema, z.literal('best')]),
  bestChannel: z
    .object({
      defaultChannel: messageChannelSchema.nullable(),
      lastReplyChannel: z.enum(['sms', 'whatsapp', 'email', 'webchat', 'voice']).nullable(),
      triggerChannel: z.enum(['sms', 'whatsapp', 'email', 'webchat', 'voice']),
    })
    .optional(),
  template: z.string(),
  subject: z.string().optional(),
  to: z.string().optional(),
  mediaUrls: z.array(z.string()).optional(),
  whatsappTemplate: z
    .object({
      name: z.string().min(1),
      language: z.string().min(1).optional(),
      variables: z.array(z.string()),
    })
    .optional(),
  context: z.record(z.string(), z.unknown()),
  timezone: z.string().optional(),
  flowFrequencyCap: flowFrequencyCapSchema.optional(),
  deferrals: z.number().int().nonnegative().optional(),
}) satisfies z.ZodType<SendMessageInput>;

export const completeJourneyInputSchema = z.object({
  journeyId: z.string().min(1),
  firstRunId: z.string().min(1),
  contactId: z.string().min(1),
  nodeId: z.string().min(1),
  outcome: z.string().min(1),
}) satisfies z.ZodType<CompleteJourneyInput>;

export const httpRequestInputSchema = z.object({
  ...nodeVisitFields,
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string().min(1),
  headers: z.array(z.object({ name: z.string().min(1), value: z.string() })),
  body: z.string().optional(),
  contentType: z.enum(['application/json', 'application/x-www-form-urlencoded', 'text/plain']),
  timeoutSeconds: z.number().positive().max(30),
  context: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<HttpRequestInput>;

export const updateContactInputSchema = z.object({
  ...nodeVisitFields,
  attributes: z.array(z.object({ name: z.string().min(1), value: z.string() })),
  addTags: z.array(z.string().min(1)),
  removeTags: z.array(z.string().min(1)),
  preferredChannel: messageChannelSchema.optional(),
  doNotCall: z.boolean().optional(),
  timezone: z.string().min(1).optional(),
}) satisfies z.ZodType<UpdateContactInput>;

/**
 * A contact as stored: the database is an edge too. Fields written by other code paths may be
 * missing on older documents (`lean()` applies no schema defaults), so they default here.
 */
export const storedContactSchema = z.object({
  _id: z.string(),
  name: z.string().nullish(),
  identities: z
    .array(z.object({ type: z.enum(['phone', 'email', 'webchat']), value: z.string() }))
    .default([]) satisfies z.ZodType<Identity[]>,
  optOuts: z.array(z.string()).default([]),
});
