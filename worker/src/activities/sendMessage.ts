import type { MessageChannel } from '@threadline/flows/types';
import type { Logger } from 'pino';
import type { ChannelProvider, WhatsappTemplateMessage } from '../channels';
import { addressFor, appendTimelineEvent, identityKey, InvalidAddressError, normalizeAddress, type Identity, type OutboxDoc, type Store } from '../store';
import { sendMessageInputSchema, storedContactSchema } from './activityInputSchemas';
import type { SendDecided, SendDeferred, SendMessageInput, SendMessageResult, SendStatus } from './activityTypes';
import { withChosenChannel, type ChannelSend } from './bestChannel';
import { complianceNow } from './compliance/complianceClock';
import { noCompliance, type ComplianceSettings } from './compliance/complianceSettings';
import { checkFrequencyCaps, flowFrequencyCap } from './compliance/frequencyCap';
import { quietHoursDeferral, type QuietHoursDeferral } from './compliance/quietHours';
import { sendIdempotencyKey } from './sendIdempotencyKey';
import { isOutcomeUnknown, reconcileUnknownOutcome } from './sendOutcomeReconcile';
import { recordSent, type SendVisit } from './sendRecord';
import { describeWhatsappTemplate, whatsappContentFor, WhatsappTemplateVariableError, type WhatsappContent } from './whatsappWindow';

/** Renders a Liquid template against the journey context; throws when it does not render. */
export type TemplateRenderer = (template: string, context: object) => string;

export interface SendMessageDeps {
  store: Store;
  providerFor: (channel: MessageChannel) => ChannelProvider;
  render: TemplateRenderer;
  logger: Logger;
  /** Quiet hours and the worker's frequency cap; none unless given (a flow's own cap comes in the input). */
  compliance?: ComplianceSettings;
  /** When compliance decisions are taken; `complianceNow` unless given. */
  now?: () => Date;
  /**
   * Waits for the provider's turn under its send rate (throttle.ts); none unless given. Called
   * after the claim and before the entry's stage reads `calling`: waiting never looks like a call.
   */
  awaitSendTurn?: (provider: string) => Promise<void>;
}

/** The decision taken before any outbox entry is claimed or any provider called. */
type Decision =
  | {
      status: 'pending';
      to: string;
      /** The text sent; for a WhatsApp template send, how the timeline reads the template. */
      body: string;
      /** Set when WhatsApp's 24-hour window is closed: the template goes instead of the body. */
      whatsappTemplate: WhatsappTemplateMessage | undefined;
      subject: string | undefined;
      mediaUrls: string[];
      /** The contact's own addresses when the message goes to the contact (the cap counts those); else null. */
      cappedAddresses: string[] | null;
    }
  | { status: 'deferred'; to: string; deferral: QuietHoursDeferral }
  | { status: 'blocked' | 'failed'; reason: string; to: string | null };

/**
 * Sends one message for one send node visit, at most once per idempotency key: the channel
 * (a `best` send's is chosen here, bestChannel.ts), compliance
 * (opt-outs, then quiet hours, which defer without claiming anything), then WhatsApp's 24-hour
 * window (free-form inside it, the node's template outside, else blocked: whatsappWindow.ts),
 * then the outbox entry
 * (insert-or-ignore by key: a retry that finds it decided returns that result without calling
 * the provider), then the frequency caps, the worker's and the flow's own (counted after the
 * claim, see compliance/frequencyCap.ts),
 * then the provider's turn under its rate, then the provider, then the timeline. The pending
 * entry's stage reads `calling` while the provider is asked: a retry that finds it so (the
 * attempt died mid-call) reconciles with the provider instead of calling again
 * (sendOutcomeReconcile.ts). Every refusal and deferral lands on the timeline once.
 */
export async function sendMessage(deps: SendMessageDeps, rawInput: SendMessageInput): Promise<SendMessageResult> {
  const parsed = sendMessageInputSchema.parse(rawInput);
  const key = sendIdempotencyKey(parsed);
  const log = deps.logger.child({ journeyId: parsed.journeyId, contactId: parsed.contactId, flowId: parsed.flowId, nodeId: parsed.nodeId });
  const compliance = deps.compliance ?? noCompliance;
  const now = (deps.now ?? complianceNow)();
  const input = await withChosenChannel(deps.store, parsed, key, now, log);

  const decision = await decide(deps, input, compliance, now);
  if (decision.status === 'deferred') return defer(deps, input, key, decision, log);

  // One round trip both claims the key and tells us what an earlier attempt already did.
  const earlier = await deps.store.outbox
    .findOneAndUpdate(
      { _id: key },
      {
        $setOnInsert: {
          journeyId: input.journeyId,
          // In the claim itself: a flow's own cap counts this entry from the moment it exists.
          flowId: input.flowId,
          nodeId: input.nodeId,
          contactId: input.contactId,
          channel: input.channel,
          to: decision.to,
          body: decision.status === 'pending' ? decision.body : null,
          whatsappTemplate: decision.status === 'pending' ? (decision.whatsappTemplate?.name ?? null) : null,
          status: decision.status,
          reason: decision.status === 'pending' ? null : decision.reason,
          // The cap counts claims and sends on the clock it decides by (see frequencyCap.ts).
          claimedAt: now,
        },
        $inc: { attempts: 1 },
      },
      { upsert: true, returnDocument: 'before' },
    )
    .lean();
  const visit: SendVisit = { key, journeyId: input.journeyId, nodeId: input.nodeId, contactId: input.contactId, channel: input.channel };
  const provider = deps.providerFor(input.channel);
  if (earlier && isOutcomeUnknown(earlier)) {
    // Settled before compliance is applied again: a send the provider made stays made.
    const { settled } = await reconcileUnknownOutcome({ store: deps.store, provider, logger: log }, visit, earlier);
    if (settled) return settled;
  } else if (earlier && earlier.status !== 'pending') {
    log.info({ channel: input.channel, status: earlier.status }, 'send already decided by an earlier attempt');
    return resultOf(earlier, input.channel);
  }

  if (decision.status !== 'pending') {
    // An earlier attempt left the entry pending (it died around the provider call) and the
    // contact has since opted out: the entry takes this decision, so it never reads pending.
    return refuse(deps, input, key, { status: decision.status, reason: decision.reason, to: decision.to }, earlier !== null, log);
  }

  if (decision.cappedAddresses !== null) {
    const caps = {
      global: compliance.frequencyCap,
      flow: input.flowFrequencyCap === undefined ? null : flowFrequencyCap(input.flowFrequencyCap),
    };
    const cap = await checkFrequencyCaps(deps.store, caps, {
      key,
      contactId: input.contactId,
      flowId: input.flowId,
      addresses: decision.cappedAddresses,
      at: now,
    });
    // Our entry was claimed pending: it takes the refusal, so other journeys stop counting it.
    if (!cap.allowed) return refuse(deps, input, key, { status: 'blocked', reason: cap.reason, to: decision.to }, true, log);
  }

  await deps.awaitSendTurn?.(provider.name);
  await deps.store.outbox.updateOne({ _id: key }, { $set: { stage: 'calling', callingAt: new Date() } });
  const { providerMessageId } = await provider.send({
    channel: input.channel,
    to: decision.to,
    body: decision.body,
    subject: decision.subject,
    mediaUrls: decision.mediaUrls,
    ...(decision.whatsappTemplate === undefined ? {} : { whatsappTemplate: decision.whatsappTemplate }),
    idempotencyKey: key,
  });
  await recordSent(deps.store, visit, { to: decision.to, body: decision.body, provider: provider.name, providerMessageId, countedAt: now });
  const template = decision.whatsappTemplate?.name;
  log.info({ channel: input.channel, provider: provider.name, providerMessageId, whatsappTemplate: template }, 'message sent');
  return { status: 'sent', channel: input.channel, reason: null, providerMessageId, ...(template === undefined ? {} : { whatsappTemplate: template }) };
}

/** A send refused (blocked or failed) after its entry was claimed: entry, timeline, result. */
async function refuse(
  deps: SendMessageDeps,
  input: ChannelSend,
  key: string,
  refusal: { status: 'blocked' | 'failed'; reason: string; to: string | null },
  entryIsPending: boolean,
  log: Logger,
): Promise<SendDecided> {
  if (entryIsPending) await deps.store.outbox.updateOne({ _id: key }, { $set: { status: refusal.status, reason: refusal.reason } });
  await appendTimelineEvent(deps.store, {
    _id: `decision:${key}`,
    contactId: input.contactId,
    at: new Date(),
    channel: input.channel,
    direction: 'internal',
    kind: 'decision',
    body: `${input.channel} send ${refusal.status}: ${refusal.reason}`,
    to: refusal.to,
    journeyId: input.journeyId,
    nodeId: input.nodeId,
    status: refusal.status,
  });
  log.info({ channel: input.channel, status: refusal.status, reason: refusal.reason }, 'send not made');
  return { status: refusal.status, channel: input.channel, reason: refusal.reason, providerMessageId: null };
}

/**
 * Quiet hours: nothing is claimed and no provider called. An earlier attempt that already
 * decided this visit (it sent just before the quiet began, and its result was lost) wins.
 */
async function defer(
  deps: SendMessageDeps,
  input: ChannelSend,
  key: string,
  decision: { to: string; deferral: QuietHoursDeferral },
  log: Logger,
): Promise<SendMessageResult> {
  const earlier = await deps.store.outbox.findById(key).lean();
  if (earlier && isOutcomeUnknown(earlier)) {
    const visit: SendVisit = { key, journeyId: input.journeyId, nodeId: input.nodeId, contactId: input.contactId, channel: input.channel };
    const { settled } = await reconcileUnknownOutcome({ store: deps.store, provider: deps.providerFor(input.channel), logger: log }, visit, earlier);
    // Never sent: it waits for the window like any other, and goes then.
    if (settled) return settled;
  } else if (earlier && earlier.status !== 'pending') {
    return resultOf(earlier, input.channel);
  }
  const { until, localTime, zone, reason } = decision.deferral;
  // One entry per deferral of this visit: a retried activity finds its own and adds nothing.
  const deferral = (input.deferrals ?? 0) + 1;
  await appendTimelineEvent(deps.store, {
    _id: `decision:${key}:deferred:${deferral}`,
    contactId: input.contactId,
    at: new Date(),
    channel: input.channel,
    direction: 'internal',
    kind: 'decision',
    body: `${input.channel} send deferred: ${reason}`,
    to: decision.to,
    journeyId: input.journeyId,
    nodeId: input.nodeId,
    status: 'deferred',
  });
  log.info({ channel: input.channel, until: until.toISOString(), zone, reason }, 'send deferred');
  const result: SendDeferred = { status: 'deferred', channel: input.channel, until: until.toISOString(), localTime, zone, reason, providerMessageId: null };
  return result;
}

async function decide(deps: SendMessageDeps, input: ChannelSend, compliance: ComplianceSettings, now: Date): Promise<Decision> {
  const stored = await deps.store.contacts.findById(input.contactId).lean();
  if (!stored) return { status: 'failed', reason: `contact ${input.contactId} does not exist`, to: null };
  const contact = storedContactSchema.parse(stored);
  const context = { ...input.context, contact: { ...asRecord(input.context.contact), id: contact._id, name: contact.name ?? null } };

  const recipient = await recipientOf(deps, input, context, contact);
  if ('reason' in recipient) return { status: 'failed', reason: recipient.reason, to: null };
  const { to, optOuts, who } = recipient;
  if (optOuts.includes(input.channel)) return { status: 'blocked', reason: `${who} opted out of ${input.channel}`, to };
  if (to === null) return { status: 'failed', reason: `the contact has no ${input.channel} address`, to: null };

  // Quiet hours and the cap protect the journey's contact; an alert to staff about them is
  // neither sent in the contact's night nor counted as a message to the contact.
  const toContact = input.to === undefined;
  if (toContact && compliance.quietHours !== null) {
    const contactZone = asRecord(input.context.contact).timezone;
    const deferral = quietHoursDeferral(compliance.quietHours, input.channel, now, {
      contact: typeof contactZone === 'string' ? contactZone : undefined,
      flow: input.timezone,
    });
    if (deferral !== null) return { status: 'deferred', to, deferral };
  }
  const cappedAddresses = toContact ? contact.identities.map((identity) => identity.value) : null;

  // Asked once the send would otherwise go (after quiet hours: a deferred send is judged when
  // it goes), and before anything is claimed: a send that cannot go is never attempted.
  let content: WhatsappContent;
  try {
    content = await whatsappContentFor(deps.store, { channel: input.channel, to, template: input.whatsappTemplate }, now, (template) => deps.render(template, context));
  } catch (error) {
    if (!(error instanceof WhatsappTemplateVariableError)) throw error;
    return { status: 'failed', reason: `the WhatsApp template does not render: ${error.message}`, to };
  }
  // Blocked, like the other rules that refuse a send (opt-out, quiet hours past their waits,
  // the cap): nothing is broken, WhatsApp does not allow a free-form message now, and the flow's
  // `blocked` branch (another channel, say) is the answer — not an alert about a failing send.
  if (content.kind === 'refused') return { status: 'blocked', reason: content.reason, to };

  try {
    const whatsappTemplate = content.kind === 'template' ? { name: content.name, language: content.language, variables: content.variables } : undefined;
    const body = whatsappTemplate === undefined ? deps.render(input.template, context) : describeWhatsappTemplate(whatsappTemplate);
    const subject = input.subject === undefined ? undefined : deps.render(input.subject, context);
    const mediaUrls = (input.mediaUrls ?? []).map((url) => deps.render(url, context).trim()).filter((url) => url !== '');
    return { status: 'pending', to, body, whatsappTemplate, subject, mediaUrls, cappedAddresses };
  } catch (error) {
    return { status: 'failed', reason: `the template does not render: ${(error as Error).message}`, to };
  }
}

type Recipient = { to: string | null; optOuts: readonly string[]; who: string } | { reason: string };

/**
 * Who the message goes to, and the channels they opted out of. Without `to` it is the journey's
 * contact. With `to` (staff, say) it is that address, normalised; compliance follows the
 * recipient, so a known address brings its own contact's opt-outs, the journey contact's included.
 */
async function recipientOf(
  deps: SendMessageDeps,
  input: ChannelSend,
  context: object,
  contact: { identities: readonly Identity[]; optOuts: readonly string[] },
): Promise<Recipient> {
  if (input.to === undefined) {
    return { to: addressFor(input.channel, contact.identities), optOuts: contact.optOuts, who: 'the contact' };
  }
  let identity: Identity;
  try {
    identity = normalizeAddress(input.channel, deps.render(input.to, context));
  } catch (error) {
    if (error instanceof InvalidAddressError) return { reason: `the "to" address: ${error.message}` };
    return { reason: `the "to" address does not render: ${(error as Error).message}` };
  }
  const known = await deps.store.identities.findById(identityKey(identity)).lean();
  const owner = known ? await deps.store.contacts.findById(known.contactId).lean() : null;
  return { to: identity.value, optOuts: owner ? storedContactSchema.parse(owner).optOuts : [], who: `the recipient ${identity.value}` };
}

function resultOf(entry: Pick<OutboxDoc, 'status' | 'reason' | 'providerMessageId' | 'whatsappTemplate'>, channel: MessageChannel): SendDecided {
  const status = asSendStatus(entry.status);
  const template = status === 'sent' ? entry.whatsappTemplate : null;
  return {
    status,
    channel,
    reason: entry.reason ?? null,
    providerMessageId: entry.providerMessageId ?? null,
    ...(template === null || template === undefined ? {} : { whatsappTemplate: template }),
  };
}

function asSendStatus(status: OutboxDoc['status']): SendStatus {
  switch (status) {
    case 'sent':
    case 'failed':
    case 'blocked':
      return status;
    case 'pending':
      throw new Error('an outbox entry still pending has no send result');
    default:
      return unknownStatus(status);
  }
}

function unknownStatus(status: never): never {
  throw new Error(`unknown outbox status ${String(status)}`);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? { ...value } : {};
}
