import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { nodeCatalog } from '@threadline/flows';
import { isTrigger, outputsFor } from '../catalog/catalogLookup';
import { groupColorStyle } from '../catalog/groupStyles';
import { iconGlyph } from '../catalog/iconGlyph';
import type { BuilderNode } from '../store/builderGraph';
import { followedPathOf, pathMarkOf } from '../journeys/journeyPath';
import { selectFollowedDetail, useJourneyStore } from '../journeys/journeyStore';
import { useFlowStore } from '../store/flowStore';
import { useNodeIssues } from '../store/flowValidation';
import { summarizeConfig } from './configSummary';
import { NodeStatsBadge } from './NodeStatsBadge';

/** Every node type renders through this card; the catalog supplies what differs. */
function FlowNodeCardView({ id, type, data, selected }: NodeProps<BuilderNode>) {
  const entry = nodeCatalog[type];
  const issues = useNodeIssues(id);
  const wired = useFlowStore((state) => wiredOutputs(state.edges, id));
  const outputs = outputsFor(type, data.config, wired.split('\n').filter(Boolean));
  const summary = summarizeConfig(type, data.config);
  const hasErrors = issues.some((issue) => issue.severity === 'error');
  // 'taken' | 'current' | null: a string, so unrelated journey updates do not re-render the card.
  const pathMark = useJourneyStore((state) => pathMarkOf(followedPathOf(selectFollowedDetail(state)), id));
  // An importer's stand-in runs nothing: it must stand out until someone replaces it.
  const needsAttention = type === 'placeholder';

  return (
    <div
      className={`flow-node group-${entry.group}${selected ? ' is-selected' : ''}${hasErrors ? ' has-errors' : ''}${needsAttention ? ' needs-attention' : ''}${pathMark ? ` path-${pathMark}` : ''}`}
      style={groupColorStyle(entry.group)}
      data-testid={`rf-node-${id}`}
      data-path={pathMark ?? undefined}
    >
      {isTrigger(type) ? null : (
        <Handle type="target" position={Position.Top} id="in" className="handle-in" data-testid={`handle-${id}-in`} />
      )}
      <div className="flow-node-header">
        <span className="flow-node-icon" aria-hidden>
          {iconGlyph(entry.icon)}
        </span>
        <span className="flow-node-title">{entry.title}</span>
        {issues.length > 0 ? (
          <span className={`flow-node-badge${hasErrors ? '' : ' only-warnings'}`} data-testid={`node-issues-${id}`} tabIndex={0}>
            {issues.length}
            <span className="flow-node-tooltip" role="tooltip">
              {issues.map((issue, index) => (
                <span key={index} className={`tooltip-issue severity-${issue.severity}`}>
                  {issue.message}
                </span>
              ))}
            </span>
          </span>
        ) : null}
      </div>
      <div className="flow-node-label">{data.label ?? id}</div>
      {needsAttention ? <div className="flow-node-attention" data-testid={`node-attention-${id}`}>
          ⚠ Needs attention: replace before publishing
        </div> : null}
      <div className="flow-node-summary" data-testid={`node-summary-${id}`} title={summary}>
        {summary}
      </div>
      <NodeStatsBadge nodeId={id} />
      {outputs.length > 0 ? (
        <div className="flow-node-outputs">
          {outputs.map((output) => (
            <div key={output} className="flow-node-output">
              <span className="flow-node-output-name">{output}</span>
              <Handle
                type="source"
                position={Position.Bottom}
                id={output}
                className="handle-out"
                data-testid={`handle-${id}-${output}`}
              />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

// A string, not an array, so the selector's result compares equal between unrelated edits.
function wiredOutputs(edges: ReadonlyArray<{ source: string; sourceHandle?: string | null }>, nodeId: string): string {
  return edges
    .filter((edge) => edge.source === nodeId && typeof edge.sourceHandle === 'string')
    .map((edge) => edge.sourceHandle)
    .join('\n');
}

export const FlowNodeCard = memo(FlowNodeCardView);
