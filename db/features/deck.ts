import { deckParts, type Slide } from '../../slides';
import type { deckContract, DeckSlide } from '../contract/deck';
import { deckFile, meetingDeck } from '../deck/build';
import { addOwnSlide, resetSlide, saveOrder, saveSlideEdit } from '../deck/edits';
import { AppError } from '../errors';
import type { CoreContext, Handlers } from '../handler';
import { queryOne } from '../query';

function toDeckSlide(slide: Slide, edited: Set<string>): DeckSlide {
  return {
    id: slide.id,
    kind: slide.kind,
    origin: slide.origin,
    title: slide.title,
    body: slide.body,
    notes: slide.notes,
    hidden: slide.hidden,
    edited: edited.has(slide.id),
    questions: slide.questions ?? [],
    incomplete: slide.data?.incomplete ?? false,
  };
}

export function deckHandlers({ db, renderPdf }: CoreContext): Handlers<keyof typeof deckContract> {
  // The slide ids of each meeting's deck as last built: an autosave checks its slide against them
  // without building the deck (with all its figures) on every keystroke.
  const slideIds = new Map<number, Set<string>>();
  const build = (meetingId: number) => {
    const built = meetingDeck(db, meetingId);
    slideIds.set(meetingId, new Set(built.deck.slides.map((slide) => slide.id)));
    return built;
  };
  const requireSlide = (meetingId: number, slideId: string) => {
    if (slideIds.get(meetingId)?.has(slideId)) return;
    if (!build(meetingId).deck.slides.some((slide) => slide.id === slideId)) {
      throw new AppError('validation', `De dia "${slideId}" hoort niet bij deze presentatie.`, 'slideId');
    }
  };
  const isOwnSlide = (meetingId: number, slideId: string) => {
    const row = queryOne<{ kind: string | null }>(
      db,
      'SELECT kind FROM deck_slide WHERE meeting_id = ? AND slide_id = ?',
      meetingId,
      slideId,
    );
    return row !== undefined && row.kind !== null;
  };

  return {
    'deck.get': ({ meetingId }) => {
      const { deck, edited } = build(meetingId);
      return { meetingId, title: deck.title, group: deck.group, slides: deck.slides.map((slide) => toDeckSlide(slide, edited)) };
    },
    'deck.editSlide': ({ meetingId, slideId, ...change }) => {
      requireSlide(meetingId, slideId);
      return { updatedAt: saveSlideEdit(db, meetingId, slideId, change) };
    },
    'deck.resetSlide': ({ meetingId, slideId }) => {
      requireSlide(meetingId, slideId);
      if (isOwnSlide(meetingId, slideId))
        throw new AppError('conflict', 'Een eigen dia heeft geen moduletekst om naar terug te gaan.', 'slideId');
      resetSlide(db, meetingId, slideId);
      return null;
    },
    'deck.reorder': ({ meetingId, order }) => {
      const { deck } = build(meetingId);
      const known = new Set(deck.slides.map((slide) => slide.id));
      const unknown = order.find((slideId) => !known.has(slideId));
      if (unknown) throw new AppError('validation', `De dia "${unknown}" hoort niet bij deze presentatie.`, 'order');
      saveOrder(db, meetingId, order);
      return null;
    },
    'deck.addSlide': ({ meetingId, afterSlideId, ...slide }) =>
      db.transaction(() => {
        const { deck } = build(meetingId);
        const order = deck.slides.map((s) => s.id);
        if (afterSlideId !== null && !order.includes(afterSlideId)) {
          throw new AppError('validation', `De dia "${afterSlideId}" hoort niet bij deze presentatie.`, 'afterSlideId');
        }
        const id = addOwnSlide(db, meetingId, slide);
        slideIds.get(meetingId)?.add(id);
        order.splice(afterSlideId === null ? order.length : order.indexOf(afterSlideId) + 1, 0, id);
        saveOrder(db, meetingId, order);
        return { id };
      })(),
    'deck.deleteSlide': ({ meetingId, slideId }) => {
      if (!isOwnSlide(meetingId, slideId)) {
        throw new AppError('conflict', 'Alleen een eigen dia kan worden verwijderd; een dia van de module kunt u verbergen.', 'slideId');
      }
      db.prepare('DELETE FROM deck_slide WHERE meeting_id = ? AND slide_id = ?').run(meetingId, slideId);
      return null;
    },
    'deck.presentation': ({ meetingId }) => {
      const { deck, edited } = build(meetingId);
      const parts = deckParts(deck);
      return {
        css: parts.css,
        sectionsHtml: parts.sectionsHtml,
        slides: parts.slides.map((slide) => toDeckSlide(slide, edited)),
        config: parts.config,
      };
    },
    'deck.export': ({ meetingId, format }) => deckFile(meetingDeck(db, meetingId).deck, format, renderPdf),
  };
}
