import { describe, expect, it } from 'vitest';
import { subscriptionKeywordOf } from './subscriptionKeyword';

describe('subscriptionKeywordOf', () => {
  it('reads every carrier opt-out keyword as an opt-out, in any case', () => {
    for (const word of ['STOP', 'stop', 'Stop', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit', 'REVOKE', 'optout']) {
      expect(subscriptionKeywordOf(word), word).toEqual({ action: 'optOut', keyword: word.toUpperCase() });
    }
  });

  it('reads START, YES and UNSTOP as opt-ins and HELP and INFO as help', () => {
    expect(subscriptionKeywordOf('start')).toEqual({ action: 'optIn', keyword: 'START' });
    expect(subscriptionKeywordOf('Yes')).toEqual({ action: 'optIn', keyword: 'YES' });
    expect(subscriptionKeywordOf('UNSTOP')).toEqual({ action: 'optIn', keyword: 'UNSTOP' });
    expect(subscriptionKeywordOf('help')).toEqual({ action: 'help', keyword: 'HELP' });
    expect(subscriptionKeywordOf('Info')).toEqual({ action: 'help', keyword: 'INFO' });
  });

  it('ignores the spaces and punctuation around the keyword', () => {
    expect(subscriptionKeywordOf('  Stop.  ')).toEqual({ action: 'optOut', keyword: 'STOP' });
    expect(subscriptionKeywordOf('"STOP!!"\n')).toEqual({ action: 'optOut', keyword: 'STOP' });
    expect(subscriptionKeywordOf('¿help?')).toEqual({ action: 'help', keyword: 'HELP' });
  });

  it('treats a message that only contains a keyword as an ordinary message', () => {
    for (const text of ['stop please', 'please stop', 'STOP ALL', 'st op', 'stopped', 'yes please', 'I need help', '', '   ', '!!!']) {
      expect(subscriptionKeywordOf(text), text).toBeNull();
    }
  });
});
