/**
 * The plain data types of the flow language. This module holds types only, so the worker's
 * workflow bundle can `import type` from it without evaluating zod (see architecture.md).
 * The zod schemas in `schema/` are the source of truth and are checked against these types.
 */

export type Channel = 'sms' | 'whatsapp' | 'email' | 'webchat' | 'voice';
export type MessageChannel = Exclude<Channel, 'voice'>;
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['sms', 'whatsapp', 'email', 'webchat'];

/** A value JSON can hold: what a definition may carry verbatim (a placeholder's original). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A duration written the way admins write it: "90s", "15m", "24h", "2d". */
export type DurationText = string;

/**
 * A Liquid template (liquidjs, strict): rendered against the journey context — `contact`,
 * `vars`, `trigger`, `reply`, `nodes.<id>.*`, `journey` — by the one render function in
 * `@threadline/flows/templates`.
 */
export type Template = string;

export type SplitOperator =
  | 'equals'
  | 'notEquals'
  | 'matchesAnyOf'
  | 'matchesNoneOf'
  | 'isBlank'
  | 'isNotBlank'
  | 'regex'
  | 'contains'
  | 'doesNotContain'
  | 'startsWith'
  | 'doesNotStartWith'
  | 'lessThan'
  | 'greaterThan'
  | 'beforeTime'
  | 'afterTime'
  | 'beforeDate'
  | 'afterDate';

export interface SplitCondition {
  /** The output this condition leads to, e.g. "pricing". */
  output: string;
  operator: SplitOperator;
  /**
   * Comparands, each a Liquid template; text comparisons ignore case. A condition with several
   * values matches when any value matches (for the negated operators: when none does).
   */
  values: Template[];
}

/** A name and a Liquid value: variables, contact attributes, task attributes, subflow inputs. */
export interface Assignment {
  name: string;
  value: Template;
}

/** How a captured answer is checked before it is accepted. */
export interface AnswerValidation {
  kind: 'number' | 'email' | 'date' | 'yesNo' | 'regex' | 'oneOf';
  /** For `regex`: the pattern the whole answer must match. */
  pattern?: string | undefined;
  /** For `oneOf`: the accepted answers (case-insensitive). */
  options?: string[] | undefined;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Weekly opening hours plus closed dates, in one time zone. */
export interface Schedule {
  /** An IANA zone; absent means the contact's zone, else the flow's default. */
  timezone?: string | undefined;
  /** Open windows; "HH:MM" 24-hour local times, `to` after `from`. */
  hours: Array<{ days: Weekday[]; from: string; to: string }>;
  /** Closed dates, "YYYY-MM-DD", whatever the weekly hours say. */
  holidays: string[];
}

export interface NodeConfigs {
  'trigger.inboundMessage': {
    /** Channels that start the flow; empty means any. */
    channels: MessageChannel[];
    /** Optional keyword the message must contain as a word (case-insensitive). */
    keyword?: string | undefined;
    /** Optional regular expression the message must match (case-insensitive). */
    regex?: string | undefined;
  };
  'trigger.inboundCall': {
    /** Our numbers (E.164) whose calls start the flow; empty means any of ours. */
    numbers: string[];
  };
  'trigger.missedCall': {
    /** Our numbers (E.164) whose missed calls start the flow; empty means any of ours. */
    numbers: string[];
    /** Which call outcomes count as missed. */
    outcomes: Array<'no-answer' | 'busy' | 'failed' | 'canceled'>;
  };
  'trigger.event': {
    /** The event name, e.g. "lead.created" or "payment.due". */
    event: string;
    /** The payload fields templates may read as `trigger.data.<name>`. */
    payload: Array<{ name: string; type: 'string' | 'number' | 'boolean' | 'object'; required: boolean }>;
  };
  'trigger.schedule': {
    /** Five-field cron: minute hour day-of-month month day-of-week. */
    cron: string;
    /** An IANA zone for the cron; absent means UTC. */
    timezone?: string | undefined;
    /** Who gets a journey: contacts with all of these tags… */
    tags: string[];
    /** …and these attribute values. */
    attributes: Assignment[];
  };
  /** The entry a parent's `subflow` node runs; the flow's `interface` declares what it takes. */
  'trigger.subflow': Record<string, never>;

  send: {
    channel: MessageChannel | 'best';
    /** The message (Liquid). On WhatsApp outside the 24-hour window, `whatsappTemplate` is sent instead. */
    template: Template;
    /** Email subject (Liquid); required for the email channel. */
    subject?: Template | undefined;
    /** Someone other than the journey's contact (a phone number or email, Liquid), e.g. staff. */
    to?: Template | undefined;
    /** Media (images, PDFs) to attach, as public URLs (Liquid). */
    mediaUrls: Template[];
    /** An approved WhatsApp template name, required outside WhatsApp's 24-hour window. */
    whatsappTemplate?: string | undefined;
    /** Its positional variables {{1}}, {{2}}, … as Liquid templates. */
    whatsappTemplateVariables: Template[];
  };
  waitForReply: {
    /** Channels a reply may arrive on; empty means any. */
    channels: MessageChannel[];
    timeout: DurationText;
    /** Saves the (validated) reply text into `vars.<saveAs>`. */
    saveAs?: string | undefined;
    /** Checks the reply; a reply that fails is re-prompted, then takes `invalid`. */
    validation?: AnswerValidation | undefined;
    /** Sent on the reply's channel when a reply fails validation (Liquid). */
    repromptTemplate?: Template | undefined;
    /** How many times to re-prompt before taking `invalid`. */
    maxReprompts: number;
  };
  waitForEvent: {
    event: string;
    timeout: DurationText;
  };

  'voice.say': {
    text: Template;
    /** A text-to-speech voice, e.g. "Polly.Joanna"; absent means the provider's default. */
    voice?: string | undefined;
    /** BCP-47 language, e.g. "en-US". */
    language?: string | undefined;
    /** How many times to say it; 0 repeats until the caller acts (as TwiML's loop). */
    loop: number;
  };
  'voice.play': {
    url: Template;
    loop: number;
  };
  'voice.menu': {
    prompt: Template;
    input: 'dtmf' | 'speech' | 'dtmfAndSpeech';
    /** Each option is an output; a key press and/or spoken phrases choose it. */
    options: Array<{ output: string; digit?: string | undefined; phrases: string[] }>;
    /** Seconds of silence before `noInput`. */
    timeoutSeconds: number;
    /** How many times the prompt is repeated after no input or no match before those outputs. */
    retries: number;
    voice?: string | undefined;
    language?: string | undefined;
  };
  'voice.gather': {
    prompt: Template;
    input: 'dtmf' | 'speech' | 'dtmfAndSpeech';
    /** Digits to collect; absent means until the finish key or timeout. */
    digitCount?: number | undefined;
    finishOnKey?: string | undefined;
    /** Speech recognition language, e.g. "en-US". */
    speechLanguage?: string | undefined;
    /** Words and phrases the recognizer should expect. */
    speechHints: string[];
    timeoutSeconds: number;
    /** Saves the captured digits or speech into `vars.<saveAs>`. */
    saveAs: string;
    validation?: AnswerValidation | undefined;
    /** How many times to ask again after no input or an invalid answer. */
    retries: number;
    voice?: string | undefined;
    language?: string | undefined;
  };
  'voice.record': {
    prompt?: Template | undefined;
    maxLengthSeconds: number;
    transcribe: boolean;
    playBeep: boolean;
    finishOnKey?: string | undefined;
  };
  'voice.connect': {
    connectTo: 'number' | 'queue' | 'agent';
    /** The number (E.164, Liquid), queue name or agent id. */
    target: Template;
    timeoutSeconds: number;
    /** The caller id shown to the called party; absent means the caller's. */
    callerId?: string | undefined;
    record: boolean;
  };
  'voice.hangup': Record<string, never>;
  'call.outbound': {
    /** The number to call (Liquid); absent means the contact's phone. */
    to?: Template | undefined;
    /** Our number to call from; absent means the flow's default. */
    from?: string | undefined;
    machineDetection: 'off' | 'detect' | 'detectMessageEnd';
    /** Seconds to ring before `noAnswer`. */
    timeoutSeconds: number;
  };

  split: {
    /** The value to test (Liquid), e.g. "{{ nodes.wait_reply.reply.text }}". */
    input: Template;
    conditions: SplitCondition[];
  };
  intent: {
    /** The text to classify (Liquid); usually the last reply. */
    input: Template;
    intents: Array<{ output: string; examples: string[]; keywords: string[] }>;
  };
  abSplit: {
    /** Weighted branches; a journey always takes the same one. */
    branches: Array<{ output: string; weight: number }>;
  };
  delay: {
    duration: DurationText;
  };
  waitUntil: {
    /** Waits until the schedule is open (now, if it already is). */
    schedule: Schedule;
  };
  businessHours: {
    schedule: Schedule;
  };

  setVariables: {
    assignments: Array<Assignment & { type: 'text' | 'number' | 'boolean' | 'json' }>;
  };
  updateContact: {
    /** Contact attributes to set (Liquid values). */
    attributes: Assignment[];
    addTags: string[];
    removeTags: string[];
    preferredChannel?: MessageChannel | undefined;
    /** Record that the contact asked not to be called. */
    doNotCall?: boolean | undefined;
    /** An IANA zone for the contact. */
    timezone?: string | undefined;
  };
  httpRequest: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: Template;
    /** Header values are Liquid; credentials only by reference, `{{ secrets.NAME }}`. */
    headers: Assignment[];
    body?: Template | undefined;
    contentType: 'application/json' | 'application/x-www-form-urlencoded' | 'text/plain';
    timeoutSeconds: number;
    /** Copies parts of the response into variables: `from` is a path such as "body.order.status". */
    saveToVariables: Array<{ name: string; from: string }>;
  };

  subflow: {
    flowId: string;
    /** A published version number, or "latest" for the newest published at the time it runs. */
    version: number | 'latest';
    /** Values for the subflow's declared inputs (Liquid). */
    inputs: Assignment[];
  };

  route: {
    skills: string[];
    /** Higher first (Liquid, rendering a number), e.g. 10 for VIPs. */
    priority: Template;
    /** Prefer the agent who last spoke with the contact. */
    sticky: boolean;
    queue?: string | undefined;
    /** How long to wait for an agent before `overflow`. */
    timeout: DurationText;
    /** Free-form task attributes for the agent's side (Liquid). */
    attributes: Assignment[];
  };
  handoff: {
    toKind: 'agent' | 'team';
    to: string;
    /** What the agent reads first (Liquid). */
    summary: Template;
    recommendedTemplate?: Template | undefined;
    timeout: DurationText;
    attributes: Assignment[];
  };

  end: {
    /** Outcome label recorded on the timeline: converted, unresponsive, optedOut, … */
    outcome: string;
    /** When the flow runs as a subflow: values for its declared outputs (Liquid). */
    returns: Assignment[];
  };
  /**
   * Stands in for something an importer could not map (a Studio payment, a virtual agent). It
   * keeps the original JSON and its exits; a flow holding one cannot be published.
   */
  placeholder: {
    /** What it was and why it is here. */
    note: string;
    /** Where it came from, e.g. "twilio-studio:capture-payments". */
    source: string;
    /** The imported original (a Studio widget), as JSON: it is written into the definition as is. */
    original: JsonValue;
    outputs: string[];
  };
}

export type NodeType = keyof NodeConfigs;

export type FlowNodeOf<T extends NodeType> = {
  id: string;
  type: T;
  /** Free to change; references use the id. */
  label?: string | undefined;
  config: NodeConfigs[T];
};

export type FlowNode = { [T in NodeType]: FlowNodeOf<T> }[NodeType];

/** An edge joins a named output of one node to another node. */
export interface FlowEdge {
  from: string;
  output: string;
  to: string;
}

export interface NodePosition {
  x: number;
  y: number;
}

/** The definition format this package writes; older ones are migrated forward on parse. */
export const CURRENT_SCHEMA_VERSION = 2;

export interface FlowInterface {
  /** Read inside the subflow as `trigger.data.<name>`. */
  inputs: Array<{ name: string; required: boolean; description?: string | undefined }>;
  /** Set by the subflow's `end` nodes (`returns`); read by the parent as `nodes.<id>.outputs.<name>`. */
  outputs: Array<{ name: string; description?: string | undefined }>;
}

export interface FlowSettings {
  /** The zone for schedules and quiet hours when the contact's is unknown. */
  timezone?: string | undefined;
  /** What a new trigger for a contact already in this flow does. */
  reentry?: 'ignore' | 'restart' | 'parallel' | undefined;
  /** The channel `send` with "best" falls back to. */
  defaultChannel?: MessageChannel | undefined;
  /**
   * At most `max` messages from this flow to one contact per rolling `window` ("7d"), beside
   * the worker's own cap across all flows: both hold, so the stricter one decides.
   */
  frequencyCap?: FlowFrequencyCap | undefined;
}

/** A flow's own frequency cap (`settings.frequencyCap`). */
export interface FlowFrequencyCap {
  /** Messages allowed per window, at least 1 (leave the cap out for none). */
  max: number;
  /** A duration as the flow language writes them: "90m", "24h", "7d". */
  window: string;
}

/** The canonical, versioned JSON definition a journey runs. */
export interface FlowDefinition {
  $schema?: string | undefined;
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  id: string;
  name: string;
  description?: string | undefined;
  /** What the flow takes and gives back when another flow runs it as a subflow. */
  interface?: FlowInterface | undefined;
  settings?: FlowSettings | undefined;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Canvas positions by node id. The engine ignores this section. */
  layout: Record<string, NodePosition>;
}

/** The React Flow graph the builder edits: output names are the edges' source handles. */
export interface CanvasNode {
  id: string;
  type: NodeType;
  position: NodePosition;
  data: { label?: string | undefined; config: Record<string, unknown> };
}

export interface CanvasEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle?: string | null | undefined;
}

export interface CanvasGraph {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

export type Severity = 'error' | 'warning';

/** One finding of validation: a stable code, where it is, and what to do about it. */
export interface ValidationIssue {
  code: string;
  severity: Severity;
  /** The node at fault, when there is one. */
  nodeId?: string | undefined;
  /** JSON path inside the definition, e.g. "nodes[n_send].config.template". */
  path: string;
  message: string;
}
