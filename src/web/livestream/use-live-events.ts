import { useEffect, useRef, useState } from 'react';
import type {
  Announcement,
  Counters,
  HostStats,
  JobCard,
  Message,
  Segment,
  SessionStatus,
} from './livestream.api.ts';

export interface LiveState {
  status: SessionStatus | null;
  currentSegment: Segment | null;
  pinnedJob: JobCard | null;
  pinnedAt: string | null;
  counters: Counters | null;
  announcements: Announcement[];
  hostStats: HostStats | null;
  /** Concurrent viewers over time (one point per `stats` event, last 5 minutes). */
  history: { at: string; concurrent: number }[];
  connected: boolean;
}

export interface LiveHandlers {
  onMessage?: (message: Message) => void;
  onMessageRemoved?: (id: string) => void;
  onMessagePinned?: (id: string, pinned: boolean) => void;
  onStatus?: (status: SessionStatus) => void;
}

const EMPTY: LiveState = {
  status: null,
  currentSegment: null,
  pinnedJob: null,
  pinnedAt: null,
  counters: null,
  announcements: [],
  hostStats: null,
  history: [],
  connected: false,
};

/**
 * Follows a session's Server-Sent Events. The browser's EventSource reconnects by itself
 * and sends Last-Event-ID, so the server replays what was missed; `snapshot` resets the state.
 */
export function useLiveEvents(
  sessionId: string | null,
  options: { viewerId?: string; host?: boolean } & LiveHandlers = {},
): LiveState {
  const [state, setState] = useState<LiveState>(EMPTY);
  const handlers = useRef<LiveHandlers>(options);
  handlers.current = options;
  const { viewerId, host } = options;

  useEffect(() => {
    if (!sessionId) {
      return;
    }
    setState(EMPTY);
    const params = new URLSearchParams();
    if (viewerId) {
      params.set('viewerId', viewerId);
    }
    if (host) {
      params.set('role', 'host');
    }
    const qs = params.toString();
    const source = new EventSource(`/api/v1/live-sessions/${sessionId}/events${qs ? `?${qs}` : ''}`, {
      withCredentials: true,
    });
    const on = <T>(type: string, handle: (data: T) => void) => {
      source.addEventListener(type, (event) => {
        try {
          handle(JSON.parse((event as MessageEvent<string>).data) as T);
        } catch {
          // a malformed frame is skipped; the next snapshot or stats event corrects the state
        }
      });
    };
    source.onopen = () => setState((s) => ({ ...s, connected: true }));
    source.onerror = () => setState((s) => ({ ...s, connected: false }));
    on<{
      status: SessionStatus;
      currentSegment: Segment | null;
      pinnedJob: JobCard | null;
      pinnedAt: string | null;
      counters: Counters;
      announcements: Announcement[];
    }>('snapshot', (d) =>
      setState((s) => ({
        ...s,
        connected: true,
        status: d.status,
        currentSegment: d.currentSegment,
        pinnedJob: d.pinnedJob,
        pinnedAt: d.pinnedAt,
        counters: d.counters,
        announcements: d.announcements,
      })),
    );
    on<{ status: SessionStatus; currentSegment: Segment | null }>('status', (d) => {
      setState((s) => ({ ...s, status: d.status, currentSegment: d.currentSegment }));
      handlers.current.onStatus?.(d.status);
    });
    on<{ currentSegment: Segment | null }>('segment', (d) =>
      setState((s) => ({ ...s, currentSegment: d.currentSegment })),
    );
    on<{ pinnedJob: JobCard | null; pinnedAt: string | null }>('pin', (d) =>
      setState((s) => ({ ...s, pinnedJob: d.pinnedJob, pinnedAt: d.pinnedAt })),
    );
    on<Announcement>('announcement', (a) =>
      setState((s) =>
        s.announcements.some((x) => x.id === a.id) ? s : { ...s, announcements: [a, ...s.announcements] },
      ),
    );
    on<Counters & { at: string }>('stats', (d) =>
      setState((s) => ({
        ...s,
        counters: {
          exposures: d.exposures,
          concurrent: d.concurrent,
          peakConcurrent: d.peakConcurrent,
          likes: d.likes,
          applications: d.applications,
        },
        history: [...s.history, { at: d.at, concurrent: d.concurrent }].slice(-300),
      })),
    );
    on<HostStats>('host-stats', (d) => setState((s) => ({ ...s, hostStats: d })));
    on<Message>('message', (m) => handlers.current.onMessage?.(m));
    on<{ id: string }>('message-removed', (d) => handlers.current.onMessageRemoved?.(d.id));
    on<{ id: string; pinned: boolean }>('message-pinned', (d) =>
      handlers.current.onMessagePinned?.(d.id, d.pinned),
    );
    return () => source.close();
  }, [sessionId, viewerId, host]);

  return state;
}
