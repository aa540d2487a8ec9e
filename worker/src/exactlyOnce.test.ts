/**
 * Exactly-once sends (issue 6, §5) on the real Temporal dev server and FerretDB: the sandbox
 * provider is made to fail around its call, as a worker dying mid-send would leave things, and
 * Temporal retries the activity for real. The retry must reconcile with the provider instead
 * of calling it again, and never resend silently when the provider cannot tell.
 */
import { randomUUID } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxProvider, type SandboxProviderOptions } from './channels';
import { createJourneyWorker, pinoTemporalLogger } from './createJourneyWorker';
import { JOURNEY_WORKFLOW_TYPE, type InboundEvent, type JourneyInput, type JourneyState } from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { readTimeline, resolveContact } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'error' });
let stack: WorkerTestStack;
let phoneCounter = 0;

beforeAll(async () => {
  Runtime.install({ logger: pinoTemporalLogger(logger) });
  stack = await startWorkerTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

const oneSend: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'exactly-once',
  name: 'Exactly once',
  nodes: [
    { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
    { id: 'greet', type: 'send', config: { channel: 'sms', template: 'Your table is ready', mediaUrls: [], whatsappTemplateVariables: [] } },
    { id: 'end_sent', type: 'end', config: { outcome: 'sent', returns: [] } },
    { id: 'end_blocked', type: 'end', config: { outcome: 'blocked', returns: [] } },
    { id: 'end_failed', type: 'end', config: { outcome: 'failed', returns: [] } },
  ],
  edges: [
    { from: 'hello', output: 'next', to: 'greet' },
    { from: 'greet', output: 'sent', to: 'end_sent' },
    { from: 'greet', output: 'blocked', to: 'end_blocked' },
    { from: 'greet', output: 'failed', to: 'end_failed' },
  ],
  layout: {},
};

/** Runs one journey to its end on a worker whose sandbox provider behaves as `sandbox` says. */
async function runJourney(sandbox: SandboxProviderOptions): Promise<{ state: JourneyState; contactId: string; phone: string }> {
  phoneCounter += 1;
  const phone = `+1415557${String(1000 + phoneCounter).padStart(4, '0')}`;
  const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
  const trigger: InboundEvent = { eventId: `sandbox:SM-${randomUUID()}`, kind: 'message', channel: 'sms', from: phone, text: 'hi', at: new Date().toISOString() };
  const input: JourneyInput = { flowId: oneSend.id, flowVersion: 1, contactId, definition: oneSend, triggerNodeId: 'hello', trigger };
  const taskQueue = `journeys-exactly-once-${randomUUID()}`;
  const client = stack.client.connection;
  if (!(client instanceof Connection)) throw new Error("the test stack's client has no plain connection");
  const connection = await NativeConnection.connect({ address: client.options.address });
  try {
    const worker = await createJourneyWorker({
      connection,
      taskQueue,
      store: stack.store,
      logger,
      workflowBundle: stack.workflowBundle,
      providers: { sandbox: createSandboxProvider(stack.store, sandbox) },
    });
    const options = journeyStartOptions(input, taskQueue);
    const state = (await worker.runUntil(stack.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, options))) as JourneyState;
    return { state, contactId, phone };
  } finally {
    await connection.close();
  }
}

async function decisionsOf(contactId: string): Promise<Array<string | null | undefined>> {
  return (await readTimeline(stack.store, contactId)).filter((event) => event.kind === 'decision').map((event) => event.body);
}

describe('a send whose attempt dies around the provider call', () => {
  it('is not sent again when the provider sent it before the attempt died: the retry asks, and the journey takes sent', async () => {
    const { state, contactId, phone } = await runJourney({ crash: (_message, earlierCalls) => (earlierCalls === 0 ? 'afterSend' : null) });

    expect(state).toMatchObject({ status: 'completed', outcome: 'sent', path: ['hello', 'greet', 'end_sent'] });
    const sends = await stack.store.sandboxMessages.find({ to: phone }).lean();
    expect(sends).toEqual([expect.objectContaining({ body: 'Your table is ready', providerCalls: 1 })]);
    const entry = await stack.store.outbox.findOne({ contactId }).lean();
    expect(entry).toMatchObject({ status: 'sent', stage: 'unknown', providerMessageId: sends[0]?.providerMessageId, attempts: 2 });
    expect(await decisionsOf(contactId)).toEqual([
      'sms send outcome unknown after a crash; asking sandbox',
      `sms send reconciled: sandbox had sent it (${sends[0]?.providerMessageId}); not sent again`,
    ]);
    const outbound = (await readTimeline(stack.store, contactId)).filter((event) => event.direction === 'outbound');
    expect(outbound).toEqual([expect.objectContaining({ body: 'Your table is ready', status: 'sent', providerMessageId: sends[0]?.providerMessageId })]);
  });

  it('is sent once, after reconciling, when the provider never got the call', async () => {
    let calls = 0;
    const { state, contactId, phone } = await runJourney({
      crash: () => {
        calls += 1;
        return calls === 1 ? 'beforeSend' : null;
      },
    });

    expect(state).toMatchObject({ status: 'completed', outcome: 'sent' });
    expect(calls).toBe(2);
    expect(await stack.store.sandboxMessages.find({ to: phone }).lean()).toEqual([expect.objectContaining({ providerCalls: 1 })]);
    expect(await decisionsOf(contactId)).toEqual([
      'sms send outcome unknown after a crash; asking sandbox',
      'sms send reconciled: sandbox never got it; sending it now',
    ]);
    expect(await stack.store.outbox.findOne({ contactId }).lean()).toMatchObject({ status: 'sent' });
  });

  it('fails rather than resends when the provider cannot tell whether it sent', async () => {
    let crashes = 0;
    const { state, contactId, phone } = await runJourney({
      canLookUp: false,
      crash: () => {
        crashes += 1;
        return crashes === 1 ? 'afterSend' : null;
      },
    });

    expect(state).toMatchObject({ status: 'completed', outcome: 'failed', path: ['hello', 'greet', 'end_failed'] });
    expect(crashes).toBe(1);
    expect(await stack.store.sandboxMessages.find({ to: phone }).lean()).toEqual([expect.objectContaining({ providerCalls: 1 })]);
    expect(await stack.store.outbox.findOne({ contactId }).lean()).toMatchObject({ status: 'failed', reason: 'outcome unknown: the provider cannot confirm' });
    expect(await decisionsOf(contactId)).toEqual([
      'sms send outcome unknown after a crash; asking sandbox',
      'sms send failed: outcome unknown: the provider cannot confirm',
    ]);
  });

  it('sends once with no crash at all, the entry passing through the calling stage to sent', async () => {
    const { state, contactId, phone } = await runJourney({});

    expect(state).toMatchObject({ status: 'completed', outcome: 'sent' });
    expect(await stack.store.sandboxMessages.find({ to: phone }).lean()).toEqual([expect.objectContaining({ providerCalls: 1 })]);
    const entry = await stack.store.outbox.findOne({ contactId }).lean();
    expect(entry).toMatchObject({ status: 'sent', stage: 'calling', attempts: 1 });
    expect(entry?.callingAt).toBeInstanceOf(Date);
    expect(await decisionsOf(contactId)).toEqual([]);
  });
});
