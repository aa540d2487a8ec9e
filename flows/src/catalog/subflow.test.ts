import { describe, expect, it } from 'vitest';
import { subflow } from './subflow';

const pathsOf = (config: unknown) =>
  subflow.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];

describe('the subflow catalog entry', () => {
  it('pins a published version or takes the latest', () => {
    expect(pathsOf({ flowId: 'collect-address', version: 3, inputs: [] })).toEqual([]);
    expect(pathsOf({ flowId: 'collect-address', version: 'latest', inputs: [] })).toEqual([]);
    for (const version of [0, -1, 1.5, 'newest', '3']) {
      expect(pathsOf({ flowId: 'collect-address', version, inputs: [] }), String(version)).toEqual([['version']]);
    }
  });

  it('takes a flow id as flows are named', () => {
    expect(pathsOf({ flowId: 'Collect Address', version: 'latest', inputs: [] })).toEqual([['flowId']]);
  });

  it('passes each input once, under a name the subflow can read as trigger.data.<name>', () => {
    const inputs = [
      { name: 'orderNumber', value: '{{ vars.orderNumber }}' },
      { name: 'order-number', value: 'x' },
      { name: 'orderNumber', value: 'y' },
    ];
    expect(pathsOf({ flowId: 'lookup', version: 'latest', inputs })).toEqual([
      ['inputs', 1, 'name'],
      ['inputs', 2, 'name'],
    ]);
  });

  it('waits for the subflow and reads its outputs back on completed', () => {
    expect(subflow.waits).toBe(true);
    expect(subflow.results.map((result) => [result.key, result.on])).toEqual([
      ['outputs', ['completed']],
      ['outcome', ['completed']],
      ['error', ['failed']],
    ]);
  });
});
