import { describe, expect, it } from 'vitest';
import { previewText } from './summarize';

describe('previewText', () => {
  it('keeps a short template whole, on one line', () => {
    expect(previewText('Hi {{ contact.name }},\n  thanks!')).toBe('Hi {{ contact.name }}, thanks!');
  });

  it('cuts a long template on a word boundary and marks the cut', () => {
    expect(previewText('Sorry we missed your call — what can we help with?')).toBe('Sorry we missed your call…');
  });

  it('cuts a single long word at the limit', () => {
    expect(previewText('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
