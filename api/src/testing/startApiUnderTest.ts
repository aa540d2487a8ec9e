/**
 * The API on real servers for its own tests: a Temporal dev server and FerretDB from
 * @threadline/stack on free ports with a throwaway data dir, and the app built on them. No
 * worker runs, so journeys started here wait unprocessed, which is all these tests need.
 */
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startThrowawayServers } from '@threadline/stack';
import { journeySearchAttributes } from '@threadline/worker/contract';
import { connectStore, type Store } from '@threadline/worker/store';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp, type AppConfig } from '../buildApp';

export interface ApiUnderTest {
  app: FastifyInstance;
  store: Store;
  temporal: Client;
  dataDir: string;
  /** Calls the app without a port, as `app.inject()` does, and parses the JSON answer. */
  call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  /** Another app on the same servers, e.g. with a different builder dist. */
  buildAnotherApp(config: AppConfig): Promise<FastifyInstance>;
  stop(): Promise<void>;
}

export async function startApiUnderTest(): Promise<ApiUnderTest> {
  const log = (line: string) => {
    if (process.env.THREADLINE_TEST_VERBOSE) process.stderr.write(`[api-test] ${line}\n`);
  };
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    const servers = await startThrowawayServers({ searchAttributes: journeySearchAttributes, database: 'threadline_api_test', log });
    stops.push(() => servers.stop());
    const { dataDir } = servers;

    const store = await connectStore(servers.mongoUri);
    stops.push(() => store.connection.close());
    const connection = await Connection.connect({ address: servers.temporalAddress });
    stops.push(() => connection.close());
    const temporal = new Client({ connection });

    const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
    const buildAnotherApp = async (config: AppConfig) => {
      const another = await buildApp({ config, store, temporal, logger });
      stops.push(() => another.close());
      return another;
    };
    const app = await buildAnotherApp({ builderDist: join(dataDir, 'no-builder-here') });
    const call: ApiUnderTest['call'] = async (method, url, payload) => {
      const response = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { status: response.statusCode, body: response.json() };
    };
    return { app, store, temporal, dataDir, call, buildAnotherApp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
