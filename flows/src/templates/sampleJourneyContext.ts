import { catalogEntryOf } from '../catalog';
import { assertNever } from '../assertNever';
import type { FlowDefinition, FlowNode, FlowNodeOf, NodeConfigs, NodeType } from '../types';
import { sampleNodeResults } from './sampleNodeResults';
import { SAMPLE_CONTACT, SAMPLE_NOW, SAMPLE_OUR_NUMBER, SAMPLE_REPLY, SAMPLE_STARTED_AT } from './sampleValues';

/**
 * A plausible journey context for previewing a flow's templates in the builder: a sample
 * contact (Ada), the trigger of the flow's first entry, a reply, every node's results under
 * `nodes.<id>` (the keys its catalog entry lists), and every variable a node sets as sample
 * text. Pure and fixed: the same definition gives the same context.
 */
export function sampleJourneyContext(definition: FlowDefinition): Record<string, unknown> {
  const nodes: Record<string, Record<string, unknown>> = {};
  const vars: Record<string, unknown> = {};
  for (const node of definition.nodes) {
    nodes[node.id] = sampleResultsOf(node);
    for (const name of variablesSetBy(node)) vars[name] = `sample ${name}`;
  }
  return {
    contact: structuredClone(SAMPLE_CONTACT),
    vars,
    trigger: sampleTrigger(definition),
    reply: { ...SAMPLE_REPLY },
    nodes,
    journey: {
      id: 'journey_sample',
      flowId: definition.id,
      flowVersion: 1,
      startedAt: SAMPLE_STARTED_AT,
      now: SAMPLE_NOW,
      timezone: definition.settings?.timezone ?? SAMPLE_CONTACT.timezone,
    },
  };
}

/** Exactly the result keys the catalog declares for the node's type, each with a sample value. */
function sampleResultsOf(node: FlowNode): Record<string, unknown> {
  const samples = sampleNodeResults(node);
  const results: Record<string, unknown> = {};
  for (const { key } of catalogEntryOf(node.type).results) {
    results[key] = Object.hasOwn(samples, key) ? samples[key] : `sample ${key}`;
  }
  return results;
}

function variablesSetBy<T extends NodeType>(node: FlowNodeOf<T>): readonly string[] {
  return catalogEntryOf<T>(node.type).setsVariables(node.config);
}

/**
 * The trigger as the flow's first entry would start it; `data` holds every event payload field
 * and subflow input the flow declares, so `trigger.data.*` previews read something.
 */
function sampleTrigger(definition: FlowDefinition): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const input of definition.interface?.inputs ?? []) data[input.name] = `sample ${input.name}`;
  let entry: Record<string, unknown> | undefined;
  for (const node of definition.nodes) {
    if (node.type === 'trigger.event') {
      for (const field of node.config.payload) data[field.name] = samplePayloadValue(field);
    }
    entry ??= triggerShape(node);
  }
  return {
    channel: SAMPLE_CONTACT.preferredChannel,
    text: null,
    from: SAMPLE_CONTACT.phone,
    to: SAMPLE_OUR_NUMBER,
    at: SAMPLE_STARTED_AT,
    event: null,
    ...entry,
    data,
  };
}

/** What a trigger node sets, or undefined for a node that is not a trigger. */
function triggerShape(node: FlowNode): Record<string, unknown> | undefined {
  switch (node.type) {
    case 'trigger.inboundMessage':
      return { channel: node.config.channels[0] ?? 'sms', text: 'Hi! How much does an install cost?' };
    case 'trigger.inboundCall':
    case 'trigger.missedCall':
      return { channel: 'voice', to: node.config.numbers[0] ?? SAMPLE_OUR_NUMBER };
    case 'trigger.event':
      return { event: node.config.event };
    case 'trigger.schedule':
    case 'trigger.subflow':
      return {};
    default:
      return undefined;
  }
}

function samplePayloadValue(field: NodeConfigs['trigger.event']['payload'][number]): unknown {
  switch (field.type) {
    case 'string':
      return `sample ${field.name}`;
    case 'number':
      return 42;
    case 'boolean':
      return true;
    case 'object':
      return {};
    default:
      return assertNever(field.type, 'payload field type');
  }
}
