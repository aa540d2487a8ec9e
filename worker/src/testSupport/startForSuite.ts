import { afterAll, beforeAll } from 'vitest';

/**
 * Starts what a suite runs on before its tests (`beforeAll`, with `timeoutMs` where the project's
 * hook timeout is too short) and stops it after them (`afterAll`). The answer stands for what
 * `start` made, so a test file can keep it in a top-level const and its tests read
 * `harness.store` as if it had been there all along; read before `beforeAll` has run (at the
 * file's top level), it throws naming `what`.
 */
export function startForSuite<T extends { stop(): Promise<void> }>(
  what: string,
  start: () => Promise<T>,
  options: { timeoutMs?: number } = {},
): Omit<T, 'stop'> {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  }, options.timeoutMs);
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as Omit<T, 'stop'>, {
    get(_target, key) {
      if (!started) throw new Error(`${what} starts in beforeAll: read it inside a test or a hook, not at the file's top level`);
      return Reflect.get(started, key);
    },
  });
}
