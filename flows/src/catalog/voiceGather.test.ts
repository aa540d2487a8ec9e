import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { voiceGather } from './voiceGather';

const digits: NodeConfigs['voice.gather'] = {
  prompt: 'Please enter your order number, then press pound.',
  input: 'dtmf',
  digitCount: 8,
  finishOnKey: '#',
  speechHints: [],
  timeoutSeconds: 5,
  saveAs: 'orderNumber',
  validation: { kind: 'number' },
  retries: 2,
};
const pathsOf = (config: object) => voiceGather.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];

describe('the voice gather catalog entry', () => {
  it('captures digits into a variable', () => {
    expect(pathsOf(digits)).toEqual([]);
    expect(voiceGather.setsVariables(digits)).toEqual(['orderNumber']);
    expect(voiceGather.outputs(digits)).toEqual(['captured', 'noInput', 'invalid']);
  });

  it('captures speech with a language and hints', () => {
    const speech = {
      ...digits,
      input: 'speech',
      digitCount: undefined,
      finishOnKey: undefined,
      speechLanguage: 'en-GB',
      speechHints: ['billing', 'support'],
      validation: { kind: 'oneOf', options: ['billing', 'support'] },
    };
    expect(pathsOf(speech)).toEqual([]);
  });

  it('refuses keypad settings when the caller may only speak, and speech settings when only the keypad counts', () => {
    expect(pathsOf({ ...digits, input: 'speech' })).toEqual([['digitCount'], ['finishOnKey']]);
    expect(pathsOf({ ...digits, speechLanguage: 'en-US', speechHints: ['one'] })).toEqual([['speechLanguage'], ['speechHints']]);
    expect(pathsOf({ ...digits, input: 'dtmfAndSpeech', speechLanguage: 'en-US', speechHints: ['one'] })).toEqual([]);
  });

  it('takes a finish key from the keypad and a digit count from 1 to 64', () => {
    expect(pathsOf({ ...digits, finishOnKey: '*' })).toEqual([]);
    expect(pathsOf({ ...digits, finishOnKey: 'enter' })).toEqual([['finishOnKey']]);
    expect(pathsOf({ ...digits, digitCount: 0 })).toEqual([['digitCount']]);
    expect(pathsOf({ ...digits, digitCount: 65 })).toEqual([['digitCount']]);
  });

  it('saves under a plain variable name', () => {
    expect(pathsOf({ ...digits, saveAs: 'order-number' })).toEqual([['saveAs']]);
    expect(pathsOf({ ...digits, saveAs: undefined })).toEqual([['saveAs']]);
  });
});
