import { NODE_GROUPS, catalogEntryOf, nodeTypes, type NodeType } from '@threadline/flows';
import type { CallState, NodeField, NodeGroup, NodeResult } from '@threadline/flows';
import { z } from 'zod';

/** One node type as plain JSON: what the builder and the API docs render from. */
export interface CatalogEntryView {
  type: NodeType;
  title: string;
  group: NodeGroup;
  icon: string;
  description: string;
  /** In inspector order; each with its label, help text, control kind and choices. */
  fields: readonly FieldView[];
  /** The config of a freshly dropped node. */
  defaults: unknown;
  /** The outputs a node with the default config has (some types derive them from the config). */
  outputs: readonly string[];
  /** What later nodes may read as `nodes.<id>.<key>`, and after which outputs. */
  results: readonly NodeResult[];
  call: { required: boolean; after?: Readonly<Record<string, CallState>> };
  waits: boolean;
  /** The JSON Schema (draft 2020-12) of the config, as it may be written. */
  configSchema: Record<string, unknown>;
}

/** A config field; its name typed as plain text, as JSON carries it. */
export type FieldView = Omit<NodeField, 'name'> & { name: string };

export interface CatalogView {
  groups: readonly NodeGroup[];
  nodes: CatalogEntryView[];
}

let cached: CatalogView | undefined;

/**
 * The node catalog without its functions and zod schemas: the same for every request, so it
 * is worked out once (a JSON Schema per type is not free).
 */
export function catalogView(): CatalogView {
  cached ??= { groups: NODE_GROUPS, nodes: nodeTypes.map(entryView) };
  return cached;
}

function entryView<T extends NodeType>(type: T): CatalogEntryView {
  const entry = catalogEntryOf(type);
  return {
    type,
    title: entry.title,
    group: entry.group,
    icon: entry.icon,
    description: entry.description,
    fields: entry.fields,
    defaults: entry.defaults,
    outputs: entry.outputs(entry.defaults),
    results: entry.results,
    call: entry.call,
    waits: entry.waits,
    // Refinements (a regex that must compile, …) have no JSON Schema form; validation checks them.
    configSchema: z.toJSONSchema(entry.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  };
}
