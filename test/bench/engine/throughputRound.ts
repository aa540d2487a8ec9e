/**
 * One round of the multi-step journey for one variant: N journeys started at once (bounded
 * concurrency), each replied to when it waits, timed from the first start to the last
 * completion, with the variant's worker CPU over the same span and the histories of a sample.
 */
import type { Client } from '@temporalio/client';
import type { Store } from '@threadline/worker/store';
import type { Variant } from '../benchStack';
import type { LeadNumbers } from '../leadNumbers';
import { readHistory } from '../temporalHistory';
import { createContacts, inboundSms, journeyInput, ROUTES, startJourneys } from './engineJourneys';
import { engineFlow } from './engineFlows';
import { postRepliesWhenWaiting } from './replyPoster';
import type { WorkerChild } from './workerChild';

/** A journey takes about 3 s alone; a round that has not completed in this long has a fault. */
const ROUND_TIMEOUT_MS = 10 * 60_000;

export interface ThroughputRound {
  variant: Variant;
  journeys: number;
  seconds: number;
  journeysPerSecond: number;
  workerCpuMsPerJourney: number;
  /** The journeys whose histories were sampled (the replay phase replays them). */
  historyIds: string[];
  /** Events per journey in the sampled histories. */
  historyEvents: { mean: number; min: number; max: number; sampled: number };
  /** How many of each event type one journey's history has (the first sampled). */
  eventTypes: Record<string, number>;
  outcomes: Record<string, number>;
}

export interface RoundDeps {
  client: Client;
  store: Store;
  numbers: LeadNumbers;
  worker: WorkerChild;
  concurrency: number;
  historySample: number;
  log: (line: string) => void;
}

export async function runThroughputRound(deps: RoundDeps, variant: Variant, journeys: number): Promise<ThroughputRound> {
  const { client, worker } = deps;
  const contacts = await createContacts(deps.store, deps.numbers.take(journeys), deps.concurrency);
  const inputs = contacts.map((contact) => journeyInput(engineFlow, contact.input, inboundSms(contact.phone, `bench:hello:${contact.phone}`, 'Hello')));

  const before = await worker.stats();
  const startedAt = performance.now();
  const ids = await startJourneys(client, variant, inputs, deps.concurrency);
  const phoneOf = new Map(ids.map((id, index) => [id, contacts[index]?.phone ?? '']));
  const poster = postRepliesWhenWaiting(client, ROUTES[variant].workflowType, phoneOf);
  let timer: NodeJS.Timeout | undefined;
  const results = await Promise.race([
    Promise.all(ids.map((id) => client.workflow.getHandle(id).result() as Promise<unknown>)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${variant}: not all ${journeys} journeys completed in ${ROUND_TIMEOUT_MS / 60_000} min`)), ROUND_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  const seconds = (performance.now() - startedAt) / 1000;
  const after = await worker.stats();
  const replies = await poster.stop();
  if (replies !== journeys) deps.log(`${variant}: ${replies} replies posted for ${journeys} journeys`);

  const counts: number[] = [];
  let eventTypes: Record<string, number> = {};
  const historyIds = ids.slice(0, deps.historySample);
  for (const id of historyIds) {
    const events = await readHistory(client, id);
    if (counts.length === 0) eventTypes = tally(events.map((event) => event.type));
    counts.push(events.length);
  }
  return {
    variant,
    journeys,
    seconds,
    journeysPerSecond: journeys / seconds,
    workerCpuMsPerJourney: (after.cpuMicros - before.cpuMicros) / 1000 / journeys,
    historyIds,
    historyEvents: {
      mean: counts.reduce((sum, count) => sum + count, 0) / Math.max(counts.length, 1),
      min: Math.min(...counts),
      max: Math.max(...counts),
      sampled: counts.length,
    },
    eventTypes,
    outcomes: tally(results.map(outcomeOf)),
  };
}

/** The interpreter returns its state, the baseline the outcome itself. */
function outcomeOf(result: unknown): string {
  if (typeof result === 'string') return result;
  if (typeof result === 'object' && result !== null && 'outcome' in result) return String(result.outcome);
  return 'unknown';
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
