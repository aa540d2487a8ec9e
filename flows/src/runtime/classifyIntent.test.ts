import { describe, expect, it } from 'vitest';
import { UNKNOWN_INTENT_OUTPUT as CATALOG_UNKNOWN } from '../catalog/intent';
import type { NodeConfigs } from '../types';
import { classifyIntent, stem, UNKNOWN_INTENT_OUTPUT } from './classifyIntent';

const config: NodeConfigs['intent'] = {
  input: '{{ reply.text }}',
  intents: [
    { output: 'billing', examples: ['I have a question about my invoice', 'why was I charged twice'], keywords: ['invoice', 'bill', 'refund'] },
    { output: 'support', examples: ['Something is not working', 'the app keeps crashing'], keywords: ['broken', 'help', 'error message'] },
    { output: 'cancel', examples: ['I want to end my subscription'], keywords: ['cancel', 'unsubscribe from the plan'] },
  ],
};

const outputOf = (text: string) => classifyIntent(config, text).output;

describe('classifyIntent', () => {
  it('says "unknown" the same way the catalog does', () => {
    expect(UNKNOWN_INTENT_OUTPUT).toBe(CATALOG_UNKNOWN);
  });

  it.each([
    ['Where is my INVOICE?', 'billing'],
    ['my bills are wrong', 'billing'],
    ['I was refunded the wrong amount', 'billing'],
    ['Refunding takes forever', 'billing'],
    ['it is broken', 'support'],
    ['I got an error-message', 'support'],
    ['please cancel', 'cancel'],
    ['cancelling now', 'cancel'],
    ['how do I unsubscribe from the plan', 'cancel'],
  ])('recognises %j by a keyword as %s', (text, output) => {
    expect(outputOf(text)).toBe(output);
  });

  it('matches keywords as whole words only', () => {
    expect(outputOf('billboard advertising')).toBe(UNKNOWN_INTENT_OUTPUT);
    expect(outputOf('a terror')).toBe(UNKNOWN_INTENT_OUTPUT);
  });

  it('needs every word of a keyword phrase, in order', () => {
    expect(outputOf('the message was an error')).toBe(UNKNOWN_INTENT_OUTPUT);
  });

  it('picks the intent whose keywords cover more of the text, else the one listed first', () => {
    expect(outputOf('help, unsubscribe from the plan')).toBe('cancel');
    expect(outputOf('refund, it is broken')).toBe('billing');
    expect(outputOf('broken, refund')).toBe('billing');
  });

  it.each([
    ['why was I charged twice?', 'billing'],
    ['I was charged two times', 'billing'],
    ['the app crashed again', 'support'],
    ['end the subscription please', 'cancel'],
    ['something stopped working', 'support'],
  ])('recognises %j from the examples as %s', (text, output) => {
    expect(outputOf(text)).toBe(output);
  });

  it('says "unknown" for text like no intent, and for empty text', () => {
    expect(classifyIntent(config, 'what a lovely day')).toEqual({ output: UNKNOWN_INTENT_OUTPUT, confidence: 1 });
    expect(classifyIntent(config, '  ?! ')).toEqual({ output: UNKNOWN_INTENT_OUTPUT, confidence: 1 });
  });

  it('is surer of a keyword than of an example, and of an exact example than of a near one', () => {
    const keyword = classifyIntent(config, 'refund').confidence;
    const exact = classifyIntent(config, 'The app keeps crashing!').confidence;
    const near = classifyIntent(config, 'the app crashed again').confidence;
    expect(keyword).toBe(1);
    expect(exact).toBe(1);
    expect(near).toBeGreaterThan(0.34);
    expect(near).toBeLessThan(exact);
    expect(classifyIntent(config, 'I need a refund for the thing I bought').confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('always gives a confidence between 0 and 1, and the same answer for the same text', () => {
    for (const text of ['', 'refund refund refund', 'x', 'why', 'I want to end my subscription', 'billing help cancel']) {
      const match = classifyIntent(config, text);
      expect(match.confidence).toBeGreaterThanOrEqual(0);
      expect(match.confidence).toBeLessThanOrEqual(1);
      expect(classifyIntent(config, text)).toEqual(match);
    }
  });

  it.each([
    ['refunds', 'refund'],
    ['refunding', 'refund'],
    ['refunded', 'refund'],
    ['billing', 'bill'],
    ['stopping', 'stop'],
    ['charges', 'charg'],
    ['charged', 'charg'],
    ['batteries', 'battery'],
    ['boxes', 'box'],
    ['status', 'status'],
    ['address', 'addres'],
    ['cancelled', 'cancel'],
    ['install', 'instal'],
    ['installed', 'instal'],
    ['bill', 'bill'],
    ['bus', 'bus'],
  ])('stems %j to %j', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});
