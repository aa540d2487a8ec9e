/**
 * One journey of a variant driven to its end, for the history event count: a missed call, the
 * text-back, a pricing question on WhatsApp, the pricing answer, completion. Journeys in the
 * load phases wait a day for a reply, so their histories are not finished.
 */
import { journeyWorkflowId } from '@threadline/worker/contract';
import { z } from 'zod';
import type { BenchStack, Variant } from './benchStack';
import { awaitSends } from './collectSends';
import { fireLeads } from './leadLoad';
import type { LeadNumbers } from './leadNumbers';
import { BENCH_FLOW_ID } from './publishFlow';
import { readHistory } from './temporalHistory';

const JOURNEY_TIMEOUT_MS = 30_000;

export interface CompletedJourney {
  variant: Variant;
  workflowId: string;
  /** History event types, in order. */
  events: string[];
  searchAttributeUpserts: number;
}

export async function driveJourneyToCompletion(stack: BenchStack, numbers: LeadNumbers, variant: Variant): Promise<CompletedJourney> {
  const [number] = numbers.take(1);
  if (number === undefined) throw new Error('no lead number');
  const apiUrl = stack.apiUrls[variant];
  const { shots } = await fireLeads({ apiUrl, numbers: [number], ratePerSecond: 1 });
  const contactId = shots[0]?.contactId;
  if (!contactId) throw new Error(`${variant}: the missed call did not start a journey: ${shots[0]?.error ?? 'no contact'}`);
  if ((await awaitSends(stack.store, [number], [number], JOURNEY_TIMEOUT_MS)).size === 0) throw new Error(`${variant}: no text-back within 30 s`);

  const reply = await fetch(`${apiUrl}/api/sandbox/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'whatsapp', from: `whatsapp:${number}`, text: 'Hi! How much does it cost?' }),
  });
  const answer = z.object({ journeys: z.array(z.string()) }).parse(await reply.json());
  const workflowId = journeyWorkflowId(BENCH_FLOW_ID, contactId);
  if (!answer.journeys.includes(workflowId)) throw new Error(`${variant}: the reply did not reach ${workflowId}`);

  const handle = stack.temporal.workflow.getHandle(workflowId);
  await Promise.race([
    handle.result(),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${variant}: ${workflowId} did not complete in 30 s`)), JOURNEY_TIMEOUT_MS).unref()),
  ]);
  const events = (await readHistory(stack.temporal, workflowId)).map((event) => event.type);
  return { variant, workflowId, events, searchAttributeUpserts: events.filter((type) => type === 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES').length };
}
