// The definitions behind the deck's figures, with the settings they were computed with (the texts: domain/definitions.ts).
import { figureDefinitions } from '../../domain';
import type { DeckData } from '../data';
import { formatDate, formatDay, formatNumber, periodLabel } from '../format';
import type { Slide } from '../model';
import { OME_FACTOR_UNIT, omeFactorLines, omeFactorSource } from '../ome';
import { groupPractices, ratePer1000 } from './rows';

export function definitionsSlide(data: DeckData): Slide {
  const period = data.current;
  const { lookbackDays } = period.settings;
  const listSizes = groupPractices(period, data.group).some((row) => ratePer1000(row, 'chronicUsers') !== null);
  const body = [
    `- **Periode**: ${periodLabel(period)}, ${formatDate(period.from)} t/m ${formatDate(period.to)}`,
    period.dataEnd
      ? `- **Gegevens tot**: ${formatDay(period.dataEnd)} (de laatste uitgifte van een opioïd door de apotheken van de groep)`
      : '',
    // Bullets on a slide end without a full stop, like the lines around them.
    ...figureDefinitions(period.settings).map(({ term, text }) => `- **${term}**: ${text.replace(/\.$/, '')}`),
    ...(data.omeFactors
      ? [`- **OME-factoren**, ${OME_FACTOR_UNIT}: ${omeFactorLines(data.omeFactors).join('; ')}. ${omeFactorSource(data.omeFactors)}`]
      : []),
    period.lookbackComplete
      ? '- **Terugkijken**: de gegevens reiken ver genoeg terug; de cijfers over nieuwe gebruikers zijn volledig'
      : `- **Terugkijken**: de gegevens reiken minder dan ${formatNumber(lookbackDays)} dagen terug; cijfers over nieuwe gebruikers zijn **onvolledig**`,
    listSizes ? '- **Per 1.000 patiënten**: naar het aantal ingeschreven patiënten van de praktijk in de periode' : '',
    data.naming === 'letters' ? '- Praktijken staan zonder naam, als praktijk A, B, C ...' : '',
  ].filter(Boolean);
  return {
    id: 'cijfers-definities',
    kind: 'text',
    origin: 'generated',
    title: 'Definities bij deze cijfers',
    body: body.join('\n'),
    notes: 'Deze instellingen kunnen per groep anders zijn; ze staan ook in elke export van de cijfers.',
    hidden: false,
  };
}
