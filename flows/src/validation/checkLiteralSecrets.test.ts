import { describe, expect, it } from 'vitest';
import type { NodeConfigs, ValidationIssue } from '../types';
import { edge, flowEndingAt, node } from './smallFlows.fixture';
import { validateFlow } from './validateFlow';

const start = node('start', 'trigger.inboundMessage', { channels: [] });
const done = node('done', 'end', { outcome: 'done' });

function validateRequest(config: Partial<NodeConfigs['httpRequest']>) {
  const request = node('lookup', 'httpRequest', config);
  return validateFlow(flowEndingAt('done', [start, request, done], [edge('start', 'next', 'lookup')]));
}

const found = (issues: ValidationIssue[]) => issues.map(({ code, nodeId, path }) => ({ code, nodeId, path }));

describe('literal secret check', () => {
  it('reports a credential written out in an Authorization header', () => {
    const issues = validateRequest({
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'Authorization', value: 'Bearer sk_live_51Habc' },
      ],
    });
    expect(found(issues)).toEqual([{ code: 'literal-secret', nodeId: 'lookup', path: 'nodes[lookup].config.headers[1].value' }]);
    expect(issues[0]?.message).toContain('{{ secrets.NAME }}');
  });

  it('reports literal text beside a secret reference in a key header', () => {
    const issues = validateRequest({ headers: [{ name: 'X-Api-Key', value: 'abc{{ secrets.API_KEY }}' }] });
    expect(found(issues)).toEqual([{ code: 'literal-secret', nodeId: 'lookup', path: 'nodes[lookup].config.headers[0].value' }]);
  });

  it('accepts credentials by reference, a scheme word before them, and tokens fetched earlier in the journey', () => {
    expect(
      validateRequest({
        headers: [
          { name: 'Authorization', value: 'Basic {{ secrets.SHOP_BASIC }}' },
          { name: 'x-api-key', value: ' {{ secrets.API_KEY }} ' },
          { name: 'X-Session-Token', value: '{{ trigger.data.sessionToken }}' },
          { name: 'Idempotency-Key', value: 'journey-{{ journey.id }}' },
        ],
      }),
    ).toEqual([]);
  });

  it('reports a user and password written into the URL', () => {
    const issues = validateRequest({ url: 'https://admin:hunter2@api.example.com/orders' });
    expect(found(issues)).toEqual([{ code: 'literal-secret', nodeId: 'lookup', path: 'nodes[lookup].config.url' }]);
    expect(validateRequest({ url: 'https://{{ secrets.USER }}:{{ secrets.PASS }}@api.example.com/orders' })).toEqual([]);
  });

  it('reports a credential-named query parameter with a literal value, not other parameters', () => {
    const issues = validateRequest({ url: 'https://api.example.com/orders?page=2&api_key=abc123' });
    expect(found(issues)).toEqual([{ code: 'literal-secret', nodeId: 'lookup', path: 'nodes[lookup].config.url' }]);
    expect(issues[0]?.message).toContain('"api_key"');
    expect(validateRequest({ url: 'https://api.example.com/orders?page=2&api_key={{ secrets.API_KEY }}' })).toEqual([]);
  });
});
