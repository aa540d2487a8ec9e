import { describe, expect, it } from 'vitest';
import { triggerEvent } from './triggerEvent';

describe('the event trigger', () => {
  it('takes dotted event names such as payment.due', () => {
    const accepts = (event: string) => triggerEvent.configSchema.safeParse({ event, payload: [] }).success;
    expect(['payment.due', 'lead.created', 'order_shipped', 'crm.deal-won'].map(accepts)).toEqual([true, true, true, true]);
    expect(['', 'payment due', '.due', 'payment.', 'payment..due'].map(accepts)).toEqual([false, false, false, false, false]);
  });

  it('declares each payload field once, under a name templates can read', () => {
    const result = triggerEvent.configSchema.safeParse({
      event: 'payment.due',
      payload: [
        { name: 'amountDue', type: 'number', required: true },
        { name: 'amountDue', type: 'string', required: false },
        { name: 'due date', type: 'string', required: false },
      ],
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['payload', 2, 'name'],
      ['payload', 1, 'name'],
    ]);
  });
});
