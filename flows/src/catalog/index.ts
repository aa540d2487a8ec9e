import { z } from 'zod';
import type { FlowNode, NodeConfigs, NodeType } from '../types';
import { end } from './end';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { nodeSchemaOf } from './nodeSchemaOf';
import { send } from './send';
import { split } from './split';
import { triggerInboundMessage } from './triggerInboundMessage';
import { triggerMissedCall } from './triggerMissedCall';
import { waitForReply } from './waitForReply';

export type NodeCatalog = { [T in NodeType]: NodeCatalogEntry<T> };

/** Every node type, by type. Adding a node type: its own file, plus one line here and one below. */
export const nodeCatalog: NodeCatalog = {
  'trigger.missedCall': triggerMissedCall,
  'trigger.inboundMessage': triggerInboundMessage,
  send,
  waitForReply,
  split,
  end,
};

/** Any node of the catalog, told apart by its `type`. */
export const flowNodeSchema = z.discriminatedUnion('type', [
  nodeSchemaOf(triggerMissedCall),
  nodeSchemaOf(triggerInboundMessage),
  nodeSchemaOf(send),
  nodeSchemaOf(waitForReply),
  nodeSchemaOf(split),
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

export type { FieldKind, FieldOption, NodeCatalogEntry, NodeField, NodeGroup } from './nodeCatalogEntry';
