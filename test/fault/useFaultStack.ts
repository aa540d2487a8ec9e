import { startForSuite } from '@threadline/worker/start-for-suite';
import { startFaultStack, type FaultStack } from './faultStack';
import { publishTwoSendsFlow } from './publishFaultFlow';

// Its own servers and worker processes (no shared stack), a few hundred journeys and a fault:
// minutes, not the integration project's default minute.
const STACK_TIMEOUT_MS = 240_000;
export const FAULT_TEST_TIMEOUT_MS = 480_000;

/** What a fault test tells the person running it, on stderr. */
export const faultLog = (line: string) => process.stderr.write(`[fault] ${line}\n`);

/**
 * The fault suite's stack, started before its test with the two-sends flow published (the
 * journeys a missed call starts), and stopped after it. No worker runs until the test starts one.
 */
export function useFaultStack(): Omit<FaultStack, 'stop'> {
  return startForSuite(
    'the fault stack',
    async () => {
      const stack = await startFaultStack((line) => {
        if (process.env.DEBUG_STACK) faultLog(line);
      });
      try {
        await publishTwoSendsFlow(stack.app);
      } catch (error) {
        await stack.stop();
        throw error;
      }
      return stack;
    },
    { timeoutMs: STACK_TIMEOUT_MS },
  );
}
