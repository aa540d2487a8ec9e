import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../types';
import { placeholder } from './placeholder';

const STUDIO_PAYMENT: JsonValue = {
  name: 'pay',
  type: 'capture-payments',
  transitions: [{ event: 'success', next: 'thanks' }, { event: 'hangup' }],
  properties: { offset: { x: 10, y: 20 }, currency: 'usd', max_attempts: 2, valid_card_types: ['visa'], description: null },
};

describe('the placeholder catalog entry', () => {
  it('keeps the original JSON as it was and takes its exits as outputs', () => {
    const config = {
      note: 'Studio payments cannot run here; collect the payment on a hosted page.',
      source: 'twilio-studio:capture-payments',
      original: STUDIO_PAYMENT,
      outputs: ['success', 'hangup', 'noMatch'],
    };
    const result = placeholder.configSchema.safeParse(config);
    expect(result.data).toEqual(config);
    expect(placeholder.outputs(config)).toEqual(['success', 'hangup', 'noMatch']);
  });

  it('needs the original, which must be JSON', () => {
    const pathsOf = (config: object) =>
      placeholder.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];
    const { original: _left, ...withoutOriginal } = placeholder.defaults;
    expect(pathsOf(withoutOriginal)).toEqual([['original']]);
    expect(pathsOf({ ...placeholder.defaults, original: { at: new Date(0) } })).toEqual([['original']]);
  });

  it('refuses an exit named twice', () => {
    const result = placeholder.configSchema.safeParse({ ...placeholder.defaults, outputs: ['next', 'next'] });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['outputs', 1]]);
  });
});
