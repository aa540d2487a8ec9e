import type { WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';

export interface SendActivityRun {
  /** The send's idempotency key, `<firstRunId>:<nodeId>:<visit>`. */
  key: string;
  /** The result's status: sent, blocked, failed or deferred. */
  status: string;
  /** When the attempt that completed started, on Temporal's clock (the skipping clock, under the test server). */
  startedAtMs: number;
}

const millisOf = (time: temporal.api.history.v1.IHistoryEvent['eventTime']): number =>
  Number(time?.seconds ?? 0) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6);

const firstPayload = <T>(payloads: temporal.api.common.v1.IPayloads | null | undefined): T | undefined => {
  const payload = payloads?.payloads?.[0];
  return payload ? defaultPayloadConverter.fromPayload<T>(payload) : undefined;
};

/** Every completed sendMessage activity of a journey, read from its history. */
export async function sendsInHistory(handle: WorkflowHandle): Promise<SendActivityRun[]> {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = new Map<string, string>();
  const started = new Map<string, number>();
  const runs: SendActivityRun[] = [];
  for (const event of events) {
    const id = String(event.eventId ?? '');
    const scheduling = event.activityTaskScheduledEventAttributes;
    if (scheduling?.activityType?.name === 'sendMessage') {
      const input = firstPayload<{ firstRunId: string; nodeId: string; visit: number }>(scheduling.input);
      if (input) scheduled.set(id, `${input.firstRunId}:${input.nodeId}:${input.visit}`);
    }
    const start = event.activityTaskStartedEventAttributes;
    if (start) started.set(String(start.scheduledEventId ?? ''), millisOf(event.eventTime));
    const completion = event.activityTaskCompletedEventAttributes;
    const key = completion ? scheduled.get(String(completion.scheduledEventId ?? '')) : undefined;
    if (completion && key !== undefined) {
      const result = firstPayload<{ status: string }>(completion.result);
      runs.push({ key, status: result?.status ?? 'unknown', startedAtMs: started.get(String(completion.scheduledEventId ?? '')) ?? millisOf(event.eventTime) });
    }
  }
  return runs;
}
