import { z } from 'zod';
import { isNodeType } from '../catalog';
import { flowEdgeSchema } from './flowDefinitionSchema';
import { flowIdSchema, nodeIdSchema } from './identifiers';

const nodePositionSchema = z.strictObject({ x: z.number(), y: z.number() });

/**
 * The shape of a draft: like a definition, but a node's config is only required to be an
 * object. An admin half-way through editing a node (an empty message, a timeout still being
 * typed) can save; validateFlow reports the config as `invalid-config` and publishing waits
 * until it is fixed, as in Twilio Studio.
 */
export const flowDraftSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: flowIdSchema,
  name: z.string().regex(/\S/, 'give the flow a name'),
  description: z.string().optional(),
  nodes: z.array(
    z.strictObject({
      id: nodeIdSchema,
      type: z.string().refine(isNodeType, { message: 'is not a node type of the catalog' }),
      label: z.string().optional(),
      config: z.record(z.string(), z.unknown()),
    }),
  ),
  edges: z.array(flowEdgeSchema),
  layout: z.record(nodeIdSchema, nodePositionSchema),
});
