/**
 * The plain data types of the flow language. This module holds types only, so the worker's
 * workflow bundle can `import type` from it without evaluating zod (see architecture.md).
 * The zod schemas in `schema/` are the source of truth and are checked against these types.
 */

export type Channel = 'sms' | 'whatsapp' | 'email' | 'webchat' | 'voice';
export type MessageChannel = Exclude<Channel, 'voice'>;
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['sms', 'whatsapp', 'email', 'webchat'];

/** A duration written the way admins write it: "90s", "15m", "24h", "2d". */
export type DurationText = string;

export type SplitOperator = 'contains' | 'equals' | 'matchesAnyOf' | 'isBlank' | 'isNotBlank';

export interface SplitCondition {
  /** The output this condition leads to, e.g. "pricing". */
  output: string;
  operator: SplitOperator;
  /** Comparands; case-insensitive. `matchesAnyOf` and `contains` match when any value matches. */
  values: string[];
}

export interface NodeConfigs {
  'trigger.missedCall': {
    /** Our numbers (E.164) whose missed calls start the flow; empty means any of ours. */
    numbers: string[];
    /** Which call outcomes count as missed. */
    outcomes: Array<'no-answer' | 'busy' | 'failed' | 'canceled'>;
  };
  'trigger.inboundMessage': {
    /** Channels that start the flow; empty means any. */
    channels: MessageChannel[];
    /** Optional keyword the message must contain (case-insensitive). */
    keyword?: string | undefined;
  };
  send: {
    channel: MessageChannel | 'best';
    /** Liquid template rendered against the journey context. */
    template: string;
    subject?: string | undefined;
  };
  waitForReply: {
    /** Channels a reply may arrive on; empty means any. */
    channels: MessageChannel[];
    timeout: DurationText;
  };
  split: {
    /** A path into the journey context, e.g. "reply.text" or "nodes.wait_reply.reply.text". */
    input: string;
    conditions: SplitCondition[];
  };
  end: {
    /** Outcome label recorded on the timeline: converted, unresponsive, optedOut, … */
    outcome: string;
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

/** The canonical, versioned JSON definition a journey runs. */
export interface FlowDefinition {
  $schema?: string | undefined;
  schemaVersion: 1;
  id: string;
  name: string;
  description?: string | undefined;
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
