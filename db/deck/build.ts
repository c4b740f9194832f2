import { buildDeck, deckFileName, deckParts, deckToHtml, deckToPptx, SLIDE_HEIGHT, SLIDE_WIDTH, type Deck, type Slide } from '../../slides';
import type { deckContract, DeckSlide } from '../contract/deck';
import type { FileOutput } from '../contract/meetings';
import type { CoreContext, Handlers } from '../core';
import { deckData, meetingDeckSpec, type DeckSpec } from '../deck/data';
import { addOwnSlide, editedSlideIds, loadDeckEdits, resetSlide, saveOrder, saveSlideEdit } from '../deck/edits';
import { AppError } from '../errors';
import { getMeeting } from '../meetings/store';
import { fileOf } from '../reports/files';
import { renderPdf } from '../reports/pdf';
import type { Db } from '../open';

/** The deck of a meeting: built from the module, the group's figures and the stored edits. */
export function meetingDeck(db: Db, meetingId: number): { deck: Deck; edited: Set<string> } {
  const meeting = getMeeting(db, meetingId);
  return buildDeckFor(db, meetingDeckSpec(db, meetingId), meeting.topic);
}

/** A deck for a group and period; with a meeting, its stored edits and agreements are in it. */
export function buildDeckFor(db: Db, spec: DeckSpec, title?: string): { deck: Deck; edited: Set<string> } {
  const edits = spec.meetingId === null ? null : loadDeckEdits(db, spec.meetingId);
  try {
    const data = deckData(db, spec);
    const deck = buildDeck({ data, edits, ...(title ? { title } : {}) });
    return { deck, edited: edits ? differingSlideIds(deck, buildDeck({ data }), editedSlideIds(edits)) : new Set() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('conflict', `De presentatie kan niet worden opgebouwd: ${(error as Error).message}`);
  }
}

/** Of the slides with stored edits, those that now differ from the module: hiding and showing again is no edit. */
function differingSlideIds(deck: Deck, base: Deck, withEdits: Set<string>): Set<string> {
  const original = new Map(base.slides.map((slide) => [slide.id, slide]));
  return new Set(
    deck.slides
      .filter((slide) => withEdits.has(slide.id))
      .filter((slide) => {
        const module = original.get(slide.id);
        return !module || module.hidden !== slide.hidden || module.title !== slide.title || module.body !== slide.body || module.notes !== slide.notes;
      })
      .map((slide) => slide.id),
  );
}

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

export function deckHandlers({ db }: CoreContext): Handlers<keyof typeof deckContract> {
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
    const row = db.prepare('SELECT kind FROM deck_slide WHERE meeting_id = ? AND slide_id = ?').get(meetingId, slideId) as { kind: string | null } | undefined;
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
      if (isOwnSlide(meetingId, slideId)) throw new AppError('conflict', 'Een eigen dia heeft geen moduletekst om naar terug te gaan.', 'slideId');
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
      return { css: parts.css, sectionsHtml: parts.sectionsHtml, slides: parts.slides.map((slide) => toDeckSlide(slide, edited)), config: parts.config };
    },
    'deck.export': ({ meetingId, format }) => deckFile(meetingDeck(db, meetingId).deck, format),
  };
}

/** The deck as one of its three export files, named after the group and the date. */
export async function deckFile(deck: Deck, format: 'html' | 'pdf' | 'pptx'): Promise<FileOutput> {
  const fileName = deckFileName(deck.group, deck.date, format);
  switch (format) {
    case 'html':
      return fileOf(fileName, 'html', Buffer.from(deckToHtml(deck), 'utf8'));
    case 'pptx':
      return fileOf(fileName, 'pptx', await deckToPptx(deck));
    case 'pdf':
      return fileOf(fileName, 'pdf', await renderPdf(deckToHtml(deck, { print: true }), { kind: 'slides', width: SLIDE_WIDTH, height: SLIDE_HEIGHT }));
  }
}
