import type { FlowNodeOf } from '../types';
import type { WidgetContext, WidgetMapping } from './widgetContext';
import { jsonValueOf } from './jsonValueOf';
import { UniqueNames, outputNameOf } from './studioNames';

/** Why a widget type has no Threadline node, in words for the placeholder's note. */
const REASONS: Readonly<Record<string, string>> = {
  'capture-payments': 'takes a card payment over the phone (PCI Pay), which Threadline does not do',
  'add-twiml-redirect': 'hands the call or message to external TwiML',
  'send-to-auto-pilot': 'hands the conversation to an Autopilot bot',
  'connect-virtual-agent': 'hands the call to a Dialogflow virtual agent',
  'connect-virtual-agent-v2': 'hands the call to a Dialogflow CX virtual agent',
};

/**
 * Anything the importer cannot map becomes a placeholder: the original JSON kept whole, and
 * one output per Studio transition event so the rest of the graph stays wired as it was.
 * A flow holding one is reported by validation (placeholder-node) and cannot be published.
 */
export function mapPlaceholderWidget(
  ctx: WidgetContext,
  kebabType: string,
  original: unknown,
  why?: string,
): WidgetMapping {
  const outputs = new UniqueNames();
  const names = ctx.transitions.map((transition) => outputs.claim(outputNameOf(transition.event, 'exit')));
  const reason = why ?? REASONS[kebabType] ?? 'is a widget type the importer does not know';
  const node: FlowNodeOf<'placeholder'> = {
    id: ctx.nodeId,
    type: 'placeholder',
    label: ctx.state.name,
    config: {
      note: `Twilio Studio widget "${ctx.state.name}" (${ctx.state.type}) ${reason}. Replace this node with what the flow should do here.`,
      source: `twilio-studio:${kebabType}`,
      original: jsonValueOf(original),
      outputs: names,
    },
  };
  return {
    nodes: [{ node, position: ctx.position }],
    entry: node.id,
    edges: [],
    exits: names.map((output) => [{ from: node.id, output }]),
    unmapped: true,
  };
}
