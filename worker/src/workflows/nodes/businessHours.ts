import { scheduleAt } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';
import { journeyNow, scheduleFallbackZone } from './scheduleZone';

/** `open` or `closed` at the workflow's now, in the schedule's zone. No Temporal command. */
export function runBusinessHours(node: FlowNodeOf<'businessHours'>, run: Pick<JourneyRun, 'context' | 'input'>): string {
  const { open } = guardDefinition(node.id, () => scheduleAt(node.config.schedule, journeyNow(run), scheduleFallbackZone(run)));
  return open ? 'open' : 'closed';
}
