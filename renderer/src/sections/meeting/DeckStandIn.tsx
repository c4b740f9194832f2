// TEMPORARY until renderer/src/sections/deck exists: same props as the deck engineer's components.
import { useEffect, useState } from 'react';
import { get, type MethodOutput } from '../../api';
import { useLoad } from '../../hooks';

type DeckSlide = MethodOutput<'deck.get'>['slides'][number];

export function DeckPresenter({ meetingId, onSlideChange }: { meetingId: number; onSlideChange?(slide: DeckSlide, index: number): void }) {
  const deck = useLoad(() => get('deck.get', { meetingId }), [meetingId]);
  const slides = deck.data?.slides.filter((s) => !s.hidden) ?? [];
  const [index, setIndex] = useState(0);
  const slide = slides[index];
  useEffect(() => {
    if (slide) onSlideChange?.(slide, index);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slide?.id]);
  return (
    <div className="panel">
      <h3>{slide?.title}</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{slide?.body}</p>
      <div className="actions">
        <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))}>Vorige dia</button>
        <span>{index + 1} / {slides.length}</span>
        <button type="button" onClick={() => setIndex((i) => Math.min(slides.length - 1, i + 1))}>Volgende dia</button>
      </div>
    </div>
  );
}

export function DeckEditor({ meetingId }: { meetingId: number }) {
  return <p className="panel muted">Presentatie {meetingId}</p>;
}
