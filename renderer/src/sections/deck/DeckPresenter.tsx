import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Reveal, { type RevealApi, type RevealConfig } from 'reveal.js';
import { fitSlides } from '../../../../slides/fit';
import { get, type MethodOutput } from '../../api';
import { useLoad } from '../../hooks';
import { translate, useI18n } from '../../i18n';
import { deckChannel, presenterHash, type PresenterMessage, type PresenterSlide } from './channel';
import { revealInShadow, slideSize, splitSections } from './shadow';
import type { DeckSlide } from './model';
import './deck.css';
import { ErrorAlert } from '../../components/ErrorAlert';

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
  /** Changes when the deck's content may have changed (an agreement saved): the slides are fetched again. */
  contentVersion?: number;
}

type Presentation = MethodOutput<'deck.presentation'>;

/** Where the deck was, per meeting, for this browser tab: a reload or a return to the tab goes on from there. */
const positionKey = (meetingId: number) => `fto.deckSlide.${meetingId}`;
function storedPosition(meetingId: number): { id: string; index: number } | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(positionKey(meetingId)) ?? 'null') as { id?: unknown; index?: unknown } | null;
    return value && typeof value.id === 'string' && typeof value.index === 'number' ? { id: value.id, index: value.index } : undefined;
  } catch {
    return undefined;
  }
}

/** The slides' ids, theme and settings: when only a slide's content changes, the running deck is patched. */
const structureOf = (data: Presentation) => JSON.stringify([data.slides.map((slide) => slide.id), data.css, data.config]);

/**
 * The meeting's deck on the app's own bundled reveal.js: the visible slides as deck.presentation makes them,
 * fitted like the exported file, with reveal's keyboard navigation (while the deck has the focus), full
 * screen (F) and a presenter view in a second window that follows along. New content (an agreement typed
 * in the chair's panel) is put into the slides in place, without leaving the current slide.
 */
export function DeckPresenter({ meetingId, onSlideChange, autoFocus, startAt, onClose, overlay, contentVersion }: Props) {
  const { t } = useI18n();
  const presentation = useLoad(() => get('deck.presentation', { meetingId }), [meetingId]);
  const stage = useRef<HTMLDivElement>(null);
  const onSlideChangeRef = useRef(onSlideChange);
  onSlideChangeRef.current = onSlideChange;
  const [position, setPosition] = useState<{ index: number; total: number }>();
  const [problem, setProblem] = useState('');
  // The running deck, for patching new content into it.
  const live = useRef<{ structure: string; patch(next: Presentation): void }>(null);

  const { reload } = presentation;
  useEffect(() => {
    if (contentVersion) reload();
  }, [contentVersion, reload]);
  // Back on this browser tab: what another window changed meanwhile is fetched.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const data = presentation.data;
  const dataRef = useRef(data);
  dataRef.current = data;
  const structure = data ? structureOf(data) : undefined;
  useEffect(() => {
    if (data && live.current?.structure === structureOf(data)) live.current.patch(data);
  }, [data]);

  useEffect(() => {
    const first = dataRef.current;
    if (!first || !structure) return;
    let current = first;
    const host = stage.current!;
    const reveal = revealInShadow(host, current.css);
    const slidesElement = document.createElement('div');
    slidesElement.className = 'slides';
    slidesElement.innerHTML = current.sectionsHtml;
    reveal.append(slidesElement);
    fitSlides(slidesElement);
    // What the presenter view shows, taken before reveal adds its own classes and styles.
    const slides: PresenterSlide[] = [...slidesElement.children].map((section, index) => ({
      id: (section as HTMLElement).dataset.id ?? '',
      title: current.slides[index]?.title ?? '',
      html: section.outerHTML,
      notesHtml: section.querySelector('aside.notes')?.innerHTML ?? '',
    }));
    const startedAt = Date.now();
    const channel = deckChannel(meetingId);
    const deck: RevealApi = new Reveal(reveal, {
      ...(current.config as RevealConfig),
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
    let running = true;
    const report = () => {
      const index = deck.getIndices().h;
      setPosition({ index, total: slides.length });
      const slide = current.slides[index];
      if (slide) {
        onSlideChangeRef.current?.(slide, index);
        sessionStorage.setItem(positionKey(meetingId), JSON.stringify({ id: slide.id, index }));
      }
      channel.postMessage({ type: 'slide', index } satisfies PresenterMessage);
    };
    const sendDeck = () =>
      channel.postMessage({
        type: 'deck',
        css: current.css,
        size: slideSize(current.config),
        slides,
        index: ready ? deck.getIndices().h : 0,
        startedAt,
      } satisfies PresenterMessage);
    channel.onmessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'hello') sendDeck();
      else if (event.data.type === 'contentChanged') reload();
      else if (event.data.type === 'go' && ready) {
        if (event.data.step > 0) deck.next();
        else deck.prev();
      }
    };
    live.current = {
      structure,
      patch(next) {
        // The changed slides are fitted off screen, unscaled, then put into reveal's sections as they stand.
        const fitting = document.createElement('div');
        fitting.className = 'slides';
        fitting.style.cssText = 'visibility:hidden;transform:none;left:-99999px';
        fitting.innerHTML = next.sectionsHtml;
        reveal.append(fitting);
        const before = splitSections(current.sectionsHtml);
        const changed = [...fitting.children].map((section, index) => (section.outerHTML === before[index]?.outerHTML ? null : section));
        fitSlides(fitting);
        changed.forEach((section, index) => {
          const target = slidesElement.children[index];
          if (!section || !target) return;
          target.innerHTML = section.innerHTML;
          slides[index] = {
            ...slides[index]!,
            title: next.slides[index]?.title ?? '',
            html: section.outerHTML,
            notesHtml: section.querySelector('aside.notes')?.innerHTML ?? '',
          };
        });
        fitting.remove();
        current = next;
        if (ready && changed.some(Boolean)) {
          deck.sync();
          report();
          sendDeck();
        }
      },
    };
    deck.on('slidechanged', report);
    void deck.initialize().then(() => {
      // React may already have taken the deck down again (StrictMode mounts twice).
      if (!running) return deck.destroy();
      ready = true;
      // The slide chosen in the editor, or where this deck was before a reload, a tab switch or new content.
      const stored = startAt === undefined ? storedPosition(meetingId) : undefined;
      const byId = slides.findIndex((slide) => slide.id === (startAt ?? stored?.id));
      const start = byId >= 0 ? byId : stored ? Math.min(stored.index, slides.length - 1) : 0;
      if (start > 0) deck.slide(start);
      report();
      sendDeck();
    });
    // reveal scales the slides to the window's size; the deck's box can change without the window changing.
    const observer = new ResizeObserver(() => ready && deck.layout());
    observer.observe(host);
    if (autoFocus) host.focus();
    return () => {
      running = false;
      live.current = null;
      observer.disconnect();
      channel.postMessage({ type: 'ended' } satisfies PresenterMessage);
      channel.close();
      if (ready) deck.destroy();
    };
  }, [structure, meetingId, autoFocus, startAt, reload]);

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
      <ErrorAlert message={presentation.error || problem} />
      {data && data.slides.length === 0 && <p className="muted">{t('deck.empty')}</p>}
      {!data && !presentation.error && <p className="muted">{t('common.loading')}</p>}
      <div
        ref={stage}
        className="deck-stage"
        tabIndex={0}
        role="region"
        aria-roledescription={t('deck.roleDescription')}
        aria-label={t('deck.stage')}
      >
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
