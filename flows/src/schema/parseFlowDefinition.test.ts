import { describe, expect, it } from 'vitest';
import { missedCallTextBack } from '../../library/missedCallTextBack';
import { flowDefinitionJsonSchema } from './flowDefinitionJsonSchema';
import { VALIDATION_CODES } from '../validation/issueCodes';
import { parseFlowDefinition, parseFlowDraft } from './parseFlowDefinition';

/** The library flow as plain JSON, with `change` applied to a copy: the shape of API input. */
function libraryJsonWith(change: (json: Record<string, unknown> & { nodes: Record<string, unknown>[] }) => void) {
  const json = JSON.parse(JSON.stringify(missedCallTextBack));
  change(json);
  return json;
}

function issuesOf(input: unknown) {
  const result = parseFlowDefinition(input);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.issues;
}

describe('parseFlowDefinition', () => {
  it('accepts the library flow and returns it unchanged', () => {
    const input = libraryJsonWith(() => {});
    expect(parseFlowDefinition(input)).toEqual({ ok: true, definition: input });
  });

  it('names the node by id and the field by path when a config field is wrong', () => {
    const input = libraryJsonWith((json) => {
      json.nodes[1] = {
        id: 'text_back',
        type: 'send',
        config: { channel: 'sms', template: '', mediaUrls: [], whatsappTemplateVariables: [] },
      };
    });
    expect(issuesOf(input)).toEqual([
      {
        code: 'invalid-config',
        severity: 'error',
        nodeId: 'text_back',
        path: 'nodes[text_back].config.template',
        message: 'Message: write the message to send',
      },
    ]);
  });

  it('names the node and the condition inside a split config', () => {
    const input = libraryJsonWith((json) => {
      json.nodes[3] = {
        id: 'mentions_pricing',
        type: 'split',
        config: { input: '{{ reply.text }}', conditions: [{ output: 'pricing', operator: 'contains', values: [] }] },
      };
    });
    const [issue] = issuesOf(input);
    expect(issue).toMatchObject({
      code: 'invalid-config',
      nodeId: 'mentions_pricing',
      path: 'nodes[mentions_pricing].config.conditions[0].values',
    });
  });

  it('reports an unknown node type with the id of the node that has it', () => {
    const input = libraryJsonWith((json) => {
      json.nodes.push({ id: 'fax_it', type: 'sendFax', config: {} });
    });
    expect(issuesOf(input)).toEqual([
      expect.objectContaining({ code: 'unknown-node-type', nodeId: 'fax_it', path: 'nodes[fax_it].type' }),
    ]);
  });

  it('says which field is missing and which is not known', () => {
    const input = libraryJsonWith((json) => {
      json.nodes[2] = { id: 'wait_reply', type: 'waitForReply', config: { channels: [], timout: '24h', maxReprompts: 0 } };
    });
    expect(issuesOf(input).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'nodes[wait_reply].config.timeout', message: 'Give up after: timeout is missing' },
      { path: 'nodes[wait_reply].config.timout', message: 'unknown field "timout"; remove it' },
    ]);
  });

  it('points at a node by its index when it has no usable id', () => {
    const input = libraryJsonWith((json) => {
      json.nodes[0] = { id: 7, type: 'end', config: { outcome: 'done', returns: [] } };
    });
    expect(issuesOf(input)).toEqual([expect.objectContaining({ code: 'invalid-definition', path: 'nodes[0].id' })]);
    expect(issuesOf(input)[0]?.nodeId).toBeUndefined();
  });

  it('refuses a flow id that is not a slug and a schema version that is not a version', () => {
    const input = libraryJsonWith((json) => {
      json.id = 'Missed Call';
      json.schemaVersion = 'two';
    });
    expect(issuesOf(input).map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-definition', 'schemaVersion'],
      ['invalid-definition', 'id'],
    ]);
  });

  it('refuses by name a definition written by a newer Threadline instead of guessing at it', () => {
    const input = libraryJsonWith((json) => {
      json.schemaVersion = 3;
    });
    expect(issuesOf(input)).toEqual([
      {
        code: 'unsupported-schema-version',
        severity: 'error',
        path: 'schemaVersion',
        message: 'schemaVersion 3 was written by a newer Threadline; this one reads up to 2',
      },
    ]);
    expect(VALIDATION_CODES).toContain('unsupported-schema-version');
  });

  it('points at the edge and the layout entry at fault', () => {
    const input = libraryJsonWith((json) => {
      json.edges = [{ from: 'missed_call', output: 'next' }];
      json.layout = { missed_call: { x: 0, y: 'top' } };
    });
    expect(issuesOf(input).map((issue) => issue.path)).toEqual(['edges[0].to', 'layout[missed_call].y']);
  });

  it('says which part of a node is missing', () => {
    const input = libraryJsonWith((json) => {
      json.nodes[6] = { id: 'end_engaged', type: 'end' };
    });
    expect(issuesOf(input)).toEqual([
      expect.objectContaining({ nodeId: 'end_engaged', path: 'nodes[end_engaged].config', message: 'config is missing' }),
    ]);
  });

  it('accepts a frequency cap of the flow\'s own and names the path of one that is wrong', () => {
    const capped = libraryJsonWith((json) => {
      json.settings = { frequencyCap: { max: 2, window: '7d' } };
    });
    expect(parseFlowDefinition(capped)).toEqual({ ok: true, definition: capped });

    const wrong = libraryJsonWith((json) => {
      json.settings = { frequencyCap: { max: 0, window: 'a week', per: 'contact' } };
    });
    expect(issuesOf(wrong).map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      {
        code: 'invalid-definition',
        path: 'settings.frequencyCap.max',
        message: "allow at least 1 message per window; leave frequencyCap out for no cap of the flow's own",
      },
      {
        code: 'invalid-definition',
        path: 'settings.frequencyCap.window',
        message: '"a week" is not a duration: write a whole number and a unit, e.g. 90s, 15m, 24h or 2d',
      },
      { code: 'invalid-definition', path: 'settings.frequencyCap.per', message: 'unknown field "per"; remove it' },
    ]);
    expect(issuesOf(libraryJsonWith((json) => { json.settings = { frequencyCap: { max: 1.5, window: '24h' } }; }))).toEqual([
      expect.objectContaining({ path: 'settings.frequencyCap.max', message: 'write a whole number of messages, e.g. 2' }),
    ]);
  });

  it('refuses what is not an object at all', () => {
    expect(issuesOf('flow')).toEqual([expect.objectContaining({ code: 'invalid-definition', path: '' })]);
  });
});

describe('flowDefinitionJsonSchema', () => {
  it('describes every node type of the catalog for editors', () => {
    const text = JSON.stringify(flowDefinitionJsonSchema());
    for (const type of ['trigger.missedCall', 'trigger.inboundMessage', 'send', 'waitForReply', 'split', 'end']) {
      expect(text).toContain(`"const":"${type}"`);
    }
  });
});

describe('parseFlowDraft', () => {
  it('accepts a draft whose node config is mid-edit, leaving the config for validateFlow to judge', () => {
    const input = libraryJsonWith((json) => {
      json.nodes[1] = { id: 'text_back', type: 'send', config: { channel: 'sms', template: '' } };
    });
    expect(parseFlowDraft(input)).toEqual({ ok: true, definition: input });
  });

  it('still refuses a node of a type the catalog does not have, naming the node', () => {
    const input = libraryJsonWith((json) => {
      json.nodes[1] = { id: 'text_back', type: 'sendFax', config: {} };
    });
    const result = parseFlowDraft(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(expect.objectContaining({ nodeId: 'text_back', path: 'nodes[text_back].type' }));
  });
});
