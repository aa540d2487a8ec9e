import { assertNever } from '@threadline/flows';
import { useFlowStore, type SaveStatus } from '../store/flowStore';
import { useValidation } from '../store/flowValidation';
import { publishFlow, saveDraft } from './flowCommands';

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'clean':
    case 'saved':
      return 'Saved';
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'publishing':
      return 'Publishing…';
    case 'published':
      return `Published v${status.version}`;
    case 'error':
      return status.message;
    default:
      return assertNever(status, 'save status');
  }
}

export function Toolbar({ onBack }: { onBack: () => void }) {
  const flowId = useFlowStore((state) => state.meta?.id ?? '');
  const flowName = useFlowStore((state) => state.meta?.name ?? '');
  const publishedVersion = useFlowStore((state) => state.publishedVersion);
  const status = useFlowStore((state) => state.status);
  const renameFlow = useFlowStore((state) => state.renameFlow);
  const { issues } = useValidation();
  const errorCount = issues.filter((issue) => issue.severity === 'error').length;
  const busy = status.kind === 'saving' || status.kind === 'publishing';

  return (
    <header className="toolbar">
      <button type="button" className="link" data-testid="back-to-flows" onClick={onBack}>
        ← Flows
      </button>
      <input
        className="flow-name"
        aria-label="Flow name"
        data-testid="flow-name"
        value={flowName}
        size={Math.max(12, flowName.length + 1)}
        onChange={(event) => renameFlow(event.target.value)}
      />
      <code className="flow-id">{flowId}</code>
      <span className="live-version" data-testid="live-version">
        {publishedVersion === null ? 'not published' : `live: v${publishedVersion}`}
      </span>
      <span className="spacer" />
      <span className={`status status-${status.kind}`} data-testid="status" role="status" title={statusText(status)}>
        {statusText(status)}
      </span>
      <button type="button" data-testid="save-draft" disabled={busy} onClick={() => void saveDraft()}>
        Save draft
      </button>
      <button
        type="button"
        className="primary"
        data-testid="publish"
        disabled={busy}
        title={errorCount > 0 ? `${errorCount} problem${errorCount === 1 ? '' : 's'} to fix first` : 'Publish a new version'}
        onClick={() => void publishFlow()}
      >
        Publish
      </button>
    </header>
  );
}
