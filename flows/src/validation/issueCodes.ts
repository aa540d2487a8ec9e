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
  'template-syntax',
  'template-unknown-root',
  'template-unknown-node',
  'template-unknown-result',
  'template-result-not-on-every-path',
  'template-unknown-variable',
  'template-secret-outside-http',
  'voice-without-call',
  'literal-secret',
  'subflow-unknown-flow',
  'subflow-unknown-version',
  'subflow-undeclared-input',
  'subflow-missing-input',
  'return-undeclared-output',
  'placeholder-node',
  // From parseFlowDefinition: a definition written by a newer Threadline.
  'unsupported-schema-version',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];
