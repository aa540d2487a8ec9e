import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { waitForReply } from './waitForReply';

const plain: NodeConfigs['waitForReply'] = { channels: [], timeout: '24h', maxReprompts: 0 };
const checked: NodeConfigs['waitForReply'] = {
  channels: [],
  timeout: '24h',
  saveAs: 'email',
  validation: { kind: 'email' },
  repromptTemplate: 'That does not look like an email address; please try again.',
  maxReprompts: 2,
};
const pathsOf = (config: object) => waitForReply.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];

describe('the wait for reply catalog entry', () => {
  it('accepts exactly the durations the engine can parse', () => {
    const accepts = (timeout: string) => pathsOf({ ...plain, timeout }).length === 0;
    expect(['90s', '15m', '24h', '2d'].map(accepts)).toEqual([true, true, true, true]);
    expect(['', '24', 'soon', '0h', '1.5h', '3w'].map(accepts)).toEqual([false, false, false, false, false, false]);
  });

  it('has an "invalid" output only when it checks the answer', () => {
    expect(waitForReply.outputs(plain)).toEqual(['replied', 'timeout']);
    expect(waitForReply.outputs(checked)).toEqual(['replied', 'timeout', 'invalid']);
  });

  it('saves the answer under a variable name templates can read', () => {
    expect(waitForReply.setsVariables(checked)).toEqual(['email']);
    expect(waitForReply.setsVariables(plain)).toEqual([]);
    expect(pathsOf({ ...plain, saveAs: 'order number' })).toEqual([['saveAs']]);
    expect(pathsOf({ ...plain, saveAs: '2nd' })).toEqual([['saveAs']]);
  });

  it('re-prompts a bounded number of times, with a message to re-prompt with', () => {
    expect(pathsOf(checked)).toEqual([]);
    expect(pathsOf({ ...checked, maxReprompts: 11 })).toEqual([['maxReprompts']]);
    expect(pathsOf({ ...checked, maxReprompts: -1 })).toEqual([['maxReprompts']]);
    expect(pathsOf({ ...checked, maxReprompts: 1.5 })).toEqual([['maxReprompts']]);
    expect(pathsOf({ ...checked, repromptTemplate: undefined })).toEqual([['repromptTemplate']]);
    expect(pathsOf({ ...checked, repromptTemplate: undefined, maxReprompts: 0 })).toEqual([]);
  });

  it('refuses a re-prompt message when nothing is checked', () => {
    expect(pathsOf({ ...plain, repromptTemplate: 'Try again' })).toEqual([['repromptTemplate']]);
  });

  it('checks a regex answer pattern compiles', () => {
    expect(pathsOf({ ...checked, validation: { kind: 'regex', pattern: '(\\d{5}' } })).toEqual([['validation', 'pattern']]);
  });
});
