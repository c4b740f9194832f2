import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Reveal, { type RevealApi, type RevealConfig } from 'reveal.js';
import { fitSlides } from '../../../../slides/fit';
import { get } from '../../api';
import { useLoad } from '../../hooks';
import { translate, useI18n } from '../../i18n';
import { deckChannel, presenterHash, type PresenterMessage, type PresenterSlide } from './channel';
import { revealInShadow, slideSize } from './shadow';
import type { DeckSlide } from './model';
import './deck.css';

interface Props {
  meetingId: number;
  onSlideChange?: (slide: DeckSlide, index: number) => void;
  /** Puts the keyboard on the deck at once (when presenting is all the screen shows). */
  autoFocus?: boolean;
  /** Begins at this slide when it is shown (the one chosen in the editor). */
  startAt?: string;
  /** Shows a "Stoppen" button (Escape does the same) that ends presenting. */
  onClose?: () => void;
  /** Shown over the slides, also in full screen (the meeting's poll). */
  overlay?: ReactNode;
}

/**
 * The meeting's deck on the app's own bundled reveal.js: the visible slides as deck.presentation makes them,
 * fitted like the exported file, with reveal's keyboard navigation (while the deck has the focus), full
 * screen (F) and a presenter view in a second window that follows along.
 */
export function DeckPresenter({ meetingId, onSlideChange, autoFocus, startAt, onClose, overlay }: Props) {
  const { t } = useI18n();
  const presentation = useLoad(() => get('deck.presentation', { meetingId }), [meetingId]);
  const stage = useRef<HTMLDivElement>(null);
  const onSlideChangeRef = useRef(onSlideChange);
  onSlideChangeRef.current = onSlideChange;
  const [position, setPosition] = useState<{ index: number; total: number }>();
  const [problem, setProblem] = useState('');

  const data = presentation.data;
  useEffect(() => {
    if (!data) return;
    const host = stage.current!;
    const reveal = revealInShadow(host, data.css);
    const slidesElement = document.createElement('div');
    slidesElement.className = 'slides';
    slidesElement.innerHTML = data.sectionsHtml;
    reveal.append(slidesElement);
    fitSlides(slidesElement);
    // What the presenter view shows, taken before reveal adds its own classes and styles.
    const slides: PresenterSlide[] = [...slidesElement.children].map((section, index) => ({
      id: (section as HTMLElement).dataset.id ?? '',
      title: data.slides[index]?.title ?? '',
      html: section.outerHTML,
      notesHtml: section.querySelector('aside.notes')?.innerHTML ?? '',
    }));
    const startedAt = Date.now();
    const channel = deckChannel(meetingId);
    const deck: RevealApi = new Reveal(reveal, {
      ...(data.config as RevealConfig),
      // Inside the app: no address changes, no overview or English help, keys only while the deck has the focus.
      embedded: true,
      hash: false,
      history: false,
      overview: false,
      help: false,
      keyboardCondition: () => host.contains(document.activeElement) || document.fullscreenElement === host,
      keyboard: { 70: () => toggleFullscreen(host, setProblem) },
    });
    let ready = false;
    let live = true;
    const report = () => {
      const index = deck.getIndices().h;
      setPosition({ index, total: slides.length });
      const slide = data.slides[index];
      if (slide) onSlideChangeRef.current?.(slide, index);
      channel.postMessage({ type: 'slide', index } satisfies PresenterMessage);
    };
    const sendDeck = () =>
      channel.postMessage({ type: 'deck', css: data.css, size: slideSize(data.config), slides, index: ready ? deck.getIndices().h : 0, startedAt } satisfies PresenterMessage);
    channel.onmessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'hello') sendDeck();
      else if (event.data.type === 'go' && ready) {
        if (event.data.step > 0) deck.next();
        else deck.prev();
      }
    };
    deck.on('slidechanged', report);
    void deck.initialize().then(() => {
      // React may already have taken the deck down again (StrictMode mounts twice).
      if (!live) return deck.destroy();
      ready = true;
      const start = slides.findIndex((slide) => slide.id === startAt);
      if (start > 0) deck.slide(start);
      report();
      sendDeck();
    });
    // reveal scales the slides to the window's size; the deck's box can change without the window changing.
    const observer = new ResizeObserver(() => ready && deck.layout());
    observer.observe(host);
    if (autoFocus) host.focus();
    return () => {
      live = false;
      observer.disconnect();
      channel.postMessage({ type: 'ended' } satisfies PresenterMessage);
      channel.close();
      if (ready) deck.destroy();
    };
  }, [data, meetingId, autoFocus, startAt]);

  const openPresenterView = () => {
    const url = new URL(presenterHash(meetingId), window.location.href).href;
    const view = window.open(url, `fto-presenter-${meetingId}`, 'popup,width=1100,height=700');
    setProblem(view ? '' : t('deck.popupBlocked'));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && onClose && !document.fullscreenElement) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="deck-presenter" onKeyDown={onKeyDown}>
      <div className="deck-presenter-bar">
        <button type="button" onClick={() => toggleFullscreen(stage.current!, setProblem)} disabled={!data}>
          {t('deck.fullscreen')}
        </button>
        <button type="button" onClick={openPresenterView} disabled={!data}>
          {t('deck.presenterView')}
        </button>
        {position && position.total > 0 && (
          <span className="deck-position" aria-live="polite">
            {t('deck.position', { index: position.index + 1, total: position.total })}
          </span>
        )}
        <span className="hint">{t('deck.keys')}</span>
        {onClose && (
          <button type="button" className="primary deck-stop" onClick={onClose}>
            {t('deck.stop')}
          </button>
        )}
      </div>
      {(presentation.error || problem) && (
        <p className="error" role="alert">
          {presentation.error || problem}
        </p>
      )}
      {data && data.slides.length === 0 && <p className="muted">{t('deck.empty')}</p>}
      {!data && !presentation.error && <p className="muted">{t('common.loading')}</p>}
      <div ref={stage} className="deck-stage" tabIndex={0} role="region" aria-roledescription={t('deck.roleDescription')} aria-label={t('deck.stage')}>
        {overlay}
      </div>
    </div>
  );
}

function toggleFullscreen(element: HTMLElement, onRefused: (message: string) => void): void {
  const request = document.fullscreenElement ? document.exitFullscreen() : element.requestFullscreen();
  request.then(
    () => {
      onRefused('');
      element.focus();
    },
    () => onRefused(translate('deck.fullscreenRefused')),
  );
}
