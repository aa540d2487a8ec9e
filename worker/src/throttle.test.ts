/**
 * Throttling (issue 6, §5) on the real Temporal dev server and FerretDB: thirty journeys send
 * at once through a sandbox limited to 10/s, and fifteen call one local HTTP host limited to
 * 5/s. The spread is read from what the provider and the server recorded, not from the test's
 * own clock: a behaviour check (nothing floods), not a speed benchmark.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition, FlowNode } from '@threadline/flows/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities, parseHttpAllowList, type ActivityDeps } from './activities';
import { parseRate, parseSendRates } from './activities/throttleRates';
import { createSandboxProvider } from './channels';
import { pinoTemporalLogger } from './createJourneyWorker';
import { JOURNEY_WORKFLOW_TYPE, type InboundEvent, type JourneyInput, type JourneyState } from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { resolveContact } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
let stack: WorkerTestStack;
let server: Server;
let port: number;
const requestTimes: number[] = [];
let phoneCounter = 0;

beforeAll(async () => {
  Runtime.install({ logger: pinoTemporalLogger(logger) });
  server = createServer((_request, response) => {
    requestTimes.push(Date.now());
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  stack = await startWorkerTestStack();
});

afterAll(async () => {
  await stack?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

function flowOf(id: string, step: FlowNode): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: id,
    nodes: [
      { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
      step,
      { id: 'done', type: 'end', config: { outcome: 'done', returns: [] } },
      { id: 'not_done', type: 'end', config: { outcome: 'notDone', returns: [] } },
    ],
    edges: [
      { from: 'hello', output: 'next', to: step.id },
      ...(step.type === 'send'
        ? [
            { from: step.id, output: 'sent', to: 'done' },
            { from: step.id, output: 'blocked', to: 'not_done' },
            { from: step.id, output: 'failed', to: 'not_done' },
          ]
        : [
            { from: step.id, output: 'success', to: 'done' },
            { from: step.id, output: 'failed', to: 'not_done' },
          ]),
    ],
    layout: {},
  };
}

const campaign = flowOf('throttled-campaign', {
  id: 'announce',
  type: 'send',
  config: { channel: 'sms', template: 'Doors open at 7', mediaUrls: [], whatsappTemplateVariables: [] },
});

const webhook = (): FlowDefinition =>
  flowOf('throttled-webhook', {
    id: 'notify',
    type: 'httpRequest',
    config: { method: 'GET', url: `http://127.0.0.1:${port}/ping`, headers: [], contentType: 'application/json', timeoutSeconds: 5, saveToVariables: [] },
  });

/** Runs `count` journeys of `definition` at once on a worker built from `deps`; their final states. */
async function runAtOnce(
  definition: FlowDefinition,
  count: number,
  deps: Omit<ActivityDeps, 'store' | 'logger' | 'providers'>,
): Promise<{ states: JourneyState[]; phones: string[] }> {
  const taskQueue = `journeys-throttle-${randomUUID()}`;
  const client = stack.client.connection;
  if (!(client instanceof Connection)) throw new Error("the test stack's client has no plain connection");
  const connection = await NativeConnection.connect({ address: client.options.address });
  try {
    const activities = createActivities({ store: stack.store, logger, providers: { sandbox: createSandboxProvider(stack.store) }, ...deps });
    const worker = await Worker.create({ connection, taskQueue, workflowBundle: stack.workflowBundle, activities });
    const phones: string[] = [];
    const inputs: JourneyInput[] = [];
    for (let i = 0; i < count; i += 1) {
      phoneCounter += 1;
      const phone = `+1415559${String(1000 + phoneCounter).padStart(4, '0')}`;
      const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
      const trigger: InboundEvent = { eventId: `sandbox:SM-${randomUUID()}`, kind: 'message', channel: 'sms', from: phone, text: 'hi', at: new Date().toISOString() };
      phones.push(phone);
      inputs.push({ flowId: definition.id, flowVersion: 1, contactId, definition, triggerNodeId: 'hello', trigger });
    }
    const states = await worker.runUntil(async () => {
      const handles = await Promise.all(inputs.map((input) => stack.client.workflow.start(JOURNEY_WORKFLOW_TYPE, journeyStartOptions(input, taskQueue))));
      return Promise.all(handles.map((handle) => handle.result() as Promise<JourneyState>));
    });
    return { states, phones };
  } finally {
    await connection.close();
  }
}

/** The most calls that fell within any `windowMs` of each other. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** "0, 3, 5, …, 2004": each time after the first, for a failure's message. */
function offsets(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.map((at) => at - sorted[0]!).join(', ');
}

describe('throttling per provider and per host', () => {
  it('spreads thirty sends over at least two seconds when the sandbox is limited to 10/s, each sent once', async () => {
    const { states, phones } = await runAtOnce(campaign, 30, { sendRates: parseSendRates('sandbox=10/s') });

    expect(states.map((state) => state.outcome)).toEqual(Array(30).fill('done'));
    const sends = await stack.store.sandboxMessages.find({ to: { $in: phones } }).lean();
    expect(sends).toHaveLength(30);
    expect(sends.every((send) => send.providerCalls === 1)).toBe(true);
    const times = sends.map((send) => send.at.getTime());
    // A burst of 10, then 20 more at 10/s: the last token comes two seconds after the first. The
    // records are written a moment after each token, and a loaded machine may delay the first
    // burst's more than the last's: hence a little under two seconds.
    const spread = Math.max(...times) - Math.min(...times);
    expect(spread, `sends at ${offsets(times)} ms`).toBeGreaterThanOrEqual(1800);
    // And no second ever holds more than the burst plus one second's rate.
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(20);
  });

  it('spreads twenty calls to one host over more than two seconds when hosts are limited to 5/s', async () => {
    requestTimes.length = 0;
    const { states } = await runAtOnce(webhook(), 20, {
      httpRequests: { allow: parseHttpAllowList('127.0.0.1/32'), secrets: {}, ratePerHost: parseRate('5/s') },
    });

    expect(states.map((state) => state.outcome)).toEqual(Array(20).fill('done'));
    expect(requestTimes).toHaveLength(20);
    // A burst of 5, then 15 more at 5/s: three seconds between the first token and the last.
    // The server sees each call after its connection is made, which a loaded machine may slow
    // for the first burst: so the spread asserted is well inside the three seconds.
    const spread = Math.max(...requestTimes) - Math.min(...requestTimes);
    expect(spread, `calls at ${offsets(requestTimes)} ms`).toBeGreaterThanOrEqual(2000);
    expect(busiestWindow(requestTimes, 1000)).toBeLessThanOrEqual(10);
  });
});
