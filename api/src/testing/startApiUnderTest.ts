/**
 * The API on real servers for its own tests: a Temporal dev server and FerretDB from
 * @threadline/stack on free ports with a throwaway data dir, and the app built on them. By
 * default no worker runs, so journeys started here wait unprocessed, which is all most tests
 * need; `{ worker: true }` runs the journey worker in this process on a task queue of its own.
 */
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { startThrowawayServers } from '@threadline/stack';
import { journeySearchAttributes } from '@threadline/worker/contract';
import { bundleJourneyWorkflows, createJourneyWorker } from '@threadline/worker/worker';
import { connectStore, type Store } from '@threadline/worker/store';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp, type AppConfig } from '../buildApp';

export interface ApiUnderTest {
  app: FastifyInstance;
  store: Store;
  temporal: Client;
  dataDir: string;
  /** The journey worker's workflow bundle, with `{ worker: true }`: for replaying the journeys it ran. */
  workflowBundle: WorkflowBundleWithSourceMap | undefined;
  /** Calls the app without a port, as `app.inject()` does, and parses the JSON answer. */
  call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  /** Another app on the same servers, e.g. with a different builder dist. */
  buildAnotherApp(config: AppConfig): Promise<FastifyInstance>;
  stop(): Promise<void>;
}

export interface ApiUnderTestOptions {
  /** Run the journey worker too, so journeys the API starts actually run. */
  worker?: boolean;
}

export async function startApiUnderTest(options: ApiUnderTestOptions = {}): Promise<ApiUnderTest> {
  const log = (line: string) => {
    if (process.env.THREADLINE_TEST_VERBOSE) process.stderr.write(`[api-test] ${line}\n`);
  };
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    const [servers, workflowBundle] = await Promise.all([
      startThrowawayServers({ searchAttributes: journeySearchAttributes, database: 'threadline_api_test', log }),
      options.worker ? bundleJourneyWorkflows() : undefined,
    ]);
    stops.push(() => servers.stop());
    const { dataDir } = servers;

    const store = await connectStore(servers.mongoUri);
    stops.push(() => store.connection.close());
    const connection = await Connection.connect({ address: servers.temporalAddress });
    stops.push(() => connection.close());
    const temporal = new Client({ connection });

    const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
    let taskQueue: string | undefined;
    if (workflowBundle) {
      taskQueue = `journeys-api-test-${process.pid}`;
      const workerConnection = await NativeConnection.connect({ address: servers.temporalAddress });
      const worker = await createJourneyWorker({ connection: workerConnection, taskQueue, store, logger, workflowBundle });
      const running = worker.run();
      stops.push(async () => {
        worker.shutdown();
        await running;
        await workerConnection.close();
      });
    }
    const buildAnotherApp = async (config: AppConfig) => {
      const routed: AppConfig = taskQueue === undefined ? config : { ...config, journeys: { taskQueue, ...config.journeys } };
      const another = await buildApp({ config: routed, store, temporal, logger });
      stops.push(() => another.close());
      return another;
    };
    const app = await buildAnotherApp({ builderDist: join(dataDir, 'no-builder-here') });
    const call: ApiUnderTest['call'] = async (method, url, payload) => {
      const response = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { status: response.statusCode, body: response.json() };
    };
    return { app, store, temporal, dataDir, workflowBundle, call, buildAnotherApp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
