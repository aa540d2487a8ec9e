import { describe, expect, it } from 'vitest';
import { readResponsePath } from './httpRequestResponsePath';
import { httpRequestSummary } from './httpRequestSummary';

const response = {
  status: 200,
  body: { order: { status: 'shipped' }, items: [{ id: 'A1' }, { id: 'B2' }] },
  headers: { 'x-request-id': 'req-9', 'content-type': 'application/json' },
};

describe('readResponsePath', () => {
  it.each<[string, unknown]>([
    ['status', 200],
    ['body', response.body],
    ['body.order.status', 'shipped'],
    ['body.items.0.id', 'A1'],
    ['body.items.1', { id: 'B2' }],
    ['headers.x-request-id', 'req-9'],
    ['headers.X-Request-Id', 'req-9'],
  ])('reads %s', (path, expected) => {
    expect(readResponsePath(response, path)).toEqual(expected);
  });

  it('reads null for a part the response lacks, a text body and inherited properties alike', () => {
    expect(readResponsePath(response, 'body.order.eta')).toBeNull();
    expect(readResponsePath(response, 'body.items.7.id')).toBeNull();
    expect(readResponsePath({ ...response, body: 'plain text' }, 'body.order')).toBeNull();
    expect(readResponsePath(response, 'body.constructor')).toBeNull();
    expect(readResponsePath(response, 'headers.constructor')).toBeNull();
    expect(readResponsePath(response, 'headers.etag')).toBeNull();
  });
});

describe('httpRequestSummary', () => {
  it('reads like the flow, cut where the first template begins', () => {
    expect(httpRequestSummary('GET', 'https://orders.example.com/api/orders/{{ vars.orderNumber }}')).toBe(
      'GET orders.example.com/api/orders/…',
    );
    expect(httpRequestSummary('POST', 'https://crm.example.com/leads')).toBe('POST crm.example.com/leads');
    expect(httpRequestSummary('GET', '{{ vars.apiBase }}/status')).toBe('GET a templated URL');
  });
});
