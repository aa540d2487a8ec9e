import type { FlowNodeOf, NodeConfigs, SplitCondition, SplitOperator } from '../types';
import type { StudioCondition } from './studioFlowSchema';
import type { Exit, WidgetContext, WidgetMapping } from './widgetContext';
import { UniqueNames, outputNameOf, variableNameOf } from './studioNames';

const OPERATORS: Readonly<Record<string, SplitOperator>> = {
  equal_to: 'equals',
  not_equal_to: 'notEquals',
  matches_any_of: 'matchesAnyOf',
  does_not_match_any_of: 'matchesNoneOf',
  is_blank: 'isBlank',
  is_not_blank: 'isNotBlank',
  regex: 'regex',
  contains: 'contains',
  does_not_contain: 'doesNotContain',
  starts_with: 'startsWith',
  does_not_start_with: 'doesNotStartWith',
  less_than: 'lessThan',
  greater_than: 'greaterThan',
  is_before_time: 'beforeTime',
  is_after_time: 'afterTime',
  is_before_date: 'beforeDate',
  is_after_date: 'afterDate',
};

const LIST_OPERATORS: ReadonlySet<SplitOperator> = new Set(['matchesAnyOf', 'matchesNoneOf']);

/**
 * split-based-on → split. Each `match` transition carries its condition and becomes an output
 * named after the condition's friendly name; `noMatch` is `else`. Conditions keep their order,
 * which is the order Studio tests them in.
 */
export function mapSplitBasedOn(ctx: WidgetContext): WidgetMapping | undefined {
  const id = ctx.nodeId;
  const outputs = new UniqueNames(64, ['else', 'noInput', 'noMatch', 'unknown']);
  const conditions: SplitCondition[] = [];
  const argumentsSeen = new Set<string>();
  const exits: Exit[][] = ctx.transitions.map((transition, index) => {
    if (transition.event === 'noMatch') return [{ from: id, output: 'else' }];
    const [studioCondition, ...more] = transition.event === 'match' ? (transition.conditions ?? []) : [];
    if (studioCondition === undefined) {
      ctx.approximate(`its transition ${index} ("${transition.event}") has no condition and was dropped`);
      return [];
    }
    if (more.length > 0) ctx.approximate(`transition ${index} had ${more.length + 1} conditions; only the first is kept`);
    const argument = studioCondition.arguments?.[0];
    if (argument !== undefined) argumentsSeen.add(argument);
    const condition = conditionOf(ctx, studioCondition, index, outputs);
    if (condition === undefined) return [];
    conditions.push(condition);
    return [{ from: id, output: condition.output }];
  });

  if (conditions.length === 0) return ctx.unmappable('has no conditions, so it always took its "no match" path');
  const input = ctx.text('input') ?? [...argumentsSeen][0];
  const differing = [...argumentsSeen].filter((argument) => argument !== input);
  if (differing.length > 0) {
    ctx.approximate(`its conditions tested ${[...argumentsSeen].join(', ')}; all now test the split's input ${input ?? ''}`);
  }
  const config: NodeConfigs['split'] = {
    input: input === undefined ? inputMissing(ctx) : ctx.rewrite(input, 'properties.input'),
    conditions,
  };
  const split: FlowNodeOf<'split'> = { id, type: 'split', label: ctx.state.name, config };
  return { nodes: [{ node: split, position: ctx.position }], entry: id, edges: [], exits };
}

function conditionOf(
  ctx: WidgetContext,
  condition: StudioCondition,
  index: number,
  outputs: UniqueNames,
): SplitCondition | undefined {
  let operator = OPERATORS[condition.type];
  if (operator === undefined) {
    ctx.approximate(`transition ${index} tests "${condition.type}", which Threadline has no operator for; it was dropped`);
    return undefined;
  }
  const raw = condition.value === undefined ? '' : String(condition.value);
  const field = `transitions[${index}].conditions[0].value`;
  let values: string[];
  if (operator === 'isBlank' || operator === 'isNotBlank') {
    values = [];
  } else if (LIST_OPERATORS.has(operator)) {
    values = raw.split(',').map((value) => value.trim()).filter((value) => value !== '').map((value) => ctx.rewrite(value, field));
  } else if (raw.trim() === '' && (operator === 'equals' || operator === 'notEquals')) {
    // "equal to nothing" is Studio's way of asking whether a value is blank.
    operator = operator === 'equals' ? 'isBlank' : 'isNotBlank';
    values = [];
  } else {
    values = raw === '' ? [] : [ctx.rewrite(raw, field)];
  }
  const name = condition.friendly_name ?? `match ${index}`;
  return { output: outputs.claim(outputNameOf(name, 'match')), operator, values };
}

function inputMissing(ctx: WidgetContext): string {
  ctx.approximate('it had no input to test; it tests the last reply');
  return '{{ reply.text }}';
}

/**
 * set-variables → setVariables. Studio keeps every value as text unless told to parse it as
 * JSON; a key set twice keeps its last value, as Studio's order of assignment does.
 */
export function mapSetVariables(ctx: WidgetContext): WidgetMapping | undefined {
  const raw = ctx.property('variables');
  const byName = new Map<string, NodeConfigs['setVariables']['assignments'][number]>();
  const parseAsJson = ctx.boolean('parse_as_json') === true;
  (Array.isArray(raw) ? raw : []).forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || !('key' in entry) || typeof entry.key !== 'string') return;
    const name = variableNameOf(entry.key);
    if (name !== entry.key) ctx.approximate(`variable "${entry.key}" is named "${name}"`);
    const value = 'value' in entry && entry.value !== undefined && entry.value !== null ? String(entry.value) : '';
    const json = parseAsJson || ('type' in entry && entry.type === 'json');
    byName.delete(name);
    byName.set(name, {
      name,
      value: value === '' ? '{{ "" }}' : ctx.rewrite(value, `properties.variables[${index}].value`),
      type: json ? 'json' : 'text',
    });
  });
  if (byName.size === 0) return ctx.unmappable('sets no variables');
  const id = ctx.nodeId;
  const node: FlowNodeOf<'setVariables'> = { id, type: 'setVariables', label: ctx.state.name, config: { assignments: [...byName.values()] } };
  return {
    nodes: [{ node, position: ctx.position }],
    entry: id,
    edges: [],
    exits: ctx.exitsByEvent({ next: [{ from: id, output: 'next' }] }),
  };
}

/** The variable names a Studio flow sets: what a subflow gives back to its parent. */
export function variablesSetBy(properties: Record<string, unknown>): string[] {
  const raw = properties['variables'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) =>
    typeof entry === 'object' && entry !== null && 'key' in entry && typeof entry.key === 'string' ? [variableNameOf(entry.key)] : [],
  );
}
