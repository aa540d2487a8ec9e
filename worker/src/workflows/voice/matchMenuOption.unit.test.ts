import { describe, expect, it } from 'vitest';
import { matchMenuOption } from './matchMenuOption';

const options = [
  { output: 'text_link', digit: '1', phrases: ['text me', 'send me a link'] },
  { output: 'agent', digit: '2', phrases: ['agent', 'a person'] },
];

const picked = (input: { digits?: string; speech?: string }) => matchMenuOption(options, input)?.output ?? null;

describe('matchMenuOption', () => {
  it('picks the option whose key was pressed', () => {
    expect(picked({ digits: '2' })).toBe('agent');
  });

  it('reads speech after normalising case, punctuation, space and number words', () => {
    expect(picked({ speech: 'Option One.' })).toBe('text_link');
    expect(picked({ speech: '  TWO!  ' })).toBe('agent');
    expect(picked({ speech: 'Text me, please.' })).toBe('text_link');
    expect(picked({ speech: 'I want an Agent' })).toBe('agent');
  });

  it('matches phrases as whole words only', () => {
    expect(picked({ speech: 'agents of shield' })).toBeNull();
  });

  it('prefers the keys to the speech when both came', () => {
    expect(picked({ digits: '1', speech: 'agent' })).toBe('text_link');
  });

  it('answers null for no input and for a key no option has', () => {
    expect(picked({})).toBeNull();
    expect(picked({ digits: '9' })).toBeNull();
    expect(picked({ speech: 'banana' })).toBeNull();
  });
});
