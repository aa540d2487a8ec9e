/** Reading Temporal histories as the bench needs them: event type names and event times. */
import type { Client } from '@temporalio/client';
// The package is CommonJS: under plain Node ESM only its default export is importable by name.
import proto, { type temporal } from '@temporalio/proto';

const { EventType } = proto.temporal.api.enums.v1;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface TimedEvent {
  type: string;
  /** Epoch ms, with the server's sub-millisecond precision. */
  at: number;
}

/** The history of a workflow as `EVENT_TYPE_…` names (without the prefix) and times. */
export async function readHistory(client: Client, workflowId: string): Promise<TimedEvent[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).map((event) => ({ type: eventTypeName(event), at: eventTimeMs(event) }));
}

function eventTypeName(event: HistoryEvent): string {
  const name = EventType[event.eventType ?? 0] ?? `UNKNOWN_${String(event.eventType)}`;
  return name.replace(/^EVENT_TYPE_/, '');
}

function eventTimeMs(event: HistoryEvent): number {
  const seconds = event.eventTime?.seconds;
  const nanos = event.eventTime?.nanos ?? 0;
  const wholeSeconds = seconds === null || seconds === undefined ? 0 : typeof seconds === 'number' ? seconds : seconds.toNumber();
  return wholeSeconds * 1000 + nanos / 1e6;
}
