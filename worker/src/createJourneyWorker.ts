import { Worker, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import pino, { type Logger } from 'pino';
import { createActivities, readHttpRequestSettings, type ComplianceSettings, type HttpRequestSettings } from './activities';
import { createSandboxProvider, type ChannelProvider } from './channels';
import { bundleJourneyWorkflows } from './bundleJourneyWorkflows';
import { JOURNEY_TASK_QUEUE } from './journeys/contract';
import type { Store } from './store';

export { bundleJourneyWorkflows, bundleWorkflowsQuietly } from './bundleJourneyWorkflows';
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
  /** A bundle from `bundleJourneyWorkflows()`; without it the worker bundles on creation. */
  workflowBundle?: WorkflowBundleWithSourceMap;
}

/** A Temporal worker running the journey workflow and its activities; call `run()` on it. */
export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const logger = options.logger ?? pino({ name: 'worker' });
  const activities = createActivities({
    store: options.store,
    providers: options.providers ?? { sandbox: createSandboxProvider(options.store) },
    logger,
    httpRequests: options.httpRequests ?? readHttpRequestSettings(process.env),
    ...(options.compliance ? { compliance: options.compliance } : {}),
  });
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? JOURNEY_TASK_QUEUE,
    workflowBundle: options.workflowBundle ?? (await bundleJourneyWorkflows()),
    activities,
  });
}
