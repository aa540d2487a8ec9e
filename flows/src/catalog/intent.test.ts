import { describe, expect, it } from 'vitest';
import { intent } from './intent';

const pathsOf = (config: unknown) =>
  intent.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];

describe('the intent catalog entry', () => {
  it('gives one output per intent, in order, and then unknown', () => {
    expect(intent.outputs(intent.defaults)).toEqual(['billing', 'support', 'unknown']);
  });

  it('asks for an example or a keyword, so an intent can be recognised at all', () => {
    const result = intent.configSchema.safeParse({
      input: '{{ reply.text }}',
      intents: [{ output: 'sales', examples: [], keywords: [] }],
    });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['intents', 0, 'examples'], 'give "sales" at least one example sentence or keyword, so it can be recognised'],
    ]);
  });

  it('refuses an intent named unknown or named twice, and a list with no intent', () => {
    const intents = [
      { output: 'unknown', examples: [], keywords: ['x'] },
      { output: 'sales', examples: [], keywords: ['buy'] },
      { output: 'sales', examples: [], keywords: ['price'] },
    ];
    expect(pathsOf({ input: '{{ reply.text }}', intents })).toEqual([
      ['intents', 0, 'output'],
      ['intents', 2, 'output'],
    ]);
    expect(pathsOf({ input: '{{ reply.text }}', intents: [] })).toEqual([['intents']]);
  });

  it('offers the recognised intent and its confidence on every output', () => {
    expect(intent.results.map((result) => [result.key, result.on])).toEqual([
      ['intent', '*'],
      ['confidence', '*'],
    ]);
  });
});
