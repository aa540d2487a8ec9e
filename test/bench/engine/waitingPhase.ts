/**
 * The interpreter's worker with many journeys waiting on timers: its RSS once they all wait
 * (and after a forced GC), then how long their timers, all ending at the same minute, take to
 * complete: from the fire time to the last journey's close time in visibility.
 */
import type { Client } from '@temporalio/client';
import type { LeadNumbers } from '../leadNumbers';
import { inboundSms, journeyInput, startJourneys } from './engineJourneys';
import { WAITING_FLOW_ID, waitingFlow } from './engineFlows';
import { chooseFireTime } from './fireTime';
import type { WorkerChild } from './workerChild';
import type { WorkerStats } from './workerMessages';

const POLL_MS = 1000;
/** However slow the machine, the phase ends: waiting for the starts, then for the firing. */
const FIRING_TIMEOUT_MS = 15 * 60_000;
/** Time for the worker to finish the first workflow tasks once visibility shows them waiting. */
const SETTLE_MS = 3000;

export interface WaitingResult {
  journeys: number;
  startSeconds: number;
  startsPerSecond: number;
  fireAt: string;
  /** Waiting when the timers fired (all of them unless the starts overran the fire time). */
  waitingAtFire: number;
  idle: WorkerStats;
  allWaiting: WorkerStats;
  allWaitingAfterGc: WorkerStats | null;
  /** The highest RSS sampled (once a second) while the timers fired. */
  peakRssWhileFiringBytes: number;
  /** From the fire time to the last completion, and to the median one. */
  fireToLastCompletionSeconds: number;
  fireToMedianCompletionSeconds: number;
  workerCpuMsPerJourneyFiring: number;
  completed: number;
}

export interface WaitingDeps {
  client: Client;
  numbers: LeadNumbers;
  worker: WorkerChild;
  concurrency: number;
  /** The start rate the fire time is planned on; a slower machine just waits longer. */
  expectedStartsPerSecond: number;
  log: (line: string) => void;
}

export async function runWaitingPhase(deps: WaitingDeps, journeys: number): Promise<WaitingResult> {
  const { client, worker, log } = deps;
  const fireAt = chooseFireTime(new Date(), journeys, deps.expectedStartsPerSecond, 60_000);
  const definition = waitingFlow(fireAt);
  const inputs = deps.numbers
    .take(journeys)
    .map((phone, index) => journeyInput(definition, { contactId: `c_bench_wait_${index}` }, inboundSms(phone, `bench:wait:${phone}`, 'Hello')));
  const count = (condition: string) => countPatiently(client, `FlowId = '${WAITING_FLOW_ID}' AND ${condition}`);

  const idle = await worker.statsAfterGc();
  log(`waiting: starting ${journeys} journeys whose timers fire at ${fireAt.toISOString()} (${deps.concurrency} starts in flight)`);
  const startedAt = performance.now();
  await startJourneys(client, 'interpreter', inputs, deps.concurrency);
  const startSeconds = (performance.now() - startedAt) / 1000;
  log(`waiting: ${journeys} started in ${startSeconds.toFixed(1)} s; waiting for all to reach their timer`);

  let waiting = 0;
  while (Date.now() < fireAt.getTime() - 2 * POLL_MS) {
    waiting = await count(`JourneyStatus = 'waiting'`);
    if (waiting >= journeys) break;
    await sleep(POLL_MS);
  }
  if (waiting < journeys) log(`waiting: only ${waiting} of ${journeys} were waiting before the fire time: the starts overran it`);
  await sleep(Math.min(SETTLE_MS, Math.max(0, fireAt.getTime() - Date.now() - POLL_MS)));
  const allWaiting = await worker.stats();
  const allWaitingAfterGc = worker.gcExposed ? await worker.statsAfterGc() : null;
  log(`waiting: RSS ${mib(allWaiting.rssBytes)} MiB with ${waiting} waiting, ${allWaitingAfterGc ? mib(allWaitingAfterGc.rssBytes) : '?'} MiB after a forced GC`);

  const wait = fireAt.getTime() - Date.now();
  if (wait > 0) {
    log(`waiting: ${(wait / 1000).toFixed(0)} s until the timers fire`);
    await sleep(wait);
  }
  const cpuAtFire = (await worker.stats()).cpuMicros;
  let peakRss = 0;
  let completed = 0;
  const deadline = Date.now() + FIRING_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const [stats, done] = await Promise.all([worker.stats(), count(`ExecutionStatus = 'Completed'`)]);
    peakRss = Math.max(peakRss, stats.rssBytes);
    completed = done;
    if (completed >= journeys) break;
    await sleep(POLL_MS);
  }
  const cpuAfter = (await worker.stats()).cpuMicros;
  if (completed < journeys) log(`waiting: only ${completed} of ${journeys} completed within ${FIRING_TIMEOUT_MS / 60_000} min of the fire time`);

  const closeTimes: number[] = [];
  for await (const execution of client.workflow.list({ query: `FlowId = '${WAITING_FLOW_ID}' AND ExecutionStatus = 'Completed'`, pageSize: 1000 })) {
    if (execution.closeTime) closeTimes.push(execution.closeTime.getTime());
  }
  closeTimes.sort((a, b) => a - b);
  const fired = fireAt.getTime();
  return {
    journeys,
    startSeconds,
    startsPerSecond: journeys / startSeconds,
    fireAt: fireAt.toISOString(),
    waitingAtFire: waiting,
    idle,
    allWaiting,
    allWaitingAfterGc,
    peakRssWhileFiringBytes: peakRss,
    fireToLastCompletionSeconds: ((closeTimes.at(-1) ?? Number.NaN) - fired) / 1000,
    fireToMedianCompletionSeconds: ((closeTimes[Math.floor(closeTimes.length / 2)] ?? Number.NaN) - fired) / 1000,
    workerCpuMsPerJourneyFiring: (cpuAfter - cpuAtFire) / 1000 / journeys,
    completed,
  };
}

/**
 * A visibility count that rides out an overloaded dev server: under 10k journeys on 2 cores it
 * has answered a count with a transient "Namespace not found". The phase's deadlines still hold.
 */
async function countPatiently(client: Client, query: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await client.workflow.count(query)).count;
    } catch (error) {
      if (attempt >= 10) throw error;
      await sleep(POLL_MS * attempt);
    }
  }
}

export function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
