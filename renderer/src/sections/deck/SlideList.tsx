import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { kindKey, type DeckSlide } from './model';

interface Props {
  slides: DeckSlide[];
  selectedId: string | undefined;
  onSelect(id: string): void;
  /** Moves the slide one place up (-1) or down (1). */
  onMove(id: string, step: -1 | 1): void;
}

/**
 * The deck's slides in order, with their kind and marks. Arrow keys go through the list, Alt+arrow moves the
 * chosen slide; the focus stays on it while it moves.
 */
export function SlideList({ slides, selectedId, onSelect, onMove }: Props) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const keepFocus = useRef(false);

  // After a move the list is drawn in its new order; the moved slide keeps the keyboard.
  useEffect(() => {
    if (!keepFocus.current || !selectedId) return;
    keepFocus.current = false;
    list.current?.querySelector<HTMLButtonElement>(`button[data-slide-id="${CSS.escape(selectedId)}"]`)?.focus();
  }, [slides, selectedId]);

  const onKeyDown = (event: KeyboardEvent, index: number, slide: DeckSlide) => {
    const step = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    if (!step) return;
    event.preventDefault();
    if (event.altKey) {
      keepFocus.current = true;
      onMove(slide.id, step);
      return;
    }
    const next = slides[index + step];
    if (!next) return;
    onSelect(next.id);
    keepFocus.current = true;
  };

  return (
    <ol className="deck-list" ref={list} aria-label={t('deck.slides')}>
      {slides.map((slide, index) => (
        <li key={slide.id} className={slide.hidden ? 'is-hidden' : undefined}>
          <button
            type="button"
            data-slide-id={slide.id}
            aria-current={slide.id === selectedId ? 'true' : undefined}
            tabIndex={slide.id === selectedId ? 0 : -1}
            onClick={() => onSelect(slide.id)}
            onKeyDown={(event) => onKeyDown(event, index, slide)}
          >
            <span className="deck-number">{index + 1}</span>
            <span className="deck-item">
              <span className="deck-item-title">{slide.title || t('deck.untitled')}</span>
              <span className="deck-marks">
                <span className="deck-kind">{t(kindKey(slide.kind))}</span>
                {slide.origin === 'own' && <span className="mark own">{t('deck.mark.own')}</span>}
                {slide.edited && <span className="mark edited">{t('deck.mark.edited')}</span>}
                {slide.hidden && <span className="mark hidden">{t('deck.mark.hidden')}</span>}
                {slide.incomplete && <span className="mark incomplete">{t('deck.mark.incomplete')}</span>}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
