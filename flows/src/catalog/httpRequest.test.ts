import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { httpRequest } from './httpRequest';

type HttpConfig = NodeConfigs['httpRequest'];

const issuesOf = (changes: Partial<HttpConfig>) =>
  httpRequest.configSchema
    .safeParse({ ...httpRequest.defaults, ...changes })
    .error?.issues.map((issue) => ({ path: issue.path, message: issue.message })) ?? [];

const pathsOf = (changes: Partial<HttpConfig>) => issuesOf(changes).map((issue) => issue.path);

describe('the httpRequest catalog entry', () => {
  it('accepts an order lookup with a secret header, a JSON body and response mappings', () => {
    expect(
      issuesOf({
        method: 'POST',
        url: 'https://shop.example.com/api/orders/{{ vars.orderNumber | url_encode }}',
        headers: [
          { name: 'Authorization', value: 'Bearer {{ secrets.SHOP_TOKEN }}' },
          { name: 'X-Request-Id', value: '{{ journey.id }}' },
        ],
        body: '{"phone": {{ contact.phone | json }}}',
        timeoutSeconds: 30,
        saveToVariables: [
          { name: 'httpStatus', from: 'status' },
          { name: 'orderStatus', from: 'body.order.status' },
          { name: 'firstItem', from: 'body.items.0.id' },
          { name: 'requestId', from: 'headers.x-request-id' },
          { name: 'raw', from: 'body' },
        ],
      }),
    ).toEqual([]);
  });

  it('sets one variable per response mapping', () => {
    const config: HttpConfig = {
      ...httpRequest.defaults,
      saveToVariables: [
        { name: 'orderStatus', from: 'body.order.status' },
        { name: 'code', from: 'status' },
      ],
    };
    expect(httpRequest.setsVariables(config)).toEqual(['orderStatus', 'code']);
  });

  it('refuses response paths outside status, body and headers', () => {
    const paths = ['response.body', 'body.', 'headers', 'headers.', 'status.code', 'body..x', 'body.order status', ''];
    for (const from of paths) {
      expect(pathsOf({ saveToVariables: [{ name: 'x', from }] }), from).toEqual([['saveToVariables', 0, 'from']]);
    }
  });

  it('refuses a variable saved twice from one response', () => {
    expect(
      pathsOf({
        saveToVariables: [
          { name: 'status', from: 'status' },
          { name: 'status', from: 'body.status' },
        ],
      }),
    ).toEqual([['saveToVariables', 1, 'name']]);
  });

  it('refuses header names that are not HTTP tokens, and a header given twice in any case', () => {
    for (const name of ['X Api Key', 'Authorization:', 'Ä-Header', '']) {
      expect(pathsOf({ headers: [{ name, value: 'v' }] }), name).toEqual([['headers', 0, 'name']]);
    }
    expect(
      pathsOf({
        headers: [
          { name: 'Authorization', value: 'a' },
          { name: 'authorization', value: 'b' },
        ],
      }),
    ).toEqual([['headers', 1, 'name']]);
  });

  it('sends the content type from its own field, not from a header', () => {
    expect(issuesOf({ headers: [{ name: 'content-type', value: 'text/xml' }] })).toEqual([
      { path: ['headers', 0, 'name'], message: 'set the Content-Type with the "Content type" field instead of a header' },
    ]);
  });

  it('keeps the timeout between 1 and 30 whole seconds', () => {
    expect([1, 30].map((timeoutSeconds) => pathsOf({ timeoutSeconds }))).toEqual([[], []]);
    for (const timeoutSeconds of [0, 31, 2.5, -1]) {
      expect(pathsOf({ timeoutSeconds }), String(timeoutSeconds)).toEqual([['timeoutSeconds']]);
    }
  });

  it('catches a URL without a scheme, literal or templated', () => {
    expect(pathsOf({ url: 'api.example.com/orders' })).toEqual([['url']]);
    expect(pathsOf({ url: 'ftp://example.com/file' })).toEqual([['url']]);
    expect(issuesOf({ url: 'api.example.com/{{ vars.id }}' })[0]?.message).toMatch(/start the URL with https:\/\//);
    expect(pathsOf({ url: '{{ vars.apiBase }}/orders' })).toEqual([]);
  });

  it('refuses a body on GET and a literal JSON body that does not parse', () => {
    expect(issuesOf({ method: 'GET', body: 'x=1' })).toEqual([
      { path: ['body'], message: 'a GET request sends no body; remove it, or use POST' },
    ]);
    expect(pathsOf({ method: 'POST', body: '{"a": 1,}' })).toEqual([['body']]);
    expect(pathsOf({ method: 'POST', body: 'a=1', contentType: 'application/x-www-form-urlencoded' })).toEqual([]);
  });

  it('offers its status, body and headers to later nodes on both outputs', () => {
    expect(httpRequest.outputs(httpRequest.defaults)).toEqual(['success', 'failed']);
    expect(httpRequest.results.map((result) => [result.key, result.on])).toEqual([
      ['status', '*'],
      ['body', '*'],
      ['headers', '*'],
    ]);
  });
});
