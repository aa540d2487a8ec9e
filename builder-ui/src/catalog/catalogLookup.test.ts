import { describe, expect, it } from 'vitest';
import { outputsFor, paletteGroups } from './catalogLookup';

describe('reading the catalog for the canvas', () => {
  it('draws one handle per split condition plus else', () => {
    const config = { input: 'reply.text', conditions: [{ output: 'pricing', operator: 'contains', values: ['price'] }] };
    expect(outputsFor('split', config)).toEqual(['pricing', 'else']);
  });

  it("keeps a split's condition outputs while another of its fields is being edited", () => {
    const halfEdited = { input: '', conditions: [{ output: 'pricing', operator: 'contains', values: [] }] };
    expect(outputsFor('split', halfEdited)).toEqual(['pricing', 'else']);
  });

  it('keeps outputs that are wired when the config has no recognisable shape at all', () => {
    expect(outputsFor('split', { conditions: 'not a list' }, ['pricing'])).toEqual(['yes', 'else', 'pricing']);
  });

  it('groups the palette by catalog group, triggers first', () => {
    const groups = paletteGroups();
    expect(groups[0]?.group).toBe('trigger');
    expect(groups.flatMap((g) => g.entries.map((e) => e.type))).toContain('send');
  });
});
