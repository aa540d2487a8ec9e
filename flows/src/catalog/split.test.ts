import { describe, expect, it } from 'vitest';
import type { SplitCondition, SplitOperator } from '../types';
import { split } from './split';

const parseSplit = (conditions: SplitCondition[], input = '{{ reply.text }}') =>
  split.configSchema.safeParse({ input, conditions });

const issuesOf = (conditions: SplitCondition[]) =>
  parseSplit(conditions).error?.issues.map((issue) => ({ path: issue.path, message: issue.message })) ?? [];

const condition = (operator: SplitOperator, values: string[]): SplitCondition => ({ output: 'hit', operator, values });

describe('the split catalog entry', () => {
  it('accepts each of the 17 operators with values of the kind it compares', () => {
    const examples: Array<[SplitOperator, string[]]> = [
      ['equals', ['yes']],
      ['notEquals', ['no']],
      ['matchesAnyOf', ['yes', 'yep']],
      ['matchesNoneOf', ['stop', 'cancel']],
      ['isBlank', []],
      ['isNotBlank', []],
      ['regex', ['^\\d{5}$']],
      ['contains', ['price']],
      ['doesNotContain', ['price']],
      ['startsWith', ['re:']],
      ['doesNotStartWith', ['re:']],
      ['lessThan', ['10']],
      ['greaterThan', ['-2.5']],
      ['beforeTime', ['09:00']],
      ['afterTime', ['17:30']],
      ['beforeDate', ['2025-12-24']],
      ['afterDate', ['2024-02-29']],
    ];
    expect(split.fields.find((field) => field.name === 'conditions')?.options?.map((option) => option.value)).toEqual(
      examples.map(([operator]) => operator),
    );
    for (const [operator, values] of examples) {
      expect(issuesOf([condition(operator, values)]), operator).toEqual([]);
    }
  });

  it('refuses values on the blank checks', () => {
    expect(issuesOf([condition('isBlank', ['x'])])).toEqual([
      { path: ['conditions', 0, 'values'], message: '"isBlank" compares with nothing; remove the values' },
    ]);
  });

  it('asks for exactly one value on the ordering operators', () => {
    expect(issuesOf([condition('lessThan', ['1', '2'])])).toEqual([
      { path: ['conditions', 0, 'values'], message: '"lessThan" compares with exactly one value; keep one and remove the others' },
    ]);
    expect(issuesOf([condition('afterDate', [])])).toEqual([
      { path: ['conditions', 0, 'values'], message: '"afterDate" compares with exactly one value; add it' },
    ]);
  });

  it('asks for at least one value on the text comparisons', () => {
    expect(issuesOf([condition('doesNotContain', [])])).toEqual([
      { path: ['conditions', 0, 'values'], message: '"doesNotContain" needs at least one value to compare with' },
    ]);
  });

  it('points at a regex that does not compile, and lets a templated one wait for run time', () => {
    const issues = issuesOf([condition('regex', ['^\\d+$', '([a-z]', '{{ vars.pattern }}'])]);
    expect(issues.map((issue) => issue.path)).toEqual([['conditions', 0, 'values', 1]]);
    expect(issues[0]?.message).toMatch(/"\(\[a-z\]" is not a valid regular expression/);
  });

  it('checks literal numbers, times and dates, and accepts templates in their place', () => {
    expect(issuesOf([condition('greaterThan', ['ten'])])[0]?.message).toMatch(/"ten" is not a number/);
    expect(issuesOf([condition('greaterThan', ['0x10'])])[0]?.message).toMatch(/is not a number/);
    expect(issuesOf([condition('beforeTime', ['25:00'])])[0]?.message).toMatch(/"25:00" is not a time of day/);
    expect(issuesOf([condition('beforeTime', ['9:00'])])[0]?.message).toMatch(/HH:MM/);
    expect(issuesOf([condition('afterDate', ['2025-02-29'])])[0]?.message).toMatch(/"2025-02-29" is not a date/);
    expect(issuesOf([condition('afterDate', ['24/12/2025'])])[0]?.message).toMatch(/YYYY-MM-DD/);
    for (const operator of ['lessThan', 'beforeTime', 'afterDate'] as const) {
      expect(issuesOf([condition(operator, ['{{ vars.bound }}'])]), operator).toEqual([]);
    }
  });

  it('takes Liquid as its input and refuses an empty one', () => {
    expect(parseSplit([condition('isBlank', [])], '{{ nodes.wait_reply.reply.text | strip }}').success).toBe(true);
    expect(parseSplit([condition('isBlank', [])], '').error?.issues.map((issue) => issue.path)).toEqual([['input']]);
  });

  it('refuses an output named like a fixed output, or named twice', () => {
    const issues = issuesOf([
      { output: 'else', operator: 'contains', values: ['a'] },
      { output: 'yes', operator: 'contains', values: ['y'] },
      { output: 'yes', operator: 'contains', values: ['yes'] },
      { output: 'noMatch', operator: 'contains', values: ['n'] },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['conditions', 0, 'output'],
      ['conditions', 2, 'output'],
      ['conditions', 3, 'output'],
    ]);
  });

  it('leaves the tested value for later nodes on every output', () => {
    expect(split.results).toEqual([expect.objectContaining({ key: 'value', on: '*' })]);
    expect(split.outputs(split.defaults)).toEqual(['yes', 'else']);
  });
});
