import { randomUUID } from 'node:crypto';
import { createSandboxProvider } from '@threadline/worker/channels';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { parseRequest } from '../errors/parseRequest';
import { addressFromQuery } from '../http/addressFromQuery';
import { deliverInboundEvent, type InboundDelivery } from '../inbound/deliverInboundEvent';

const SANDBOX_PROVIDER = 'sandbox';

const messageChannel = z.enum(['sms', 'whatsapp', 'email', 'webchat']);
// Provider ids become part of `_id`s and URLs; keep them to a safe alphabet.
const providerId = z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'use 1-128 letters, digits, "_", "." or "-"');
const isoTime = z.iso.datetime({ offset: true });

const missedCallBody = z.object({
  from: z.string().min(1, 'the caller\'s number is missing'),
  to: z.string().min(1).optional(),
  callId: providerId.optional(),
  outcome: z.enum(['no-answer', 'busy', 'failed', 'canceled']).default('no-answer'),
  at: isoTime.optional(),
});

const messageBody = z.object({
  channel: messageChannel,
  from: z.string().min(1, 'the sender\'s address is missing'),
  to: z.string().min(1).optional(),
  text: z.string().max(10_000),
  messageId: providerId.optional(),
  at: isoTime.optional(),
});

const outboundQuery = z.object({
  to: z.string().min(1).optional(),
  channel: messageChannel.optional(),
});

/**
 * The sandbox provider: a real channel provider that needs no account. A simulated contact
 * misses a call or replies on any channel through these endpoints, exactly as a provider's
 * webhook would deliver it; the worker's sandbox adapter records outbound sends, which the
 * last endpoint lists (with the confirmations of STOP, START and HELP, which the sandbox
 * answers itself). A client-supplied callId/messageId simulates a provider retry.
 */
export const sandboxRoutes: FastifyPluginAsync = async (app) => {
  // STOP/START/HELP confirmations go back through the sandbox's outbound adapter, where the
  // worker's sends land too, so a test lists them with the journeys' messages.
  const sandbox = createSandboxProvider(app.store);
  const deps = { store: app.store, temporal: app.temporal, triggerIndex: app.triggerIndex, journeys: app.journeyRouting, providerFor: () => sandbox };

  const deliver = (delivery: InboundDelivery, log: typeof app.log) => deliverInboundEvent({ ...deps, logger: log }, delivery);

  app.post('/missed-call', async (request) => {
    const body = parseRequest(missedCallBody, request.body, 'body');
    return deliver(
      {
        provider: SANDBOX_PROVIDER,
        providerMessageId: body.callId ?? `call-${randomUUID()}`,
        kind: 'missedCall',
        channel: 'voice',
        from: body.from,
        fromField: 'body.from',
        to: body.to,
        outcome: body.outcome,
        at: body.at ? new Date(body.at) : new Date(),
      },
      request.log,
    );
  });

  app.post('/messages', async (request) => {
    const body = parseRequest(messageBody, request.body, 'body');
    return deliver(
      {
        provider: SANDBOX_PROVIDER,
        providerMessageId: body.messageId ?? `msg-${randomUUID()}`,
        kind: 'message',
        channel: body.channel,
        from: body.from,
        fromField: 'body.from',
        to: body.to,
        text: body.text,
        at: body.at ? new Date(body.at) : new Date(),
      },
      request.log,
    );
  });

  app.get('/messages', async (request) => {
    const query = parseRequest(outboundQuery, request.query, 'query');
    const filter: { to?: string; channel?: string } = {};
    if (query.to !== undefined) filter.to = addressFromQuery(query.to);
    if (query.channel !== undefined) filter.channel = query.channel;
    const messages = await app.store.sandboxMessages.find(filter).sort({ at: 1, _id: 1 }).limit(1000).lean();
    return {
      messages: messages.map((message) => ({
        id: message._id,
        providerMessageId: message.providerMessageId,
        channel: message.channel,
        to: message.to,
        body: message.body,
        subject: message.subject ?? null,
        // A WhatsApp send outside the 24-hour window: the approved template that went instead
        // of the body (which then reads it for people). FerretDB drops an empty `variables`.
        whatsappTemplate: message.whatsappTemplate
          ? { name: message.whatsappTemplate.name, language: message.whatsappTemplate.language, variables: message.whatsappTemplate.variables ?? [] }
          : null,
        at: message.at.toISOString(),
      })),
    };
  });
};
