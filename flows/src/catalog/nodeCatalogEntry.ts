import type { z } from 'zod';
import type { NodeConfigs, NodeType } from '../types';

/** Where a node sits in the palette, in palette order. */
export const NODE_GROUPS = ['trigger', 'message', 'voice', 'logic', 'data', 'flow', 'people', 'end'] as const;
export type NodeGroup = (typeof NODE_GROUPS)[number];

/** The form control the builder's inspector renders for a config field. */
export type FieldKind =
  /** One line of text; `template: true` fields accept Liquid. */
  | 'text'
  /** Several lines of text, usually a Liquid template. */
  | 'textarea'
  | 'number'
  | 'boolean'
  | 'select'
  | 'multiselect'
  | 'duration'
  /** A list of short strings. */
  | 'list'
  /** split: ordered conditions, each an output, an operator and values. */
  | 'conditions'
  /** A list of { name, value } pairs (variables, headers, attributes, inputs). */
  | 'assignments'
  /** voice.menu: options, each an output, a digit and phrases. */
  | 'menuOptions'
  /** intent: intents, each an output with examples and keywords. */
  | 'intents'
  /** abSplit: branches, each an output and a weight. */
  | 'branches'
  /** waitUntil / businessHours: weekly hours, holidays and a zone. */
  | 'schedule'
  /** An answer check: kind, plus pattern or options. */
  | 'validation'
  /** Anything else, edited as JSON (the placeholder's original, payload fields, mappings). */
  | 'json';

export interface FieldOption {
  value: string;
  label: string;
}

/** One config field, described once here so the builder renders its form from data. */
export interface NodeField<T extends NodeType = NodeType> {
  name: Extract<keyof NodeConfigs[T], string>;
  label: string;
  help: string;
  kind: FieldKind;
  /** Choices for `select` / `multiselect`; for `conditions`, the operators. */
  options?: readonly FieldOption[];
  /** Shown greyed in an empty control. */
  placeholder?: string;
  /** False when the field may be left out of the config. */
  required: boolean;
  /** True when the value is a Liquid template (the builder offers a preview). */
  template?: boolean;
}

/** What a node leaves under `nodes.<id>.<key>` for later nodes, and on which outputs. */
export interface NodeResult {
  key: string;
  description: string;
  /** The outputs after which it is set; "*" for every output. */
  on: '*' | readonly string[];
}

/** The phone-call state a path carries: the voice rule needs a call in progress. */
export type CallState = 'inCall' | 'noCall';

/** Everything the product knows about one node type; one source of truth per type. */
export interface NodeCatalogEntry<T extends NodeType> {
  type: T;
  title: string;
  group: NodeGroup;
  /** A lucide icon name (https://lucide.dev/icons); the builder maps it to a component. */
  icon: string;
  /** One line for the palette and tooltips. */
  description: string;
  configSchema: z.ZodType<NodeConfigs[T]>;
  /** A valid config for a freshly dropped node. Shared: clone it (structuredClone) before editing. */
  defaults: NodeConfigs[T];
  /** In the order the inspector shows them, which is also their order in canonical JSON. */
  fields: readonly NodeField<T>[];
  /**
   * True when the node pauses the journey until something happens (a reply, a timer), so a loop
   * through it cannot spin: every cycle in a flow must pass through such a node.
   */
  waits: boolean;
  /** The named outputs a node with this config has, in the order the canvas draws them. */
  outputs: (config: NodeConfigs[T]) => readonly string[];
  /** What later nodes can read as `nodes.<id>.*`. */
  results: readonly NodeResult[];
  /**
   * The node and phone calls. `required`: a call must be in progress on every path into it
   * (voice nodes). `after`: the call state on given outputs, where the node changes it (a
   * trigger's state is "noCall" unless it says otherwise); other outputs keep the incoming state.
   */
  call: { required: boolean; after?: Readonly<Record<string, CallState>> };
  /**
   * False for nodes an admin does not add by hand (the importer's placeholder): they can be
   * opened and edited on the canvas but are not offered in the palette. Absent means true.
   */
  inPalette?: false;
  /** The variables it sets (`vars.<name>`), for the reference check. */
  setsVariables: (config: NodeConfigs[T]) => readonly string[];
}

/**
 * True when A and B are assignable to each other. Each catalog file states
 * `true satisfies MutuallyAssignable<z.infer<typeof schema>, NodeConfigs[T]>`, so the zod schema
 * and the plain type in types.ts cannot drift apart without failing the typecheck.
 */
export type MutuallyAssignable<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? SameKeys<A, B>
    : false
  : false;

/*
 * Assignability alone lets one side carry an extra optional field the other lacks, so the keys
 * are compared too, recursively through objects and arrays.
 */
type SameKeys<A, B> = [A] extends [readonly (infer EA)[]]
  ? [B] extends [readonly (infer EB)[]]
    ? SameKeys<EA, EB>
    : false
  : [A] extends [object]
    ? [B] extends [object]
      ? [keyof A] extends [keyof B]
        ? [keyof B] extends [keyof A]
          ? false extends { [K in keyof A & keyof B]: SameKeys<A[K], B[K]> }[keyof A & keyof B]
            ? false
            : true
          : false
        : false
      : true
    : true;
