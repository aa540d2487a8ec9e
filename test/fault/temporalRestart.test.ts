/**
 * Issue 6, "Done when": another fault test stops the Temporal dev server (SIGTERM) in the
 * middle of a few hundred journeys and starts it again on the same port and data dir; the
 * worker process and the API reconnect by themselves, every journey completes and the sandbox
 * provider saw each send exactly once.
 */
import { expect, it } from 'vitest';
import { auditSends, awaitAllClosed, sendsRecorded } from './journeyProgress';
import { callerNumbers, fireMissedCalls } from './missedCallLoad';
import { SEND_NODE_IDS } from './twoSendsFlow';
import { FAULT_TEST_TIMEOUT_MS, faultLog, useFaultStack } from './useFaultStack';

const JOURNEYS = Number(process.env.FAULT_JOURNEYS ?? 200);
const DOWNTIME_MS = 3_000;
const stack = useFaultStack();

it(`completes ${JOURNEYS} journeys with every send made exactly once when the Temporal server restarts mid-run`, async () => {
  const began = Date.now();
  const worker = await stack.startWorker('worker');
  const numbers = callerNumbers(JOURNEYS);
  // All calls are in before the restart: a webhook that arrives while Temporal is down is
  // answered 5xx for the provider to retry, which is not what this test is about.
  const journeyIds = await fireMissedCalls(stack.app, numbers);
  faultLog(`${journeyIds.length} journeys started in ${Date.now() - began} ms`);

  const totalSends = JOURNEYS * SEND_NODE_IDS.length;
  const atStop = await sendsRecorded(stack.store, Math.round(totalSends / 3), 240_000);
  const stoppedAt = Date.now();
  await stack.restartTemporal(DOWNTIME_MS);
  faultLog(`Temporal stopped with ${atStop} of ${totalSends} sends recorded, back ${Date.now() - stoppedAt} ms later`);

  const statuses = await awaitAllClosed(stack.temporal, journeyIds, 300_000);
  faultLog(`all journeys closed ${Date.now() - stoppedAt} ms after the stop, ${Date.now() - began} ms in all`);

  expect(worker.process.hasExited()).toBe(false);
  expect([...statuses.values()].filter((status) => status !== 'COMPLETED')).toEqual([]);
  const audit = await auditSends(stack.store, numbers, SEND_NODE_IDS);
  expect(audit).toEqual({ recorded: totalSends, repeatedProviderCalls: [], wrongPerContact: [], unsentOutbox: [] });
}, FAULT_TEST_TIMEOUT_MS);
