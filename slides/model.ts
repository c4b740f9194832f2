import { z } from 'zod';
import type { SeriesRole } from '../domain';

// The deck model: a list of slides made from the module's content, the generated data slides and the
// preparer's edits. Everything here is plain data, so the database can store the edits and any door
// (app, CLI, tests) can render the same deck.

export const SLIDE_KINDS = ['title', 'section', 'text', 'case', 'image', 'data', 'agreements'] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

/** Where a slide comes from: the built-in module, the figures, or the preparer. */
export type SlideOrigin = 'module' | 'generated' | 'own';

/** Colour roles (domain/palette.ts), so that short- and long-acting keep one colour each in every chart and export. */
export type { SeriesRole };

export interface ChartSeries {
  name: string;
  role: SeriesRole;
  /** 0 = full colour; higher = lighter shade of the role's colour (older years). */
  shade?: number;
  /** A colour of its own, for context charts whose series have no fixed meaning (substances). */
  color?: string;
  values: (number | null)[];
}

export interface ChartSpec {
  type: 'bar' | 'line';
  stacked?: boolean;
  /** Bars run left to right, categories (long practice names) read down the left side. */
  horizontal?: boolean;
  categories: string[];
  series: ChartSeries[];
  /** Digits after the decimal comma in labels (rates per 1,000). */
  decimals?: number;
  /** Short name of the value axis, e.g. "aantal" or "per 1.000 patiënten". */
  unit?: string;
}

/** A table cell. Figures carry their source (row, indicator, period) so tests and readers can trace them. */
export interface TableCell {
  text: string;
  /** A status colour: good (done), warn (partly), bad (not done), muted (dropped). */
  tone?: 'good' | 'warn' | 'bad' | 'muted';
  figure?: { row: string; indicator: string; period: string; value: number | null; incomplete?: boolean };
}

export interface TableSpec {
  columns: { label: string; numeric?: boolean }[];
  rows: { cells: TableCell[]; total?: boolean }[];
}

export interface DataContent {
  chart?: ChartSpec | null;
  table?: TableSpec | null;
  /** Lines under the figure: period, definitions used, "onvolledig" explanation, source. */
  footnotes: string[];
  /** True when a figure on the slide rests on an incomplete look-back. */
  incomplete?: boolean;
}

export interface SlideImage {
  /** A data: URL, so that the deck stays one self-contained file. */
  src: string;
  alt: string;
}

export interface Slide {
  id: string;
  kind: SlideKind;
  origin: SlideOrigin;
  title: string;
  /** Simple Markdown: paragraphs, bullet and numbered lists, **bold**, *italic*, [links](https://...). */
  body: string;
  notes: string;
  hidden: boolean;
  /** The case's questions (kind case), for the meeting's answer panel. */
  questions?: string[];
  image?: SlideImage | null;
  data?: DataContent | null;
}

export interface Deck {
  title: string;
  group: string;
  date: string | null;
  slides: Slide[];
}

// ---- Edits: what the preparer changed, stored per meeting and applied on top of the module ----

const slideId = z.string().trim().min(1).max(120);
const text = (max: number) => z.string().max(max, { error: `Een tekst mag hoogstens ${max} tekens lang zijn.` });

export const slideEditSchema = z.object({
  id: slideId,
  hidden: z.boolean().optional(),
  title: text(300).optional(),
  body: text(20_000).optional(),
  notes: text(20_000).optional(),
});

export const ownSlideSchema = z.object({
  id: slideId,
  kind: z.enum(['title', 'text', 'image']),
  title: text(300),
  body: text(20_000).default(''),
  notes: text(20_000).default(''),
  hidden: z.boolean().default(false),
  image: z
    .object({
      src: z
        .string()
        .regex(/^data:image\/(png|jpeg|gif|svg\+xml|webp);base64,/, { error: 'Een afbeelding moet een PNG, JPEG, GIF, SVG of WebP zijn.' }),
      alt: text(300).default(''),
    })
    .nullable()
    .optional(),
});

export const deckEditsSchema = z.object({
  /** Slide ids in the wanted order; slides missing here keep their place after their predecessor. */
  order: z.array(slideId).optional(),
  slides: z.array(slideEditSchema).default([]),
  own: z.array(ownSlideSchema).default([]),
});

export type SlideEdit = z.infer<typeof slideEditSchema>;
export type OwnSlide = z.infer<typeof ownSlideSchema>;
export type DeckEdits = z.input<typeof deckEditsSchema>;

/** Applies the preparer's edits: text and visibility per slide, own slides, then the order. */
export function applyEdits(base: Slide[], edits: DeckEdits | null | undefined): Slide[] {
  if (!edits) return base;
  const parsed = deckEditsSchema.parse(edits);
  const changes = new Map(parsed.slides.map((edit) => [edit.id, edit]));
  const own: Slide[] = parsed.own.map((slide) => ({ ...slide, origin: 'own', image: slide.image ?? null }));
  const taken = new Set(base.map((slide) => slide.id));
  for (const slide of own) {
    if (taken.has(slide.id)) throw new Error(`Er is al een dia met de code "${slide.id}"; kies voor een eigen dia een andere code.`);
    taken.add(slide.id);
  }
  const all = [...base, ...own].map((slide) => {
    const change = changes.get(slide.id);
    if (!change) return slide;
    return {
      ...slide,
      hidden: change.hidden ?? slide.hidden,
      title: change.title ?? slide.title,
      body: change.body ?? slide.body,
      notes: change.notes ?? slide.notes,
    };
  });
  return parsed.order ? reorder(all, parsed.order) : all;
}

/**
 * Puts the slides named in `order` in that order; every other slide (new data slides, a module update) follows
 * the slide it came after in the default order, so an old stored order never loses a slide.
 */
export function reorder(slides: Slide[], order: string[]): Slide[] {
  const byId = new Map(slides.map((slide) => [slide.id, slide]));
  const result = [...new Set(order)].flatMap((id) => byId.get(id) ?? []);
  const placed = new Set(result.map((slide) => slide.id));
  slides.forEach((slide, index) => {
    if (placed.has(slide.id)) return;
    const previous = slides[index - 1];
    result.splice(previous ? result.indexOf(previous) + 1 : 0, 0, slide);
    placed.add(slide.id);
  });
  return result;
}
