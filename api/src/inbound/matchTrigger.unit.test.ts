import type { InboundEvent } from '@threadline/worker/contract';
import { describe, expect, it } from 'vitest';
import { triggerMatches, type InboundTriggerNode } from './matchTrigger';

const missedCall: InboundEvent = { eventId: 'sandbox:1', kind: 'missedCall', channel: 'voice', from: '+14155550100', to: '+14155550199', at: '2026-01-01T00:00:00Z' };
const whatsapp: InboundEvent = { eventId: 'sandbox:2', kind: 'message', channel: 'whatsapp', from: '+14155550100', text: 'I want a DEMO please', at: '2026-01-01T00:00:00Z' };

function missedCallTrigger(numbers: string[], outcomes: Array<'no-answer' | 'busy' | 'failed' | 'canceled'>): InboundTriggerNode {
  return { id: 'missed', type: 'trigger.missedCall', config: { numbers, outcomes } };
}

function messageTrigger(channels: Array<'sms' | 'whatsapp' | 'email' | 'webchat'>, keyword?: string): InboundTriggerNode {
  return { id: 'inbound', type: 'trigger.inboundMessage', config: { channels, ...(keyword ? { keyword } : {}) } };
}

describe('triggerMatches', () => {
  it('starts a missed-call flow on any of our numbers when it lists none', () => {
    expect(triggerMatches(missedCallTrigger([], ['no-answer']), missedCall, 'no-answer')).toBe(true);
  });

  it('starts a missed-call flow only for the listed numbers and outcomes', () => {
    expect(triggerMatches(missedCallTrigger(['+14155550199'], ['busy']), missedCall, 'busy')).toBe(true);
    expect(triggerMatches(missedCallTrigger(['+14155550000'], ['busy']), missedCall, 'busy')).toBe(false);
    expect(triggerMatches(missedCallTrigger([], ['busy']), missedCall, 'canceled')).toBe(false);
  });

  it('never starts a missed-call flow from a message, nor a message flow from a call', () => {
    expect(triggerMatches(missedCallTrigger([], ['no-answer']), whatsapp, undefined)).toBe(false);
    expect(triggerMatches(messageTrigger([]), missedCall, 'no-answer')).toBe(false);
  });

  it('starts a message flow on the listed channels, any channel when it lists none', () => {
    expect(triggerMatches(messageTrigger([]), whatsapp, undefined)).toBe(true);
    expect(triggerMatches(messageTrigger(['whatsapp', 'sms']), whatsapp, undefined)).toBe(true);
    expect(triggerMatches(messageTrigger(['email']), whatsapp, undefined)).toBe(false);
  });

  it('matches the keyword anywhere in the message, ignoring case', () => {
    expect(triggerMatches(messageTrigger([], 'demo'), whatsapp, undefined)).toBe(true);
    expect(triggerMatches(messageTrigger([], 'pricing'), whatsapp, undefined)).toBe(false);
  });

  it('matches the regex anywhere in the message, ignoring case, and with a keyword needs both', () => {
    expect(triggerMatches(patternTrigger('\\bdemo\\b'), whatsapp, undefined)).toBe(true);
    expect(triggerMatches(patternTrigger('^i want'), whatsapp, undefined)).toBe(true);
    expect(triggerMatches(patternTrigger('^demo'), whatsapp, undefined)).toBe(false);
    expect(triggerMatches(patternTrigger('please$', 'demo'), whatsapp, undefined)).toBe(true);
    expect(triggerMatches(patternTrigger('please$', 'pricing'), whatsapp, undefined)).toBe(false);
  });

  it('matches nothing with a pattern that does not compile, rather than throwing', () => {
    expect(triggerMatches(patternTrigger('(unclosed'), whatsapp, undefined)).toBe(false);
  });

  it('starts an event flow only for a business event of the same name', () => {
    const paymentDue: InboundEvent = { eventId: 'api:1', kind: 'event', channel: 'sms', from: '+14155550100', name: 'payment.due', data: { amountDue: 120 }, at: '2026-01-01T00:00:00Z' };
    const eventTrigger: InboundTriggerNode = { id: 'due', type: 'trigger.event', config: { event: 'payment.due', payload: [] } };
    expect(triggerMatches(eventTrigger, paymentDue, undefined)).toBe(true);
    expect(triggerMatches(eventTrigger, { ...paymentDue, name: 'payment.received' }, undefined)).toBe(false);
    expect(triggerMatches(eventTrigger, whatsapp, undefined)).toBe(false);
    expect(triggerMatches(messageTrigger([]), paymentDue, undefined)).toBe(false);
  });
});

function patternTrigger(regex: string, keyword?: string): InboundTriggerNode {
  return { id: 'inbound', type: 'trigger.inboundMessage', config: { channels: [], regex, ...(keyword ? { keyword } : {}) } };
}
