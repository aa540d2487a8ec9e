/**
 * The collections of the per-node counters (nodeStats.ts says how they are written). Apart from
 * models.ts so that the helpers can import the store's type without an import cycle.
 */
import { Schema, type InferSchemaType } from 'mongoose';

export const nodeStatSchema = new Schema(
  {
    /** `<flowId>:v<version>:<nodeId>`: the builder's read is an `_id` lookup. */
    _id: { type: String, required: true },
    flowId: { type: String, required: true },
    flowVersion: { type: Number, required: true },
    nodeId: { type: String, required: true },
    entered: { type: Number, default: 0 },
    exited: { type: Number, default: 0 },
  },
  { collection: 'nodestats', versionKey: false },
);

export const nodeStatBatchSchema = new Schema(
  {
    /** `<workflowId>:<runId>:<sequence>`: one per batch a journey run handed to an activity. */
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'nodestatbatches', versionKey: false },
);

export type NodeStatDoc = InferSchemaType<typeof nodeStatSchema>;
