/**
 * The baseline the interpreter is measured against: the missed-call text-back flow
 * (flows/library/missed-call-text-back.json) written by hand as a plain Temporal workflow,
 * registered as `handWrittenMissedCall` (the name baselineRouting.ts routes to).
 * It takes the same input, calls the same activities with the same options and summaries, and
 * upserts the same search attributes at the same moments as worker/src/workflows, so any
 * difference in latency, history or CPU is the interpreter's overhead and nothing else.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  ActivityFailure,
  condition,
  defineSignal,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Channel, MessageChannel } from '@threadline/flows/types';
import type { InboundEvent, JourneyInput } from '@threadline/worker/contract';
import { INBOUND_EVENT_SIGNAL } from '@threadline/worker/contract';
// Types only (erased from the bundle): the worker exports no entry point for its activity
// shapes yet; see .notes/bench.md.
import type { JourneyActivities, SendMessageResult } from '@threadline/worker/activity-types';

const TEXT_BACK = 'Sorry we missed your call — what can we help with?';
const PRICING_ANSWER = 'Happy to help! Our plans and prices are at https://example.com/pricing — reply here with any questions.';
const GENERAL_ANSWER = 'Thanks! Someone from our team will get back to you shortly, right here.';
const PRICING_WORDS = ['price', 'pricing', 'cost', 'how much', 'quote'];
const REPLY_TIMEOUT_MS = 24 * 60 * 60 * 1000;

// The same retry policies as worker/src/workflows/journeyActivities.ts.
const { sendMessage } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 8 },
});
const { completeJourney } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

// Plain `{ name, type }` keys, as defineSearchAttributeKey returns, so nothing else is bundled.
const currentNodeKey = { name: 'CurrentNode', type: 'KEYWORD' } as const;
const journeyStatusKey = { name: 'JourneyStatus', type: 'KEYWORD' } as const;
const channelsKey = { name: 'Channels', type: 'KEYWORD_LIST' } as const;

export const inboundEventSignal = defineSignal<[InboundEvent]>(INBOUND_EVENT_SIGNAL);

export async function handWrittenMissedCall(input: JourneyInput): Promise<string> {
  const info = workflowInfo();
  const journeyId = info.workflowId;
  const firstRunId = info.firstExecutionRunId;
  const seen = new Set<string>([input.trigger.eventId]);
  const replies: InboundEvent[] = [];
  setHandler(inboundEventSignal, (event) => {
    if (seen.has(event.eventId)) return;
    seen.add(event.eventId);
    if (event.kind === 'message') replies.push(event);
  });

  const channels: string[] = [...(info.typedSearchAttributes.get(channelsKey) ?? [input.trigger.channel])];
  const trigger = { channel: input.trigger.channel, text: input.trigger.text ?? null, from: input.trigger.from, at: input.trigger.at };
  // The context the interpreter hands the send activity, built by hand: same payload size.
  const context: Record<string, unknown> & { nodes: Record<string, unknown> } = {
    contact: { id: input.contactId },
    trigger,
    reply: null,
    nodes: { missed_call: { ...trigger } },
    vars: {},
    journey: { id: journeyId, flowId: input.flowId, flowVersion: input.flowVersion },
  };

  const send = async (nodeId: string, channel: MessageChannel, template: string, summary: string): Promise<SendMessageResult> => {
    let result: SendMessageResult;
    try {
      result = await sendMessage.executeWithOptions({ summary }, [
        { journeyId, firstRunId, flowId: input.flowId, nodeId, visit: 1, contactId: input.contactId, channel, template, context: { ...context } },
      ]);
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      result = { status: 'failed', channel, reason: error.cause?.message ?? error.message, providerMessageId: null };
    }
    context.nodes[nodeId] = result;
    return result;
  };

  const end = async (nodeId: string, outcome: string): Promise<string> => {
    await completeJourney.executeWithOptions({ summary: `end: ${outcome}` }, [
      { journeyId, firstRunId, contactId: input.contactId, nodeId, outcome },
    ]);
    upsertSearchAttributes([
      { key: currentNodeKey, value: nodeId },
      { key: journeyStatusKey, value: 'completed' },
    ]);
    return outcome;
  };

  const textBack = await send('text_back', 'sms', TEXT_BACK, 'send sms: Sorry we missed your call…');
  if (textBack.status !== 'sent') return end(textBack.status === 'blocked' ? 'end_blocked' : 'end_send_failed', textBack.status === 'blocked' ? 'blocked' : 'sendFailed');

  let reply = replies.shift();
  const updates: SearchAttributeUpdatePair[] = [];
  if (!reply) {
    upsertSearchAttributes([
      { key: currentNodeKey, value: 'wait_reply' },
      { key: journeyStatusKey, value: 'waiting' },
    ]);
    await condition(() => replies.length > 0, REPLY_TIMEOUT_MS, { summary: 'wait for a reply on any channel (24h)' });
    reply = replies.shift();
    updates.push({ key: journeyStatusKey, value: 'running' });
  }
  if (reply && !channels.includes(reply.channel)) {
    channels.push(reply.channel);
    updates.push({ key: channelsKey, value: [...channels] });
  }
  if (updates.length > 0) upsertSearchAttributes(updates);
  if (!reply) return end('end_unresponsive', 'unresponsive');

  const replyContext = { text: reply.text ?? '', channel: reply.channel, at: reply.at };
  context.reply = replyContext;
  context.nodes.wait_reply = { reply: replyContext };

  const text = replyContext.text.toLowerCase();
  const asksPricing = PRICING_WORDS.some((word) => text.includes(word));
  context.nodes.mentions_pricing = { output: asksPricing ? 'pricing' : 'else' };
  const channel = answerChannel(reply.channel, input.trigger.channel);
  const answer = asksPricing
    ? await send('send_pricing', channel, PRICING_ANSWER, `send ${channel}: Happy to help! Our plans and…`)
    : await send('send_general', channel, GENERAL_ANSWER, `send ${channel}: Thanks! Someone from our team…`);
  switch (answer.status) {
    case 'sent':
      return end('end_engaged', 'engaged');
    case 'blocked':
    // The bench's worker enforces no quiet hours, so a send is never deferred here.
    case 'deferred':
      return end('end_blocked', 'blocked');
    case 'failed':
      return end('end_send_failed', 'sendFailed');
    default:
      return assertNever(answer);
  }
}

/** The flow's `best` channel, by hand: where they replied, else where they came from, else SMS. */
function answerChannel(replyChannel: Channel, triggerChannel: Channel): MessageChannel {
  for (const channel of [replyChannel, triggerChannel]) {
    if (channel === 'sms' || channel === 'whatsapp' || channel === 'email' || channel === 'webchat') return channel;
  }
  return 'sms';
}

function assertNever(value: never): never {
  throw new Error(`unexpected send result ${JSON.stringify(value)}`);
}
