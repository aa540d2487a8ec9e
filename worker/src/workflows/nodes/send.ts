import { ActivityFailure } from '@temporalio/workflow';
import { resolveSendChannel } from '@threadline/flows/runtime';
import type { FlowNodeOf, MessageChannel } from '@threadline/flows/types';
import type { SendMessageInput, SendMessageResult } from '../../activities/activityTypes';
import { sendMessage } from '../journeyActivities';
import type { JourneyRun } from '../journeyRun';
import { previewText } from '../summarize';
import { waitOnTimer } from './waitOnTimer';

/**
 * Quiet hours defer a send to the start of the next allowed window, where it goes; a few more
 * rounds absorb clock skew between the worker and the server. Past them the send is blocked.
 */
export const MAX_QUIET_HOURS_DEFERRALS = 3;

/**
 * One activity: compliance, outbox, provider. Its status is the output the journey takes.
 * When the contact is in quiet hours the activity defers instead: the journey sleeps on a
 * durable timer ("quiet hours: send sms at 08:00 Europe/London") and asks again for the same
 * visit, so the idempotency key, and the one provider call, stay the same.
 */
export async function runSend(node: FlowNodeOf<'send'>, run: JourneyRun, visit: number): Promise<string> {
  const { channel: configured } = node.config;
  const timezone = run.input.definition.settings?.timezone;
  const flowFrequencyCap = run.input.definition.settings?.frequencyCap;
  const input: SendMessageInput = {
    journeyId: run.journeyId,
    firstRunId: run.firstRunId,
    flowId: run.input.flowId,
    nodeId: node.id,
    visit,
    contactId: run.input.contactId,
    // `best` is chosen by the activity from the contact's behaviour (the workflow cannot read
    // the database); it gets the journey's fallbacks. A named channel goes as it always has.
    ...(configured === 'best'
      ? {
          channel: 'best',
          bestChannel: {
            defaultChannel: run.input.definition.settings?.defaultChannel ?? null,
            lastReplyChannel: run.context.reply?.channel ?? null,
            triggerChannel: run.input.trigger.channel,
          },
        }
      : { channel: configured }),
    template: node.config.template,
    subject: node.config.subject,
    // Left out when unused, so a send is the same command it was before they existed.
    ...(node.config.to === undefined ? {} : { to: node.config.to }),
    ...(node.config.mediaUrls.length === 0 ? {} : { mediaUrls: [...node.config.mediaUrls] }),
    // What goes outside WhatsApp's 24-hour window; the activity decides which one is sent.
    // Another field of the activity's input, not another command: replay compares commands,
    // not their inputs, so histories recorded before it travelled here still replay.
    ...(node.config.whatsappTemplate === undefined
      ? {}
      : { whatsappTemplate: { name: node.config.whatsappTemplate, variables: [...node.config.whatsappTemplateVariables] } }),
    context: { ...run.context },
    ...(timezone === undefined ? {} : { timezone }),
    // Only flows that set it carry it: no flow published before the setting existed does.
    ...(flowFrequencyCap === undefined ? {} : { flowFrequencyCap: { ...flowFrequencyCap } }),
  };
  const preview = previewText(node.config.template);
  const summary = `send ${configured === 'best' ? 'best channel' : configured}: ${preview}`;

  let result = await attemptSend(run.nodeStats.attach(input), summary);
  // The trace says a send waited for quiet hours to end ("deferred until 08:00 Europe/London, then sent").
  let deferredUntil: string | undefined;
  for (let deferrals = 1; result.status === 'deferred'; deferrals += 1) {
    const { channel } = result;
    if (deferrals > MAX_QUIET_HOURS_DEFERRALS) {
      result = { status: 'blocked', channel, reason: `${result.reason}: still deferred after ${MAX_QUIET_HOURS_DEFERRALS} waits`, providerMessageId: null };
      break;
    }
    // Date.now() is the workflow's deterministic clock; a timer of at least a second even if
    // the window opened while the result travelled back.
    const ms = Math.max(Date.parse(result.until) - Date.now(), 1000);
    deferredUntil = `${result.localTime} ${result.zone}`;
    await waitOnTimer(run, node.id, ms, `quiet hours: send ${channel} at ${result.localTime} ${result.zone}`);
    // A `best` send keeps the channel chosen for this visit (the activity recorded why).
    const { bestChannel: _chosen, ...sameVisit } = input;
    result = await attemptSend(run.nodeStats.attach({ ...sameVisit, channel, deferrals }), `send ${channel}: ${preview}`);
  }
  // `messageId` is the catalog's name for the provider's id (`nodes.<id>.messageId`).
  run.context.nodes[node.id] = { ...result, messageId: result.providerMessageId, ...(deferredUntil === undefined ? {} : { deferredUntil }) };
  return result.status;
}

async function attemptSend(input: SendMessageInput, summary: string): Promise<SendMessageResult> {
  try {
    return await sendMessage.executeWithOptions({ summary }, [input]);
  } catch (error) {
    // Retries exhausted: the flow decides what a failed send means through the `failed` output.
    if (!(error instanceof ActivityFailure)) throw error;
    return { status: 'failed', channel: failedChannel(input), reason: error.cause?.message ?? error.message, providerMessageId: null };
  }
}

/**
 * The channel of a send that failed before the activity could say which it chose: a `best`
 * send reports the plain rule's channel (where they last replied, else the trigger's, else SMS).
 */
function failedChannel(input: SendMessageInput): MessageChannel {
  if (input.channel !== 'best') return input.channel;
  return resolveSendChannel('best', {
    lastReplyChannel: input.bestChannel?.lastReplyChannel ?? null,
    triggerChannel: input.bestChannel?.triggerChannel ?? 'sms',
  });
}
