import { describe, expect, it } from 'vitest';
import type { JourneyContext } from '../journeyRun';
import { renderReturns } from './endReturns';

const context: JourneyContext = {
  contact: { id: 'c_1', firstName: 'Ada' },
  trigger: { channel: 'sms', text: null, from: '+14155550100', at: '2025-01-06T10:00:00.000Z', event: 'subflow', data: { name: 'Ada' } },
  reply: { text: '12 Main St', channel: 'whatsapp', at: '2025-01-06T10:05:00.000Z' },
  nodes: { ask: { reply: { text: '12 Main St' } } },
  vars: { zip: '94105' },
  journey: { id: 'j', flowId: 'collect-address', flowVersion: 2, startedAt: '2025-01-06T10:00:00.000Z', now: '2025-01-06T10:05:00.000Z' },
};

describe('renderReturns', () => {
  it('renders each return value in the journey\'s context, by output name', () => {
    expect(
      renderReturns(
        [
          { name: 'answer', value: '{{ nodes.ask.reply.text }}' },
          { name: 'label', value: '{{ trigger.data.name }}, {{ vars.zip }}' },
        ],
        context,
      ),
    ).toEqual({ answer: '12 Main St', label: 'Ada, 94105' });
  });

  it('returns nothing for an end node without returns, so ordinary journeys keep their result', () => {
    expect(renderReturns([], context)).toBeNull();
  });

  it('names the return value whose template does not render', () => {
    expect(() => renderReturns([{ name: 'answer', value: '{% if %}' }], context)).toThrow(/^return value "answer": /);
  });
});
