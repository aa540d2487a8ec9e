import { assertNever } from '@threadline/flows';
import type { JourneyDetail, TimelineEvent } from '../api/journeysApi';
import { formatTime } from './formatTime';
import { useJourneyStore } from './journeyStore';

/** The followed journey: where it went and stands, and the contact's conversation on every channel. */
export function FollowedJourneyView() {
  const followed = useJourneyStore((state) => state.followed);
  if (followed === null) return <p className="help">Choose a journey to see the path it took and its conversation.</p>;
  const { detail, timeline } = followed;
  return (
    <div className="followed-journey" data-testid="followed-journey">
      {detail.kind === 'loading' ? <p className="help">Reading {followed.workflowId}…</p> : null}
      {detail.kind === 'failed' ? <p className="error">{detail.message}</p> : null}
      {detail.kind === 'loaded' ? <JourneyFacts journey={detail.value} /> : null}
      <h3>Timeline</h3>
      {timeline.kind === 'loading' ? <p className="help">Loading…</p> : null}
      {timeline.kind === 'failed' ? <p className="error">Could not read the timeline: {timeline.message}</p> : null}
      {timeline.kind === 'loaded' ? <Timeline events={timeline.value} journeyId={followed.workflowId} /> : null}
    </div>
  );
}

function JourneyFacts({ journey }: { journey: JourneyDetail }) {
  return (
    <dl className="journey-facts">
      <dt>Journey</dt>
      <dd>
        <code data-testid="followed-journey-id">{journey.workflowId}</code>
      </dd>
      <dt>Status</dt>
      <dd data-testid="followed-journey-status">
        {journey.status.toLowerCase()}
        {journey.outcome ? ` · ${journey.outcome}` : ''}
      </dd>
      <dt>Version</dt>
      <dd>{journey.flowVersion === null ? '—' : `v${journey.flowVersion}`}</dd>
      {journey.pendingWait ? (
        <>
          <dt>Waiting</dt>
          <dd>
            at {journey.pendingWait.nodeId} until {formatTime(journey.pendingWait.until)}
          </dd>
        </>
      ) : null}
      {journey.stateError ? (
        <>
          <dt>State</dt>
          <dd className="error">{journey.stateError}</dd>
        </>
      ) : null}
    </dl>
  );
}

function directionGlyph(direction: TimelineEvent['direction']): string {
  switch (direction) {
    case 'inbound':
      return '←';
    case 'outbound':
      return '→';
    case 'internal':
      return '•';
    default:
      return assertNever(direction, 'timeline direction');
  }
}

/**
 * The contact's whole conversation, whichever journey (or none) each event belongs to: the
 * contact is the unit, not the journey. Events of the contact's other journeys step back.
 */
function Timeline({ events, journeyId }: { events: TimelineEvent[]; journeyId: string }) {
  if (events.length === 0) return <p className="help">Nothing on the timeline yet.</p>;
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li
          key={event.id}
          className={`timeline-event direction-${event.direction}${isOtherJourneys(event, journeyId) ? ' is-other-journey' : ''}`}
          data-testid="timeline-event"
          title={event.journeyId ?? undefined}
        >
          <span className="timeline-meta">
            <span aria-label={event.direction}>{directionGlyph(event.direction)}</span> {event.channel} · {event.kind} ·{' '}
            {formatTime(event.at)}
            {event.status ? ` · ${event.status}` : ''}
          </span>
          <span className="timeline-body">{event.body ?? (event.nodeId ? `at ${event.nodeId}` : '')}</span>
        </li>
      ))}
    </ol>
  );
}

function isOtherJourneys(event: TimelineEvent, journeyId: string): boolean {
  return event.journeyId !== null && event.journeyId !== journeyId;
}
