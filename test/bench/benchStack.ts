/**
 * The stack the bench measures: the shared test stack (Temporal dev server, FerretDB, the
 * interpreter's worker and an API, all real) plus, on the same servers, a second worker for the
 * hand-written baseline workflow and a second API instance that routes missed calls to it.
 * Both variants thus share one process, one Temporal and one store: only the workflow differs.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { buildApp } from '@threadline/api';
import { connectStore, type Store } from '@threadline/worker/store';
import { createJourneyWorker } from '@threadline/worker/worker';
import pino from 'pino';
import { startTestStack } from '../support/startTestStack';
import { BASELINE_TASK_QUEUE, BASELINE_WORKFLOW_TYPE } from './baseline/baselineRouting';
import { bundleBaselineWorkflows } from './baseline/bundleBaselineWorkflows';
import { publishMissedCallFlow } from './publishFlow';

export type Variant = 'interpreter' | 'baseline';
export const VARIANTS: readonly Variant[] = ['interpreter', 'baseline'];

export interface BenchStack {
  apiUrls: Record<Variant, string>;
  flowVersion: number;
  /** The bench's own connection, for reading results back; the services have theirs. */
  store: Store;
  temporal: Client;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const [stack, baselineBundle] = await Promise.all([
    startTestStack({ log: (line) => log(`stack: ${line}`) }),
    bundleBaselineWorkflows(),
  ]);
  const stops: Array<() => Promise<unknown>> = [() => stack.stop()];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => log(`stop: ${String(error)}`));
  };

  try {
    // Published before the baseline API is built: an API loads the published triggers when it
    // is built and only refreshes them in the background later, so the other order would
    // leave the baseline's first leads without a journey.
    const flowVersion = await publishMissedCallFlow(stack.apiUrl);
    // The same log level as the test stack's services, so neither variant logs more.
    const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
    const baselineStore = await connectStore(stack.mongoUri);
    stops.push(() => baselineStore.connection.close());
    const readerStore = await connectStore(stack.mongoUri);
    stops.push(() => readerStore.connection.close());

    const workerConnection = await NativeConnection.connect({ address: stack.temporalAddress });
    const worker = await createJourneyWorker({
      connection: workerConnection,
      store: baselineStore,
      logger,
      taskQueue: BASELINE_TASK_QUEUE,
      workflowBundle: baselineBundle,
    });
    const workerRun = worker.run();
    stops.push(async () => {
      // On Ctrl-C the SDK's runtime has already begun shutting its workers down by itself.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
      await workerConnection.close();
    });

    const clientConnection = await Connection.connect({ address: stack.temporalAddress });
    const temporal = new Client({ connection: clientConnection });
    stops.push(() => clientConnection.close());

    const baselineApp = await buildApp({
      config: { journeys: { workflowType: BASELINE_WORKFLOW_TYPE, taskQueue: BASELINE_TASK_QUEUE } },
      store: baselineStore,
      temporal,
      logger,
    });
    const baselineUrl = await baselineApp.listen({ port: 0, host: '127.0.0.1' });
    stops.push(() => baselineApp.close());

    return {
      apiUrls: { interpreter: stack.apiUrl, baseline: baselineUrl },
      flowVersion,
      store: readerStore,
      temporal,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
