import { createHash } from 'node:crypto';
import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import type { Store } from '../store';
import type { OutboundCallRequest } from './channelProvider';

const sandboxCallSchema = new Schema(
  {
    /** The CallSid, made from the idempotency key (sandboxCallSid): a lookup by key is an `_id` read. */
    _id: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    to: { type: String, required: true },
    from: { type: String, default: null },
    machineDetection: { type: String, required: true },
    timeoutSeconds: { type: Number, required: true },
    answerPath: { type: String, required: true },
    statusCallbackPath: { type: String, required: true },
    /** How often the provider was asked for this key: a test sees a doubled call here. */
    providerCalls: { type: Number, default: 0 },
    at: { type: Date, required: true },
  },
  { collection: 'sandboxcalls', versionKey: false },
);

type SandboxCallDoc = InferSchemaType<typeof sandboxCallSchema>;

/** A call the sandbox provider placed, as `GET /api/sandbox/calls/placed` lists it. */
export interface SandboxCall {
  callSid: string;
  to: string;
  from: string | null;
  machineDetection: OutboundCallRequest['machineDetection'];
  timeoutSeconds: number;
  answerPath: string;
  statusCallbackPath: string;
  providerCalls: number;
  at: string;
}

/**
 * The sandbox's placed calls live beside its messages, in a model of their own bound to the
 * store's connection (the store's own models are the entities of architecture.md; this is the
 * sandbox provider's business). Bound once per connection.
 */
function sandboxCalls(store: Store): SandboxCallModel {
  const existing: unknown = store.connection.models.SandboxCall;
  return existing === undefined ? bindSandboxCalls(store.connection) : (existing as SandboxCallModel);
}

function bindSandboxCalls(connection: Connection) {
  return connection.model('SandboxCall', sandboxCallSchema);
}

type SandboxCallModel = ReturnType<typeof bindSandboxCalls>;

/** `CA` and 32 hex digits, like Twilio's: the same key always names the same call. */
export function sandboxCallSid(idempotencyKey: string): string {
  return `CA${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}`;
}

/** Records a placed call (a repeat for the same key counts in `providerCalls`); returns its CallSid. */
export async function recordSandboxCall(store: Store, call: OutboundCallRequest): Promise<string> {
  const callSid = sandboxCallSid(call.idempotencyKey);
  await sandboxCalls(store).updateOne(
    { _id: callSid },
    {
      $set: {
        idempotencyKey: call.idempotencyKey,
        to: call.to,
        from: call.from ?? null,
        machineDetection: call.machineDetection,
        timeoutSeconds: call.timeoutSeconds,
        answerPath: call.answerPath,
        statusCallbackPath: call.statusCallbackPath,
      },
      $setOnInsert: { at: new Date() },
      $inc: { providerCalls: 1 },
    },
    { upsert: true },
  );
  return callSid;
}

export async function findSandboxCall(store: Store, callSid: string): Promise<SandboxCall | null> {
  const doc = await sandboxCalls(store).findById(callSid).lean();
  return doc ? asSandboxCall(doc) : null;
}

/** Placed calls, oldest first; to one number when `to` is given. */
export async function listSandboxCalls(store: Store, filter: { to?: string | undefined } = {}): Promise<SandboxCall[]> {
  const docs = await sandboxCalls(store).find(filter.to === undefined ? {} : { to: filter.to }).sort({ at: 1 }).lean();
  return docs.map(asSandboxCall);
}

function asSandboxCall(doc: SandboxCallDoc & { _id: string }): SandboxCall {
  return {
    callSid: doc._id,
    to: doc.to,
    from: doc.from ?? null,
    machineDetection: machineDetectionOf(doc.machineDetection),
    timeoutSeconds: doc.timeoutSeconds,
    answerPath: doc.answerPath,
    statusCallbackPath: doc.statusCallbackPath,
    providerCalls: doc.providerCalls,
    at: doc.at.toISOString(),
  };
}

function machineDetectionOf(value: string): OutboundCallRequest['machineDetection'] {
  return value === 'detect' || value === 'detectMessageEnd' ? value : 'off';
}
