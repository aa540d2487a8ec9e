import { Worker, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import pino, { type Logger } from 'pino';
import { createActivities, readHttpRequestSettings, type ComplianceSettings, type HttpRequestSettings } from './activities';
import type { SendRates } from './activities/throttleRates';
import { createSandboxProvider, type ChannelProvider } from './channels';
import { bundleJourneyWorkflows } from './bundleJourneyWorkflows';
import { JOURNEY_TASK_QUEUE } from './journeys/contract';
import type { Store } from './store';

export { bundleJourneyWorkflows, bundleWorkflowsQuietly } from './bundleJourneyWorkflows';
export { bundleInChildProcess } from './bundleInChildProcess';
export { pinoTemporalLogger } from './temporalLogger';
export { noCompliance, parseFrequencyCap, parseQuietHours, type ComplianceSettings } from './activities';

export interface JourneyWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  taskQueue?: string;
  store: Store;
  /** Defaults to the sandbox provider over `store`. */
  providers?: { sandbox: ChannelProvider };
  logger?: Logger;
  /**
   * HTTP request nodes' allow-list and secrets; by default read from this process's environment
   * (THREADLINE_HTTP_ALLOW, THREADLINE_SECRET_<NAME>).
   */
  httpRequests?: HttpRequestSettings;
  /**
   * Quiet hours and the frequency cap every send obeys, whatever the flow says. `main.ts` passes
   * the worker config's (THREADLINE_QUIET_HOURS, _CHANNELS, THREADLINE_FREQUENCY_CAP; defaults
   * 21:00-08:00 and 3/24h). Absent means none, so a test stack that is not about compliance
   * does not depend on the time of day it runs at.
   */
  compliance?: ComplianceSettings;
  /**
   * Sends per second each provider may take from this worker process (THREADLINE_SEND_RATE,
   * passed by `main.ts`). Absent means unthrottled, as test stacks that are not about it want.
   */
  sendRates?: SendRates;
  /**
   * Journeys kept in memory between their tasks (THREADLINE_MAX_CACHED_WORKFLOWS, passed by
   * `main.ts`; default DEFAULT_MAX_CACHED_WORKFLOWS). An evicted journey is replayed from its
   * history on its next task, which for a journey waiting on a timer or a reply is short and
   * cheap; the SDK's own default (a share of the heap, 2,310 on a 4 GiB heap) lets a worker with
   * thousands of waiting journeys grow to about 2 GiB.
   */
  maxCachedWorkflows?: number;
  /** A bundle from `bundleJourneyWorkflows()`; without it the worker bundles on creation. */
  workflowBundle?: WorkflowBundleWithSourceMap;
}

/** See `maxCachedWorkflows`: measured with `npm run bench -- engine` (10,000 journeys waiting on timers). */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 200;

/** A Temporal worker running the journey workflow and its activities; call `run()` on it. */
export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const logger = options.logger ?? pino({ name: 'worker' });
  const activities = createActivities({
    store: options.store,
    providers: options.providers ?? { sandbox: createSandboxProvider(options.store) },
    logger,
    httpRequests: options.httpRequests ?? readHttpRequestSettings(process.env),
    ...(options.compliance ? { compliance: options.compliance } : {}),
    ...(options.sendRates ? { sendRates: options.sendRates } : {}),
  });
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? JOURNEY_TASK_QUEUE,
    workflowBundle: options.workflowBundle ?? (await bundleJourneyWorkflows()),
    activities,
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_MAX_CACHED_WORKFLOWS,
  });
}
