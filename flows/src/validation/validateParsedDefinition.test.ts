import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowLibrary } from '../../library';
import { canvasToDefinition } from '../compiler/canvasToDefinition';
import { definitionToCanvas, flowMetaOf } from '../compiler/definitionToCanvas';
import { parseFlowDefinition, parseFlowDraft } from '../schema/parseFlowDefinition';
import { validDefinitionArbitrary } from '../testSupport/flowArbitraries';
import { withLiquidishTemplates } from '../testSupport/liquidishText';
import type { FlowDefinition } from '../types';
import { validateFlow } from './validateFlow';

/*
 * validateFlow takes the configs of a definition straight out of parseFlowDefinition at their
 * word (schema/parsedNodes.ts). These tests hold it to giving the same answers as a full check,
 * and to checking for real everything else: the canvas, drafts, configs replaced afterwards.
 */

function parsed(input: unknown): FlowDefinition {
  const result = parseFlowDefinition(JSON.parse(JSON.stringify(input)));
  if (!result.ok) throw new Error(`does not parse: ${JSON.stringify(result.issues.slice(0, 2))}`);
  return result.definition;
}

const missedCallFlow = flowLibrary[0]?.definition;
if (missedCallFlow === undefined) throw new Error('the library has no flow');

function sendNodeOf(definition: FlowDefinition) {
  const send = definition.nodes.find((node) => node.type === 'send');
  if (send?.type !== 'send') throw new Error('the flow has no send node');
  return send;
}

describe('validateFlow of a parsed definition', () => {
  it('finds exactly what it finds in a copy of the definition, which it checks in full', () => {
    fc.assert(
      fc.property(withLiquidishTemplates(validDefinitionArbitrary(8)), (definition) => {
        const result = parseFlowDefinition(JSON.parse(JSON.stringify(definition)));
        if (!result.ok) return;
        expect(validateFlow(result.definition)).toEqual(validateFlow(structuredClone(result.definition)));
      }),
      { numRuns: 150 },
    );
  });

  it('takes the parsed configs at their word: one edited in place afterwards goes unchecked (parsed definitions are values)', () => {
    const definition = parsed(missedCallFlow);
    sendNodeOf(definition).config.template = '';
    expect(validateFlow(definition).map((issue) => issue.code)).not.toContain('invalid-config');
    expect(validateFlow(structuredClone(definition)).map((issue) => issue.code)).toContain('invalid-config');
  });

  it('checks a config that was replaced after the parse', () => {
    const definition = parsed(missedCallFlow);
    const send = sendNodeOf(definition);
    send.config = { ...send.config, template: '' };
    expect(validateFlow(definition)).toContainEqual(expect.objectContaining({ code: 'invalid-config', nodeId: send.id }));
  });

  it('checks the configs of a definition compiled from the canvas, which holds copies', () => {
    const definition = parsed(missedCallFlow);
    const canvas = definitionToCanvas(definition);
    const send = canvas.nodes.find((node) => node.type === 'send');
    if (send === undefined) throw new Error('the canvas has no send node');
    send.data.config.template = '';
    expect(validateFlow(canvasToDefinition(canvas, flowMetaOf(definition)))).toContainEqual(
      expect.objectContaining({ code: 'invalid-config', nodeId: send.id }),
    );
  });

  it('checks the input handed to the parse, whose objects the parse copied', () => {
    const json = JSON.parse(JSON.stringify(missedCallFlow));
    if (!parseFlowDefinition(json).ok) throw new Error('the flow does not parse');
    sendNodeOf(json).config.template = '';
    expect(validateFlow(json)).toContainEqual(expect.objectContaining({ code: 'invalid-config' }));
  });

  it("checks a config again when its node's type was changed after the parse", () => {
    const definition = parsed(missedCallFlow);
    const send = sendNodeOf(definition);
    Object.assign(send, { type: 'voice.say' });
    expect(validateFlow(definition)).toContainEqual(expect.objectContaining({ code: 'invalid-config', nodeId: send.id }));
  });

  it('checks the configs of a draft, whose parse does not look at them', () => {
    const json = JSON.parse(JSON.stringify(missedCallFlow));
    const send = sendNodeOf(json);
    send.config.template = '';
    const draft = parseFlowDraft(json);
    if (!draft.ok) throw new Error('the draft does not parse');
    expect(validateFlow(draft.definition)).toContainEqual(expect.objectContaining({ code: 'invalid-config', nodeId: send.id }));
  });
});
