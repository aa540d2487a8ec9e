import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { voiceMenu } from './voiceMenu';

const menu: NodeConfigs['voice.menu'] = {
  prompt: 'For sales, press 1 or say sales. For support, press 2 or say support.',
  input: 'dtmfAndSpeech',
  options: [
    { output: 'sales', digit: '1', phrases: ['sales', 'buy'] },
    { output: 'support', digit: '2', phrases: ['support', 'help'] },
  ],
  timeoutSeconds: 5,
  retries: 1,
};
const pathsOf = (config: object) => voiceMenu.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];

describe('the voice menu catalog entry', () => {
  it('has one output per option, in order, then noInput and noMatch', () => {
    expect(pathsOf(menu)).toEqual([]);
    expect(voiceMenu.outputs(menu)).toEqual(['sales', 'support', 'noInput', 'noMatch']);
  });

  it('gives each option its own key and its own output name', () => {
    const clash = {
      ...menu,
      options: [
        { output: 'sales', digit: '1', phrases: ['sales'] },
        { output: 'sales', digit: '1', phrases: ['buy'] },
        { output: 'noInput', digit: '3', phrases: ['nothing'] },
      ],
    };
    expect(pathsOf(clash)).toEqual([
      ['options', 1, 'output'],
      ['options', 2, 'output'],
      ['options', 1, 'digit'],
    ]);
  });

  it('needs a key for each option when callers use the keypad, and phrases when they speak', () => {
    const bare = { ...menu, options: [{ output: 'sales', phrases: [] }] };
    expect(pathsOf(bare)).toEqual([
      ['options', 0, 'digit'],
      ['options', 0, 'phrases'],
    ]);
    expect(pathsOf({ ...bare, input: 'dtmf' })).toEqual([['options', 0, 'digit']]);
    expect(pathsOf({ ...bare, input: 'speech' })).toEqual([['options', 0, 'phrases']]);
  });

  it('refuses keys on a speech-only menu and phrases on a keypad-only one', () => {
    expect(pathsOf({ ...menu, input: 'speech' })).toEqual([
      ['options', 0, 'digit'],
      ['options', 1, 'digit'],
    ]);
    expect(pathsOf({ ...menu, input: 'dtmf' })).toEqual([
      ['options', 0, 'phrases'],
      ['options', 1, 'phrases'],
    ]);
  });

  it('takes only keypad keys, and bounded timeouts and retries', () => {
    expect(pathsOf({ ...menu, options: [{ output: 'sales', digit: '10', phrases: ['sales'] }] })).toEqual([
      ['options', 0, 'digit'],
    ]);
    expect(pathsOf({ ...menu, timeoutSeconds: 0, retries: 11 })).toEqual([['timeoutSeconds'], ['retries']]);
    expect(voiceMenu.configSchema.safeParse({ ...menu, timeoutSeconds: 601 }).error?.issues[0]?.message).toBe(
      'write a whole number of seconds from 1 to 600',
    );
  });
});
