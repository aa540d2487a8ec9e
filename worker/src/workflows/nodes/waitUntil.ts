import { scheduleAt } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { definitionFault, guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';
import { journeyNow, scheduleFallbackZone } from './scheduleZone';
import { waitOnTimer } from './waitOnTimer';

/** What a waitUntil node does now: go on, or sleep this long (summary for the Temporal UI). */
export type WaitUntilPlan = { wait: false } | { wait: true; ms: number; summary: string };

/**
 * Pure: reads the schedule at the workflow's now. Open now goes on without a command; else the
 * wait lasts until the next opening. A schedule that never opens (no hours, or every open day
 * a holiday) would hold the journey forever: that is a fault of the definition.
 */
export function planWaitUntil(node: FlowNodeOf<'waitUntil'>, run: Pick<JourneyRun, 'context' | 'input'>): WaitUntilPlan {
  const now = journeyNow(run);
  const { open, zone, nextOpen } = guardDefinition(node.id, () => scheduleAt(node.config.schedule, now, scheduleFallbackZone(run)));
  if (open) return { wait: false };
  if (nextOpen === null) throw definitionFault(node.id, 'the schedule never opens');
  const opensAt = new Date(nextOpen);
  return { wait: true, ms: Math.max(1, opensAt.getTime() - now.getTime()), summary: `wait until open: ${weekdayAndTime(opensAt, zone)} ${zone}` };
}

/** Synchronous when the schedule is open, like the nodes that need no command. */
export function runWaitUntil(
  node: FlowNodeOf<'waitUntil'>,
  run: Pick<JourneyRun, 'context' | 'input' | 'status' | 'pendingWait'> & Partial<Pick<JourneyRun, 'waitSkip'>>,
): string | Promise<string> {
  const plan = planWaitUntil(node, run);
  if (!plan.wait) return 'next';
  // The simulator may skip it: the journey goes on as if the schedule had opened.
  return waitOnTimer(run, node.id, plan.ms, plan.summary, run.waitSkip).then(() => 'next');
}

/** "Mon 09:00" as someone in `zone` reads the instant. */
export function weekdayAndTime(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('weekday')} ${part('hour')}:${part('minute')}`;
}
