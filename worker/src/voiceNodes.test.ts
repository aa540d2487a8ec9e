/**
 * The voice nodes on the real Temporal dev server, driven as the API drives them: an
 * update-with-start answers the call, then one `voiceTurn` update per caller turn. The library's
 * order-lookup IVR runs end to end with its lookup pointed at a real HTTP server on loopback
 * (allow-listed), so a gathered order number reaches the service and its answer is spoken.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { parseFlowDefinition } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_WORKFLOW_TYPE, STATE_QUERY, VOICE_TURN_UPDATE, type InboundEvent, type JourneyInput, type JourneyState, type VoiceTurnRequest } from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { resolveContact } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';
import { replayAndMaybeRecord } from './workflows/recordedHistories/recordHistory';

let server: Server;
let port: number;
let stack: WorkerTestStack;
let callCounter = 0;
const lookedUp: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    lookedUp.push(request.url ?? '');
    if (request.url === '/api/orders/1234') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ status: 'out for delivery' }));
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  process.env.THREADLINE_HTTP_ALLOW = '127.0.0.1/32';
  process.env.THREADLINE_SECRET_ORDERS_API_TOKEN = 'orders-token';
  stack = await startWorkerTestStack();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  delete process.env.THREADLINE_HTTP_ALLOW;
  delete process.env.THREADLINE_SECRET_ORDERS_API_TOKEN;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** The library flow, its lookup pointed at the loopback server instead of orders.example.com. */
function orderLookupIvr(): FlowDefinition {
  const parsed = parseFlowDefinition(JSON.parse(readFileSync(new URL('../../flows/library/order-lookup-ivr.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('the library flow does not parse');
  const nodes = parsed.definition.nodes.map((node) =>
    node.type === 'httpRequest' ? { ...node, config: { ...node.config, url: `http://127.0.0.1:${port}/api/orders/{{ vars.order_number }}` } } : node,
  );
  return { ...parsed.definition, nodes };
}

interface Call {
  handle: WorkflowHandle;
  callSid: string;
  first: string;
}

async function ring(definition: FlowDefinition): Promise<Call> {
  callCounter += 1;
  const phone = `+1415557${String(1000 + callCounter).padStart(4, '0')}`;
  const callSid = `CA-voice-test-${callCounter}`;
  const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
  const trigger: InboundEvent = { eventId: `sandbox:${callSid}`, kind: 'call', channel: 'voice', from: phone, at: new Date().toISOString() };
  const input: JourneyInput = { flowId: definition.id, flowVersion: 1, contactId, definition, triggerNodeId: 'inbound_call', trigger };
  const { workflowId, ...options } = journeyStartOptions(input, stack.taskQueue);
  const startWorkflowOperation = new WithStartWorkflowOperation(JOURNEY_WORKFLOW_TYPE, { workflowId, ...options, workflowIdConflictPolicy: 'USE_EXISTING' });
  const request: VoiceTurnRequest = { kind: 'start', callSid };
  const first = await stack.client.workflow.executeUpdateWithStart<Workflow, string, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, { args: [request], startWorkflowOperation });
  return { handle: await startWorkflowOperation.workflowHandle(), callSid, first };
}

/** Answers the turn the last document asked for, as Twilio posts to its action URL. */
async function answer(call: Call, document: string, input: Omit<Extract<VoiceTurnRequest, { kind: 'input' }>, 'kind' | 'callSid' | 'nodeId' | 'visit' | 'turn'>): Promise<string> {
  const action = /action="([^"]*)"/.exec(document)?.[1]?.replace(/&amp;/g, '&');
  if (action === undefined) throw new Error(`no action in ${document}`);
  const query = new URL(action, 'http://x').searchParams;
  const request: VoiceTurnRequest = { kind: 'input', callSid: call.callSid, nodeId: query.get('node') ?? '', visit: Number(query.get('visit')), turn: Number(query.get('turn')), ...input };
  return call.handle.executeUpdate<string, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, { args: [request] });
}

describe('an inbound call through the order-lookup IVR', () => {
  it('gathers the order number, looks it up and speaks its status, then says goodbye on no answer to the offer', async () => {
    const call = await ring(orderLookupIvr());
    expect(call.first).toContain('<Gather input="dtmf" action="/webhooks/twilio/voice/turn?journey=');
    expect(call.first).toContain('timeout="8" finishOnKey="#"><Say>Welcome. Please key in your order number, then press the pound key.</Say></Gather>');

    const status = await answer(call, call.first, { digits: '1234' });
    expect(lookedUp).toContain('/api/orders/1234');
    expect(status).toContain('<Say>Order 1 2 3 4 is out for delivery.</Say><Gather input="dtmf speech"');

    const goodbye = await answer(call, status, {});
    expect(goodbye).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thank you for calling. Goodbye.</Say><Hangup/></Response>');
    const state: JourneyState = await call.handle.result();
    expect(state).toMatchObject({ status: 'completed', outcome: 'hung up', vars: { order_number: 1234 } });
    expect(state.nodes?.gather_order_number).toEqual({ digits: '1234', speech: '', value: 1234 });
    await replayAndMaybeRecord(stack.workflowBundle, call.handle, 'order-lookup-ivr-status-spoken');
  });

  it('asks again after an answer that is not a number, then takes invalid and connects to the orders queue', async () => {
    const call = await ring(orderLookupIvr());
    let document = call.first;
    for (let asked = 1; asked <= 3; asked += 1) {
      expect(document).toContain(`node=gather_order_number&amp;visit=1&amp;turn=${asked}`);
      document = await answer(call, document, { digits: '12*' });
    }
    expect(document).toContain('<Say>Let me put you through to someone who can help.</Say><Enqueue action=');
    expect(document).toContain('>orders</Enqueue>');

    const busy = await answer(call, document, { dialStatus: 'queue-full' });
    expect(busy).toContain('<Say>Sorry, all our agents are busy.');
    const state: JourneyState = await call.handle.result();
    expect(state.nodes?.gather_order_number).toMatchObject({ digits: '12*', reason: '"12*" is not a number' });
    expect(state.nodes?.connect_agent).toMatchObject({ status: 'failed' });
    expect(state.visits?.find((visit) => visit.nodeId === 'gather_order_number')).toMatchObject({ output: 'invalid' });
    await replayAndMaybeRecord(stack.workflowBundle, call.handle, 'order-lookup-ivr-invalid-to-queue');
  });

  it('turns away a turn for a node that is not waiting, so nothing lands in history', async () => {
    const call = await ring(orderLookupIvr());
    const stale: VoiceTurnRequest = { kind: 'input', callSid: call.callSid, nodeId: 'offer_agent', visit: 1, turn: 1, digits: '1' };
    await expect(call.handle.executeUpdate(VOICE_TURN_UPDATE, { args: [stale] })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/gather_order_number \(visit 1, turn 1\) is waiting, not offer_agent/) },
    });
    const otherCall: VoiceTurnRequest = { kind: 'hangup', callSid: 'CA-someone-else' };
    await expect(call.handle.executeUpdate(VOICE_TURN_UPDATE, { args: [otherCall] })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/not CA-someone-else/) },
    });

    const hungUp = await call.handle.executeUpdate(VOICE_TURN_UPDATE, { args: [{ kind: 'hangup', callSid: call.callSid } satisfies VoiceTurnRequest] });
    expect(hungUp).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    const state: JourneyState = await call.handle.result();
    // The gather takes noInput; the say and connect after it are passed as the call has ended.
    expect(state.visits?.slice(1).map(({ nodeId, output, detail }) => ({ nodeId, output, detail }))).toEqual([
      { nodeId: 'gather_order_number', output: 'noInput', detail: 'caller hung up' },
      { nodeId: 'say_connecting', output: 'next', detail: 'call ended' },
      { nodeId: 'connect_agent', output: 'completed', detail: 'completed: call ended' },
      { nodeId: 'hang_up', output: null, detail: 'caller hung up' },
    ]);
    expect(state.outcome).toBe('caller hung up');
    // Only the two updates taken (the answer and the hangup) are in the history.
    const { events } = await call.handle.fetchHistory();
    expect(events?.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(2);
  });
});

describe('the state of a journey on a call', () => {
  it('says it waits for the caller, at which node, since when and until when, while a voice node waits for their turn', async () => {
    const call = await ring(orderLookupIvr());
    const asking: JourneyState = await call.handle.query(STATE_QUERY);
    expect(asking).toMatchObject({ status: 'waiting', currentNodeId: 'gather_order_number' });
    expect(asking.pendingWait).toMatchObject({ nodeId: 'gather_order_number', kind: 'caller', channels: ['voice'], skippable: false });
    const { since, until } = asking.pendingWait ?? {};
    expect(Date.parse(since ?? '')).toBeLessThanOrEqual(Date.now());
    // The gather's own 8 s, the prompt's speaking time and the grace: the turn's deadline.
    expect(Date.parse(until ?? '') - Date.parse(since ?? '')).toBeGreaterThan(8_000);

    const status = await answer(call, call.first, { digits: '1234' });
    const offering: JourneyState = await call.handle.query(STATE_QUERY);
    expect(offering.pendingWait).toMatchObject({ nodeId: 'offer_agent', kind: 'caller' });
    expect(Date.parse(offering.pendingWait?.since ?? '')).toBeGreaterThanOrEqual(Date.parse(since ?? ''));

    await answer(call, status, {});
    const state: JourneyState = await call.handle.result();
    expect(state).toMatchObject({ status: 'completed', pendingWait: null });
  });
});
