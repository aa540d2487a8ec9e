import { describe, expect, it } from 'vitest';
import { nodeCatalog } from '@threadline/flows';
import { hasIconGlyph, iconGlyph } from './iconGlyph';

describe('node icons', () => {
  it('has a glyph of its own for every icon the catalog names', () => {
    const missing = Object.values(nodeCatalog)
      .map((entry) => entry.icon)
      .filter((icon) => !hasIconGlyph(icon));
    expect(missing).toEqual([]);
  });

  it('draws an unknown icon name as a neutral dot rather than failing', () => {
    expect(iconGlyph('no-such-icon')).toBe('●');
    expect(iconGlyph('constructor')).toBe('●');
  });
});
