// The year's counts per practice: dispensings, patients, chronic and new users, and who started them.
import type { DeckData } from '../data';
import { periodLabel } from '../format';
import type { Slide } from '../model';
import { indicatorDefinition, type IndicatorName, type SeriesRole } from '../../domain';
import { CHRONIC_INCOMPLETE_NOTE, dataSlide, footnotes, indicatorColumn, perPracticeContent, type Column } from './content';
import { practiceRows, ratePer1000 } from './rows';

export function countSlides(data: DeckData, name: (key: string) => string): Slide[] {
  const period = data.current;
  const label = periodLabel(period);
  const settings = period.settings;
  const column = (indicator: IndicatorName, role: SeriesRole, name?: 'full') => indicatorColumn(indicator, role, settings, name);
  const SHORT = column('dispensingsShort', 'short');
  const LONG = column('dispensingsLong', 'long');
  const withOther = practiceRows(period, data, name, true);
  const own = practiceRows(period, data, name, false);
  const slides: Slide[] = [];

  const dispensings = perPracticeContent(period, withOther, [SHORT, LONG], [SHORT, LONG]);
  dispensings.footnotes = footnotes(
    period,
    false,
    'Elke uitgifte telt bij de praktijk van de voorschrijver. Overige voorschrijvers (specialisten, waarnemers, huisartsenpost) tellen niet mee in het groepstotaal.',
  );
  slides.push(
    dataSlide(
      'cijfers-uitgiftes',
      `Uitgiften kortwerkend en langwerkend, ${label}`,
      dispensings,
      'Vergelijk de verhouding kort- en langwerkend tussen de praktijken. Kortwerkend hoort bij acute pijn, bij het instellen en in de palliatieve zorg; palliatieve patiënten tellen mee, dus een praktijk met veel palliatieve zorg heeft meer kortwerkend zonder dat daar iets mis is.',
    ),
  );

  const patientColumns: Column[] = [column('patientsShort', 'short'), column('patientsLong', 'long')];
  const patients = perPracticeContent(period, withOther, [...patientColumns, column('patientsAny', 'neutral')], patientColumns);
  patients.footnotes = footnotes(period, false, 'Patiënten met minstens één uitgifte; wie beide kreeg, telt in beide kolommen mee.');
  slides.push(
    dataSlide(
      'cijfers-patienten',
      `Patiënten met een sterk opioïd, ${label}`,
      patients,
      'Hoeveel verschillende patiënten kregen minstens één keer kortwerkend of langwerkend?',
    ),
  );

  const chronic = column('chronicUsers', 'chronic', 'full');
  const chronicRate: Column = { ...chronic, label: 'Per 1.000 patiënten', rate: true };
  const hasRates = own.some((r) => ratePer1000(r.row, 'chronicUsers') !== null);
  const chronicContent = perPracticeContent(period, own, hasRates ? [chronic, chronicRate] : [chronic], [hasRates ? chronicRate : chronic]);
  if (hasRates && chronicContent.chart) chronicContent.chart.unit = 'per 1.000 ingeschreven patiënten';
  chronicContent.footnotes = footnotes(
    period,
    false,
    ...(period.chronicComplete === false ? [CHRONIC_INCOMPLETE_NOTE] : []),
    indicatorDefinition('chronicUsers', settings),
  );
  slides.push(
    dataSlide(
      'cijfers-chronisch',
      `Chronische gebruikers per praktijk, ${label}`,
      chronicContent,
      'Stap 1 van de aanpak: elke praktijk kan de eigen werklijst chronische gebruikers maken (die lijst komt niet in deze presentatie).',
    ),
  );

  const newUsers = column('newUsers', 'newUsers', 'full');
  const over3 = column('newUsersOver3', 'over3');
  const longStart = column('newUsersLongStart', 'long');
  const newContent = perPracticeContent(period, own, [newUsers, over3, longStart], [newUsers, over3]);
  newContent.footnotes = footnotes(period, newContent.incomplete ?? false, indicatorDefinition('newUsers', settings));
  slides.push(
    dataSlide(
      'cijfers-nieuwe-gebruikers',
      `Nieuwe gebruikers, ${label}`,
      newContent,
      'Hoeveel nieuwe gebruikers kregen meer dan drie uitgiften? Dat zijn de patiënten die op weg zijn naar langdurig gebruik.',
    ),
  );

  const otherStart = column('newUsersOtherStart', 'other');
  const starters = perPracticeContent(period, own, [newUsers, otherStart], []);
  const practices = own.filter((r) => !r.total);
  starters.chart = {
    type: 'bar',
    horizontal: true,
    stacked: true,
    categories: practices.map((r) => r.label),
    series: [
      {
        name: 'Huisarts' + (period.lookbackComplete ? '' : ' (onvolledig)'),
        role: 'ownGp',
        values: practices.map((r) => r.row.newUsers - r.row.newUsersOtherStart),
      },
      {
        name: 'Andere voorschrijver' + (period.lookbackComplete ? '' : ' (onvolledig)'),
        role: 'other',
        values: practices.map((r) => r.row.newUsersOtherStart),
      },
    ],
  };
  starters.footnotes = footnotes(
    period,
    starters.incomplete ?? false,
    'Andere voorschrijver: de eerste uitgifte kwam van een voorschrijver buiten de huisartsenpraktijken (specialist, waarnemer, huisartsenpost).',
  );
  slides.push(
    dataSlide(
      'cijfers-starters',
      `Wie startte de nieuwe gebruikers? ${label}`,
      starters,
      'Start een groot deel bij de specialist of de huisartsenpost, bespreek dan de werkafspraken over eigenaarschap en overdracht.',
    ),
  );

  return slides;
}
