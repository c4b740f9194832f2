import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { PresenterPoll } from '../meeting/polls/PresenterPoll';
import { deckChannel, type PresenterMessage } from './channel';
import { SlideFrame } from './SlideFrame';
import './deck.css';

type DeckMessage = Extract<PresenterMessage, { type: 'deck' }>;

/**
 * The presenter view (#/presenter/<meeting id>, a second window): the current slide's notes, the next slide,
 * the clock and the time since the start, following the presenting window. Its own buttons and arrow keys
 * move the presentation there.
 */
export function PresenterView({ meetingId }: { meetingId: number }) {
  const { t, lang } = useI18n();
  const [deck, setDeck] = useState<DeckMessage>();
  const [index, setIndex] = useState(0);
  const [ended, setEnded] = useState(false);
  const [timerFrom, setTimerFrom] = useState<number>();
  const now = useNow();
  const channel = useRef<BroadcastChannel>(null);

  useEffect(() => {
    document.title = `${t('presenter.title')} – ${t('app.name')}`;
    const opened = deckChannel(meetingId);
    channel.current = opened;
    opened.onmessage = (event: MessageEvent<PresenterMessage>) => {
      const message = event.data;
      if (message.type === 'deck') {
        setDeck(message);
        setIndex(message.index);
        setTimerFrom(undefined);
        setEnded(false);
      } else if (message.type === 'slide') {
        setIndex(message.index);
        setEnded(false);
      } else if (message.type === 'ended') setEnded(true);
    };
    opened.postMessage({ type: 'hello' } satisfies PresenterMessage);
    return () => opened.close();
  }, [meetingId, t]);

  const go = (step: 1 | -1) => channel.current?.postMessage({ type: 'go', step } satisfies PresenterMessage);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
      const step = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'n'].includes(event.key)
        ? 1
        : ['ArrowLeft', 'ArrowUp', 'PageUp', 'p'].includes(event.key)
          ? -1
          : 0;
      if (!step) return;
      event.preventDefault();
      go(step);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const current = deck?.slides[index];
  const next = deck?.slides[index + 1];
  const elapsed = deck ? Math.max(0, now - (timerFrom ?? deck.startedAt)) : 0;
  return (
    <div className="presenter-view">
      <header className="presenter-head">
        <h1>{t('presenter.title')}</h1>
        {deck && <span className="deck-position">{t('deck.position', { index: index + 1, total: deck.slides.length })}</span>}
        <span className="presenter-clock" aria-label={t('presenter.clock')}>
          {new Date(now).toLocaleTimeString(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}
        </span>
        <span className="presenter-timer">
          {t('presenter.elapsed')} <strong>{duration(elapsed)}</strong>
        </span>
        <button type="button" onClick={() => setTimerFrom(Date.now())} disabled={!deck}>
          {t('presenter.resetTimer')}
        </button>
        <button type="button" onClick={() => go(-1)} disabled={!deck || ended}>
          {t('presenter.previous')}
        </button>
        <button type="button" className="primary" onClick={() => go(1)} disabled={!deck || ended}>
          {t('presenter.nextButton')}
        </button>
      </header>
      {(!deck || ended) && <p className="panel presenter-waiting">{ended ? t('presenter.ended') : t('presenter.waiting')}</p>}
      <PresenterPoll meetingId={meetingId} />
      {deck && current && !ended && (
        <div className="presenter-grid">
          <section className="presenter-current" aria-label={t('presenter.current')}>
            <h2>
              {t('presenter.current')}: {current.title}
            </h2>
            <SlideFrame css={deck.css} html={current.html} size={deck.size} label={current.title} />
          </section>
          <section className="presenter-side">
            <h2>{t('presenter.next')}</h2>
            {next ? (
              <SlideFrame css={deck.css} html={next.html} size={deck.size} label={next.title} />
            ) : (
              <p className="muted">{t('presenter.last')}</p>
            )}
            <h2>{t('presenter.notes')}</h2>
            {current.notesHtml ? (
              // The notes as the core wrote them from their Markdown (escaped there).
              <div className="presenter-notes" dangerouslySetInnerHTML={{ __html: current.notesHtml }} />
            ) : (
              <p className="muted">{t('presenter.noNotes')}</p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

/** The current time, ticking every second. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** 0:05, 12:34, 1:02:03. */
function duration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
