/**
 * One journey worker in its own process, so the bench can measure its CPU and RSS apart from
 * the other variant, the Temporal client and the load: the production worker
 * (`createJourneyWorker`, its default cache and concurrency) on the interpreter's bundle or on
 * the hand-written baseline's. Started by workerChild.ts with `--expose-gc`; answers `stats`,
 * `gc` and `stop` requests over IPC.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { JOURNEY_TASK_QUEUE } from '@threadline/worker/contract';
import { connectStore } from '@threadline/worker/store';
import { bundleInChildProcess, bundleJourneyWorkflows, createJourneyWorker, pinoTemporalLogger } from '@threadline/worker/worker';
import pino from 'pino';
import { ENGINE_BASELINE_TASK_QUEUE } from './baseline/engineBaselineRouting';
import { workerArgsSchema, type WorkerReply, type WorkerRequest, type WorkerStats } from './workerMessages';

const baselineWorkflowsPath = fileURLToPath(new URL('./baseline/workflows.ts', import.meta.url));

function reply(message: WorkerReply): void {
  process.send?.(message);
}

function stats(): WorkerStats {
  const cpu = process.cpuUsage();
  return { cpuMicros: cpu.user + cpu.system, rssBytes: vmRssBytes(), heapUsedBytes: process.memoryUsage().heapUsed };
}

/** The kernel's resident set size of this process, as `/proc/<pid>/status` reports it. */
function vmRssBytes(): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match?.[1] === undefined ? process.memoryUsage().rss : Number(match[1]) * 1024;
}

async function main(): Promise<void> {
  const args = workerArgsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  Runtime.install({ logger: pinoTemporalLogger(logger) });
  const [store, connection, workflowBundle] = await Promise.all([
    connectStore(args.mongoUri),
    NativeConnection.connect({ address: args.temporalAddress }),
    // Both bundled in a child process, as the production worker bundles: neither holds webpack.
    args.variant === 'interpreter' ? bundleJourneyWorkflows() : bundleInChildProcess({ workflowsPath: baselineWorkflowsPath, preloadModules: [] }),
  ]);
  const worker = await createJourneyWorker({
    connection,
    store,
    logger,
    taskQueue: args.variant === 'interpreter' ? JOURNEY_TASK_QUEUE : ENGINE_BASELINE_TASK_QUEUE,
    workflowBundle,
  });
  const running = worker.run();

  process.on('message', (raw: WorkerRequest) => {
    switch (raw.kind) {
      case 'stats':
        reply({ kind: 'stats', id: raw.id, stats: stats() });
        return;
      case 'gc':
        // Only with --expose-gc; without it the figures are simply taken without a forced GC.
        globalThis.gc?.();
        reply({ kind: 'stats', id: raw.id, stats: stats() });
        return;
      case 'stop':
        worker.shutdown();
        void running
          .then(() => Promise.all([connection.close(), store.connection.close()]))
          .then(() => reply({ kind: 'stopped', id: raw.id }))
          .finally(() => process.disconnect());
        return;
      default:
        assertNever(raw.kind);
    }
  });
  reply({
    kind: 'ready',
    pid: process.pid,
    maxCachedWorkflows: worker.options.maxCachedWorkflows,
    heapSizeLimitMiB: Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20),
    gcExposed: typeof globalThis.gc === 'function',
  });
  await running;
}

function assertNever(value: never): never {
  throw new Error(`unknown request ${String(value)}`);
}

main().catch((error: unknown) => {
  reply({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});
