import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChannelProvider } from '../channels';
import { OUTBOUND_CALL_PATH } from '../journeys/contract';
import { addressFor, appendTimelineEvent, identityKey, InvalidAddressError, normalizeAddress, type OutboxDoc, type Store } from '../store';
import type { PlaceCallDecided, PlaceCallDeferred, PlaceCallInput, PlaceCallResult } from './activityTypes';
import { complianceNow } from './compliance/complianceClock';
import { noCompliance, type ComplianceSettings } from './compliance/complianceSettings';
import { quietHoursDeferral, type QuietHoursDeferral } from './compliance/quietHours';
import { sendIdempotencyKey } from './sendIdempotencyKey';
import type { TemplateRenderer } from './sendMessage';

export interface PlaceCallDeps {
  store: Store;
  provider: ChannelProvider;
  render: TemplateRenderer;
  logger: Logger;
  /** Quiet hours (calls are held when `voice` is on their list); none unless given. */
  compliance?: ComplianceSettings;
  /** When compliance decisions are taken; `complianceNow` unless given. */
  now?: () => Date;
}

const placeCallInputSchema = z.object({
  journeyId: z.string().min(1),
  firstRunId: z.string().min(1),
  flowId: z.string().min(1),
  nodeId: z.string().min(1),
  visit: z.number().int().min(1),
  contactId: z.string().min(1),
  to: z.string().optional(),
  from: z.string().optional(),
  machineDetection: z.enum(['off', 'detect', 'detectMessageEnd']),
  timeoutSeconds: z.number().int().min(1).max(600),
  context: z.record(z.string(), z.unknown()),
  timezone: z.string().optional(),
  deferrals: z.number().int().nonnegative().optional(),
});
type ParsedInput = z.infer<typeof placeCallInputSchema>;

/** What compliance reads of a contact: FerretDB drops empty arrays, so each has a default. */
const callableContactSchema = z.object({
  identities: z.array(z.object({ type: z.enum(['phone', 'email', 'webchat']), value: z.string() })).default([]),
  optOuts: z.array(z.string()).default([]),
  doNotCall: z.boolean().nullish(),
});

/** The timeline's and the trace's words for a contact who asked for no calls. */
export const NO_CALLS_REASON = 'the contact asked for no calls';

type Decision =
  | { status: 'call'; to: string }
  | { status: 'deferred'; to: string; deferral: QuietHoursDeferral }
  | { status: 'blocked' | 'failed'; reason: string; to: string | null };

/**
 * Places the call of one call.outbound node visit, at most once per idempotency key (the send
 * key: `<firstRunId>:<nodeId>:<visit>`). Compliance is read now, from the stored contact, not
 * from the journey's snapshot: a "no calls" set while the journey waited applies. Quiet hours
 * then defer a call to the contact without claiming anything (the journey waits for the window
 * and asks again). Then the outbox entry is claimed (insert-or-ignore): a retry that finds it
 * decided returns that result; one that finds it `calling` (an attempt died around the provider
 * call) asks the provider whether the call was placed and never places it again. Every
 * decision and the call itself land on the timeline once.
 */
export async function placeCall(deps: PlaceCallDeps, rawInput: PlaceCallInput): Promise<PlaceCallResult> {
  const input = placeCallInputSchema.parse(rawInput);
  const key = sendIdempotencyKey(input);
  const log = deps.logger.child({ journeyId: input.journeyId, contactId: input.contactId, flowId: input.flowId, nodeId: input.nodeId });
  const now = (deps.now ?? complianceNow)();
  const decision = await decide(deps, input, deps.compliance ?? noCompliance, now);
  if (decision.status === 'deferred') return defer(deps, input, key, decision, log);

  const earlier = await deps.store.outbox
    .findOneAndUpdate(
      { _id: key },
      {
        $setOnInsert: {
          journeyId: input.journeyId,
          flowId: input.flowId,
          nodeId: input.nodeId,
          contactId: input.contactId,
          channel: 'voice',
          to: decision.to,
          body: null,
          status: decision.status === 'call' ? 'pending' : decision.status,
          reason: decision.status === 'call' ? null : decision.reason,
          claimedAt: new Date(),
        },
        $inc: { attempts: 1 },
      },
      { upsert: true, returnDocument: 'before' },
    )
    .lean();

  const settled = earlier ? await settledByEarlierAttempt(deps, input, key, earlier, decision.to, log) : null;
  if (settled) return settled;
  if (decision.status !== 'call') return refuse(deps, input, key, decision, log, earlier === null);

  await deps.store.outbox.updateOne({ _id: key }, { $set: { stage: 'calling', callingAt: new Date() } });
  const query = `journey=${encodeURIComponent(input.journeyId)}&node=${encodeURIComponent(input.nodeId)}&visit=${input.visit}`;
  const { callSid } = await deps.provider.placeCall({
    to: decision.to,
    ...(input.from === undefined ? {} : { from: input.from }),
    machineDetection: input.machineDetection,
    timeoutSeconds: input.timeoutSeconds,
    answerPath: `${OUTBOUND_CALL_PATH}?${query}`,
    statusCallbackPath: `${OUTBOUND_CALL_PATH}/status?${query}`,
    idempotencyKey: key,
  });
  return recordPlaced(deps, input, key, decision.to, callSid, log);
}

/**
 * What an earlier attempt of this visit already settled, or null when it settled nothing: a
 * decided entry stands; one left `calling` (the attempt died between asking the provider and
 * recording its answer) is settled by asking the provider, and never by calling again.
 */
async function settledByEarlierAttempt(
  deps: PlaceCallDeps,
  input: PlaceCallInput,
  key: string,
  earlier: Pick<OutboxDoc, 'status' | 'stage' | 'reason' | 'providerMessageId' | 'to'>,
  to: string | null,
  log: Logger,
): Promise<PlaceCallResult | null> {
  if (earlier.status !== 'pending') {
    log.info({ status: earlier.status }, 'call already decided by an earlier attempt');
    return resultOf(earlier);
  }
  if (earlier.stage !== 'calling') return null;
  const lookup = await deps.provider.lookupCall(key);
  if (lookup.status === 'placed') return recordPlaced(deps, input, key, earlier.to ?? to ?? '', lookup.callSid, log);
  if (lookup.status === 'cannotTell') {
    return refuse(deps, input, key, { status: 'failed', reason: 'an earlier attempt may have placed the call: not placed again', to: earlier.to ?? null }, log);
  }
  return null;
}

/**
 * Quiet hours: nothing is claimed and no provider called. An earlier attempt that already
 * settled this visit (it placed the call just before the quiet began, and its result was lost)
 * wins. One timeline entry per deferral of the visit, however often the activity is retried.
 */
async function defer(
  deps: PlaceCallDeps,
  input: ParsedInput,
  key: string,
  decision: { to: string; deferral: QuietHoursDeferral },
  log: Logger,
): Promise<PlaceCallResult> {
  const earlier = await deps.store.outbox.findById(key).lean();
  const settled = earlier ? await settledByEarlierAttempt(deps, input, key, earlier, decision.to, log) : null;
  if (settled) return settled;
  const { until, localTime, zone, reason } = decision.deferral;
  const deferral = (input.deferrals ?? 0) + 1;
  await appendTimelineEvent(deps.store, {
    _id: `decision:${key}:deferred:${deferral}`,
    contactId: input.contactId,
    at: new Date(),
    channel: 'voice',
    direction: 'internal',
    kind: 'decision',
    body: `call deferred: ${reason}`,
    to: decision.to,
    journeyId: input.journeyId,
    nodeId: input.nodeId,
    status: 'deferred',
  });
  log.info({ until: until.toISOString(), zone, reason }, 'call deferred');
  const result: PlaceCallDeferred = { status: 'deferred', until: until.toISOString(), localTime, zone, reason, to: decision.to };
  return result;
}

async function decide(deps: PlaceCallDeps, input: ParsedInput, compliance: ComplianceSettings, now: Date): Promise<Decision> {
  const stored = await deps.store.contacts.findById(input.contactId).lean();
  if (!stored) return { status: 'failed', reason: `contact ${input.contactId} does not exist`, to: null };
  const contact = callableContactSchema.parse(stored);
  let to: string | null;
  let who = 'the contact';
  let owner = contact;
  // Quiet hours protect the journey's contact: a call to staff about them is not held.
  let callsTheContact = input.to === undefined;
  if (input.to === undefined) {
    to = addressFor('voice', contact.identities);
  } else {
    try {
      to = normalizeAddress('voice', deps.render(input.to, input.context)).value;
    } catch (error) {
      const problem = error instanceof InvalidAddressError ? error.message : `it does not render: ${(error as Error).message}`;
      return { status: 'failed', reason: `the number to call: ${problem}`, to: null };
    }
    // Compliance follows the person called: a known number brings its own contact's wishes.
    const known = await deps.store.identities.findById(identityKey({ type: 'phone', value: to })).lean();
    const knownContact = known ? await deps.store.contacts.findById(known.contactId).lean() : null;
    if (knownContact) owner = callableContactSchema.parse(knownContact);
    who = known && known.contactId !== input.contactId ? `the person at ${to}` : who;
    // `to: {{ contact.phone }}` calls the contact as surely as no `to` does.
    callsTheContact = known?.contactId === input.contactId;
  }
  if (owner.doNotCall === true) return { status: 'blocked', reason: who === 'the contact' ? NO_CALLS_REASON : `${who} asked for no calls`, to };
  if (owner.optOuts.includes('voice')) return { status: 'blocked', reason: `${who} opted out of voice`, to };
  if (to === null) return { status: 'failed', reason: 'the contact has no phone number', to: null };
  if (callsTheContact && compliance.quietHours !== null) {
    const contactZone = recordOf(input.context.contact).timezone;
    const deferral = quietHoursDeferral(compliance.quietHours, 'voice', now, {
      contact: typeof contactZone === 'string' ? contactZone : undefined,
      flow: input.timezone,
    });
    if (deferral !== null) return { status: 'deferred', to, deferral };
  }
  return { status: 'call', to };
}

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? { ...value } : {};
}

async function recordPlaced(deps: PlaceCallDeps, input: PlaceCallInput, key: string, to: string, callSid: string, log: Logger): Promise<PlaceCallResult> {
  const at = new Date();
  await Promise.all([
    deps.store.outbox.updateOne({ _id: key }, { $set: { status: 'sent', providerMessageId: callSid, sentAt: at } }),
    appendTimelineEvent(deps.store, {
      _id: `out:${key}`,
      contactId: input.contactId,
      at,
      channel: 'voice',
      direction: 'outbound',
      kind: 'call',
      body: null,
      to,
      provider: deps.provider.name,
      providerMessageId: callSid,
      journeyId: input.journeyId,
      nodeId: input.nodeId,
      status: 'queued',
    }),
  ]);
  log.info({ provider: deps.provider.name, callSid }, 'call placed');
  return { status: 'placed', callSid, to };
}

/** A call not placed: the entry takes the decision (unless it was inserted so), the timeline says why. */
async function refuse(
  deps: PlaceCallDeps,
  input: PlaceCallInput,
  key: string,
  refusal: { status: 'blocked' | 'failed'; reason: string; to: string | null },
  log: Logger,
  insertedDecided = false,
): Promise<PlaceCallResult> {
  if (!insertedDecided) await deps.store.outbox.updateOne({ _id: key }, { $set: { status: refusal.status, reason: refusal.reason } });
  await appendTimelineEvent(deps.store, {
    _id: `decision:${key}`,
    contactId: input.contactId,
    at: new Date(),
    channel: 'voice',
    direction: 'internal',
    kind: 'decision',
    body: `call ${refusal.status}: ${refusal.reason}`,
    to: refusal.to,
    journeyId: input.journeyId,
    nodeId: input.nodeId,
    status: refusal.status,
  });
  log.info({ status: refusal.status, reason: refusal.reason }, 'call not placed');
  return refusal;
}

function resultOf(entry: Pick<OutboxDoc, 'status' | 'reason' | 'providerMessageId' | 'to'>): PlaceCallDecided {
  switch (entry.status) {
    case 'sent':
      return { status: 'placed', callSid: entry.providerMessageId ?? '', to: entry.to ?? '' };
    case 'blocked':
    case 'failed':
      return { status: entry.status, reason: entry.reason ?? '', to: entry.to ?? null };
    case 'pending':
      throw new Error('an outbox entry still pending has no call result');
    default:
      return unknownStatus(entry.status);
  }
}

function unknownStatus(status: never): never {
  throw new Error(`unknown outbox status ${String(status)}`);
}
