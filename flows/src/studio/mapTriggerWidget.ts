import type { FlowNode } from '../types';
import type { WidgetContext, WidgetMapping } from './widgetContext';
import { hasNext } from './widgetContext';

/** The event a Studio REST API execution (`incomingRequest`) starts the flow with. */
export const STUDIO_REST_EVENT = 'studio.rest';

/**
 * The Trigger widget → one Threadline trigger per connected event: an inbound message, an
 * inbound call, the REST API (an event whose payload is what the flow reads from flow.data),
 * or a parent flow (a subflow entry). Events that lead nowhere start nothing and are left out.
 */
export function mapTriggerWidget(ctx: WidgetContext, restPayloadFields: readonly string[]): WidgetMapping {
  const nodes: WidgetMapping['nodes'] = [];
  const exits = ctx.transitions.map((transition) => {
    if (!hasNext(transition)) return [];
    const node = triggerNodeOf(ctx, transition.event, restPayloadFields);
    if (node === undefined) {
      ctx.approximate(`its "${transition.event}" event has no Threadline trigger and was dropped`);
      return [];
    }
    nodes.push({ node, position: ctx.near(nodes.length * 240, 0) });
    return [{ from: node.id, output: 'next' }];
  });
  return { nodes, entry: nodes[0]?.node.id ?? ctx.nodeId, edges: [], exits };
}

function triggerNodeOf(ctx: WidgetContext, event: string, restPayloadFields: readonly string[]): FlowNode | undefined {
  const label = `${ctx.state.name}: ${event}`;
  switch (event) {
    case 'incomingMessage':
      return { id: ctx.extraNodeId('message'), type: 'trigger.inboundMessage', label, config: { channels: [] } };
    case 'incomingConversationMessage':
      ctx.approximate('a Conversations message starts the flow as an inbound message on any channel');
      return { id: ctx.extraNodeId('conversation'), type: 'trigger.inboundMessage', label, config: { channels: [] } };
    case 'incomingCall':
      return { id: ctx.extraNodeId('call'), type: 'trigger.inboundCall', label, config: { numbers: [] } };
    case 'incomingRequest':
      return {
        id: ctx.extraNodeId('request'),
        type: 'trigger.event',
        label,
        config: {
          event: STUDIO_REST_EVENT,
          payload: restPayloadFields.map((name) => ({ name, type: 'string', required: false })),
        },
      };
    case 'incomingParent':
      return { id: ctx.extraNodeId('parent'), type: 'trigger.subflow', label, config: {} };
    default:
      return undefined;
  }
}
