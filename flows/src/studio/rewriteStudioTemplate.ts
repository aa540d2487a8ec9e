import type { StudioWidgetType } from './studioWidgetType';
import { variableNameOf } from './studioNames';

/** What the rewriter knows about a widget that templates may read as `widgets.<name>.*`. */
export interface WidgetTarget {
  /** The node whose results stand for the widget's (for send-and-wait, the wait). */
  nodeId: string;
  type: StudioWidgetType | undefined;
  /** send-and-wait-for-reply: the send node, which holds what `outbound.*` read. */
  sendNodeId?: string;
}

export interface RewrittenTemplate {
  text: string;
  /** Paths with no exact Threadline equivalent, each with what it became. */
  notes: string[];
  /** `widgets.<name>` references to widgets the Studio flow does not have. */
  dangling: string[];
}

/*
 * Only the inside of Liquid markup is rewritten: `{{ … }}` outputs and `{% … %}` tags. Text
 * around them is the message and may well say "flow.data" in words.
 */
const LIQUID_MARKUP = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/*
 * A variable path starting at one of Studio's roots. The look-behind keeps the root from being
 * the tail of another path (`x.flow.data`) or a word inside a string literal's neighbour.
 */
const STUDIO_PATH =
  /(?<![\w.\-\]'"])(widgets|flow|trigger|contact)((?:\.[A-Za-z0-9_][\w-]*|\[(?:"[^"]*"|'[^']*'|\d+)\])+)/g;

/** Rewrites Studio's Liquid paths in a template to the Threadline journey context's. */
export function rewriteStudioTemplate(
  template: string,
  widgets: ReadonlyMap<string, WidgetTarget>,
): RewrittenTemplate {
  const notes: string[] = [];
  const dangling: string[] = [];
  const text = template.replace(LIQUID_MARKUP, (markup) =>
    markup.replace(STUDIO_PATH, (whole: string, root: string, rest: string) => {
      const segments = segmentsOf(rest);
      const rewritten = rewritePath(root, segments, widgets, dangling);
      if (rewritten.note !== undefined) notes.push(`${whole} → ${rewritten.path}: ${rewritten.note}`);
      return rewritten.path;
    }),
  );
  return { text, notes, dangling };
}

/** `.a.b["c-d"][0]` → ['a', 'b', '["c-d"]', '[0]']: bracket segments are kept as written. */
function segmentsOf(rest: string): string[] {
  return rest.match(/\.[\w-]+|\[[^\]]*\]/g)?.map((segment) => (segment.startsWith('.') ? segment.slice(1) : segment)) ?? [];
}

function joined(segments: readonly string[]): string {
  return segments.map((segment, index) => (segment.startsWith('[') || index === 0 ? segment : `.${segment}`)).join('');
}

interface RewrittenPath {
  path: string;
  note?: string;
}

function rewritePath(
  root: string,
  segments: string[],
  widgets: ReadonlyMap<string, WidgetTarget>,
  dangling: string[],
): RewrittenPath {
  switch (root) {
    case 'widgets':
      return rewriteWidgetPath(segments, widgets, dangling);
    case 'flow':
      return rewriteFlowPath(segments);
    case 'trigger':
      return rewriteTriggerPath(segments);
    case 'contact':
      return rewriteContactPath(segments);
    default:
      return { path: joined([root, ...segments]) };
  }
}

function rewriteFlowPath([first, ...rest]: string[]): RewrittenPath {
  if (first === 'data') return { path: joined(['trigger', 'data', ...rest]) };
  if (first === 'variables' && rest[0] !== undefined && !rest[0].startsWith('[')) {
    return { path: joined(['vars', variableNameOf(rest[0]), ...rest.slice(1)]) };
  }
  if (first === 'sid' && rest.length === 0) return { path: 'journey.id', note: 'the journey id stands for the execution SID' };
  if (first === 'flow_sid' && rest.length === 0) return { path: 'journey.flowId' };
  if (first === 'channel' && rest[0] === 'address') {
    return { path: 'trigger.to', note: "our address is the number the trigger came in on (trigger.to)" };
  }
  return { path: joined(['flow', ...(first === undefined ? [] : [first]), ...rest]), note: NO_EQUIVALENT };
}

/** Studio puts the inbound call, message or request under its own key; Threadline has one trigger. */
function rewriteTriggerPath(segments: string[]): RewrittenPath {
  const [first, second, ...rest] = segments;
  if (first === 'From' || first === 'To') return { path: first === 'From' ? 'trigger.from' : 'trigger.to' };
  const source = first === 'message' || first === 'call' || first === 'conversation' || first === 'request';
  if (source && second !== undefined && rest.length === 0) {
    const key = second.toLowerCase();
    if (key === 'body' && first !== 'call') return { path: 'trigger.text' };
    if (key === 'from') return { path: 'trigger.from' };
    if (key === 'to') return { path: 'trigger.to' };
  }
  if ((first === 'request' || first === 'parent') && second === 'parameters') {
    return { path: joined(['trigger', 'data', ...rest]) };
  }
  return { path: joined(['trigger', ...segments]), note: NO_EQUIVALENT };
}

function rewriteContactPath(segments: string[]): RewrittenPath {
  if (segments[0] === 'channel' && segments[1] === 'address' && segments.length === 2) return { path: 'contact.phone' };
  return { path: joined(['contact', ...segments]), note: NO_EQUIVALENT };
}

function rewriteWidgetPath(
  segments: string[],
  widgets: ReadonlyMap<string, WidgetTarget>,
  dangling: string[],
): RewrittenPath {
  const [name, ...rest] = segments;
  if (name === undefined) return { path: 'widgets', note: NO_EQUIVALENT };
  const target = widgets.get(name);
  if (target === undefined) {
    dangling.push(joined(['widgets', ...segments]));
    return { path: joined(['nodes', name, ...rest]), note: `the Studio flow has no widget "${name}"` };
  }
  const result = resultPathOf(target, rest);
  return { path: joined(result.segments), ...(result.note === undefined ? {} : { note: result.note }) };
}

interface ResultPath {
  /** The whole path, from its root (`nodes` or `vars`). */
  segments: string[];
  note?: string;
}

const NO_EQUIVALENT = 'no Threadline equivalent; edit it by hand';

/** Where a widget's output lives among its node's results (flows/src/catalog `results`). */
function resultPathOf(target: WidgetTarget, rest: string[]): ResultPath {
  const node = (...segments: string[]): ResultPath => ({ segments: ['nodes', target.nodeId, ...segments] });
  const [first, second, ...tail] = rest;
  const after = second === undefined ? tail : [second, ...tail];
  if (first === undefined) return { ...node(), note: NO_EQUIVALENT };
  switch (target.type) {
    case 'send-and-wait-for-reply':
      if (first === 'inbound') return node('reply', ...(second === 'Body' ? ['text', ...tail] : after));
      if (first === 'outbound') return outboundPath(target.sendNodeId ?? target.nodeId, second, tail);
      break;
    case 'send-message':
      if (first === 'outbound') return outboundPath(target.nodeId, second, tail);
      break;
    case 'make-http-request':
    case 'run-function':
      if (first === 'parsed') return node('body', ...after);
      if (first === 'body') return { ...node('body'), note: 'Threadline parses a JSON body; Studio gave the raw text' };
      if (first === 'status_code') return node('status');
      if (first === 'content_type') return node('headers', '["content-type"]');
      break;
    case 'set-variables':
      /* Set Variables also leaves its pairs under `widgets.<name>.<key>`: the values in `vars`. */
      return { segments: ['vars', variableNameOf(first), ...after] };
    case 'run-subflow':
      /* A subflow's variables surface flat under the widget; Threadline keeps them under `outputs`. */
      return node('outputs', first, ...after);
    case 'make-outgoing-call-v2':
      if (first === 'AnsweredBy') return node('answeredBy');
      if (first === 'CallStatus') return node('status');
      break;
    case 'connect-call-to':
    case 'enqueue-call':
      if (first === 'DialCallStatus' || first === 'QueueResult') return node('status');
      if (first === 'DialCallDuration' || first === 'QueueTime') return node('durationSeconds');
      break;
    case 'record-voicemail':
      if (first === 'RecordingDuration') return node('durationSeconds');
      if (first === 'TranscriptionText') return node('transcript');
      break;
    default:
      break;
  }
  const common = COMMON_RESULTS[first];
  if (common !== undefined && second === undefined) return node(common);
  return { ...node(...rest), note: NO_EQUIVALENT };
}

/** Result keys that read the same wherever they appear. */
const COMMON_RESULTS: Readonly<Record<string, string>> = {
  Digits: 'digits',
  SpeechResult: 'speech',
  RecordingUrl: 'recordingUrl',
};

function outboundPath(nodeId: string, key: string | undefined, tail: string[]): ResultPath {
  if (key === 'Sid' && tail.length === 0) return { segments: ['nodes', nodeId, 'messageId'] };
  if (key === 'Status' && tail.length === 0) return { segments: ['nodes', nodeId, 'status'] };
  return { segments: ['nodes', nodeId, 'outbound', ...(key === undefined ? [] : [key]), ...tail], note: NO_EQUIVALENT };
}
