import { useCallback, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from './canvas/FlowCanvas';
import { FlowList } from './flowList/FlowList';
import { Palette } from './palette/Palette';
import { SidePanel } from './sidePanel/SidePanel';
import { useFlowStore } from './store/flowStore';
import { openFlow } from './toolbar/flowCommands';
import { Toolbar } from './toolbar/Toolbar';

// The open flow lives in the URL (`?flow=<id>`), so a reload or a shared link reopens it.
function flowIdInUrl(): string | null {
  return new URLSearchParams(window.location.search).get('flow');
}

function setFlowIdInUrl(flowId: string | null): void {
  const url = new URL(window.location.href);
  if (flowId === null) url.searchParams.delete('flow');
  else url.searchParams.set('flow', flowId);
  window.history.pushState(null, '', url);
}

export function App() {
  const [route, setRoute] = useState<string | null>(flowIdInUrl);
  const loadedFlowId = useFlowStore((state) => state.meta?.id ?? null);
  const status = useFlowStore((state) => state.status);

  useEffect(() => {
    const onPopState = () => setRoute(flowIdInUrl());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  useEffect(() => {
    if (route === null) useFlowStore.getState().closeFlow();
    // The failure is shown through the store's status; nothing more to do with it here.
    else openFlow(route).catch(() => undefined);
  }, [route]);

  const navigate = useCallback((flowId: string | null) => {
    setFlowIdInUrl(flowId);
    setRoute(flowId);
  }, []);

  if (route === null) return <FlowList onOpen={navigate} />;
  if (loadedFlowId !== route) {
    return (
      <main className="loading" data-testid="flow-loading">
        {status.kind === 'error' ? <p className="error">{status.message}</p> : <p>Opening {route}…</p>}
        <button type="button" className="link" onClick={() => navigate(null)}>
          ← Flows
        </button>
      </main>
    );
  }
  return (
    <ReactFlowProvider>
      <div className="builder" data-testid="builder">
        <Toolbar onBack={() => navigate(null)} />
        <Palette />
        <FlowCanvas />
        <SidePanel />
      </div>
    </ReactFlowProvider>
  );
}
