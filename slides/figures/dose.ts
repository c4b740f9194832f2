import type { IndicatorName, SeriesRole } from '../../domain';
import type { DeckData } from '../data';
import { formatNumber, periodLabel } from '../format';
import type { Slide } from '../model';
import { dataSlide, footnotes, indicatorColumn, perPracticeContent, type Column } from './content';
import { practiceRows, ratePer1000 } from './rows';

/**
 * The module's working agreements measured (spec §5 v2, "Dose and agreement indicators"): each slide names the
 * agreement beside the figure that measures it.
 */
export function doseSlides(data: DeckData, name: (key: string) => string): Slide[] {
  const period = data.current;
  const own = practiceRows(period, data, name, false);
  const withOther = practiceRows(period, data, name, true);
  const label = periodLabel(period);
  const { startLimitDays, highDoseOme } = period.settings;
  const hasRates = (indicator: IndicatorName) => own.some((r) => !r.total && ratePer1000(r.row, indicator) !== null);
  const slides: Slide[] = [];
  const column = (indicator: IndicatorName, role: SeriesRole) => indicatorColumn(indicator, role, period.settings);

  const starts = column('starts', 'newUsers');
  const over = column('startsOverLimit', 'over3');
  const share: Column = { label: '% langer', indicator: 'startsOverLimit', role: 'over3', shareOf: 'starts' };
  const startContent = perPracticeContent(period, own, [starts, over, share], [share]);
  if (startContent.chart) startContent.chart.unit = '% van de starts';
  startContent.footnotes = footnotes(
    period,
    startContent.incomplete ?? false,
    `Regionale afspraak: een eerste recept voor een sterk opioïd dekt hoogstens een week. Langer: minstens één uitgifte op de startdag voor meer dan ${formatNumber(startLimitDays)} dagen, volgens de gebruiksduur of de dosering (nooit de standaard van 14 dagen). Een start telt bij elke voorschrijver die op die dag iets meegaf.`,
  );
  slides.push(
    dataSlide(
      'cijfers-starts',
      `Starten: hoe lang was het eerste recept? ${label}`,
      startContent,
      'Hoe vaak kreeg een nieuwe gebruiker meteen meer dan een week mee? Een korte eerste voorschrift maakt het makkelijker om na een week samen te kijken of het opioïd nog nodig is.',
    ),
  );

  const oxycodone = column('patientsOxycodone', 'oxycodone');
  const morphine = column('patientsMorphine', 'morphine');
  const substances = perPracticeContent(period, withOther, [oxycodone, morphine], [oxycodone, morphine]);
  substances.footnotes = footnotes(
    period,
    false,
    'Werkafspraak: is een sterk opioïd nodig, dan eerst morfine, niet oxycodon. Patiënten met minstens één uitgifte (oxycodon ook met naloxon); wie beide kreeg, telt in beide kolommen mee.',
  );
  slides.push(
    dataSlide(
      'cijfers-oxycodon-morfine',
      `Oxycodon en morfine, ${label}`,
      substances,
      'Krijgen meer patiënten oxycodon dan morfine? Vraag de praktijken waarom ze voor oxycodon kozen.',
    ),
  );

  const highDose = column('highDoseUsers', 'highDose');
  const highDoseRate: Column = { ...highDose, label: 'Per 1.000 patiënten', rate: true };
  const unknown = column('dispensingsOmeUnknown', 'other');
  const rates = hasRates('highDoseUsers');
  const doses = perPracticeContent(period, own, rates ? [highDose, highDoseRate, unknown] : [highDose, unknown], [
    rates ? highDoseRate : highDose,
  ]);
  if (rates && doses.chart) doses.chart.unit = 'per 1.000 ingeschreven patiënten';
  doses.footnotes = footnotes(
    period,
    false,
    `Werkafspraak: blijf onder ${formatNumber(highDoseOme)} mg orale morfine-equivalenten (OME) per dag. Geteld: patiënten met gemiddeld zoveel of meer over de periode, bij hun eigen huisarts. Uitgiften zonder dosis (geen sterkte, geen factor of een onleesbare dosering) tellen niet mee in het gemiddelde.`,
  );
  slides.push(
    dataSlide(
      'cijfers-hoge-dosis',
      `Hoge doseringen: ${formatNumber(highDoseOme)} mg OME per dag of meer, ${label}`,
      doses,
      'Boven 90 mg OME per dag neemt het risico toe zonder dat de pijn beter wordt. De werklijst van elke praktijk markeert deze patiënten; begin daar met afbouwen.',
    ),
  );

  const fentanyl = column('patientsFentanylRapid', 'fentanyl');
  const rapid = perPracticeContent(period, withOther, [fentanyl], [fentanyl]);
  rapid.footnotes = footnotes(
    period,
    false,
    'Werkafspraak: snelwerkend fentanyl (neusspray, zuig- of smelttablet) alleen bij doorbraakpijn bij kanker. Patiënten met minstens één uitgifte.',
  );
  slides.push(
    dataSlide(
      'cijfers-fentanyl',
      `Snelwerkend fentanyl, ${label}`,
      rapid,
      'Snelwerkend fentanyl hoort alleen bij doorbraakpijn bij kanker. Staat het bij een praktijk vaak op de lijst, vraag dan naar de indicatie.',
    ),
  );
  return slides;
}
