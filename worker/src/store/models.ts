/**
 * The collections of architecture.md, as mongoose models bound to one connection. Every hot
 * lookup is by `_id`, because FerretDB on SQLite pushes only `_id` filters down to SQLite.
 * Definitions are stored as canonical JSON strings: user-keyed maps and `$schema` would
 * otherwise put `.` or a leading `$` in document keys, which FerretDB rejects.
 */
import mongoose, { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { nodeStatBatchSchema, nodeStatSchema } from './nodeStatsSchema';

const flowSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    draftJson: { type: String, required: true },
    publishedVersion: { type: Number, default: null },
  },
  { collection: 'flows', timestamps: true, versionKey: false },
);

const flowVersionSchema = new Schema(
  {
    /** `<flowId>@<version>`: unique, so two concurrent publishes cannot take one number. */
    _id: { type: String, required: true },
    flowId: { type: String, required: true },
    version: { type: Number, required: true },
    definitionJson: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'flowversions', versionKey: false },
);

const identityRefSchema = new Schema(
  { type: { type: String, required: true }, value: { type: String, required: true } },
  { _id: false },
);

const attributeSchema = new Schema(
  { name: { type: String, required: true }, value: { type: String, required: true } },
  { _id: false },
);

const contactSchema = new Schema(
  {
    _id: { type: String, required: true },
    identities: { type: [identityRefSchema], default: [] },
    name: { type: String, default: null },
    /** Channels the contact opted out of (STOP on SMS opts out sms). */
    optOuts: { type: [String], default: [] },
    /**
     * Legacy: where the running journeys were listed before the registry (`journeys`,
     * journeyRegistry.ts). No longer written; read once, to seed a contact's registry.
     */
    activeJourneys: { type: [String], default: undefined },
    // The profile below is read through `readContactProfile` (contactProfile.ts), which gives
    // documents written before it existed (or by FerretDB, which drops empty arrays) defaults.
    firstName: { type: String, default: null },
    lastName: { type: String, default: null },
    /** IANA zone the contact set or we were told; null: inferred from the phone number. */
    timezone: { type: String, default: null },
    tags: { type: [String], default: [] },
    /** `{ name, value }` pairs, not a map: FerretDB refuses keys holding `.` or a leading `$`. */
    attributes: { type: [attributeSchema], default: [] },
    preferredChannel: { type: String, enum: ['sms', 'whatsapp', 'email', 'webchat'], default: null },
    doNotCall: { type: Boolean, default: false },
    /** Counts the profile's changes (written under the contact's lock, contactLock.ts). */
    profileRevision: { type: Number, default: 0 },
  },
  { collection: 'contacts', timestamps: true, versionKey: false },
);

const identitySchema = new Schema(
  {
    /** `<type>:<normalised value>`, e.g. `phone:+14155550100`, `email:jane@example.com`. */
    _id: { type: String, required: true },
    contactId: { type: String, required: true },
  },
  { collection: 'identities', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

const timelineEventSchema = new Schema(
  {
    /** Inbound: `<provider>:<provider message id>` (the dedupe key). Outbound: `out:<send key>`. */
    _id: { type: String, required: true },
    contactId: { type: String, required: true },
    at: { type: Date, required: true },
    channel: { type: String, required: true },
    direction: { type: String, enum: ['inbound', 'outbound', 'internal'], required: true },
    kind: { type: String, enum: ['message', 'call', 'journey', 'decision', 'event'], required: true },
    body: { type: String, default: null },
    /** A business event's payload, as JSON text: its keys may hold `.` or `$`, which FerretDB refuses. */
    dataJson: { type: String, default: null },
    from: { type: String, default: null },
    to: { type: String, default: null },
    provider: { type: String, default: null },
    providerMessageId: { type: String, default: null },
    journeyId: { type: String, default: null },
    nodeId: { type: String, default: null },
    status: { type: String, default: null },
    /** Set once the event has been handed to every journey that can use it. */
    deliveredAt: { type: Date, default: null },
  },
  { collection: 'timeline', versionKey: false },
);
timelineEventSchema.index({ contactId: 1, at: 1 });

const outboxSchema = new Schema(
  {
    /** The send's idempotency key: one per send node visit of one journey. */
    _id: { type: String, required: true },
    journeyId: { type: String, required: true },
    /**
     * The flow the send was made for: a flow's own frequency cap counts its entries. Null on
     * entries written before it was kept (activities/compliance/frequencyCap.ts reads those
     * from the journey's id).
     */
    flowId: { type: String, default: null },
    nodeId: { type: String, required: true },
    contactId: { type: String, required: true },
    channel: { type: String, required: true },
    to: { type: String, default: null },
    body: { type: String, default: null },
    /** `pending` until decided; the frequency cap counts pending entries as possibly sent. */
    status: { type: String, enum: ['pending', 'sent', 'failed', 'blocked'], required: true },
    /**
     * Where a pending entry is: claimed → calling (the provider is being asked). An attempt that
     * finds `calling` knows an earlier one died mid-call: the stage becomes `unknown` until the
     * provider's lookup settles it (activities/sendOutcomeReconcile.ts). A decided entry keeps
     * its last stage. Absent on entries written before stages existed: read as claimed.
     */
    stage: { type: String, enum: ['claimed', 'calling', 'unknown'], default: 'claimed' },
    reason: { type: String, default: null },
    /** The WhatsApp template's name when the send goes as one (outside the 24-hour window). */
    whatsappTemplate: { type: String, default: null },
    providerMessageId: { type: String, default: null },
    attempts: { type: Number, default: 0 },
    sentAt: { type: Date, default: null },
    /** When the send claimed its entry, on the clock it decided by (the frequency cap counts it). */
    claimedAt: { type: Date },
    /** When the last attempt began calling the provider: a lookup after a crash searches from here. */
    callingAt: { type: Date, default: null },
  },
  { collection: 'outbox', timestamps: true, versionKey: false },
);

const sandboxMessageSchema = new Schema(
  {
    /** The send's idempotency key; `providerCalls` counts how often the provider was asked. */
    _id: { type: String, required: true },
    providerMessageId: { type: String, required: true },
    channel: { type: String, required: true },
    to: { type: String, required: true },
    body: { type: String, required: true },
    subject: { type: String, default: null },
    mediaUrls: { type: [String], default: [] },
    /** A WhatsApp template send: what went instead of `body` (which then reads the template for people). */
    whatsappTemplate: {
      type: new Schema(
        { name: { type: String, required: true }, language: { type: String, required: true }, variables: { type: [String], default: [] } },
        { _id: false },
      ),
      default: null,
    },
    providerCalls: { type: Number, default: 0 },
    at: { type: Date, required: true },
  },
  { collection: 'sandboxmessages', versionKey: false },
);

const whatsappWindowSchema = new Schema(
  {
    /** The contact's WhatsApp address as sends use it: the E.164 number, `+14155550100`. */
    _id: { type: String, required: true },
    /** When the newest inbound WhatsApp message from it was sent: the 24-hour window runs from here. */
    lastInboundAt: { type: Date, required: true },
  },
  { collection: 'whatsappwindows', versionKey: false },
);

const journeyRegistrySchema = new Schema(
  {
    /** The contact's id: delivery reads the contact's running journeys with one `_id` lookup. */
    _id: { type: String, required: true },
    /** Workflow ids of the contact's running journeys (FerretDB drops the field when empty). */
    running: { type: [String], default: undefined },
  },
  { collection: 'journeys', versionKey: false },
);

const contactLockSchema = new Schema(
  {
    /** The contact's id: the unique `_id` makes taking the lock one atomic insert. */
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    /** A holder that died leaves its lock; after this anyone may take it over. */
    expiresAt: { type: Date, required: true },
  },
  { collection: 'contactlocks', versionKey: false },
);

export type FlowDoc = InferSchemaType<typeof flowSchema>;
export type FlowVersionDoc = InferSchemaType<typeof flowVersionSchema>;
export type ContactDoc = InferSchemaType<typeof contactSchema>;
export type IdentityDoc = InferSchemaType<typeof identitySchema>;
export type TimelineEventDoc = InferSchemaType<typeof timelineEventSchema>;
export type OutboxDoc = InferSchemaType<typeof outboxSchema>;
export type SandboxMessageDoc = InferSchemaType<typeof sandboxMessageSchema>;
export type WhatsappWindowDoc = InferSchemaType<typeof whatsappWindowSchema>;


/** Binds the models to a connection; no global mongoose state, so tests can hold several. */
export function createStore(connection: Connection) {
  return {
    connection,
    flows: connection.model('Flow', flowSchema),
    flowVersions: connection.model('FlowVersion', flowVersionSchema),
    contacts: connection.model('Contact', contactSchema),
    identities: connection.model('Identity', identitySchema),
    timeline: connection.model('TimelineEvent', timelineEventSchema),
    outbox: connection.model('Outbox', outboxSchema),
    sandboxMessages: connection.model('SandboxMessage', sandboxMessageSchema),
    whatsappWindows: connection.model('WhatsappWindow', whatsappWindowSchema),
    journeyRegistry: connection.model('JourneyRegistry', journeyRegistrySchema),
    contactLocks: connection.model('ContactLock', contactLockSchema),
    nodeStats: connection.model('NodeStat', nodeStatSchema),
    nodeStatBatches: connection.model('NodeStatBatch', nodeStatBatchSchema),
  };
}

export type Store = ReturnType<typeof createStore>;

/** Opens a connection to MongoDB or FerretDB and makes sure the indexes exist. */
export async function connectStore(uri: string): Promise<Store> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
  });
  await connection.asPromise();
  const store = createStore(connection);
  await Promise.all([store.timeline.createIndexes(), store.outbox.createIndexes()]);
  return store;
}

/** MongoDB's duplicate-key error: how an insert-or-ignore learns the key already exists. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
