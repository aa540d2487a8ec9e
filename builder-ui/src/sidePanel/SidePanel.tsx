import { useEffect, useState } from 'react';
import { assertNever } from '@threadline/flows';
import { Inspector } from '../inspector/Inspector';
import { JourneysPanel } from '../journeys/JourneysPanel';
import { useJourneyStore } from '../journeys/journeyStore';
import { useFlowStore } from '../store/flowStore';

type Tab = 'inspector' | 'journeys';
const tabs: ReadonlyArray<{ tab: Tab; title: string }> = [
  { tab: 'inspector', title: 'Inspector' },
  { tab: 'journeys', title: 'Journeys' },
];

/** Beside the canvas: the inspector for editing, or the flow's journeys for following them. */
export function SidePanel() {
  const [tab, setTab] = useState<Tab>('inspector');
  const flowId = useFlowStore((state) => state.meta?.id ?? null);
  const showFlow = useJourneyStore((state) => state.showFlow);

  // Another flow's journeys (and their highlight) must not outlive the flow they belong to.
  useEffect(() => showFlow(flowId), [flowId, showFlow]);

  return (
    <div className="side-panel">
      <div className="side-tabs" role="tablist">
        {tabs.map((entry) => (
          <button
            key={entry.tab}
            type="button"
            role="tab"
            aria-selected={tab === entry.tab}
            className={`side-tab${tab === entry.tab ? ' is-active' : ''}`}
            data-testid={`${entry.tab}-tab`}
            onClick={() => setTab(entry.tab)}
          >
            {entry.title}
          </button>
        ))}
      </div>
      <TabBody tab={tab} />
    </div>
  );
}

function TabBody({ tab }: { tab: Tab }) {
  switch (tab) {
    case 'inspector':
      return <Inspector />;
    case 'journeys':
      return <JourneysPanel />;
    default:
      return assertNever(tab, 'side panel tab');
  }
}
