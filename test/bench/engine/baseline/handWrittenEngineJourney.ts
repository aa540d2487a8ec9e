/**
 * The engine bench's baseline: the multi-step journey of ../engineFlows.ts written by hand as a
 * plain Temporal workflow, registered as `handWrittenEngineJourney`. It takes the same input,
 * calls the same activities with the same options, inputs and summaries, sleeps and waits with
 * the same timers and summaries, and upserts the same search attributes at the same moments as
 * worker/src/workflows, so any difference in history, CPU or throughput is the interpreter's.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  ActivityFailure,
  condition,
  defineSignal,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { InboundEvent, JourneyInput } from '@threadline/worker/contract';
import { INBOUND_EVENT_SIGNAL } from '@threadline/worker/contract';
// Types only (erased from the bundle).
import type { JourneyActivities, SendMessageResult } from '@threadline/worker/activity-types';
import { ENGINE_STEPS } from '../engineSteps';

const REPLY_TIMEOUT_MS = 60 * 60 * 1000;
const DELAY_MS = 2000;

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

export async function handWrittenEngineJourney(input: JourneyInput): Promise<string> {
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
  // The context the interpreter hands the send activity, built by hand: the same payload.
  const context: Record<string, unknown> & { nodes: Record<string, unknown>; journey: Record<string, unknown> } = {
    contact: { ...input.contact, id: input.contactId },
    trigger,
    reply: null,
    nodes: { hello: { ...trigger } },
    vars: {},
    journey: { id: journeyId, flowId: input.flowId, flowVersion: input.flowVersion, startedAt: info.startTime.toISOString(), now: '' },
  };

  const send = async (nodeId: string, template: string, summary: string): Promise<SendMessageResult> => {
    // Date.now() is the workflow's deterministic clock inside the sandbox.
    context.journey.now = new Date().toISOString();
    let result: SendMessageResult;
    try {
      result = await sendMessage.executeWithOptions({ summary }, [
        { journeyId, firstRunId, flowId: input.flowId, nodeId, visit: 1, contactId: input.contactId, channel: 'sms', template, context: { ...context } },
      ]);
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      result = { status: 'failed', channel: 'sms', reason: error.cause?.message ?? error.message, providerMessageId: null };
    }
    context.nodes[nodeId] = { ...result, messageId: result.providerMessageId };
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

  if ((await send('welcome', ENGINE_STEPS.welcome, 'send sms: Thanks for your message — we…')).status !== 'sent') return end('end_not_sent', 'notSent');

  upsertSearchAttributes([
    { key: currentNodeKey, value: 'pause' },
    { key: journeyStatusKey, value: 'waiting' },
  ]);
  await sleep(DELAY_MS, { summary: `delay ${ENGINE_STEPS.delay}` });
  upsertSearchAttributes([{ key: journeyStatusKey, value: 'running' }]);

  if ((await send('question', ENGINE_STEPS.question, 'send sms: What can we help with? Ask…')).status !== 'sent') return end('end_not_sent', 'notSent');

  let reply = replies.shift();
  const updates: SearchAttributeUpdatePair[] = [];
  if (!reply) {
    upsertSearchAttributes([
      { key: currentNodeKey, value: 'wait_reply' },
      { key: journeyStatusKey, value: 'waiting' },
    ]);
    await condition(() => replies.length > 0, REPLY_TIMEOUT_MS, { summary: `wait for a reply on any channel (${ENGINE_STEPS.replyTimeout})` });
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
  const asksPrice = ENGINE_STEPS.pricingWords.some((word) => text.includes(word));
  context.nodes.asks_price = { value: replyContext.text, output: asksPrice ? 'pricing' : 'else' };

  const answer = asksPrice
    ? await send('send_pricing', ENGINE_STEPS.pricing, 'send sms: Our plans and prices are at…')
    : await send('send_general', ENGINE_STEPS.general, 'send sms: Thanks! Someone from our team…');
  return answer.status === 'sent' ? end('end_answered', 'answered') : end('end_not_sent', 'notSent');
}
