import { describe, expect, it } from 'vitest';
import type { AnswerValidation } from '../types';
import { checkAnswer } from './checkAnswer';

const accepted = (validation: AnswerValidation, text: string) => checkAnswer(validation, text);

describe('checkAnswer', () => {
  it.each([
    ['42', 42],
    [' -3.5 ', -3.5],
    ['1,250', 1250],
    ['42.', 42],
    ['forty two', 42],
    ['Forty-two', 42],
    ['one hundred and five', 105],
    ['minus five', -5],
    ['one two three', 123],
    ['zero', 0],
  ])('reads the number %j as %d', (text, value) => {
    expect(accepted({ kind: 'number' }, text)).toEqual({ ok: true, value });
  });

  it.each(['4 2', 'twelve apples', 'twenty thirty', 'lots', '0x10', '1,5'])('refuses %j as a number', (text) => {
    expect(accepted({ kind: 'number' }, text)).toEqual({ ok: false, reason: `"${text}" is not a number` });
  });

  it('says the answer is empty rather than of the wrong kind', () => {
    expect(accepted({ kind: 'number' }, '  ')).toEqual({ ok: false, reason: 'the answer is empty' });
  });

  it('accepts an email address as written and refuses what is not one', () => {
    expect(accepted({ kind: 'email' }, ' Ada.Lovelace+news@Example.co.uk ')).toEqual({ ok: true, value: 'Ada.Lovelace+news@Example.co.uk' });
    for (const text of ['ada@example', 'ada example.com', 'ada@@example.com', '@example.com', 'ada@.com']) {
      expect(accepted({ kind: 'email' }, text).ok, text).toBe(false);
    }
  });

  it.each([
    ['2026-11-25', '2026-11-25'],
    ['2026-1-5', '2026-01-05'],
    ['11/25/2026', '2026-11-25'],
    ['1/5/2026', '2026-01-05'],
    ['25 Nov 2026', '2026-11-25'],
    ['25th November, 2026', '2026-11-25'],
    ['November 25, 2026', '2026-11-25'],
    ['Sept 3 2026', '2026-09-03'],
    ['29 Feb 2028', '2028-02-29'],
  ])('reads the date %j as %s', (text, value) => {
    expect(accepted({ kind: 'date' }, text)).toEqual({ ok: true, value });
  });

  it.each(['2026-02-30', '29 Feb 2026', '25/11/2026', 'tomorrow', '25 Novembre 2026', 'Nov 2026'])('refuses %j as a date', (text) => {
    expect(accepted({ kind: 'date' }, text).ok).toBe(false);
  });

  it.each([
    ['yes', true],
    ['Yeah!', true],
    ['yep', true],
    ['Sure thing', true],
    ['y', true],
    ['1', true],
    ['of course', true],
    ['no', false],
    ['Nope, thanks', false],
    ['nah', false],
    ['N', false],
    ['2', false],
  ])('reads %j as %s', (text, value) => {
    expect(accepted({ kind: 'yesNo' }, text)).toEqual({ ok: true, value });
  });

  it.each(['maybe', 'yes no', 'not sure', '3'])('refuses %j as a yes or a no', (text) => {
    expect(accepted({ kind: 'yesNo' }, text)).toEqual({ ok: false, reason: `"${text}" is not a yes or a no` });
  });

  it('matches a pattern against the whole answer, ignoring case', () => {
    const zip: AnswerValidation = { kind: 'regex', pattern: '\\d{5}|[a-z]\\d[a-z] \\d[a-z]\\d' };
    expect(accepted(zip, ' 94105 ')).toEqual({ ok: true, value: '94105' });
    expect(accepted(zip, 'K1A 0B1')).toEqual({ ok: true, value: 'K1A 0B1' });
    expect(accepted(zip, '941050')).toEqual({ ok: false, reason: '"941050" does not match the expected format' });
    expect(accepted(zip, 'zip 94105').ok).toBe(false);
  });

  it('refuses every answer when the pattern is not a valid regular expression', () => {
    expect(accepted({ kind: 'regex', pattern: '(unclosed' }, '(unclosed')).toEqual({
      ok: false,
      reason: 'the pattern "(unclosed" is not a valid regular expression',
    });
  });

  it('returns the listed option as the flow wrote it, whatever the case, spacing or punctuation', () => {
    const sizes: AnswerValidation = { kind: 'oneOf', options: ['Small', 'Extra Large', 'C++'] };
    expect(accepted(sizes, 'small')).toEqual({ ok: true, value: 'Small' });
    expect(accepted(sizes, ' extra   LARGE. ')).toEqual({ ok: true, value: 'Extra Large' });
    expect(accepted(sizes, 'c++')).toEqual({ ok: true, value: 'C++' });
    expect(accepted(sizes, 'medium')).toEqual({ ok: false, reason: '"medium" is not one of "Small", "Extra Large", "C++"' });
  });
});
