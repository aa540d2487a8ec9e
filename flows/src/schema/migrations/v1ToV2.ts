/**
 * Version 1 (the walking skeleton) to version 2 (the whole catalog):
 * - a split's `input` was a dotted path ("reply.text"); it is now a Liquid template, since
 *   Liquid is the one expression language: "{{ reply.text }}";
 * - nodes that gained list fields get them empty (send's media and WhatsApp template
 *   variables, an end's returns) and waitForReply gets `maxReprompts: 0`, so the v1 meaning
 *   is kept exactly.
 * Anything unexpected is left as it is for the schema to report.
 */
export function migrateV1ToV2(definition: Record<string, unknown>): Record<string, unknown> {
  const nodes = Array.isArray(definition.nodes) ? definition.nodes.map(migrateNode) : definition.nodes;
  return { ...definition, schemaVersion: 2, nodes };
}

function migrateNode(node: unknown): unknown {
  if (!isRecord(node) || !isRecord(node.config)) return node;
  const config = node.config;
  switch (node.type) {
    case 'split':
      return typeof config.input === 'string' && !config.input.includes('{{')
        ? { ...node, config: { ...config, input: `{{ ${config.input} }}` } }
        : node;
    case 'send':
      return {
        ...node,
        config: { mediaUrls: [], whatsappTemplateVariables: [], ...config },
      };
    case 'waitForReply':
      return { ...node, config: { maxReprompts: 0, ...config } };
    case 'end':
      return { ...node, config: { returns: [], ...config } };
    default:
      return node;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
