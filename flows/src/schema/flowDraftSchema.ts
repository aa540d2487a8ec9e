import { z } from 'zod';
import { isNodeType } from '../catalog';
import { CURRENT_SCHEMA_VERSION } from '../types';
import { flowEdgeSchema, nodePositionSchema } from './flowDefinitionSchema';
import { flowInterfaceSchema, flowSettingsSchema } from './flowInterfaceSchema';
import { flowIdSchema, nodeIdSchema } from './identifiers';

/**
 * The shape of a draft: like a definition, but a node's config is only required to be an
 * object. An admin half-way through editing a node (an empty message, a timeout still being
 * typed) can save; validateFlow reports the config as `invalid-config` and publishing waits
 * until it is fixed, as in Twilio Studio.
 */
export const flowDraftSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: flowIdSchema,
  name: z.string().regex(/\S/, 'give the flow a name'),
  description: z.string().optional(),
  interface: flowInterfaceSchema.optional(),
  settings: flowSettingsSchema.optional(),
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
