import { describe, expect, it } from 'vitest';
import { cronProblem } from './cronSchema';

describe('cron expressions', () => {
  it('accepts the five standard fields with lists, ranges, steps and names', () => {
    const expressions = ['0 9 * * mon-fri', '*/15 * * * *', '30 8 1 * *', '0 0 1,15 jan-jun 0', '0 12 * * 7', '5-55/10 9-17 * * MON'];
    expect(expressions.map(cronProblem)).toEqual(expressions.map(() => undefined));
  });

  it('asks for five fields when there are more or fewer', () => {
    expect(cronProblem('0 9 * *')).toMatch(/^write five fields: .* \(this has 4\)$/);
    expect(cronProblem('0 0 9 * * mon')).toMatch(/this has 6/);
    expect(cronProblem('@daily')).toMatch(/this has 1/);
  });

  it('names the field at fault and the range it takes', () => {
    expect(cronProblem('60 9 * * *')).toBe('the minute field "60": 60 is out of range; use 0-59');
    expect(cronProblem('0 9 * 13 *')).toBe('the month field "13": 13 is out of range; use 1-12 or a name such as feb');
    expect(cronProblem('0 9 * * fri-mon')).toBe('the day of week field "fri-mon": the range fri-mon runs backwards');
    expect(cronProblem('*/0 * * * *')).toBe('the minute field "*/0": a step must be 1 or more');
    expect(cronProblem('0 9 L * *')).toMatch(/^the day of month field "L"/);
  });
});
