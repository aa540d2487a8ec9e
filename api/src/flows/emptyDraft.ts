import { CURRENT_SCHEMA_VERSION, defaultConfigOf } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';

/** A new flow starts as one inbound-message trigger on the canvas, ready to be connected. */
export function emptyDraft(id: string, name: string): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name,
    nodes: [{ id: 'trigger', type: 'trigger.inboundMessage', config: defaultConfigOf('trigger.inboundMessage') }],
    edges: [],
    layout: { trigger: { x: 0, y: 0 } },
  };
}
