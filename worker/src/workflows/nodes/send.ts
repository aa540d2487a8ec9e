import { ActivityFailure } from '@temporalio/workflow';
import { resolveSendChannel } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import type { SendMessageResult } from '../../activities/activityTypes';
import { sendMessage } from '../journeyActivities';
import type { JourneyRun } from '../journeyRun';
import { previewText } from '../summarize';

/** One activity: compliance, outbox, provider. Its status is the output the journey takes. */
export async function runSend(node: FlowNodeOf<'send'>, run: JourneyRun, visit: number): Promise<string> {
  const channel = resolveSendChannel(node.config.channel, {
    lastReplyChannel: run.context.reply?.channel ?? null,
    triggerChannel: run.input.trigger.channel,
  });
  let result: SendMessageResult;
  try {
    result = await sendMessage.executeWithOptions({ summary: `send ${channel}: ${previewText(node.config.template)}` }, [
      {
        journeyId: run.journeyId,
        firstRunId: run.firstRunId,
        flowId: run.input.flowId,
        nodeId: node.id,
        visit,
        contactId: run.input.contactId,
        channel,
        template: node.config.template,
        subject: node.config.subject,
        // Left out when unused, so a send is the same command it was before they existed.
        // (The WhatsApp template, for outside the 24-hour window, is sent from issue 6 on.)
        ...(node.config.to === undefined ? {} : { to: node.config.to }),
        ...(node.config.mediaUrls.length === 0 ? {} : { mediaUrls: [...node.config.mediaUrls] }),
        context: { ...run.context },
      },
    ]);
  } catch (error) {
    // Retries exhausted: the flow decides what a failed send means through the `failed` output.
    if (!(error instanceof ActivityFailure)) throw error;
    result = { status: 'failed', channel, reason: error.cause?.message ?? error.message, providerMessageId: null };
  }
  // `messageId` is the catalog's name for the provider's id (`nodes.<id>.messageId`).
  run.context.nodes[node.id] = { ...result, messageId: result.providerMessageId };
  return result.status;
}
