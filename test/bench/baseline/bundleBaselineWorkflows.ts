import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const baselineWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/** Bundles the baseline workflow once (webpack), for the bench's second worker. */
export function bundleBaselineWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: baselineWorkflowsPath, logger: warningsOnly });
}

/** The bundler logs every step at info; keep warnings and errors. */
const warningsOnly = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(`[bench] bundler: ${message}`),
  error: (message: string) => console.error(`[bench] bundler: ${message}`),
};
