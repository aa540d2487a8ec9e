/**
 * Issue 6, "Done when": a fault test kills the worker process (SIGKILL) in the middle of a few
 * hundred journeys and starts a new one; every journey completes and the sandbox provider saw
 * each send exactly once. Journeys start from missed calls through the sandbox webhook (the
 * API's deliverInboundEvent path), the worker runs as `npm start` runs it: a process of its own.
 */
import { expect, it } from 'vitest';
import { auditSends, awaitAllClosed, sendsRecorded } from './journeyProgress';
import { callerNumbers, fireMissedCalls } from './missedCallLoad';
import { SEND_NODE_IDS } from './twoSendsFlow';
import { FAULT_TEST_TIMEOUT_MS, faultLog, useFaultStack } from './useFaultStack';

const JOURNEYS = Number(process.env.FAULT_JOURNEYS ?? 200);
const stack = useFaultStack();

it(`completes ${JOURNEYS} journeys with every send made exactly once when the worker is SIGKILLed mid-run`, async () => {
  const began = Date.now();
  const first = await stack.startWorker('worker-1');
  const numbers = callerNumbers(JOURNEYS);
  // Calls keep arriving while the worker dies and while the next one starts.
  const firing = fireMissedCalls(stack.app, numbers).then((ids) => {
    faultLog(`${ids.length} journeys started in ${Date.now() - began} ms`);
    return ids;
  });
  firing.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled

  const totalSends = JOURNEYS * SEND_NODE_IDS.length;
  const atKill = await sendsRecorded(stack.store, Math.round(totalSends / 3), 240_000);
  await first.kill();
  const killedAt = Date.now();
  faultLog(`worker-1 SIGKILLed with ${atKill} of ${totalSends} sends recorded, ${killedAt - began} ms in`);

  await stack.startWorker('worker-2');
  faultLog(`worker-2 polling ${Date.now() - killedAt} ms after the kill`);
  const journeyIds = await firing;
  const statuses = await awaitAllClosed(stack.temporal, journeyIds, 300_000);
  faultLog(`all journeys closed ${Date.now() - killedAt} ms after the kill, ${Date.now() - began} ms in all`);

  expect(new Set(journeyIds).size).toBe(JOURNEYS);
  expect([...statuses.values()].filter((status) => status !== 'COMPLETED')).toEqual([]);
  const audit = await auditSends(stack.store, numbers, SEND_NODE_IDS);
  expect(audit).toEqual({ recorded: totalSends, repeatedProviderCalls: [], wrongPerContact: [], unsentOutbox: [] });
}, FAULT_TEST_TIMEOUT_MS);
