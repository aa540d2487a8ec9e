import fc from 'fast-check';
import { nodeCatalog } from '../catalog';
import type { NodeField } from '../catalog';
import type { FlowDefinition, FlowNode, NodeType } from '../types';

/** A field of any node type: its name is just a config key. */
type AnyField = Omit<NodeField, 'name'> & { name: string };

/*
 * Text built from the pieces Liquid is made of, so random templates reach the parser's and the
 * reference checker's corners (unclosed tags, filters without input, paths into nodes that do
 * not exist, secrets where they are not allowed) far more often than random characters would.
 */
const LIQUID_PIECES = [
  '{{', '}}', '{%', '%}', '{{-', '-}}', ' ', 'Hi ', '|', ' | upcase', ' | default: "x"', ' | plus: 1', ' | nope',
  'contact.firstName', 'contact.attributes.plan', 'vars.count', 'vars.', 'trigger.data.amount', 'reply.text',
  'nodes.', 'nodes.a.status', 'nodes.send_1.reply.text', 'nodes["a"]', 'journey.id', 'secrets.API_KEY', 'unknownRoot.x',
  '[0]', '[', ']', '.', '..', 'if ', 'endif', 'for x in contact.tags', 'endfor', 'assign y = vars.count', 'capture c',
  'endcapture', 'raw', 'endraw', 'comment', 'endcomment', '"', "'", '\n', '{{ }}', '{% %}', '{{ x ', 'é', '\u0000',
];

export const liquidishTextArbitrary = fc
  .array(fc.constantFrom(...LIQUID_PIECES), { minLength: 1, maxLength: 12 })
  .map((pieces) => pieces.join(''));

/**
 * The definitions of `base` with every template field (and templated list or assignment value)
 * rewritten as Liquid-ish text: configs stay schema-valid, templates are anything.
 */
export function withLiquidishTemplates(base: fc.Arbitrary<FlowDefinition>): fc.Arbitrary<FlowDefinition> {
  return fc
    .tuple(base, fc.array(liquidishTextArbitrary, { minLength: 1, maxLength: 24 }))
    .map(([definition, texts]) => {
      let next = 0;
      const take = (): string => texts[next++ % texts.length] ?? '{{';
      return { ...definition, nodes: definition.nodes.map((node) => withTemplates(node, take)) };
    });
}

function withTemplates(node: FlowNode, take: () => string): FlowNode {
  const type: NodeType = node.type;
  const fields: readonly AnyField[] = nodeCatalog[type].fields;
  const config: Record<string, unknown> = { ...node.config };
  for (const field of fields) {
    if (field.template !== true || !Object.hasOwn(config, field.name)) continue;
    config[field.name] = rewriteTemplates(config[field.name], take);
  }
  return { ...node, config } as FlowNode;
}

function rewriteTemplates(value: unknown, take: () => string): unknown {
  if (typeof value === 'string') return take();
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) => {
    if (typeof item === 'string') return take();
    if (typeof item !== 'object' || item === null) return item;
    const record: Record<string, unknown> = { ...item };
    if (typeof record.value === 'string') record.value = take();
    if (Array.isArray(record.values)) record.values = record.values.map(() => take());
    return record;
  });
}
