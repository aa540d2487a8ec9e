/**
 * The product as `npm start` runs it, with faults a test can inject: the Temporal dev server
 * and FerretDB on free ports with a throwaway data dir, the API built in this process, and the
 * worker as a separate process (`node --import tsx worker/src/main.ts`, as stack/src/start.ts
 * spawns it), which the test can SIGKILL and start again. The Temporal server can be stopped
 * and started again on the same port and data dir.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { buildApp } from '@threadline/api';
import {
  ensureTools,
  freePort,
  retryOnPortClash,
  startFerretDB,
  startTemporalDevServer,
  type FerretDB,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from '@threadline/stack';
import { journeySearchAttributes } from '@threadline/worker/contract';
import { connectStore, type Store } from '@threadline/worker/store';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { startWorkerProcess, type WorkerProcess } from './workerProcess';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface FaultStack {
  app: FastifyInstance;
  store: Store;
  temporal: Client;
  /** Starts a worker process on the stack's servers; resolves once it polls. */
  startWorker(name: string): Promise<WorkerProcess>;
  /** SIGTERMs the Temporal dev server, waits `downtimeMs`, and starts it again on the same port and data. */
  restartTemporal(downtimeMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startFaultStack(log: (line: string) => void): Promise<FaultStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'threadline-fault-'));
  const stops: Array<() => Promise<unknown>> = [() => rm(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => log(`stop: ${String(error)}`));
  };
  try {
    const tools = await ensureTools({ log });
    let temporalOptions: TemporalDevServerOptions | undefined;
    let temporal: TemporalDevServer | undefined;
    const [ferret] = await Promise.all([
      retryOnPortClash<FerretDB>(async () =>
        startFerretDB({ binary: tools.ferretdb, dataDir: join(dataDir, 'ferretdb'), port: await freePort(), log }),
      ),
      retryOnPortClash(async () => {
        temporalOptions = {
          binary: tools.temporal,
          dataDir: join(dataDir, 'temporal'),
          port: await freePort(),
          headless: true,
          searchAttributes: journeySearchAttributes,
          log,
        };
        temporal = await startTemporalDevServer(temporalOptions);
      }),
    ]);
    stops.push(() => ferret.stop());
    stops.push(() => temporal?.stop() ?? Promise.resolve());
    if (temporal === undefined || temporalOptions === undefined) throw new Error('the Temporal dev server did not start');
    const address = temporal.address;

    const store = await connectStore(ferret.uri);
    stops.push(() => store.connection.close());
    const connection = await Connection.connect({ address });
    stops.push(() => connection.close());
    const client = new Client({ connection });
    const app = await buildApp({
      config: { builderDist: join(dataDir, 'no-builder-here') },
      store,
      temporal: client,
      logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    });
    stops.push(() => app.close());

    const workers: WorkerProcess[] = [];
    // Stopped before the servers: registered last, so it runs first.
    stops.push(async () => Promise.all(workers.map((worker) => worker.process.stop(5_000))));
    const options = temporalOptions;
    return {
      app,
      store,
      temporal: client,
      async startWorker(name) {
        const worker = await startWorkerProcess({
          name,
          repoRoot,
          env: {
            ...process.env,
            TEMPORAL_ADDRESS: address,
            TEMPORAL_NAMESPACE: 'default',
            MONGODB_URI: ferret.uri,
            LOG_LEVEL: 'info',
            // No compliance deferrals or caps: these tests are about faults, whatever the hour.
            THREADLINE_QUIET_HOURS: 'off',
            THREADLINE_FREQUENCY_CAP: '0',
          },
          log,
        });
        workers.push(worker);
        return worker;
      },
      async restartTemporal(downtimeMs) {
        await temporal?.stop();
        await new Promise((resolve) => setTimeout(resolve, downtimeMs));
        temporal = await startTemporalDevServer(options);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
