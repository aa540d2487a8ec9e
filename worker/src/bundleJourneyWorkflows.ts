import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleInChildProcess } from './bundleInChildProcess';

/** The workflow bundle's entry point: `journeyWorkflow` and nothing that needs Node. */
export const journeyWorkflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

/**
 * Modules evaluated once per worker and shared by every journey, instead of once per journey.
 * The SDK's reusable V8 context gives each workflow its own copy of every module it imports;
 * the flow runtime brings liquidjs, whose evaluation was the largest share of starting (or
 * replaying) a journey, and each copy held its own parse cache for as long as the journey
 * stayed cached. They are safe to share: pure functions, constant tables, and caches whose
 * content depends only on their keys (parsed templates, time-zone formatters). Whatever they
 * export is frozen by the SDK. Nothing that imports @temporalio/workflow belongs here.
 */
export const SHARED_WORKFLOW_MODULES = ['@threadline/flows/runtime'];

/**
 * Bundles the journey workflows once (webpack, a few seconds, in a child process: see
 * bundleInChildProcess.ts), so tests and the benchmark can hand one bundle to every worker they
 * create instead of bundling per worker.
 */
export function bundleJourneyWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleInChildProcess({ workflowsPath: journeyWorkflowsPath, preloadModules: SHARED_WORKFLOW_MODULES });
}

/** Bundles workflow code (the journeys', or a benchmark's baseline) without the bundler's chatter. */
export function bundleWorkflowsQuietly(workflowsPath: string, preloadModules: readonly string[] = []): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, preloadModules: [...preloadModules], logger: quietBundlerLogger });
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
