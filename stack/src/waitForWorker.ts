import { runCommand } from './runCommand';
import type { SupervisedProcess } from './supervisedProcess';
import { waitUntil } from './waitFor';

/**
 * True when the task queue lists a workflow poller whose identity is the given process
 * (`<pid>@<host>`, the SDK's default identity). Matching the pid matters on a restart with the
 * same data dir: the previous run's pollers stay listed for a while after it died.
 */
export function hasPollerOfProcess(describeJson: string, pid: number): boolean {
  const parsed: unknown = JSON.parse(describeJson);
  if (typeof parsed !== 'object' || parsed === null || !('pollers' in parsed) || !Array.isArray(parsed.pollers)) {
    return false;
  }
  return parsed.pollers.some(
    (poller: unknown) =>
      typeof poller === 'object' &&
      poller !== null &&
      'identity' in poller &&
      typeof poller.identity === 'string' &&
      poller.identity.startsWith(`${pid}@`),
  );
}

export interface WaitForWorkerOptions {
  temporalCli: string;
  address: string;
  namespace: string;
  taskQueue: string;
  worker: SupervisedProcess;
  timeoutMs: number;
}

/** Waits until the worker process polls its task queue, so "ready" means journeys will run. */
export async function waitForWorkerPolling(options: WaitForWorkerOptions): Promise<void> {
  const pid = options.worker.pid;
  if (pid === undefined) throw new Error(`${options.worker.name} has no pid; it did not start`);
  await waitUntil(
    async () => {
      try {
        const { stdout } = await runCommand(options.temporalCli, [
          'task-queue', 'describe', '--task-queue', options.taskQueue,
          '--namespace', options.namespace, '--address', options.address, '--output', 'json',
        ]);
        return hasPollerOfProcess(stdout, pid);
      } catch {
        return false;
      }
    },
    { what: `${options.worker.name} to poll task queue ${options.taskQueue}`, timeoutMs: options.timeoutMs, intervalMs: 500, process: options.worker },
  );
}
