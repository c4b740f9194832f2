import { z } from 'zod';
import { id, method } from './common';
import { fileOutput, saved } from './meetings';

const slideId = z.string().trim().min(1).max(120);
const text = (max: number, label: string) => z.string().max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` });

/** One slide of a meeting's deck, as the editor and the meeting panel see it. */
export const deckSlide = z.object({
  id: z.string(),
  kind: z.enum(['title', 'section', 'text', 'case', 'image', 'data', 'agreements']),
  /** module: the built-in module's text; generated: made from the figures; own: added by the preparer. */
  origin: z.enum(['module', 'generated', 'own']),
  title: z.string(),
  body: z.string(),
  notes: z.string(),
  hidden: z.boolean(),
  /** The preparer changed this slide's text or visibility. */
  edited: z.boolean(),
  /** A case slide's questions; their answer ids are `${slide id}-${number}` (1-based). */
  questions: z.array(z.string()),
  /** A data slide rests on an incomplete look-back ("onvolledig"). */
  incomplete: z.boolean(),
});
export type DeckSlide = z.infer<typeof deckSlide>;

export const deckOutline = z.object({
  meetingId: id,
  title: z.string(),
  group: z.string(),
  slides: z.array(deckSlide),
});

/** What the app needs to show the deck itself with its own bundled reveal.js. */
export const deckPresentation = z.object({
  /** The deck's theme CSS (scoped to .reveal). */
  css: z.string(),
  /** The visible slides as reveal <section> elements, in order. */
  sectionsHtml: z.string(),
  /** The visible slides in the same order. */
  slides: z.array(deckSlide),
  /** reveal.js settings used by the exported file too (size, margins, numbering). */
  config: z.record(z.string(), z.unknown()),
});

const imageInput = z
  .object({
    src: z
      .string()
      .regex(/^data:image\/(png|jpeg|gif|svg\+xml|webp);base64,/, { error: 'Kies een PNG-, JPEG-, GIF-, SVG- of WebP-afbeelding.' }),
    alt: text(300, 'De beschrijving').default(''),
  })
  .nullable()
  .default(null);

export const deckContract = {
  /** The meeting's deck: module slides with the group's figures and the preparer's edits. */
  'deck.get': method(z.object({ meetingId: id }), deckOutline),
  /** Autosave of one slide's text or visibility; fields left out stay as they are. */
  'deck.editSlide': method(
    z.object({
      meetingId: id,
      slideId,
      title: text(300, 'De titel').optional(),
      body: text(20_000, 'De tekst').optional(),
      notes: text(20_000, 'De sprekersnotities').optional(),
      hidden: z.boolean().optional(),
    }),
    saved.omit({ id: true }),
  ),
  /** Back to the module's text and visibility (module and figure slides). */
  'deck.resetSlide': method(z.object({ meetingId: id, slideId }), z.null()),
  /** The full order of slide ids, as the editor shows it after a move. */
  'deck.reorder': method(z.object({ meetingId: id, order: z.array(slideId).min(1) }), z.null()),
  'deck.addSlide': method(
    z.object({
      meetingId: id,
      /** The new slide comes right after this one; null: at the end. */
      afterSlideId: slideId.nullable().default(null),
      kind: z.enum(['title', 'text', 'image']).default('text'),
      title: text(300, 'De titel').trim().min(1, { error: 'Geef de dia een titel.' }),
      body: text(20_000, 'De tekst').default(''),
      notes: text(20_000, 'De sprekersnotities').default(''),
      image: imageInput,
    }),
    z.object({ id: z.string() }),
  ),
  /** Removes an own slide (module slides can only be hidden). */
  'deck.deleteSlide': method(z.object({ meetingId: id, slideId }), z.null()),
  'deck.presentation': method(z.object({ meetingId: id }), deckPresentation),
  /** The deck as one offline .html, a PDF (one slide a page) or an editable .pptx. */
  'deck.export': method(z.object({ meetingId: id, format: z.enum(['html', 'pdf', 'pptx']) }), fileOutput),
};
