/**
 * The worker's own test stack: the real Temporal dev server and FerretDB on free ports with a
 * throwaway data dir, and a journey worker running in this process on its own task queue.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { startThrowawayServers } from '@threadline/stack';
import pino from 'pino';
import { bundleJourneyWorkflows, createJourneyWorker } from '../createJourneyWorker';
import { journeySearchAttributes } from '../journeys/contract';
import { connectStore, type Store } from '../store';

export interface WorkerTestStack {
  client: Client;
  /** The bundle the worker runs, for replaying histories against the same code. */
  workflowBundle: WorkflowBundleWithSourceMap;
  store: Store;
  taskQueue: string;
  stop(): Promise<void>;
}

export interface WorkerTestStackOptions {
  /** Dynamic config for the Temporal dev server (see stack/src/temporalDevServer.ts). */
  dynamicConfig?: Readonly<Record<string, unknown>>;
}

export async function startWorkerTestStack(options: WorkerTestStackOptions = {}): Promise<WorkerTestStack> {
  const log = (line: string) => {
    if (process.env.DEBUG_STACK) process.stderr.write(`[worker-test] ${line}\n`);
  };
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => process.stderr.write(`stop: ${String(error)}\n`));
  };
  try {
    const [servers, workflowBundle] = await Promise.all([
      startThrowawayServers({ searchAttributes: journeySearchAttributes, log, ...(options.dynamicConfig === undefined ? {} : { dynamicConfig: options.dynamicConfig }) }),
      bundleJourneyWorkflows(),
    ]);
    stops.push(() => servers.stop());

    const store = await connectStore(servers.mongoUri);
    stops.push(() => store.connection.close());

    const taskQueue = `journeys-test-${process.pid}`;
    const workerConnection = await NativeConnection.connect({ address: servers.temporalAddress });
    const worker = await createJourneyWorker({
      connection: workerConnection,
      taskQueue,
      store,
      logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
      workflowBundle,
    });
    const running = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await running;
      await workerConnection.close();
    });

    const connection = await Connection.connect({ address: servers.temporalAddress });
    stops.push(() => connection.close());
    return { client: new Client({ connection }), workflowBundle, store, taskQueue, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Polls `read` until it yields a value (visibility and the sandbox are eventually there). */
export async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
