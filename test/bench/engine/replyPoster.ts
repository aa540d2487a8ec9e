/**
 * Posts each journey's reply once it waits for one, as a contact answering the question would:
 * it polls visibility for the variant's journeys waiting at `wait_reply` and signals each new
 * one. Waiting for the wait (rather than replying at once) keeps every journey's history the
 * same: a reply that arrived before the wait would be taken without a timer.
 */
import type { Client } from '@temporalio/client';
import { INBOUND_EVENT_SIGNAL } from '@threadline/worker/contract';
import { ENGINE_STEPS } from './engineSteps';
import { inboundSms } from './engineJourneys';

const POLL_MS = 200;

export interface ReplyPoster {
  /** Stops polling; resolves when the last signals are sent. */
  stop(): Promise<number>;
}

export function postRepliesWhenWaiting(client: Client, workflowType: string, phoneOf: ReadonlyMap<string, string>): ReplyPoster {
  const replied = new Set<string>();
  let stopped = false;
  const query = `WorkflowType = '${workflowType}' AND ExecutionStatus = 'Running' AND CurrentNode = 'wait_reply' AND JourneyStatus = 'waiting'`;
  const loop = (async () => {
    while (!stopped) {
      const due: string[] = [];
      for await (const execution of client.workflow.list({ query, pageSize: 1000 })) {
        if (!replied.has(execution.workflowId) && phoneOf.has(execution.workflowId)) due.push(execution.workflowId);
      }
      await Promise.all(
        due.map(async (workflowId) => {
          replied.add(workflowId);
          const phone = phoneOf.get(workflowId) ?? '';
          await client.workflow.getHandle(workflowId).signal(INBOUND_EVENT_SIGNAL, inboundSms(phone, `bench:reply:${workflowId}`, ENGINE_STEPS.reply));
        }),
      );
      if (replied.size >= phoneOf.size) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return replied.size;
    },
  };
}
