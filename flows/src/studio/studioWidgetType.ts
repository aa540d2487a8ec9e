/** The Studio widget types the importer knows, in their current kebab-case spelling. */
export const STUDIO_WIDGET_TYPES = [
  'trigger',
  'send-message',
  'send-and-wait-for-reply',
  'split-based-on',
  'gather-input-on-call',
  'say-play',
  'make-outgoing-call-v2',
  'connect-call-to',
  'record-voicemail',
  'make-http-request',
  'run-function',
  'set-variables',
  'run-subflow',
  'send-to-flex',
  'enqueue-call',
] as const;

export type StudioWidgetType = (typeof STUDIO_WIDGET_TYPES)[number];

/*
 * Older exports (and some hand-written definitions) spell types in CamelCase: "SendMessage",
 * "SplitBasedOn", "MakeOutgoingCallV2". Studio also renamed a few widgets over time; those
 * aliases lead to the type whose behaviour they share.
 */
const ALIASES: Readonly<Record<string, StudioWidgetType>> = {
  'make-outgoing-call': 'make-outgoing-call-v2',
  'make-outgoing-call-v1': 'make-outgoing-call-v2',
  'http-request': 'make-http-request',
  'function': 'run-function',
  'subflow': 'run-subflow',
  'flex': 'send-to-flex',
  'say-or-play': 'say-play',
  'gather-input': 'gather-input-on-call',
  'connect-call': 'connect-call-to',
};

/** "SendAndWaitForReply" → "send-and-wait-for-reply"; "MakeOutgoingCallV2" → "make-outgoing-call-v2". */
export function kebabCaseOf(type: string): string {
  return type
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
}

/** The known widget type a Studio `type` names, in either spelling; undefined for others. */
export function studioWidgetTypeOf(type: string): StudioWidgetType | undefined {
  const kebab = kebabCaseOf(type);
  const known = STUDIO_WIDGET_TYPES.find((candidate) => candidate === kebab);
  return known ?? ALIASES[kebab];
}
