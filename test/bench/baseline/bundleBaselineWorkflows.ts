import { fileURLToPath } from 'node:url';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleWorkflowsQuietly } from '@threadline/worker/worker';

const baselineWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/** Bundles the baseline workflow once (webpack), for the bench's second worker. */
export function bundleBaselineWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowsQuietly(baselineWorkflowsPath);
}
