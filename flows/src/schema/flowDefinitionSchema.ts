import { z } from 'zod';
import { flowNodeSchema } from '../catalog';
import type { MutuallyAssignable } from '../catalog/nodeCatalogEntry';
import { CURRENT_SCHEMA_VERSION, type FlowDefinition, type FlowEdge, type NodePosition } from '../types';
import { flowInterfaceSchema, flowSettingsSchema } from './flowInterfaceSchema';
import { flowIdSchema, nodeIdSchema } from './identifiers';

export const flowEdgeSchema = z.strictObject({
  from: nodeIdSchema,
  output: z.string().min(1, 'name the output the edge leaves from'),
  to: nodeIdSchema,
});

true satisfies MutuallyAssignable<z.infer<typeof flowEdgeSchema>, FlowEdge>;

export const nodePositionSchema = z.strictObject({ x: z.number(), y: z.number() });

true satisfies MutuallyAssignable<z.infer<typeof nodePositionSchema>, NodePosition>;

/**
 * The shape of a flow definition, with every node's config checked against its catalog entry.
 * Graph rules (a trigger exists, outputs connected, no cycle without a wait, …) are
 * validateFlow's job: a draft may break them and still be saved.
 */
export const flowDefinitionSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: flowIdSchema,
  name: z.string().regex(/\S/, 'give the flow a name'),
  description: z.string().optional(),
  interface: flowInterfaceSchema.optional(),
  settings: flowSettingsSchema.optional(),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
  layout: z.record(nodeIdSchema, nodePositionSchema),
});

true satisfies MutuallyAssignable<z.infer<typeof flowDefinitionSchema>, FlowDefinition>;
