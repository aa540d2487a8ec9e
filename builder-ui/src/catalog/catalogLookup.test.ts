import { describe, expect, it } from 'vitest';
import { NODE_GROUPS, nodeTypes } from '@threadline/flows';
import { outputsFor, paletteGroups } from './catalogLookup';

describe('reading the catalog for the canvas', () => {
  it('draws one handle per split condition plus else', () => {
    const config = { input: '{{ reply.text }}', conditions: [{ output: 'pricing', operator: 'contains', values: ['price'] }] };
    expect(outputsFor('split', config)).toEqual(['pricing', 'else']);
  });

  it("keeps a split's condition outputs while another of its fields is being edited", () => {
    const halfEdited = { input: '', conditions: [{ output: 'pricing', operator: 'contains', values: [] }] };
    expect(outputsFor('split', halfEdited)).toEqual(['pricing', 'else']);
  });

  it('keeps outputs that are wired when the config has no recognisable shape at all', () => {
    expect(outputsFor('split', { conditions: 'not a list' }, ['pricing'])).toEqual(['yes', 'else', 'pricing']);
  });

  it('shows every group in the palette in the catalog order, and every type an admin adds by hand once', () => {
    const groups = paletteGroups();
    expect(groups.map((g) => g.group)).toEqual([...NODE_GROUPS]);
    const offered = nodeTypes.filter((type) => type !== 'placeholder');
    expect(groups.flatMap((g) => g.entries.map((e) => e.type)).sort()).toEqual([...offered].sort());
  });

  it('draws the dynamic outputs of menus, intents, A/B splits and stand-ins from their config', () => {
    expect(outputsFor('voice.menu', { prompt: 'Press 1', input: 'dtmf', options: [{ output: 'textMe', digit: '1', phrases: [] }], timeoutSeconds: 5, retries: 1 })).toEqual([
      'textMe',
      'noInput',
      'noMatch',
    ]);
    expect(outputsFor('abSplit', { branches: [{ output: 'short', weight: 1 }, { output: 'long', weight: 1 }] })).toEqual(['short', 'long']);
    expect(outputsFor('intent', { input: '{{ reply.text }}', intents: [{ output: 'billing', examples: [], keywords: ['bill'] }] })).toEqual([
      'billing',
      'unknown',
    ]);
    expect(outputsFor('placeholder', { note: 'pay', source: 'twilio-studio:capture-payments', original: {}, outputs: ['success', 'failure'] })).toEqual([
      'success',
      'failure',
    ]);
  });
});
