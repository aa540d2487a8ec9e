import { sleep } from './waitFor';
import type { SupervisedProcess } from './supervisedProcess';
import { describeExit } from './supervisedProcess';

/** Polls a health URL until it answers 200; fails early if one of `watch` dies meanwhile. */
export async function waitForHealth(url: string, watch: readonly SupervisedProcess[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const dead = watch.find((child) => child.hasExited());
    if (dead) throw new Error(`${dead.name} ${describeExit(await dead.exited)} before ${url} answered 200`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${url} (last: ${last})`);
    await sleep(250);
  }
}
