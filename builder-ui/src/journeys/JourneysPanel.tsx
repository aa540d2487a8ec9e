import { useEffect } from 'react';
import type { JourneySummary } from '../api/journeysApi';
import { formatTime } from './formatTime';
import { FollowedJourneyView } from './FollowedJourneyView';
import { useJourneyStore } from './journeyStore';

/** A light poll while the panel is open, so a journey moving on shows without a click. */
const POLL_MS = 4_000;

/** The open flow's journeys, newest first; choosing one follows it on the canvas and below. */
export function JourneysPanel() {
  const journeys = useJourneyStore((state) => state.journeys);
  const followedId = useJourneyStore((state) => state.followed?.workflowId ?? null);
  const refresh = useJourneyStore((state) => state.refresh);
  const follow = useJourneyStore((state) => state.follow);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return (
    <section className="journeys" data-testid="journeys-panel" aria-label="Journeys">
      <header className="journeys-header">
        <h2>Journeys</h2>
        <button type="button" data-testid="journeys-refresh" onClick={() => void refresh()}>
          Refresh
        </button>
      </header>
      {journeys.kind === 'loading' ? <p className="help">Loading…</p> : null}
      {journeys.kind === 'failed' ? <p className="error">Could not list journeys: {journeys.message}</p> : null}
      {journeys.kind === 'loaded' && journeys.value.length === 0 ? (
        <p className="help">No journeys yet. Publish the flow and play its trigger (see the README's sandbox walkthrough).</p>
      ) : null}
      {journeys.kind === 'loaded' && journeys.value.length > 0 ? (
        <ul className="journey-list">
          {journeys.value.map((journey) => (
            <JourneyRow
              key={journey.workflowId}
              journey={journey}
              selected={journey.workflowId === followedId}
              onSelect={() => void follow(journey.workflowId === followedId ? null : journey.workflowId)}
            />
          ))}
        </ul>
      ) : null}
      <FollowedJourneyView />
    </section>
  );
}

function JourneyRow({ journey, selected, onSelect }: { journey: JourneySummary; selected: boolean; onSelect: () => void }) {
  const status = journey.status === 'RUNNING' ? (journey.journeyStatus ?? 'running') : journey.status.toLowerCase();
  return (
    <li>
      <button
        type="button"
        className={`journey-row${selected ? ' is-selected' : ''}`}
        data-testid={`journey-row-${journey.contactId ?? journey.workflowId}`}
        aria-pressed={selected}
        title={journey.workflowId}
        onClick={onSelect}
      >
        <span className="journey-contact">{journey.contactId ?? journey.workflowId}</span>
        <span className={`journey-status status-${status}`}>{status}</span>
        <span className="journey-node">{journey.currentNode ?? '—'}</span>
        <span className="journey-started">{formatTime(journey.startTime)}</span>
      </button>
    </li>
  );
}
