import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderTemplate } from '@threadline/flows/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequestInput } from './activityTypes';
import { callHttp, HttpNetworkError, type HttpCallDeps } from './httpRequestCall';
import type { ResolveHost } from './httpRequestDestination';
import { parseHttpAllowList } from './httpRequestSettings';

/** A real server on loopback: what it received, and routes that answer the ways services do. */
const received: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      if (request.url === '/slow') return void setTimeout(() => response.end('late'), 3000);
      if (request.url === '/missing') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('no such order');
      if (request.url === '/huge') return void response.end('x'.repeat(1024 * 1024 + 1));
      if (request.url === '/echo') return void response.end(`you sent ${request.headers.authorization ?? ''}`);
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1', 'set-cookie': 'session=abc' });
      response.end(JSON.stringify({ order: { status: 'shipped' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const resolveToLoopback: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];

function deps(allow = '127.0.0.1/32', secrets: Record<string, string> = {}): HttpCallDeps {
  return { settings: { allow: parseHttpAllowList(allow), secrets }, resolve: resolveToLoopback, render: renderTemplate };
}

function input(overrides: Partial<HttpRequestInput>): HttpRequestInput {
  return {
    journeyId: 'j-1',
    firstRunId: 'run-1',
    flowId: 'orders',
    nodeId: 'lookup',
    visit: 1,
    contactId: 'c-1',
    method: 'GET',
    url: `${base}/orders/{{ vars.orderNumber }}`,
    headers: [],
    contentType: 'application/json',
    timeoutSeconds: 5,
    context: { vars: { orderNumber: 'A 17' } },
    ...overrides,
  };
}

describe('callHttp against a real server', () => {
  it('renders the URL, parses a JSON answer and keeps the headers by lower-case name, cookies left out', async () => {
    const { result, target } = await callHttp(deps(), input({}));

    expect(result).toEqual({
      outcome: 'success',
      status: 200,
      body: { order: { status: 'shipped' } },
      headers: expect.objectContaining({ 'x-request-id': 'req-1', 'content-type': 'application/json' }),
      reason: null,
    });
    expect(result.headers).not.toHaveProperty('set-cookie');
    expect(target).toMatch(/^GET 127\.0\.0\.1:\d+\/orders\/A%2017$/);
    expect(received.at(-1)).toMatchObject({ method: 'GET', url: '/orders/A%2017' });
  });

  it('sends a secret header and the body with its content type, and names neither value in what it returns', async () => {
    const { result } = await callHttp(
      deps('127.0.0.1/32', { ORDERS_API_TOKEN: 'tok-very-secret' }),
      input({
        method: 'POST',
        url: `${base}/echo`,
        headers: [{ name: 'Authorization', value: 'Bearer {{ secrets.ORDERS_API_TOKEN }}' }],
        body: '{"order": {{ vars.orderNumber | json }}}',
      }),
    );

    expect(received.at(-1)).toMatchObject({
      method: 'POST',
      body: '{"order": "A 17"}',
      headers: expect.objectContaining({ authorization: 'Bearer tok-very-secret', 'content-type': 'application/json' }),
    });
    expect(result.body).toBe('you sent Bearer [secret ORDERS_API_TOKEN]');
  });

  it('fails without calling when a named secret is not configured', async () => {
    const before = received.length;
    const { result } = await callHttp(deps(), input({ headers: [{ name: 'Authorization', value: 'Bearer {{ secrets.ORDERS_API_TOKEN }}' }] }));

    expect(result).toEqual({ outcome: 'failed', status: 0, body: null, headers: {}, reason: 'secret ORDERS_API_TOKEN is not configured' });
    expect(received.length).toBe(before);
  });

  it('takes a 404 as an answer: failed, with its status and text body', async () => {
    const { result } = await callHttp(deps(), input({ url: `${base}/missing` }));

    expect(result).toMatchObject({ outcome: 'failed', status: 404, body: 'no such order', reason: 'the service answered 404' });
  });

  it('refuses loopback when it is not allow-listed, without calling', async () => {
    const before = received.length;
    const { result } = await callHttp(deps(''), input({}));

    expect(result).toMatchObject({
      outcome: 'failed',
      status: 0,
      reason: '127.0.0.1, a loopback address: refused (allow it with THREADLINE_HTTP_ALLOW)',
    });
    expect(received.length).toBe(before);
  });

  it('gives up after the timeout', async () => {
    const { result } = await callHttp(deps(), input({ url: `${base}/slow`, timeoutSeconds: 1 }));

    expect(result).toMatchObject({ outcome: 'failed', status: 0, reason: 'no response within 1 s' });
  });

  it('fails a response larger than 1 MiB', async () => {
    const { result } = await callHttp(deps(), input({ url: `${base}/huge` }));

    expect(result).toMatchObject({ outcome: 'failed', reason: 'the response is larger than 1 MiB' });
  });

  it('calls only http and https', async () => {
    const { result } = await callHttp(deps(), input({ url: 'ftp://127.0.0.1/file' }));

    expect(result.reason).toBe('only http and https URLs are called, not ftp:');
  });

  it('throws a network error for GET, for Temporal to retry, but fails a POST, which may have acted', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    await expect(callHttp(deps(), input({ url: `http://127.0.0.1:${port}/x` }))).rejects.toBeInstanceOf(HttpNetworkError);
    const { result } = await callHttp(deps(), input({ method: 'POST', url: `http://127.0.0.1:${port}/x`, body: '{}' }));
    expect(result).toMatchObject({ outcome: 'failed', status: 0, reason: expect.stringContaining('ECONNREFUSED') });
  });

  it('fails a header whose rendered value is not a valid header value', async () => {
    const { result } = await callHttp(deps(), input({ headers: [{ name: 'X-Note', value: '{{ vars.note }}' }], context: { vars: { note: 'a\u0000b' } } }));

    expect(result).toMatchObject({ outcome: 'failed', status: 0 });
  });
});
