import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { call, type MethodOutput } from '../../api';
import { useAction } from '../../hooks';
import { useI18n } from '../../i18n';
import { chairHash } from '../deck/channel';
import { DeckPresenter } from '../deck/DeckPresenter';
import { ChairPanel } from './ChairPanel';
import { PollScreen } from './polls/PollScreen';
import { PollsProvider } from './polls/usePolls';
import type { Meeting } from './model';

type DeckSlide = MethodOutput<'deck.get'>['slides'][number];
const DECK_REFRESH_MS = 700;
const MIN_PANEL_PX = 320;

/** Vergadering: the deck, and next to it the chair's panel that follows the current slide. */
export function MeetingMode({ meeting, onChanged }: { meeting: Meeting; onChanged(meeting: Meeting): void }) {
  const { t } = useI18n();
  const [slide, setSlide] = useState<DeckSlide>();
  // Agreements saved in the panel reach the deck's agreement slides a moment after the typing pauses.
  const [deckVersion, setDeckVersion] = useState(0);
  const refresh = useRef<ReturnType<typeof setTimeout>>(undefined);
  const agreementsChanged = useCallback(() => {
    clearTimeout(refresh.current);
    refresh.current = setTimeout(() => setDeckVersion((n) => n + 1), DECK_REFRESH_MS);
  }, []);
  useEffect(() => () => clearTimeout(refresh.current), []);
  // The chair's panel ends at the bottom of the window, wherever it starts: on a laptop screen every field
  // in it is reached by scrolling the panel, never the page past the deck.
  const layout = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const fit = () => {
      const element = layout.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.setProperty('--chair-height', `${Math.max(MIN_PANEL_PX, window.innerHeight - top - 12)}px`);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [meeting.status]);
  const change = useAction((to: 'start' | 'end') => call(to === 'start' ? 'meetings.start' : 'meetings.end', { id: meeting.id }));
  const run = async (to: 'start' | 'end') => {
    const result = await change.run(to);
    if (result.ok) onChanged(result.value);
  };
  // The panel in a window of its own stays on the laptop while the deck goes full screen on the projector.
  const [chairWindow, setChairWindow] = useState<Window | null>(null);
  const [popupBlocked, setPopupBlocked] = useState(false);
  const openChairWindow = () => {
    const opened = window.open(
      new URL(chairHash(meeting.id), window.location.href).href,
      `fto-chair-${meeting.id}`,
      'popup,width=560,height=860',
    );
    setPopupBlocked(!opened);
    setChairWindow(opened);
  };
  useEffect(() => {
    if (!chairWindow) return;
    const timer = setInterval(() => chairWindow.closed && setChairWindow(null), 1000);
    return () => clearInterval(timer);
  }, [chairWindow]);
  return (
    <div className="meeting-mode">
      <div className="meeting-bar">
        {meeting.status === 'running' ? (
          <>
            <span className="live-dot" aria-hidden="true" />
            <span>{t('meeting.running')}</span>
            <button type="button" onClick={() => run('end')} disabled={change.busy}>
              {t('meeting.end')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => run('start')} disabled={change.busy}>
            {meeting.status === 'ended' ? t('meeting.resume') : t('meeting.start')}
          </button>
        )}
        {meeting.status === 'ended' && <span className="muted">{t('meeting.endedNote')}</span>}
        <button type="button" onClick={openChairWindow} title={t('chair.ownWindowHint')}>
          {t('chair.ownWindow')}
        </button>
        {popupBlocked && (
          <span className="error" role="alert">
            {t('deck.popupBlocked')}
          </span>
        )}
        {change.error && (
          <span className="error" role="alert">
            {change.error.message}
          </span>
        )}
      </div>
      <PollsProvider meetingId={meeting.id}>
        <div className="meeting-layout" ref={layout}>
          <div className="meeting-deck">
            <DeckPresenter
              meetingId={meeting.id}
              onSlideChange={(next) => setSlide(next)}
              contentVersion={deckVersion}
              overlay={<PollScreen />}
            />
          </div>
          {chairWindow ? (
            <aside className="chair-panel chair-elsewhere" aria-label={t('chair.title')}>
              <p>{t('chair.inOwnWindow')}</p>
              <button type="button" onClick={() => chairWindow.close()}>
                {t('chair.backHere')}
              </button>
            </aside>
          ) : (
            <ChairPanel meeting={meeting} slide={slide} onAgreementsChanged={agreementsChanged} />
          )}
        </div>
      </PollsProvider>
    </div>
  );
}
