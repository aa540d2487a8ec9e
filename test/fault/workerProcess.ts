import { join } from 'node:path';
import { spawnSupervised, type SupervisedProcess } from '@threadline/stack';

export interface WorkerProcess {
  process: SupervisedProcess;
  /** SIGKILL: no shutdown, no goodbye to Temporal; what an OOM kill or a lost VM does. */
  kill(): Promise<void>;
}

export interface WorkerProcessOptions {
  name: string;
  repoRoot: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  readyTimeoutMs?: number;
}

/**
 * Spawns `node --import tsx worker/src/main.ts` as stack/src/start.ts does and resolves once it
 * logs "worker ready" (it has bundled the workflows and polls). Its per-send info lines are
 * read for readiness only, not echoed.
 */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const child = spawnSupervised({
    name: options.name,
    command: process.execPath,
    args: ['--import', 'tsx', join('worker', 'src', 'main.ts')],
    cwd: options.repoRoot,
    env: options.env,
    log: (line) => {
      if (line.includes('"msg":"worker ready"')) markReady();
      else if (/"level":(40|50|60)/.test(line) || !line.startsWith('{')) options.log(`${options.name}: ${line}`);
    },
  });
  const timeoutMs = options.readyTimeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    child.exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await child.stop(1_000);
    throw new Error(`${options.name} ${outcome === 'exited' ? 'exited' : `was not ready in ${timeoutMs} ms`}:\n${child.recentOutput()}`);
  }
  return {
    process: child,
    async kill() {
      if (child.pid === undefined || child.hasExited()) throw new Error(`${options.name} is not running`);
      process.kill(child.pid, 'SIGKILL');
      await child.exited;
    },
  };
}
