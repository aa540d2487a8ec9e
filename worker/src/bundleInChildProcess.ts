/**
 * Bundling workflow code in a short-lived child process, so the worker that runs it never holds
 * webpack. Bundling in the worker's own process left it about 120 MiB larger for good (webpack's
 * heap and the allocator's arenas are not given back), which is a quarter of the memory a worker
 * with thousands of waiting journeys has to live in (`npm run bench -- engine`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';

const entry = fileURLToPath(new URL('./bundleWorkflowsChild.ts', import.meta.url));

export interface BundleRequest {
  workflowsPath: string;
  preloadModules: readonly string[];
}

/** The bundle `bundleWorkflowsQuietly(workflowsPath, preloadModules)` would make, made in a child process. */
export function bundleInChildProcess(request: BundleRequest): Promise<WorkflowBundleWithSourceMap> {
  return new Promise((resolve, reject) => {
    // tsx loads the TypeScript entry, as it loads this process's (`node --import tsx`).
    const child = spawn(process.execPath, ['--import', 'tsx', entry, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`bundling ${request.workflowsPath} failed in its child process (${signal ?? `exit code ${code}`}); its errors are above`));
        return;
      }
      try {
        resolve(parseBundle(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function parseBundle(text: string): WorkflowBundleWithSourceMap {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('the bundling child process printed no bundle');
  const { code, sourceMap } = parsed as Record<string, unknown>;
  if (typeof code !== 'string' || typeof sourceMap !== 'string') throw new Error('the bundling child process printed no bundle');
  return { code, sourceMap };
}
