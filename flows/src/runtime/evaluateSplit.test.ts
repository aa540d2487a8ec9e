import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { evaluateSplit } from './evaluateSplit';

const withReply = (text: string | null) => ({ reply: text === null ? null : { text, channel: 'sms' } });

const pricing: NodeConfigs['split'] = {
  input: 'reply.text',
  conditions: [{ output: 'pricing', operator: 'matchesAnyOf', values: ['price', 'pricing', 'how much', 'cost'] }],
};

describe('evaluateSplit', () => {
  it('takes the output of a matchesAnyOf condition when the reply holds one of its words, whatever the case', () => {
    expect(evaluateSplit(pricing, withReply('Hi! How MUCH does an install cost?'))).toBe('pricing');
    expect(evaluateSplit(pricing, withReply('what is the price?'))).toBe('pricing');
  });

  it('matches matchesAnyOf values as whole words or phrases only', () => {
    expect(evaluateSplit(pricing, withReply('that was priceless'))).toBe('else');
    expect(evaluateSplit(pricing, withReply('how   much'))).toBe('pricing');
    expect(evaluateSplit(pricing, withReply('muchhow'))).toBe('else');
  });

  it('takes else when nothing matches or the reply never came', () => {
    expect(evaluateSplit(pricing, withReply('can someone call me back'))).toBe('else');
    expect(evaluateSplit(pricing, withReply(null))).toBe('else');
  });

  it('evaluates conditions in order and takes the first match', () => {
    const config: NodeConfigs['split'] = {
      input: 'reply.text',
      conditions: [
        { output: 'stop', operator: 'equals', values: ['stop'] },
        { output: 'anything', operator: 'isNotBlank', values: [] },
      ],
    };
    expect(evaluateSplit(config, withReply(' STOP '))).toBe('stop');
    expect(evaluateSplit(config, withReply('stop please'))).toBe('anything');
  });

  it('supports contains (substring), isBlank and isNotBlank', () => {
    const config: NodeConfigs['split'] = {
      input: 'reply.text',
      conditions: [
        { output: 'blank', operator: 'isBlank', values: [] },
        { output: 'booking', operator: 'contains', values: ['book'] },
      ],
    };
    expect(evaluateSplit(config, withReply('   '))).toBe('blank');
    expect(evaluateSplit(config, withReply(null))).toBe('blank');
    expect(evaluateSplit(config, withReply('I want to rebook'))).toBe('booking');
    expect(evaluateSplit(config, withReply('hello'))).toBe('else');
  });

  it('treats regular-expression characters in values literally', () => {
    const config: NodeConfigs['split'] = {
      input: 'reply.text',
      conditions: [{ output: 'question', operator: 'matchesAnyOf', values: ['(help?)'] }],
    };
    expect(evaluateSplit(config, withReply('please (help?) me'))).toBe('question');
    expect(evaluateSplit(config, withReply('please help me'))).toBe('else');
  });

  it('always returns one of the condition outputs or else, for any reply text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(['pricing', 'else']).toContain(evaluateSplit(pricing, withReply(text)));
      }),
    );
  });
});
