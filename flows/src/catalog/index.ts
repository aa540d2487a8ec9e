import { z } from 'zod';
import type { FlowNode, NodeConfigs, NodeType } from '../types';
import { abSplit } from './abSplit';
import { businessHours } from './businessHours';
import { callOutbound } from './callOutbound';
import { delay } from './delay';
import { end } from './end';
import { handoff } from './handoff';
import { httpRequest } from './httpRequest';
import { intent } from './intent';
import { placeholder } from './placeholder';
import { route } from './route';
import { send } from './send';
import { setVariables } from './setVariables';
import { split } from './split';
import { subflow } from './subflow';
import { triggerEvent } from './triggerEvent';
import { triggerInboundCall } from './triggerInboundCall';
import { triggerInboundMessage } from './triggerInboundMessage';
import { triggerMissedCall } from './triggerMissedCall';
import { triggerSchedule } from './triggerSchedule';
import { triggerSubflow } from './triggerSubflow';
import { updateContact } from './updateContact';
import { voiceConnect } from './voiceConnect';
import { voiceGather } from './voiceGather';
import { voiceHangup } from './voiceHangup';
import { voiceMenu } from './voiceMenu';
import { voicePlay } from './voicePlay';
import { voiceRecord } from './voiceRecord';
import { voiceSay } from './voiceSay';
import { waitForEvent } from './waitForEvent';
import { waitForReply } from './waitForReply';
import { waitUntil } from './waitUntil';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { nodeSchemaOf } from './nodeSchemaOf';

export type NodeCatalog = { [T in NodeType]: NodeCatalogEntry<T> };

/**
 * Every node type, by type, in palette order. Adding a node type: its config type in types.ts,
 * its own file here (schema, metadata, outputs, results), and one line here and one below.
 */
export const nodeCatalog: NodeCatalog = {
  'trigger.inboundMessage': triggerInboundMessage,
  'trigger.inboundCall': triggerInboundCall,
  'trigger.missedCall': triggerMissedCall,
  'trigger.event': triggerEvent,
  'trigger.schedule': triggerSchedule,
  'trigger.subflow': triggerSubflow,
  send,
  waitForReply,
  waitForEvent,
  'voice.say': voiceSay,
  'voice.play': voicePlay,
  'voice.menu': voiceMenu,
  'voice.gather': voiceGather,
  'voice.record': voiceRecord,
  'voice.connect': voiceConnect,
  'voice.hangup': voiceHangup,
  'call.outbound': callOutbound,
  split,
  intent,
  abSplit,
  delay,
  waitUntil,
  businessHours,
  setVariables,
  updateContact,
  httpRequest,
  subflow,
  placeholder,
  route,
  handoff,
  end,
};

/** Any node of the catalog, told apart by its `type`. */
export const flowNodeSchema = z.discriminatedUnion('type', [
  nodeSchemaOf(triggerInboundMessage),
  nodeSchemaOf(triggerInboundCall),
  nodeSchemaOf(triggerMissedCall),
  nodeSchemaOf(triggerEvent),
  nodeSchemaOf(triggerSchedule),
  nodeSchemaOf(triggerSubflow),
  nodeSchemaOf(send),
  nodeSchemaOf(waitForReply),
  nodeSchemaOf(waitForEvent),
  nodeSchemaOf(voiceSay),
  nodeSchemaOf(voicePlay),
  nodeSchemaOf(voiceMenu),
  nodeSchemaOf(voiceGather),
  nodeSchemaOf(voiceRecord),
  nodeSchemaOf(voiceConnect),
  nodeSchemaOf(voiceHangup),
  nodeSchemaOf(callOutbound),
  nodeSchemaOf(split),
  nodeSchemaOf(intent),
  nodeSchemaOf(abSplit),
  nodeSchemaOf(delay),
  nodeSchemaOf(waitUntil),
  nodeSchemaOf(businessHours),
  nodeSchemaOf(setVariables),
  nodeSchemaOf(updateContact),
  nodeSchemaOf(httpRequest),
  nodeSchemaOf(subflow),
  nodeSchemaOf(placeholder),
  nodeSchemaOf(route),
  nodeSchemaOf(handoff),
  nodeSchemaOf(end),
]);

// Fails the typecheck when a type in types.ts is missing from the union above.
true satisfies MutuallyAssignable<z.infer<typeof flowNodeSchema>, FlowNode>;

/** The node types in palette order. */
export const nodeTypes: readonly NodeType[] = Object.values(nodeCatalog).map((entry) => entry.type);

export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(nodeCatalog, type);
}

export function catalogEntryOf<T extends NodeType>(type: T): NodeCatalog[T] {
  return nodeCatalog[type];
}

/** A fresh copy of a type's defaults, safe to edit. */
export function defaultConfigOf<T extends NodeType>(type: T): NodeConfigs[T] {
  return structuredClone(catalogEntryOf(type).defaults);
}

export { NODE_GROUPS } from './nodeCatalogEntry';
export type { CallState, FieldKind, FieldOption, NodeCatalogEntry, NodeField, NodeGroup, NodeResult } from './nodeCatalogEntry';
