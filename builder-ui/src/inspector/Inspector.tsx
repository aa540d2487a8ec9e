import { nodeCatalog, type NodeField } from '@threadline/flows';
import type { ValidationIssue } from '@threadline/flows/types';
import type { BuilderNode } from '../store/builderGraph';
import { useFlowStore } from '../store/flowStore';
import { useNodeIssues, useValidation } from '../store/flowValidation';
import { coerceFieldText } from './coerceFieldText';
import { FieldControl } from './fields/FieldControl';
import { IssueList } from './IssueList';
import { SampleContextProvider } from './templatePreview/SampleContextProvider';

// Each type's fields name its own config keys; the form only needs them as strings.
type AnyField = Omit<NodeField, 'name'> & { name: string };

function selectSingleSelected(state: { nodes: BuilderNode[] }): BuilderNode | null {
  const selected = state.nodes.filter((node) => node.selected);
  return selected.length === 1 ? (selected[0] ?? null) : null;
}

/** The side panel: the selected node's form, or the flow's own findings when none is selected. */
export function Inspector() {
  const node = useFlowStore(selectSingleSelected);
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {node ? (
        <SampleContextProvider>
          <NodeForm key={node.id} node={node} />
        </SampleContextProvider>
      ) : (
        <FlowSummary />
      )}
    </aside>
  );
}

// Issue paths look like `nodes[send_1].config.template` or `...config.conditions[0].output`.
function issuesOfField(issues: readonly ValidationIssue[], field: string): ValidationIssue[] {
  const pattern = new RegExp(`\\.config\\.${field}(?:$|[.[])`);
  return issues.filter((issue) => pattern.test(issue.path));
}

// The catalog's defaults, read by field name like the config the form edits.
function defaultsOf(entry: { defaults: object }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry.defaults));
}

function NodeForm({ node }: { node: BuilderNode }) {
  const entry = nodeCatalog[node.type];
  const issues = useNodeIssues(node.id);
  const updateNodeConfig = useFlowStore((state) => state.updateNodeConfig);
  const updateNodeLabel = useFlowStore((state) => state.updateNodeLabel);
  const removeSelection = useFlowStore((state) => state.removeSelection);
  const fields: readonly AnyField[] = entry.fields;
  const fieldNames = new Set(fields.map((field) => field.name));
  const otherIssues = issues.filter((issue) => ![...fieldNames].some((name) => issuesOfField([issue], name).length > 0));

  return (
    <form className="node-form" onSubmit={(event) => event.preventDefault()}>
      <header>
        <h2>{entry.title}</h2>
        <p className="help">{entry.description}</p>
        <p className="node-id">
          id <code data-testid="inspector-node-id">{node.id}</code>
        </p>
      </header>
      <label className="field">
        <span className="field-label">Label</span>
        <input
          type="text"
          data-testid="inspector-label"
          value={node.data.label ?? ''}
          placeholder={node.id}
          onChange={(event) => updateNodeLabel(node.id, event.target.value)}
        />
      </label>
      {fields.map((field) => (
        <div className="field" key={field.name} data-testid={`inspector-row-${field.name}`}>
          <div className="field-heading">
            <label className="field-label" htmlFor={`field-${field.name}`}>
              {field.label}
              {field.required ? '' : <span className="field-optional"> optional</span>}
              {field.template ? <span className="field-liquid" title="Liquid template">{'{{ }}'}</span> : null}
            </label>
            {/* An optional field is left out of the config entirely, not saved empty. */}
            {!field.required && node.data.config[field.name] !== undefined ? (
              <button
                type="button"
                className="link field-clear"
                data-testid={`inspector-clear-${field.name}`}
                onClick={() => updateNodeConfig(node.id, field.name, undefined)}
              >
                Clear
              </button>
            ) : null}
          </div>
          <FieldControl
            kind={field.kind}
            name={field.name}
            value={node.data.config[field.name]}
            options={field.options ?? []}
            placeholder={field.placeholder}
            required={field.required}
            template={field.template === true}
            defaultValue={defaultsOf(entry)[field.name]}
            onChange={(value) =>
              updateNodeConfig(
                node.id,
                field.name,
                field.kind === 'text' && typeof value === 'string' ? coerceFieldText(node.type, node.data.config, field.name, value) : value,
              )
            }
          />
          <p className="help">{field.help}</p>
          <IssueList issues={issuesOfField(issues, field.name)} />
        </div>
      ))}
      <IssueList issues={otherIssues} />
      <button type="button" className="danger" data-testid="inspector-delete" onClick={removeSelection}>
        Delete node
      </button>
    </form>
  );
}

function FlowSummary() {
  const { issues, general } = useValidation();
  const nodeCount = useFlowStore((state) => state.nodes.length);
  return (
    <div className="flow-summary">
      <h2>Flow</h2>
      <p className="help">
        {nodeCount === 0
          ? 'Drag a node from the palette onto the canvas to start.'
          : 'Select a node to edit it. Drag from an output to a node to connect them.'}
      </p>
      <p data-testid="issue-count">
        {issues.length === 0 ? 'No problems found.' : `${issues.length} problem${issues.length === 1 ? '' : 's'} to fix before publishing.`}
      </p>
      <IssueList issues={general} />
    </div>
  );
}
