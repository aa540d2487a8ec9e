import { describe, expect, it } from 'vitest';
import { normalizeSpokenInput } from './normalizeSpokenInput';

describe('normalizeSpokenInput', () => {
  it.each([
    ['Two.', '2'],
    ['2', '2'],
    ['press two', 'press 2'],
    ['Press TWO, please!', 'press 2 please'],
    ['one two three', '123'],
    ['my code is one two three four', 'my code is 1234'],
    ['forty-two', '42'],
    ['forty two', '42'],
    ['one hundred and five', '105'],
    ['rock and roll', 'rock and roll'],
    ['one and two', '1 and 2'],
    ['twenty thirty', '20 30'],
    ["I'd like Billing.", 'id like billing'],
    ['  lots   of\tspace ', 'lots of space'],
    ['1,000 dollars', '1000 dollars'],
    ['3.5 stars', '3.5 stars'],
    ['#', '#'],
    ['1 2 3', '1 2 3'],
    ['constructor', 'constructor'],
    ['', ''],
  ])('reads %j as %j', (spoken, normalized) => {
    expect(normalizeSpokenInput(spoken)).toBe(normalized);
  });
});
