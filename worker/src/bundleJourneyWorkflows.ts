import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/** The workflow bundle's entry point: `journeyWorkflow` and nothing that needs Node. */
export const journeyWorkflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

/**
 * Bundles the journey workflows once (webpack, a few seconds), so tests and the benchmark can
 * hand one bundle to every worker they create instead of bundling per worker.
 */
export function bundleJourneyWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowsQuietly(journeyWorkflowsPath);
}

/** Bundles workflow code (the journeys', or a benchmark's baseline) without the bundler's chatter. */
export function bundleWorkflowsQuietly(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
}

/** The bundler logs every step at info; keep warnings and errors only. */
const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, meta?: Record<string, unknown>) => console.warn(message, meta ?? ''),
  error: (message: string, meta?: Record<string, unknown>) => console.error(message, meta ?? ''),
};
