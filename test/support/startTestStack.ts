/**
 * The whole product on throwaway data, for integration tests and benchmarks: the real Temporal
 * dev server and FerretDB on free ports, the worker in this process, and the API listening on
 * a free port. Started once per suite (see globalSetup.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { buildApp } from '@threadline/api';
import { ensureTools, freePort, startFerretDB, startTemporalDevServer } from '@threadline/stack';
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
  const dataDir = await mkdtemp(join(tmpdir(), 'threadline-test-'));
  const stops: Array<() => Promise<unknown>> = [() => rm(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => log(`stop: ${String(error)}`));
  };

  try {
    const tools = await ensureTools({ log });
    const [temporalPort, uiPort, mongoPort] = [await freePort(), await freePort(), await freePort()];
    const [temporal, ferret, bundle] = await Promise.all([
      startTemporalDevServer({
        binary: tools.temporal,
        dataDir: join(dataDir, 'temporal'),
        port: temporalPort,
        uiPort,
        headless: !options.withTemporalUi,
        searchAttributes: journeySearchAttributes,
        log,
      }),
      startFerretDB({ binary: tools.ferretdb, dataDir: join(dataDir, 'ferretdb'), port: mongoPort, log }),
      bundleJourneyWorkflows(),
    ]);
    stops.push(() => temporal.stop(), () => ferret.stop());

    const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
    // The SDK's runtime is one per process; route its logs (worker state changes) through
    // the same logger and level as ours, before the first connection creates it.
    Runtime.install({ logger: pinoTemporalLogger(logger) });
    const store = await connectStore(ferret.uri);
    stops.push(() => store.connection.close());

    const workerConnection = await NativeConnection.connect({ address: temporal.address });
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

    const clientConnection = await Connection.connect({ address: temporal.address });
    const temporalClient = new Client({ connection: clientConnection });
    stops.push(() => clientConnection.close());

    const port = await freePort();
    const app = await buildApp({
      config: { builderDist: options.builderDist },
      store,
      temporal: temporalClient,
      logger,
    });
    await app.listen({ port, host: '127.0.0.1' });
    stops.push(() => app.close());

    log(`ready: api http://127.0.0.1:${port}, temporal ${temporal.address}, mongo ${ferret.uri}`);
    return {
      apiUrl: `http://127.0.0.1:${port}`,
      temporalAddress: temporal.address,
      temporalUiUrl: options.withTemporalUi ? temporal.uiUrl : null,
      mongoUri: ferret.uri,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
