import { describe, expect, it } from 'vitest';
import { end } from './end';

describe('the end catalog entry', () => {
  it('returns values for a subflow\'s declared outputs, each name once', () => {
    const returns = [
      { name: 'address', value: '{{ vars.address }}' },
      { name: 'address', value: '{{ reply.text }}' },
    ];
    const result = end.configSchema.safeParse({ outcome: 'completed', returns });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['returns', 1, 'name']]);
    expect(end.configSchema.safeParse({ outcome: 'completed', returns: returns.slice(0, 1) }).success).toBe(true);
  });

  it('has no outputs, so the journey stops there', () => {
    expect(end.outputs(end.defaults)).toEqual([]);
  });
});
