// The generated slides: the group's own figures, the national context, the agreements. Each table cell that
// shows a figure says where it comes from (row, indicator, period), so the figures can be traced and tested.
// One file per slide family; this index puts them in their blocks.
import type { DeckData } from '../data';
import type { Slide } from '../model';
import type { GeneratedBlock } from '../module';
import { agreementSlides, allAgreementSlides } from './agreements';
import { countSlides } from './counts';
import { definitionsSlide } from './definitions';
import { doseSlides } from './dose';
import { evaluationSlides } from './evaluation';
import { nationalSlides } from './national';
import { practiceNamer } from './rows';
import { yearSlides } from './years';

export { GROUP_ROW_LABEL, OTHER_ROW_LABEL, practiceNamer, ratePer1000, REGION_ROW_LABEL } from './rows';

/** Every generated block of slides for this data; blocks without data are empty. */
export function generatedBlocks(data: DeckData): Record<GeneratedBlock, Slide[]> {
  const name = practiceNamer(data);
  return {
    review: data.review
      ? agreementSlides(
          'terugblik',
          (party) => `Hoe ging het bij ${party}?`,
          data.review.agreements,
          name,
          true,
          `Afspraken van ${data.review.meetingLabel}, met het cijfer van toen en van nu.`,
          'Laat de praktijk zelf vertellen wat er van elke afspraak terechtkwam.',
        )
      : [],
    evaluation: evaluationSlides(data, name),
    national: nationalSlides(),
    figures: [...countSlides(data, name), ...doseSlides(data, name), ...yearSlides(data, name), definitionsSlide(data)],
    agreements: data.agreements?.length
      ? agreementSlides(
          'afspraken',
          (party) => `Onze afspraken: ${party}`,
          data.agreements,
          name,
          false,
          'Over een jaar kijken we samen of deze afspraken gelukt zijn.',
          'Lees de afspraken hardop voor, zodat iedereen weet wat er is afgesproken.',
        )
      : [],
    allAgreements: data.agreements?.length ? allAgreementSlides(data.agreements, name) : [],
  };
}
