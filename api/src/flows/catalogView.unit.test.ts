import { nodeCatalog, nodeTypes } from '@threadline/flows';
import { describe, expect, it } from 'vitest';
import { catalogView } from './catalogView';

describe('catalogView', () => {
  const view = catalogView();

  it('lists every node type of the catalog, in palette order, with its groups', () => {
    expect(view.nodes.map((entry) => entry.type)).toEqual(nodeTypes);
    expect(view.groups).toContain('voice');
    for (const entry of view.nodes) expect(view.groups).toContain(entry.group);
  });

  it('is plain JSON: it survives a round trip through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('gives each type its config\'s JSON Schema, describing every field the inspector shows', () => {
    for (const entry of view.nodes) {
      expect({ type: entry.type, schemaType: entry.configSchema.type }).toEqual({ type: entry.type, schemaType: 'object' });
      const properties = Object.keys((entry.configSchema.properties ?? {}) as Record<string, unknown>);
      expect({ type: entry.type, properties: properties.sort() }).toEqual({
        type: entry.type,
        properties: entry.fields.map((field) => field.name).sort(),
      });
    }
  });

  it('works the outputs out from the defaults, so config-driven outputs are listed too', () => {
    const split = view.nodes.find((entry) => entry.type === 'split');
    expect(split?.outputs).toEqual(nodeCatalog.split.outputs(nodeCatalog.split.defaults));
    expect(split?.outputs).toContain('else');
    const gather = view.nodes.find((entry) => entry.type === 'voice.gather');
    expect(gather).toMatchObject({ waits: true, call: { required: true } });
    expect(gather?.results.map((result) => result.key)).toEqual(expect.arrayContaining(['digits', 'value']));
  });
});
