/**
 * What a suite on the time-skipping test server needs: the server (a flow's days of waits pass
 * in seconds, unshortened), a store in a database of the suite's own on the suite's FerretDB (so
 * nothing here meets the other tests' data), and journey workers on task queues of their own.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, type Worker } from '@temporalio/worker';
import pino, { type Logger } from 'pino';
import { inject } from 'vitest';
import { createJourneyWorker, pinoTemporalLogger, type JourneyWorkerOptions } from '../createJourneyWorker';
import { connectStore, type Store } from '../store';
import { startForSuite } from './startForSuite';
import { startTimeSkippingServer } from './startTimeSkippingServer';

export interface TimeSkippingHarness {
  env: TestWorkflowEnvironment;
  store: Store;
  logger: Logger;
}

/** The suite's harness, started before its tests and stopped after them, writing to `database`. */
export function useTimeSkippingHarness(database: string): TimeSkippingHarness {
  return startForSuite(`the time-skipping harness (${database})`, () => startTimeSkippingHarness(inject('mongoUri'), database));
}

/** `mongoUri` is the suite's FerretDB; the harness writes to `database` on it. */
export async function startTimeSkippingHarness(mongoUri: string, database: string): Promise<TimeSkippingHarness & { stop(): Promise<void> }> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  Runtime.install({ logger: pinoTemporalLogger(logger) });
  const env = await startTimeSkippingServer();
  const store = await connectStore(mongoUri.replace(/\/[^/]*$/, `/${database}`)).catch(async (error: unknown) => {
    await env.teardown();
    throw error;
  });
  return {
    env,
    store,
    logger,
    async stop() {
      await store.connection.close();
      await env.teardown();
    },
  };
}

/** What a test may set on its journey worker beyond where it runs: a bundle, compliance rules, providers. */
export type SkippingWorkerOptions = Omit<JourneyWorkerOptions, 'connection' | 'taskQueue' | 'store' | 'logger'>;

/** A journey worker on the skipping server, on a task queue of its own (`<name>-<uuid>`): run it with `runUntil`. */
export async function createSkippingWorker(harness: TimeSkippingHarness, name: string, options: SkippingWorkerOptions = {}): Promise<{ worker: Worker; taskQueue: string }> {
  const taskQueue = `${name}-${randomUUID()}`;
  const worker = await createJourneyWorker({ connection: harness.env.nativeConnection, taskQueue, store: harness.store, logger: harness.logger, ...options });
  return { worker, taskQueue };
}
