/** The stable codes of validation findings. Tools and tests match on these, never on messages. */
export const VALIDATION_CODES = [
  'invalid-definition',
  'no-trigger',
  'duplicate-node-id',
  'unknown-node-type',
  'invalid-config',
  'dangling-edge',
  'output-not-connected',
  'output-connected-twice',
  'trigger-has-incoming-edge',
  'unreachable-node',
  'cycle-without-wait',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];
