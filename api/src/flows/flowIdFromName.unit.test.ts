import { FLOW_ID_PATTERN } from '@threadline/flows';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from './flowIdFromName';

describe('slugify', () => {
  it('turns a flow name into a readable lower-case slug', () => {
    expect(slugify('Missed call → text back!')).toBe('missed-call-text-back');
    expect(slugify('  Café Überraschung ')).toBe('cafe-uberraschung');
  });

  it('falls back to "flow" when the name has no letters or digits', () => {
    expect(slugify('→ !!')).toBe('flow');
  });

  it('always yields a valid flow id, leaving room for a -n suffix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const slug = slugify(name);
        expect(slug).toMatch(FLOW_ID_PATTERN);
        expect(`${slug}-999`).toMatch(FLOW_ID_PATTERN);
      }),
    );
  });
});
