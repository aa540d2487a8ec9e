/**
 * `npm run bench -- engine [--journeys 200] [--waiting 10000] …`: the journey engine against a
 * hand-written workflow doing the same steps, in one run on one Temporal dev server and one
 * FerretDB, each variant's worker in its own process. Prints journeys/s, history events and
 * worker CPU per journey with the ratios, then the interpreter worker's RSS with the waiting
 * journeys and how long their timers take to fire; writes test/bench/results/engine-<time>.json.
 * Stops everything at the end, on error, on Ctrl-C and past the watchdog. Timings are printed,
 * never asserted: the machine is shared.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { startThrowawayServers } from '@threadline/stack';
import { journeySearchAttributes } from '@threadline/worker/contract';
import { connectStore } from '@threadline/worker/store';
import { VARIANTS, type Variant } from '../benchStack';
import { LeadNumbers } from '../leadNumbers';
import { waitForQuiet } from '../waitForQuiet';
import { parseEngineArgs } from './engineArgs';
import { formatEngineReport } from './engineReport';
import type { EngineResults } from './engineResults';
import { runThroughputRound, type RoundDeps, type ThroughputRound } from './throughputRound';
import { runReplayPhase } from './replayPhase';
import { runWaitingPhase } from './waitingPhase';
import { startWorkerChild, type WorkerChild } from './workerChild';

const log = (line: string) => process.stderr.write(`[bench engine] ${line}\n`);
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
const SETTLE_MAX_MS = 30_000;

const stops: Array<() => Promise<unknown>> = [];
let stopping: Promise<void> | null = null;
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`stop: ${String(error)}`));
  })();
  return stopping;
}

async function abandon(reason: string, exitCode: number): Promise<never> {
  log(`${reason}: stopping the workers and servers`);
  await stopAll();
  process.exit(exitCode);
}
process.once('SIGINT', () => void abandon('interrupted', 130));
process.once('SIGTERM', () => void abandon('terminated', 143));

async function main(): Promise<void> {
  const args = parseEngineArgs(process.argv.slice(2));
  // Bounded whatever the sizes: 25 minutes (servers, bundling, firing timeout), plus twice the
  // planned start time of the waiting journeys, plus a second per multi-step journey.
  const watchdogMs = 25 * 60_000 + 2 * (args.waiting / args.startRate) * 1000 + 2 * (args.warmup + args.journeys * args.rounds) * 1000;
  setTimeout(() => void abandon(`still running after ${(watchdogMs / 60_000).toFixed(0)} min`, 1), watchdogMs).unref();
  const started = Date.now();

  log('starting the Temporal dev server and FerretDB …');
  // Under load the dev server logs a warning per slow SQLite write; they are counted, not printed.
  let serverComplaints = 0;
  const serverLog = (line: string) => {
    if (/level=(WARN|ERROR)/.test(line)) serverComplaints += 1;
    else if (!/level=(INFO|DEBUG)/.test(line)) log(`servers: ${line}`);
  };
  const servers = await startThrowawayServers({ searchAttributes: journeySearchAttributes, log: serverLog });
  stops.push(() => servers.stop());
  const store = await connectStore(servers.mongoUri);
  stops.push(() => store.connection.close());
  const connection = await Connection.connect({ address: servers.temporalAddress });
  stops.push(() => connection.close());
  const client = new Client({ connection });

  log('starting one worker process per variant (each bundles its workflows) …');
  const workers = {} as Record<Variant, WorkerChild>;
  for (const variant of VARIANTS) {
    const worker = await startWorkerChild({ variant, temporalAddress: servers.temporalAddress, mongoUri: servers.mongoUri });
    stops.push(() => worker.stop());
    workers[variant] = worker;
    log(`${variant} worker: pid ${worker.pid}, maxCachedWorkflows ${worker.maxCachedWorkflows}, heap limit ${worker.heapSizeLimitMiB} MiB`);
  }

  const numbers = new LeadNumbers();
  const deps = (variant: Variant): RoundDeps => ({ client, store, numbers, worker: workers[variant], concurrency: args.concurrency, historySample: args.histories, log });
  if (args.warmup > 0) {
    for (const variant of VARIANTS) {
      const warm = await runThroughputRound(deps(variant), variant, args.warmup);
      log(`warm-up ${variant}: ${describe(warm)} (discarded)`);
    }
  }
  const rounds: ThroughputRound[] = [];
  for (let round = 0; round < args.rounds; round += 1) {
    for (const variant of round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
      await waitForQuiet(SETTLE_MAX_MS);
      const result = await runThroughputRound(deps(variant), variant, args.journeys);
      rounds.push(result);
      log(`round ${round + 1} ${variant}: ${describe(result)}`);
    }
  }

  let waiting: EngineResults['waiting'] = null;
  if (args.waiting > 0) {
    // The baseline's worker would only compete for the cores from here on.
    await workers.baseline.stop();
    await waitForQuiet(SETTLE_MAX_MS);
    waiting = await runWaitingPhase(
      { client, numbers, worker: workers.interpreter, concurrency: args.concurrency, expectedStartsPerSecond: args.startRate, log },
      args.waiting,
    );
  }

  let replay: EngineResults['replay'] = null;
  if (args.replays > 0) {
    log(`replaying each variant's sampled histories ${args.replays} times per round …`);
    const historyIds = (variant: Variant) => rounds.filter((round) => round.variant === variant).flatMap((round) => round.historyIds);
    replay = await runReplayPhase(client, { interpreter: historyIds('interpreter'), baseline: historyIds('baseline') }, args.replays, log);
  }

  const results: EngineResults = {
    startedAt: new Date(started).toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    machine: { cpus: cpus().length, node: process.versions.node, platform: `${process.platform}-${process.arch}` },
    args,
    workers: {
      interpreter: { maxCachedWorkflows: workers.interpreter.maxCachedWorkflows, heapSizeLimitMiB: workers.interpreter.heapSizeLimitMiB },
      baseline: { maxCachedWorkflows: workers.baseline.maxCachedWorkflows, heapSizeLimitMiB: workers.baseline.heapSizeLimitMiB },
    },
    rounds,
    waiting,
    replay,
  };
  await mkdir(resultsDir, { recursive: true });
  const file = `${resultsDir}engine-${results.startedAt.replace(/[:.]/g, '-')}.json`;
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${formatEngineReport(results)}\n\nResults written to ${file}\n`);
  if (serverComplaints > 0) log(`the Temporal dev server logged ${serverComplaints} warnings and errors (slow SQLite writes under load, retried by the server)`);
}

function describe(round: ThroughputRound): string {
  return (
    `${round.journeys} journeys in ${round.seconds.toFixed(1)} s (${round.journeysPerSecond.toFixed(1)}/s), ` +
    `${round.workerCpuMsPerJourney.toFixed(2)} ms worker CPU each, ${round.historyEvents.mean.toFixed(1)} history events`
  );
}

try {
  await main();
  await stopAll();
  process.exit(0);
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopAll();
  process.exit(1);
}
