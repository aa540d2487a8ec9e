/**
 * The HTTP request node on the real Temporal dev server, against a real HTTP server on
 * loopback that the worker is allowed to reach (THREADLINE_HTTP_ALLOW=127.0.0.1/32), with a
 * secret in the worker's environment that must reach the server and never the history.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition, NodeConfigs } from '@threadline/flows/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_WORKFLOW_TYPE, type InboundEvent, type JourneyInput, type JourneyState } from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { registerJourneys, resolveContact } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

const SECRET = 'tok-7f3a9c-never-in-history';
const received: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let server: Server;
let port: number;
let stack: WorkerTestStack;
let phoneCounter = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    if (request.url?.startsWith('/slow')) return void setTimeout(() => response.end('{}'), 4000);
    if (request.url === '/orders/A17') {
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-42' });
      return void response.end(JSON.stringify({ order: { status: 'shipped', eta: 'Friday' }, items: [{ id: 'SKU-1' }] }));
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such order"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  // The worker reads its HTTP settings from the environment when the stack creates it.
  process.env.THREADLINE_HTTP_ALLOW = '127.0.0.1/32';
  process.env.THREADLINE_SECRET_ORDERS_API_TOKEN = SECRET;
  stack = await startWorkerTestStack();
});

afterAll(async () => {
  await stack?.stop();
  delete process.env.THREADLINE_HTTP_ALLOW;
  delete process.env.THREADLINE_SECRET_ORDERS_API_TOKEN;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

function orderLookupFlow(id: string, lookup: Partial<NodeConfigs['httpRequest']>): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: 'Order status',
    nodes: [
      { id: 'asked', type: 'trigger.inboundMessage', config: { channels: [] } },
      {
        id: 'lookup',
        type: 'httpRequest',
        config: {
          method: 'GET',
          url: `http://127.0.0.1:${port}/orders/{{ trigger.text }}`,
          headers: [{ name: 'Authorization', value: 'Bearer {{ secrets.ORDERS_API_TOKEN }}' }],
          contentType: 'application/json',
          timeoutSeconds: 5,
          saveToVariables: [
            { name: 'orderStatus', from: 'body.order.status' },
            { name: 'firstItem', from: 'body.items.0.id' },
            { name: 'requestId', from: 'headers.x-request-id' },
            { name: 'httpStatus', from: 'status' },
          ],
          ...lookup,
        },
      },
      {
        id: 'tell',
        type: 'send',
        config: {
          channel: 'best',
          template: 'Your order is {{ vars.orderStatus }}, arriving {{ nodes.lookup.body.order.eta }}.',
          mediaUrls: [],
          whatsappTemplateVariables: [],
        },
      },
      { id: 'done', type: 'end', config: { outcome: 'told', returns: [] } },
      { id: 'lookup_failed', type: 'end', config: { outcome: 'lookupFailed', returns: [] } },
    ],
    edges: [
      { from: 'asked', output: 'next', to: 'lookup' },
      { from: 'lookup', output: 'success', to: 'tell' },
      { from: 'lookup', output: 'failed', to: 'lookup_failed' },
      { from: 'tell', output: 'sent', to: 'done' },
      { from: 'tell', output: 'failed', to: 'done' },
      { from: 'tell', output: 'blocked', to: 'done' },
    ],
    layout: {},
  };
}

async function startLookup(definition: FlowDefinition, text: string): Promise<{ handle: WorkflowHandle; contactId: string; phone: string }> {
  phoneCounter += 1;
  const phone = `+1415556${String(1000 + phoneCounter).padStart(4, '0')}`;
  const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
  const trigger: InboundEvent = { eventId: `sandbox:SM-${phone}`, kind: 'message', channel: 'sms', from: phone, text, at: new Date().toISOString() };
  const input: JourneyInput = { flowId: definition.id, flowVersion: 1, contactId, definition, triggerNodeId: 'asked', trigger };
  const options = journeyStartOptions(input, stack.taskQueue);
  await registerJourneys(stack.store, contactId, [options.workflowId]);
  return { handle: await stack.client.workflow.start(JOURNEY_WORKFLOW_TYPE, options), contactId, phone };
}

async function httpTimelineEvent(contactId: string) {
  return stack.store.timeline.findOne({ contactId, nodeId: 'lookup', kind: 'decision' }).lean();
}

describe('the httpRequest node', () => {
  it('calls the service with the secret, saves parts of the answer into vars, and a later template reads nodes.lookup.body', async () => {
    const { handle, contactId, phone } = await startLookup(orderLookupFlow('order-status-ok', {}), 'A17');

    const final: JourneyState = await handle.result();

    expect(final).toMatchObject({ status: 'completed', outcome: 'told', path: ['asked', 'lookup', 'tell', 'done'] });
    expect(final.vars).toEqual({ orderStatus: 'shipped', firstItem: 'SKU-1', requestId: 'req-42', httpStatus: 200 });
    const sent = await stack.store.sandboxMessages.find({ to: phone }).lean();
    expect(sent.map((message) => message.body)).toEqual(['Your order is shipped, arriving Friday.']);
    expect(received.find((request) => request.url === '/orders/A17')?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(await httpTimelineEvent(contactId)).toMatchObject({ status: 'success', body: `GET 127.0.0.1:${port}/orders/A17 → 200` });

    const history = await handle.fetchHistory();
    expect(JSON.stringify(history)).not.toContain(SECRET);
    const summaries = (history.events ?? []).flatMap((event) =>
      event.userMetadata?.summary ? [defaultPayloadConverter.fromPayload<string>(event.userMetadata.summary)] : [],
    );
    expect(summaries).toContain(`GET 127.0.0.1:${port}/orders/…`);
  });

  it('takes "failed" on a 404 and keeps the status for the flow', async () => {
    const { handle, contactId } = await startLookup(orderLookupFlow('order-status-404', {}), 'B99');

    const final: JourneyState = await handle.result();

    expect(final).toMatchObject({ outcome: 'lookupFailed', path: ['asked', 'lookup', 'lookup_failed'] });
    expect(final.vars).toMatchObject({ httpStatus: 404, orderStatus: null });
    expect(await httpTimelineEvent(contactId)).toMatchObject({ status: 'failed', body: expect.stringContaining('failed: the service answered 404') });
  });

  it('refuses a loopback address that is not allow-listed, saying why, without calling it', async () => {
    const before = received.length;
    const { handle, contactId } = await startLookup(orderLookupFlow('order-status-refused', { url: `http://127.0.0.2:${port}/orders/{{ trigger.text }}` }), 'A17');

    const final: JourneyState = await handle.result();

    expect(final).toMatchObject({ outcome: 'lookupFailed' });
    expect(final.vars).toMatchObject({ httpStatus: 0 });
    expect(received.length).toBe(before);
    expect(await httpTimelineEvent(contactId)).toMatchObject({
      status: 'failed',
      body: `GET 127.0.0.2:${port}/orders/A17 failed: 127.0.0.2, a loopback address: refused (allow it with THREADLINE_HTTP_ALLOW)`,
    });
  });

  it('takes "failed" when the service does not answer within the timeout', async () => {
    const { handle, contactId } = await startLookup(
      orderLookupFlow('order-status-slow', { url: `http://127.0.0.1:${port}/slow/{{ trigger.text }}`, timeoutSeconds: 1 }),
      'A17',
    );

    const final: JourneyState = await handle.result();

    expect(final).toMatchObject({ outcome: 'lookupFailed' });
    expect(await httpTimelineEvent(contactId)).toMatchObject({ status: 'failed', body: expect.stringContaining('no response within 1 s') });
  });

  it('fails the node naming a secret the worker does not have, and calls nothing', async () => {
    const before = received.length;
    const { handle, contactId } = await startLookup(
      orderLookupFlow('order-status-no-secret', { headers: [{ name: 'Authorization', value: 'Bearer {{ secrets.CRM_TOKEN }}' }] }),
      'A17',
    );

    const final: JourneyState = await handle.result();

    expect(final).toMatchObject({ outcome: 'lookupFailed' });
    expect(received.length).toBe(before);
    expect(await httpTimelineEvent(contactId)).toMatchObject({ body: expect.stringContaining('secret CRM_TOKEN is not configured') });
  });
});
