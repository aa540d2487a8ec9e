import type { FlowNode } from '@threadline/flows/types';

/** What a node left behind when the journey left it: its output and its `nodes.<id>` result. */
export interface LeftNode {
  output: string | null;
  /** `run.context.nodes[<id>]` as the handler recorded it (undefined for nodes that record none). */
  result: unknown;
  /** Whether the workflow clock moved while the journey was at the node (it waited). */
  waited: boolean;
}

/**
 * The trace's few words on why a visit went the way it did, read from what the node handlers
 * already record, so no handler has to know about the trace. Pure: the workflow calls it after
 * each node returns, and it adds no Temporal command.
 */
export function visitDetail(node: FlowNode, left: LeftNode): string | null {
  const result = recordOf(left.result);
  switch (node.type) {
    case 'trigger.inboundMessage':
    case 'trigger.inboundCall':
    case 'trigger.missedCall':
    case 'trigger.event':
    case 'trigger.schedule':
    case 'trigger.subflow':
      return triggerDetail(result);
    case 'send':
      return sendDetail(result);
    case 'call.outbound':
      return callDetail(result);
    case 'waitForReply': {
      const reply = recordOf(result.reply);
      if (typeof reply.channel === 'string') return `reply on ${reply.channel}`;
      return `timed out after ${node.config.timeout.trim()}`;
    }
    case 'waitForEvent': {
      const event = recordOf(result.event);
      if (typeof event.name === 'string') return `received ${event.name}`;
      return `timed out after ${node.config.timeout.trim()}`;
    }
    case 'split':
      if (typeof result.value !== 'string') return null;
      return left.output === 'else' ? `value ${quoted(result.value)} matched no condition` : `value ${quoted(result.value)} matched ${left.output}`;
    case 'intent': {
      const confidence = typeof result.confidence === 'number' ? ` (confidence ${Math.round(result.confidence * 100) / 100})` : '';
      return typeof result.intent === 'string' ? `intent ${result.intent}${confidence}` : null;
    }
    case 'abSplit':
      return typeof result.branch === 'string' ? `branch ${result.branch} for this journey` : null;
    case 'delay':
      return `waited ${node.config.duration.trim()}`;
    case 'waitUntil':
      return left.waited ? 'waited until the schedule opened' : 'the schedule was open: no wait';
    case 'businessHours':
      return left.output === null ? null : `the schedule was ${left.output}`;
    case 'setVariables':
      return node.config.assignments.length === 0 ? null : `set ${node.config.assignments.map(({ name }) => `vars.${name}`).join(', ')}`;
    case 'httpRequest': {
      const status = typeof result.status === 'number' ? result.status : null;
      if (status === null) return null;
      return `${node.config.method} ${shortened(node.config.url, 80)} → ${status === 0 ? 'no response' : status}`;
    }
    case 'end':
      return `outcome ${node.config.outcome}`;
    // Run by other slices or later issues: whatever status or reason their results carry.
    case 'voice.say':
    case 'voice.play':
    case 'voice.menu':
    case 'voice.gather':
    case 'voice.record':
    case 'voice.connect':
    case 'voice.hangup':
    case 'updateContact':
    case 'subflow':
    case 'route':
    case 'handoff':
    case 'placeholder':
      return genericDetail(result);
    default:
      return unknownNodeType(node, result);
  }
}

function triggerDetail(trigger: Record<string, unknown>): string | null {
  if (typeof trigger.event === 'string' && trigger.event !== '') return `event ${trigger.event}`;
  return typeof trigger.channel === 'string' ? `on ${trigger.channel}` : null;
}

/** "sent on sms", "blocked: the contact opted out of sms", "failed: …", with any deferral first. */
function sendDetail(result: Record<string, unknown>): string | null {
  if (typeof result.status !== 'string') return null;
  const deferred = typeof result.deferredUntil === 'string' ? `deferred until ${result.deferredUntil}, then ` : '';
  if (result.status === 'sent') {
    const template = typeof result.whatsappTemplate === 'string' ? ` as template ${result.whatsappTemplate}` : '';
    return `${deferred}sent on ${typeof result.channel === 'string' ? result.channel : 'its channel'}${template}`;
  }
  const reason = typeof result.reason === 'string' && result.reason !== '' ? `: ${result.reason}` : '';
  return `${deferred}${result.status}${reason}`;
}

/**
 * What the call came to ("noAnswer: nobody answered"), after any quiet-hours deferral:
 * "deferred until 08:00 Europe/Paris, then called; human: a person answered".
 */
function callDetail(result: Record<string, unknown>): string | null {
  const outcome = genericDetail(result);
  if (typeof result.deferredUntil !== 'string') return outcome;
  const placed = typeof result.callSid === 'string' && result.callSid !== '';
  const deferred = `deferred until ${result.deferredUntil}, then`;
  if (placed) return outcome === null ? `${deferred} called` : `${deferred} called; ${outcome}`;
  return outcome === null ? deferred : `${deferred} ${outcome}`;
}

function genericDetail(result: Record<string, unknown>): string | null {
  const status = typeof result.status === 'string' ? result.status : null;
  const reason = typeof result.reason === 'string' && result.reason !== '' ? result.reason : null;
  if (status && reason) return `${status}: ${reason}`;
  return status ?? reason;
}

/** A definition from a newer catalog may carry a type this worker does not know: say what we can. */
function unknownNodeType(node: never, result: Record<string, unknown>): string | null {
  void node;
  return genericDetail(result);
}

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function quoted(text: string): string {
  return JSON.stringify(shortened(text, 60));
}

function shortened(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
