import { z } from 'zod';
import { nodeIdSchema } from '../schema/identifiers';
import type { NodeType } from '../types';
import type { NodeCatalogEntry } from './nodeCatalogEntry';

/** The zod schema of a whole node of one type: the catalog entry's config inside the node shape. */
export function nodeSchemaOf<T extends NodeType>(entry: NodeCatalogEntry<T>) {
  return z.strictObject({
    id: nodeIdSchema,
    type: z.literal(entry.type),
    label: z.string().optional(),
    config: entry.configSchema,
  });
}
