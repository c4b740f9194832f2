import type { DeckData } from './data';
import { generatedBlocks } from './figures';
import { applyEdits, type Deck, type DeckEdits, type Slide } from './model';
import { GENERATED_BLOCKS, type GeneratedBlock, type ModuleSlide } from './module';
import { opioidModule } from './modules';

export interface BuildDeckInput {
  data: DeckData;
  /** The module's slides; the built-in "Opioïden" module by default. */
  module?: ModuleSlide[];
  edits?: DeckEdits | null;
  title?: string;
}

/**
 * The deck for one meeting: the module's slides with the generated blocks where the module places them (a
 * block the module does not place goes at the end), then the preparer's edits on top.
 */
export function buildDeck({ data, module = opioidModule(), edits, title = 'FTO Opioïden' }: BuildDeckInput): Deck {
  const blocks = generatedBlocks(data);
  const placed = new Set<GeneratedBlock>();
  const slides: Slide[] = [];
  for (const { insert, ...slide } of module) {
    slides.push(slide);
    for (const block of insert ?? []) {
      if (placed.has(block)) continue;
      slides.push(...blocks[block]);
      placed.add(block);
    }
  }
  for (const block of GENERATED_BLOCKS) if (!placed.has(block)) slides.push(...blocks[block]);
  return { title, group: data.group, date: data.date ?? null, slides: applyEdits(slides, edits) };
}

/** The slides the audience sees: hidden ones left out. */
export function visibleSlides(deck: Deck): Slide[] {
  return deck.slides.filter((slide) => !slide.hidden);
}
