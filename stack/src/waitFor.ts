import { connect } from 'node:net';
import type { SupervisedProcess } from './supervisedProcess';
import { describeExit } from './supervisedProcess';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** True if something accepts a TCP connection on host:port right now. */
export function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface WaitUntilOptions {
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Fail at once, with its output, if this process dies while we wait. */
  process?: SupervisedProcess;
}

/** Polls `check` until it returns true; rejects on timeout or when the watched process dies. */
export async function waitUntil(check: () => Promise<boolean>, options: WaitUntilOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const child = options.process;
    if (child?.hasExited()) {
      const info = await child.exited;
      throw new Error(`${child.name} ${describeExit(info)} before ${options.what}:\n${child.recentOutput()}`);
    }
    if (await check()) return;
    if (Date.now() > deadline) {
      const output = child ? `\nLast output of ${child.name}:\n${child.recentOutput()}` : '';
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what}${output}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}
