/**
 * The whole product on throwaway data, for integration tests and benchmarks: the real Temporal
 * dev server and FerretDB on free ports, the worker in this process, and the API listening on
 * a free port. Started once per suite (see globalSetup.ts).
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { buildApp } from '@threadline/api';
import { startThrowawayServers } from '@threadline/stack';
import { journeySearchAttributes } from '@threadline/worker/contract';
import { connectStore } from '@threadline/worker/store';
import { bundleJourneyWorkflows, createJourneyWorker, pinoTemporalLogger } from '@threadline/worker/worker';
import pino from 'pino';

export interface TestStack {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | null;
  mongoUri: string;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Serve the Temporal Web UI too (the browser tests don't need it). */
  withTemporalUi?: boolean;
  /** Where the builder's built files are; the API serves them at `/`. */
  builderDist?: string;
  log?: (line: string) => void;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[test-stack] ${line}\n`));
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => log(`stop: ${String(error)}`));
  };

  try {
    const [servers, bundle] = await Promise.all([
      startThrowawayServers({ searchAttributes: journeySearchAttributes, withTemporalUi: options.withTemporalUi ?? false, log }),
      bundleJourneyWorkflows(),
    ]);
    stops.push(() => servers.stop());

    const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
    // The SDK's runtime is one per process; route its logs (worker state changes) through
    // the same logger and level as ours, before the first connection creates it.
    Runtime.install({ logger: pinoTemporalLogger(logger) });
    const store = await connectStore(servers.mongoUri);
    stops.push(() => store.connection.close());

    const workerConnection = await NativeConnection.connect({ address: servers.temporalAddress });
    const worker: Worker = await createJourneyWorker({
      connection: workerConnection,
      store,
      logger,
      workflowBundle: bundle,
    });
    const workerRun = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await workerRun;
      await workerConnection.close();
    });

    const clientConnection = await Connection.connect({ address: servers.temporalAddress });
    const temporalClient = new Client({ connection: clientConnection });
    stops.push(() => clientConnection.close());

    const app = await buildApp({
      config: { builderDist: options.builderDist },
      store,
      temporal: temporalClient,
      logger,
    });
    // Port 0: the kernel binds a free port atomically, so parallel suites never clash.
    const apiUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    stops.push(() => app.close());

    log(`ready: api ${apiUrl}, temporal ${servers.temporalAddress}, mongo ${servers.mongoUri}`);
    return {
      apiUrl,
      temporalAddress: servers.temporalAddress,
      temporalUiUrl: servers.temporalUiUrl,
      mongoUri: servers.mongoUri,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
