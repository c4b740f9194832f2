import { buildDeck, deckFileName, deckToHtml, deckToPptx, SLIDE_HEIGHT, SLIDE_WIDTH, type Deck } from '../../slides';
import type { FileOutput } from '../contract/meetings';
import { AppError } from '../errors';
import { getMeeting } from '../meetings/store';
import type { Db } from '../open';
import { fileOf } from '../reports/files';
import type { PdfRenderer } from '../reports/pdf';
import { deckData, meetingDeckSpec, type DeckSpec } from './data';
import { editedSlideIds, loadDeckEdits } from './edits';

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
        return (
          !module ||
          module.hidden !== slide.hidden ||
          module.title !== slide.title ||
          module.body !== slide.body ||
          module.notes !== slide.notes
        );
      })
      .map((slide) => slide.id),
  );
}

/** The deck as one of its three export files, named after the group and the date; a PDF made by `renderPdf`. */
export async function deckFile(deck: Deck, format: 'html' | 'pdf' | 'pptx', renderPdf: PdfRenderer): Promise<FileOutput> {
  const fileName = deckFileName(deck.group, deck.date, format);
  switch (format) {
    case 'html':
      return fileOf(fileName, 'html', Buffer.from(deckToHtml(deck), 'utf8'));
    case 'pptx':
      return fileOf(fileName, 'pptx', await deckToPptx(deck));
    case 'pdf':
      return fileOf(
        fileName,
        'pdf',
        await renderPdf(deckToHtml(deck, { print: true }), { kind: 'slides', width: SLIDE_WIDTH, height: SLIDE_HEIGHT }),
      );
  }
}
