import { assertNever } from '../assertNever';
import type { DefinitionDiff, EdgeChange, NodeBrief, NodeChange, SectionChange } from './diffDefinitions';

/**
 * The diff as lines a person reads in a terminal or a CI log: `+` added, `-` removed, `~`
 * changed; flow-level sections first, then nodes, edges and (when asked for) moves.
 */
export function formatDefinitionDiff(diff: DefinitionDiff): string[] {
  return [
    ...diff.sections.map(sectionLine),
    ...diff.added.map((node) => `+ node ${describeNode(node)}`),
    ...diff.removed.map((node) => `- node ${describeNode(node)}`),
    ...diff.changed.flatMap(changeLines),
    ...diff.edges.map(edgeLine),
    ...(diff.moved.length === 0 ? [] : [`~ layout: moved ${diff.moved.join(', ')}`]),
  ];
}

/** How many things differ, counted the way the lines list them. */
export function differenceCount(diff: DefinitionDiff): number {
  return (
    diff.sections.length +
    diff.added.length +
    diff.removed.length +
    diff.changed.length +
    diff.edges.length +
    (diff.moved.length === 0 ? 0 : 1)
  );
}

function describeNode(node: NodeBrief): string {
  return `${node.id}${node.label === undefined ? '' : ` ${JSON.stringify(node.label)}`} (${node.type})`;
}

function changeLines(change: NodeChange): string[] {
  const parts: string[] = [];
  if (change.typeChange) parts.push(`type ${change.typeChange.before} → ${change.typeChange.after}`);
  if (change.labelChange) parts.push(`label ${quoted(change.labelChange.before)} → ${quoted(change.labelChange.after)}`);
  if (change.configFields.length > 0) parts.push(`config ${change.configFields.join(', ')}`);
  return [`~ node ${describeNode(change)}: ${parts.join('; ')}`];
}

function edgeLine(change: EdgeChange): string {
  const at = `${change.from}.${change.output}`;
  if (change.before.length === 0) return `+ edge ${at} → ${change.after.join(', ')}`;
  if (change.after.length === 0) return `- edge ${at} → ${change.before.join(', ')}`;
  return `~ edge ${at}: → ${change.before.join(', ')} becomes → ${change.after.join(', ')}`;
}

function sectionLine(change: SectionChange): string {
  switch (change.section) {
    case 'name':
    case 'description':
      return `~ ${change.section}: ${quoted(change.before)} → ${quoted(change.after)}`;
    case 'interface':
    case 'settings':
      return `~ ${change.section}: ${change.fields.join(', ')}`;
    default:
      return assertNever(change.section, 'flow section');
  }
}

function quoted(text: string | undefined): string {
  return text === undefined ? '(none)' : JSON.stringify(text);
}
