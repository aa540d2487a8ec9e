/**
 * Where a lead's time goes, for a sample of a phase's leads: the checkpoints the system
 * already records (timeline event, Temporal history, outbox entry, sandbox send), read back
 * after the phase, so nothing is instrumented and nothing is added to the hot path. The
 * Temporal server, the store and this process share one machine clock.
 */
import { journeyWorkflowId } from '@threadline/worker/contract';
import type { BenchStack } from './benchStack';
import { percentile } from './latency';
import type { PhaseRun } from './phases';
import { BENCH_FLOW_ID } from './publishFlow';
import { readHistory, type TimedEvent } from './temporalHistory';

/** Consecutive checkpoints of one lead, in the order its missed call goes through them. */
const CHECKPOINTS = [
  ['sent', 'webhook sent by the bench'],
  ['apiReceived', 'API handler ran (timeline event `at`)'],
  ['workflowStarted', 'journey started in Temporal (history)'],
  ['workflowTaskStarted', 'first workflow task picked up by the worker'],
  ['workflowTaskCompleted', 'first workflow task completed (send scheduled)'],
  ['activityStarted', 'sendMessage activity started'],
  ['outboxClaimed', 'outbox entry claimed (after contact read + render)'],
  ['providerRecorded', 'sandbox provider recorded the send'],
] as const;

type Checkpoint = (typeof CHECKPOINTS)[number][0];

export interface SegmentFigures {
  from: Checkpoint;
  to: Checkpoint;
  label: string;
  p50: number;
  p99: number;
}

export interface TimeBreakdown {
  sampled: number;
  segments: SegmentFigures[];
  /** Beside the chain: journey started → the API's signal-with-start call returned (`deliveredAt`). */
  startAcknowledged: { p50: number; p99: number };
}

export async function breakDownLeadTime(stack: BenchStack, run: PhaseRun, sampleSize: number): Promise<TimeBreakdown> {
  const sample = run.shots.filter((shot) => shot.eventId !== null && shot.contactId !== null && run.sends.has(shot.from)).slice(0, sampleSize);
  const eventIds = sample.flatMap((shot) => (shot.eventId === null ? [] : [shot.eventId]));
  const sendIds = sample.flatMap((shot) => {
    const send = run.sends.get(shot.from);
    return send ? [send.id] : [];
  });
  const [timeline, outbox] = await Promise.all([
    stack.store.timeline.find({ _id: { $in: eventIds } }, { at: 1, deliveredAt: 1 }).lean(),
    stack.store.outbox.find({ _id: { $in: sendIds } }, { createdAt: 1 }).lean(),
  ]);
  const timelineById = new Map(timeline.map((doc) => [doc._id, doc]));
  const outboxById = new Map(outbox.map((doc) => [doc._id, doc]));

  const chains: Array<Record<Checkpoint, number>> = [];
  const acknowledged: number[] = [];
  for (const shot of sample) {
    const send = run.sends.get(shot.from);
    const event = shot.eventId === null ? undefined : timelineById.get(shot.eventId);
    const claimed = send ? outboxById.get(send.id)?.createdAt : undefined;
    if (!send || !event || !claimed || shot.contactId === null) continue;
    const history = await readHistory(stack.temporal, journeyWorkflowId(BENCH_FLOW_ID, shot.contactId));
    const first = (type: string) => history.find((entry: TimedEvent) => entry.type === type)?.at ?? Number.NaN;
    const workflowStarted = first('WORKFLOW_EXECUTION_STARTED');
    chains.push({
      sent: shot.sentAt,
      apiReceived: event.at.getTime(),
      workflowStarted,
      workflowTaskStarted: first('WORKFLOW_TASK_STARTED'),
      workflowTaskCompleted: first('WORKFLOW_TASK_COMPLETED'),
      activityStarted: first('ACTIVITY_TASK_STARTED'),
      outboxClaimed: claimed.getTime(),
      providerRecorded: send.at,
    });
    if (event.deliveredAt) acknowledged.push(event.deliveredAt.getTime() - workflowStarted);
  }

  const segments = CHECKPOINTS.slice(1).map(([to, label], index): SegmentFigures => {
    const from = CHECKPOINTS[index]?.[0] ?? 'sent';
    const spans = chains.map((chain) => chain[to] - chain[from]).filter(Number.isFinite).sort((a, b) => a - b);
    return { from, to, label, p50: percentile(spans, 50), p99: percentile(spans, 99) };
  });
  const sortedAck = acknowledged.filter(Number.isFinite).sort((a, b) => a - b);
  return { sampled: chains.length, segments, startAcknowledged: { p50: percentile(sortedAck, 50), p99: percentile(sortedAck, 99) } };
}
