import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { setVariables } from './setVariables';

type Assignments = NodeConfigs['setVariables']['assignments'];

const issuesOf = (assignments: Assignments) =>
  setVariables.configSchema
    .safeParse({ assignments })
    .error?.issues.map((issue) => ({ path: issue.path, message: issue.message })) ?? [];

describe('the setVariables catalog entry', () => {
  it('accepts counters, filters and literal values of each type', () => {
    const assignments: Assignments = [
      { name: 'attempts', value: '{{ vars.attempts | default: 0 | plus: 1 }}', type: 'number' },
      { name: 'firstItem', value: '{{ nodes.lookup.body.items[0].id }}', type: 'text' },
      { name: 'limit', value: '2.5', type: 'number' },
      { name: 'vip', value: 'true', type: 'boolean' },
      { name: 'plan', value: '{"name": "pro", "seats": 3}', type: 'json' },
      { name: 'greeting', value: 'hello', type: 'text' },
    ];
    expect(issuesOf(assignments)).toEqual([]);
    expect(setVariables.setsVariables({ assignments })).toEqual(['attempts', 'firstItem', 'limit', 'vip', 'plan', 'greeting']);
  });

  it('refuses a literal value that its type cannot hold', () => {
    const issues = issuesOf([
      { name: 'a', value: 'three', type: 'number' },
      { name: 'b', value: 'yes', type: 'boolean' },
      { name: 'c', value: '{plan: pro}', type: 'json' },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['assignments', 0, 'value'],
      ['assignments', 1, 'value'],
      ['assignments', 2, 'value'],
    ]);
    expect(issues[0]?.message).toMatch(/"three" is not a number/);
  });

  it('refuses a variable name Liquid cannot read as vars.<name>, and a name set twice', () => {
    expect(
      issuesOf([
        { name: 'order number', value: '1', type: 'text' },
        { name: 'x', value: '1', type: 'text' },
        { name: 'x', value: '2', type: 'text' },
      ]).map((issue) => issue.path),
    ).toEqual([
      ['assignments', 0, 'name'],
      ['assignments', 2, 'name'],
    ]);
  });

  it('needs something to set', () => {
    expect(issuesOf([]).map((issue) => issue.path)).toEqual([['assignments']]);
  });
});
