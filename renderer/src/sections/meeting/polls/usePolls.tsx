import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { call, type MethodOutput } from '../../../api';
import { pollChannel, type PollMessage } from './PresenterPoll';

export type Poll = MethodOutput<'polls.list'>[number];

/** How often the chair's screens ask for the results while a poll is open (answers show within a second). */
const LIVE_INTERVAL_MS = 300;

interface PollsState {
  meetingId: number;
  /** Every run, oldest first; undefined while loading. */
  polls: Poll[] | undefined;
  error: string | undefined;
  /** The open poll, if any. */
  open: Poll | undefined;
  /** The run the big screen shows (QR code while open, the results after): the chair can take it off. */
  onScreen: Poll | undefined;
  setOnScreen(pollId: number | undefined): void;
  /** Puts a poll that an action returned into the list at once. */
  update(poll: Poll): void;
}

const PollsContext = createContext<PollsState | undefined>(undefined);

/** The meeting's polls, shared by the chair's panel and the big screen; refreshed live while one is open. */
export function PollsProvider({ meetingId, children }: { meetingId: number; children: ReactNode }) {
  const [polls, setPolls] = useState<Poll[]>();
  const [error, setError] = useState<string>();
  const [screenId, setScreenId] = useState<number>();
  const open = polls?.find((p) => p.status === 'open');

  const load = useCallback(async () => {
    const result = await call('polls.list', { meetingId });
    if (result.ok) {
      setPolls(result.value);
      setError(undefined);
    } else setError(result.error.message);
  }, [meetingId]);

  useEffect(() => {
    void load();
  }, [load]);
  const live = open !== undefined;
  useEffect(() => {
    if (!live) return;
    // One request at a time: the next starts when the last has answered.
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await load();
      if (!stopped) timer = setTimeout(tick, LIVE_INTERVAL_MS);
    };
    timer = setTimeout(tick, LIVE_INTERVAL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [live, load]);

  const update = useCallback((poll: Poll) => {
    setPolls((list) => {
      const others = (list ?? [])
        .filter((p) => p.id !== poll.id)
        .map((p) => (poll.status === 'open' && p.status === 'open' ? { ...p, status: 'closed' as const, address: null } : p));
      return [...others, poll].sort((a, b) => a.id - b.id);
    });
  }, []);

  // The presenter view shows the poll that is open, or else the one on the big screen.
  const shown = open ?? polls?.find((p) => p.id === screenId) ?? null;
  const channel = useRef<BroadcastChannel>(null);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  useEffect(() => {
    const opened = pollChannel(meetingId);
    channel.current = opened;
    opened.onmessage = (event: MessageEvent<PollMessage>) => {
      if (event.data.type === 'hello') opened.postMessage({ type: 'poll', poll: shownRef.current } satisfies PollMessage);
    };
    return () => opened.close();
  }, [meetingId]);
  useEffect(() => channel.current?.postMessage({ type: 'poll', poll: shown } satisfies PollMessage), [shown]);

  const value = useMemo<PollsState>(
    () => ({ meetingId, polls, error, open, onScreen: polls?.find((p) => p.id === screenId), setOnScreen: setScreenId, update }),
    [meetingId, polls, error, open, screenId, update],
  );
  return <PollsContext.Provider value={value}>{children}</PollsContext.Provider>;
}

export function usePolls(): PollsState {
  const state = useContext(PollsContext);
  if (!state) throw new Error('usePolls outside PollsProvider');
  return state;
}
