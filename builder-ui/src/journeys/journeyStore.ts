import { create } from 'zustand';
import { journeysApi, type JourneyDetail, type JourneySummary, type TimelineEvent } from '../api/journeysApi';

/** A list or a detail as fetched: not yet, here, or why not. */
export type Loaded<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; message: string };

export interface FollowedJourney {
  workflowId: string;
  detail: Loaded<JourneyDetail>;
  timeline: Loaded<TimelineEvent[]>;
}

export interface JourneyFollowState {
  /** The flow whose journeys are listed; answers for another flow are dropped. */
  flowId: string | null;
  journeys: Loaded<JourneySummary[]>;
  followed: FollowedJourney | null;

  /** Starts over for a flow (or none): no list, nothing followed. */
  showFlow: (flowId: string | null) => void;
  /** Lists the flow's journeys again, and the followed one's state and timeline while it runs. */
  refresh: () => Promise<void>;
  follow: (workflowId: string | null) => Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function load<T>(fetch: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { kind: 'loaded', value: await fetch() };
  } catch (error) {
    return { kind: 'failed', message: messageOf(error) };
  }
}

export const useJourneyStore = create<JourneyFollowState>()((set, get) => {
  /** Fetches the followed journey and its contact's timeline, unless another was followed meanwhile. */
  async function loadFollowed(workflowId: string): Promise<void> {
    const detail = await load(() => journeysApi.get(workflowId));
    const contactId = detail.kind === 'loaded' ? detail.value.contactId : null;
    const timeline: Loaded<TimelineEvent[]> =
      detail.kind === 'failed'
        ? { kind: 'failed', message: 'the journey could not be read' }
        : contactId === null
          ? { kind: 'failed', message: 'the journey names no contact' }
          : await load(() => journeysApi.timelineOf(contactId));
    if (get().followed?.workflowId === workflowId) set({ followed: { workflowId, detail, timeline } });
  }

  return {
    flowId: null,
    journeys: { kind: 'loading' },
    followed: null,

    showFlow: (flowId) => {
      if (get().flowId !== flowId) set({ flowId, journeys: { kind: 'loading' }, followed: null });
    },

    refresh: async () => {
      const { flowId, followed } = get();
      if (flowId === null) return;
      // A finished journey no longer changes; only a running one (or one not read yet) is re-read.
      const stillMoving =
        followed !== null && (followed.detail.kind !== 'loaded' || followed.detail.value.status === 'RUNNING');
      const [journeys] = await Promise.all([
        load(() => journeysApi.listOfFlow(flowId)),
        stillMoving ? loadFollowed(followed.workflowId) : Promise.resolve(),
      ]);
      if (get().flowId === flowId) set({ journeys });
    },

    follow: async (workflowId) => {
      if (workflowId === null) {
        set({ followed: null });
        return;
      }
      set({ followed: { workflowId, detail: { kind: 'loading' }, timeline: { kind: 'loading' } } });
      await loadFollowed(workflowId);
    },
  };
});

/** The followed journey as last read, or null; the canvas derives its highlight from it. */
export function selectFollowedDetail(state: JourneyFollowState): JourneyDetail | null {
  const detail = state.followed?.detail;
  return detail?.kind === 'loaded' ? detail.value : null;
}
