import { describe, expect, it } from 'vitest';
import { answerValidationSchema } from './answerValidationSchema';

const pathsOf = (value: unknown) => answerValidationSchema.safeParse(value).error?.issues.map((issue) => issue.path) ?? [];

describe('answer validation', () => {
  it('takes the simple checks on their own', () => {
    for (const kind of ['number', 'email', 'date', 'yesNo']) expect(pathsOf({ kind }), kind).toEqual([]);
  });

  it('needs a pattern that compiles for a regex check', () => {
    expect(pathsOf({ kind: 'regex', pattern: '^[A-Z]{2}\\d{6}$' })).toEqual([]);
    expect(pathsOf({ kind: 'regex' })).toEqual([['pattern']]);
    expect(pathsOf({ kind: 'regex', pattern: '[A-Z' })).toEqual([['pattern']]);
  });

  it('needs at least one accepted answer for a one-of check', () => {
    expect(pathsOf({ kind: 'oneOf', options: ['small', 'large'] })).toEqual([]);
    expect(pathsOf({ kind: 'oneOf' })).toEqual([['options']]);
    expect(pathsOf({ kind: 'oneOf', options: [] })).toEqual([['options']]);
  });

  it('refuses a pattern or a list left over from another kind of check', () => {
    expect(pathsOf({ kind: 'number', pattern: '\\d+' })).toEqual([['pattern']]);
    expect(pathsOf({ kind: 'email', options: ['a'] })).toEqual([['options']]);
  });
});
