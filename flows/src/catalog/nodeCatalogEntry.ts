import type { z } from 'zod';
import type { NodeConfigs, NodeType } from '../types';

/** Where a node sits in the palette. Later slices add voice, data, flow and people. */
export type NodeGroup = 'trigger' | 'message' | 'logic' | 'end';

/** The form control the builder's inspector renders for a config field. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'multiselect'
  | 'duration'
  | 'list'
  | 'conditions';

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
}

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
