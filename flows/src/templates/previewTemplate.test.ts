import { describe, expect, it } from 'vitest';
import { previewTemplate } from './previewTemplate';

describe('previewTemplate', () => {
  it('renders the text against the given context', () => {
    expect(previewTemplate('Hi {{ contact.firstName }}', { contact: { firstName: 'Ada' } })).toEqual({ ok: true, text: 'Hi Ada' });
  });

  it('renders every value empty when no context is given', () => {
    expect(previewTemplate('Hi {{ contact.firstName }}!')).toEqual({ ok: true, text: 'Hi !' });
  });

  it('explains a template that cannot render instead of throwing', () => {
    expect(previewTemplate('{{ contact.firstName | shout }}')).toEqual({ ok: false, message: 'undefined filter: shout (line 1, column 1)' });
    expect(previewTemplate('{{ "now" | date: "%Y" }}')).toEqual({ ok: false, message: expect.stringContaining('journey.now') });
  });
});
