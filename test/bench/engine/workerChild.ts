/**
 * The bench's handle on a worker child process (engineWorkerProcess.ts): start it, ask for its
 * CPU and RSS, force a GC, stop it. A child that dies fails every pending request at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { workerProcessEnv } from '@threadline/worker/process-env';
import type { Variant } from '../benchStack';
import { workerReplySchema, type WorkerArgs, type WorkerReply, type WorkerRequest, type WorkerStats } from './workerMessages';

const entry = fileURLToPath(new URL('./engineWorkerProcess.ts', import.meta.url));
/** Bundling the workflows (webpack) takes a while on a busy 2-core machine. */
const READY_TIMEOUT_MS = 180_000;
const REQUEST_TIMEOUT_MS = 60_000;

export interface WorkerChild {
  variant: Variant;
  pid: number;
  /** The production worker's workflow cache size in this process (createJourneyWorker's default, as `npm start` runs it). */
  maxCachedWorkflows: number;
  heapSizeLimitMiB: number;
  gcExposed: boolean;
  stats(): Promise<WorkerStats>;
  /** Forces a full GC (with --expose-gc), then reads the stats. */
  statsAfterGc(): Promise<WorkerStats>;
  stop(): Promise<void>;
}

export async function startWorkerChild(args: WorkerArgs): Promise<WorkerChild> {
  // For profiling, e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof/{variant}" (README).
  const extra = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean).map((arg) => arg.replaceAll('{variant}', args.variant));
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', '--expose-gc', entry, JSON.stringify(args)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Both variants' workers start as production workers do (one malloc setting, workerProcessEnv.ts).
    env: workerProcessEnv(process.env),
  });
  const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited: Error | null = null;
  let onReady: ((reply: WorkerReply) => void) | null = null;

  child.on('message', (raw: unknown) => {
    const message = workerReplySchema.parse(raw);
    if (message.kind === 'ready' || message.kind === 'failed') onReady?.(message);
    else pending.get(message.id)?.resolve(message);
  });
  child.on('exit', (code, signal) => {
    exited = new Error(`the ${args.variant} worker exited (${signal ?? code})`);
    for (const { reject } of pending.values()) reject(exited);
    pending.clear();
  });

  const ready = await withTimeout(
    new Promise<WorkerReply>((resolve, reject) => {
      onReady = resolve;
      child.once('exit', () => reject(exited ?? new Error('exited')));
    }),
    READY_TIMEOUT_MS,
    `the ${args.variant} worker was not ready`,
  );
  if (ready.kind !== 'ready') {
    kill(child);
    throw new Error(`the ${args.variant} worker failed to start: ${ready.kind === 'failed' ? ready.message : ready.kind}`);
  }

  const request = (kind: WorkerRequest['kind']): Promise<WorkerReply> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    const answer = new Promise<WorkerReply>((resolve, reject) => pending.set(id, { resolve, reject }));
    child.send({ id, kind } satisfies WorkerRequest);
    return withTimeout(answer, REQUEST_TIMEOUT_MS, `the ${args.variant} worker did not answer "${kind}"`).finally(() => pending.delete(id));
  };
  const statsOf = async (kind: 'stats' | 'gc'): Promise<WorkerStats> => {
    const answer = await request(kind);
    if (answer.kind !== 'stats') throw new Error(`unexpected answer ${answer.kind}`);
    return answer.stats;
  };

  return {
    variant: args.variant,
    pid: ready.pid,
    maxCachedWorkflows: ready.maxCachedWorkflows,
    heapSizeLimitMiB: ready.heapSizeLimitMiB,
    gcExposed: ready.gcExposed,
    stats: () => statsOf('stats'),
    statsAfterGc: () => statsOf('gc'),
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await request('stop').catch(() => kill(child));
      await withTimeout(gone, REQUEST_TIMEOUT_MS, 'the worker did not exit').catch(() => kill(child));
    },
  };
}

function kill(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
