import { describe, expect, it } from 'vitest';
import { payloadProblem } from './payloadProblem';

const fields = [
  { name: 'amountDue', type: 'number', required: true },
  { name: 'invoiceUrl', type: 'string', required: false },
  { name: 'customer', type: 'object', required: false },
  { name: 'autopay', type: 'boolean', required: false },
] as const;

describe('payloadProblem', () => {
  it('accepts data with every required field, whatever extra fields it carries', () => {
    expect(payloadProblem(fields, { amountDue: 120, note: 'extra' })).toBeNull();
    expect(payloadProblem(fields, { amountDue: 0, invoiceUrl: 'https://example.com/i/1', customer: { tier: 'gold' }, autopay: false })).toBeNull();
  });

  it('names a missing required field by its body.data path; null counts as missing', () => {
    expect(payloadProblem(fields, {})).toEqual({ path: 'body.data.amountDue', message: 'the required field "amountDue" is missing' });
    expect(payloadProblem(fields, { amountDue: null })?.path).toBe('body.data.amountDue');
  });

  it('names a field of the wrong type, and says which type it wanted', () => {
    expect(payloadProblem(fields, { amountDue: '120' })).toEqual({ path: 'body.data.amountDue', message: '"amountDue" must be a number, not a string' });
    expect(payloadProblem(fields, { amountDue: 1, customer: ['gold'] })).toEqual({ path: 'body.data.customer', message: '"customer" must be an object, not an array' });
    expect(payloadProblem(fields, { amountDue: 1, autopay: 'yes' })?.path).toBe('body.data.autopay');
  });

  it('leaves optional fields out without complaint', () => {
    expect(payloadProblem([{ name: 'note', type: 'string', required: false }], {})).toBeNull();
  });
});
