import { open, readFile, unlink } from 'node:fs/promises';
import type { LogLine } from './supervisedProcess';

const POLL_MS = 500;
/** Builds from source can take minutes on a busy machine; past this something is stuck. */
const WAIT_LIMIT_MS = 20 * 60_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function lockOwner(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` while holding an exclusive lock file, so two test processes (or a test run and
 * `npm start`) never install the same tool at once. The lock holds the owner's pid; a lock
 * whose owner died (a killed install) is taken over instead of waited on forever.
 */
export async function withInstallLock<T>(path: string, label: string, log: LogLine, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await lockOwner(path);
      if (owner !== undefined && !isAlive(owner)) {
        log(`${label}: removing the stale install lock of process ${owner}, which is gone`);
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (!announced) {
        log(`${label}: waiting for process ${owner ?? '?'} that is installing it (lock ${path})`);
        announced = true;
      }
      if (Date.now() - started > WAIT_LIMIT_MS) {
        throw new Error(`${label}: gave up waiting for the install lock ${path}; delete it if no install is running`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await work();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
