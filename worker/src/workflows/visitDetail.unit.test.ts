import { defaultConfigOf, flowNodeSchema, nodeTypes } from '@threadline/flows';
import type { FlowNode, FlowNodeOf, NodeType } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import { visitDetail, type LeftNode } from './visitDetail';

/** A node with its catalog defaults, overridden where the case needs it, read through the schema. */
function nodeOf<T extends NodeType>(type: T, config: Partial<FlowNodeOf<T>['config']> = {}): FlowNodeOf<T> {
  return flowNodeSchema.parse({ id: `n_${type.replace('.', '_')}`, type, config: { ...defaultConfigOf(type), ...config } }) as FlowNodeOf<T>;
}

const left = (output: string | null, result: unknown, waited = false): LeftNode => ({ output, result, waited });

describe('the trace detail of a visit', () => {
  it('says why a send was blocked, from the reason the send recorded', () => {
    const result = { status: 'blocked', channel: 'sms', reason: 'the contact opted out of sms', providerMessageId: null, messageId: null };
    expect(visitDetail(nodeOf('send'), left('blocked', result))).toBe('blocked: the contact opted out of sms');
  });

  it('names the channel of a send that went out, and a failure with its reason', () => {
    expect(visitDetail(nodeOf('send'), left('sent', { status: 'sent', channel: 'whatsapp', reason: null }))).toBe('sent on whatsapp');
    expect(visitDetail(nodeOf('send'), left('failed', { status: 'failed', channel: 'sms', reason: 'the contact has no sms address' }))).toBe(
      'failed: the contact has no sms address',
    );
  });

  it('puts a quiet-hours deferral before what the send did in the end', () => {
    const result = { status: 'sent', channel: 'sms', reason: null, deferredUntil: '2025-03-04T08:00:00.000Z' };
    expect(visitDetail(nodeOf('send'), left('sent', result, true))).toBe('deferred until 2025-03-04T08:00:00.000Z, then sent on sms');
  });

  it('says a call waited for quiet hours to end before it was placed, and what it came to', () => {
    const call = nodeOf('call.outbound');
    const answered = { status: 'answered', answeredBy: 'human', reason: 'a person answered', callSid: 'CA1', to: '+33612345678' };
    expect(visitDetail(call, left('human', answered))).toBe('answered: a person answered');
    expect(visitDetail(call, left('human', { ...answered, deferredUntil: '08:00 Europe/Paris' }, true))).toBe(
      'deferred until 08:00 Europe/Paris, then called; answered: a person answered',
    );
    const blocked = { status: 'blocked', answeredBy: '', callSid: null, to: '+33612345678', reason: 'the contact asked for no calls', deferredUntil: '08:00 Europe/Paris' };
    expect(visitDetail(call, left('blocked', blocked, true))).toBe('deferred until 08:00 Europe/Paris, then blocked: the contact asked for no calls');
  });

  it('tells a reply wait that timed out from one answered on another channel', () => {
    const wait = nodeOf('waitForReply', { timeout: '24h' });
    expect(visitDetail(wait, left('timeout', { reply: null }, true))).toBe('timed out after 24h');
    expect(visitDetail(wait, left('replied', { reply: { text: 'price?', channel: 'whatsapp', at: '2025-03-03T10:00:00Z' } }, true))).toBe(
      'reply on whatsapp',
    );
  });

  it('tells an event wait that received its event from one that timed out', () => {
    const wait = nodeOf('waitForEvent', { event: 'payment.received', timeout: '1h' });
    expect(visitDetail(wait, left('received', { event: { name: 'payment.received', data: {}, at: '2025-03-03T10:00:00Z' } }))).toBe(
      'received payment.received',
    );
    expect(visitDetail(wait, left('timeout', { event: null }, true))).toBe('timed out after 1h');
  });

  it('quotes the value a split read and the condition it matched, or that none did', () => {
    const split = nodeOf('split');
    expect(visitDetail(split, left('pricing', { value: 'price?', output: 'pricing' }))).toBe('value "price?" matched pricing');
    expect(visitDetail(split, left('else', { value: 'hello', output: 'else' }))).toBe('value "hello" matched no condition');
  });

  it('shortens a long split value so the trace stays readable', () => {
    const detail = visitDetail(nodeOf('split'), left('else', { value: 'x'.repeat(500), output: 'else' }));
    expect(detail?.length).toBeLessThan(100);
    expect(detail).toContain('…');
  });

  it('shows an HTTP request as method, URL template and status, with no response as such', () => {
    const request = nodeOf('httpRequest', { method: 'GET', url: 'https://api.example.com/orders/{{ vars.orderId }}' });
    expect(visitDetail(request, left('failed', { status: 404, body: null, headers: {} }))).toBe(
      'GET https://api.example.com/orders/{{ vars.orderId }} → 404',
    );
    expect(visitDetail(request, left('failed', { status: 0, body: null, headers: {} }))).toBe(
      'GET https://api.example.com/orders/{{ vars.orderId }} → no response',
    );
  });

  it('reads intent, branch, schedule, timers, variables and the end outcome', () => {
    expect(visitDetail(nodeOf('intent'), left('pricing', { intent: 'pricing', confidence: 0.8333 }))).toBe('intent pricing (confidence 0.83)');
    expect(visitDetail(nodeOf('abSplit'), left('a', { branch: 'a' }))).toBe('branch a for this journey');
    expect(visitDetail(nodeOf('businessHours'), left('closed', undefined))).toBe('the schedule was closed');
    expect(visitDetail(nodeOf('delay', { duration: '2h' }), left('next', undefined, true))).toBe('waited 2h');
    expect(visitDetail(nodeOf('waitUntil'), left('next', undefined, false))).toBe('the schedule was open: no wait');
    expect(visitDetail(nodeOf('waitUntil'), left('next', undefined, true))).toBe('waited until the schedule opened');
    const assignments = [
      { name: 'plan', value: 'pro', type: 'text' as const },
      { name: 'seats', value: '3', type: 'number' as const },
    ];
    expect(visitDetail(nodeOf('setVariables', { assignments }), left('next', undefined))).toBe('set vars.plan, vars.seats');
    expect(visitDetail(nodeOf('end', { outcome: 'engaged' }), left(null, undefined))).toBe('outcome engaged');
  });

  it('names the channel a trigger came on, or the business event', () => {
    expect(visitDetail(nodeOf('trigger.missedCall'), left('next', { channel: 'voice', text: null, from: '+14155550100', at: '' }))).toBe('on voice');
    expect(visitDetail(nodeOf('trigger.event'), left('next', { channel: 'sms', event: 'payment.due', data: {} }))).toBe('event payment.due');
  });

  it('falls back to the status and reason any other node records', () => {
    expect(visitDetail(nodeOf('call.outbound'), left('machine', { status: 'machine', reason: 'voicemail greeting' }))).toBe(
      'machine: voicemail greeting',
    );
    expect(visitDetail(nodeOf('updateContact'), left('next', undefined))).toBeNull();
  });

  it('never throws on a result of an unexpected shape, for any node type', () => {
    for (const type of nodeTypes) {
      const node = flowNodeSchema.parse({ id: 'n_any', type, config: defaultConfigOf(type) }) as FlowNode;
      for (const result of [undefined, null, 'text', 42, [], { status: 7, reason: {}, reply: 'x', event: [] }]) {
        expect(() => visitDetail(node, left('next', result))).not.toThrow();
      }
    }
  });
});
