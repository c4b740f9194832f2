// What each indicator counts (spec §5, version 2), in plain Dutch, written once: the app's figures screen,
// the deck's definitions slide, the meeting report and the regional sheet all take their definitions from here.
import { indicatorLabel, type IndicatorName } from './indicators';
import type { IndicatorSettings } from './settings';

/** The settings as the placeholders of the texts: `{days}`, `{lookback}`, `{over}`, `{min}`, `{limit}`, `{ome}`. */
export function settingPlaceholders(settings: IndicatorSettings) {
  return {
    days: settings.chronicDays,
    lookback: settings.lookbackDays,
    over: settings.newUserMinDispensings - 1,
    min: settings.newUserMinDispensings,
    limit: settings.startLimitDays,
    ome: settings.highDoseOme,
  };
}

/** Fills `{name}` placeholders with the settings, numbers written the Dutch way (1.000, 7,5). */
export function fillSettings(template: string, settings: IndicatorSettings): string {
  const values: Record<string, number> = settingPlaceholders(settings);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name]!.toLocaleString('nl-NL') : whole));
}

/** What each indicator counts, in Dutch, with the settings as placeholders (who it counts for: below). */
const COUNTS: Record<IndicatorName, string> = {
  dispensingsShort: 'Aantal uitgiften van kortwerkende sterke opioïden in de periode.',
  dispensingsLong: 'Aantal uitgiften van langwerkende sterke opioïden (gereguleerde afgifte en pleisters) in de periode.',
  patientsShort: 'Aantal verschillende patiënten met minstens één kortwerkende uitgifte in de periode.',
  patientsLong: 'Aantal verschillende patiënten met minstens één langwerkende uitgifte in de periode.',
  patientsAny: 'Aantal verschillende patiënten met minstens één uitgifte van een sterk opioïd in de periode.',
  chronicUsers: 'Patiënten bij wie de uitgiften samen minstens {days} dagen van de periode dekken, bij welke voorschrijver ook.',
  newUsers: 'Patiënten bij wie de eerste uitgifte in de periode geen uitgifte van een sterk opioïd in de {lookback} dagen ervoor had.',
  newUsersOver3: 'Nieuwe gebruikers die in de periode meer dan {over} uitgiften kregen (dus {min} of meer), bij welke voorschrijver ook.',
  newUsersLongStart: 'Nieuwe gebruikers van wie de eerste uitgifte langwerkend was.',
  newUsersOtherStart:
    'Nieuwe gebruikers bij wie de eerste uitgifte kwam van een voorschrijver zonder praktijk (specialist, waarnemer, huisartsenpost).',
  dispensingsWeak: 'Aantal uitgiften van zwakke opioïden zoals tramadol en codeïne; alleen als achtergrond, telt nergens anders mee.',
  starts:
    'Nieuwe gebruikers, geteld bij elke voorschrijver die hun op de startdag (de dag van hun eerste uitgifte) een sterk opioïd voorschreef.',
  startsOverLimit:
    'Starts waarbij die voorschrijver op de startdag voor meer dan {limit} dagen meegaf, volgens de gebruiksduur of de dosering; een uitgifte zonder beide (standaard 14 dagen) telt niet mee.',
  patientsOxycodone: 'Aantal verschillende patiënten met minstens één uitgifte van oxycodon (ook met naloxon) in de periode.',
  patientsMorphine: 'Aantal verschillende patiënten met minstens één uitgifte van morfine in de periode.',
  patientsFentanylRapid: 'Aantal verschillende patiënten met minstens één uitgifte van fentanyl via neus of mondslijmvlies in de periode.',
  patientsWeak: 'Aantal verschillende patiënten met minstens één uitgifte van een zwak opioïd; alleen als achtergrond.',
  highDoseUsers: 'Patiënten die in de periode gemiddeld {ome} mg orale morfine-equivalenten (OME) per dag of meer gebruikten.',
  dispensingsOmeUnknown: 'Uitgiften van sterke opioïden waarvan de dagdosis in morfine-equivalenten niet te bepalen is.',
};

/** Patient-level figures (spec §5 "Who a figure belongs to"): they count for the responsible prescriber. */
export const RESPONSIBLE_PRESCRIBER_INDICATORS: readonly IndicatorName[] = [
  'chronicUsers',
  'newUsers',
  'newUsersOver3',
  'newUsersLongStart',
  'newUsersOtherStart',
  'highDoseUsers',
];

/**
 * The Dutch definition of each indicator, with the settings as placeholders: what it counts and, for the
 * patient-level ones, whom. The app's English texts (en.json `ind.*.def`) say the same with the same
 * placeholders; a test keeps them in step.
 */
export const INDICATOR_DEFINITION_TEMPLATES = Object.fromEntries(
  Object.entries(COUNTS).map(([name, counts]) => [
    name,
    RESPONSIBLE_PRESCRIBER_INDICATORS.includes(name as IndicatorName) ? `${counts} Ze tellen bij hun hoofdbehandelaar.` : counts,
  ]),
) as Record<IndicatorName, string>;

/** The Dutch definition of one indicator with the settings filled in. */
export function indicatorDefinition(name: IndicatorName, settings: IndicatorSettings): string {
  return fillSettings(INDICATOR_DEFINITION_TEMPLATES[name], settings);
}

/** One entry of a definitions list: the word in bold (or its own column) and what it means. */
export interface Definition {
  term: string;
  text: string;
}

/** The indicators whose definitions a reader of the figures needs (the rest say what they count in their name). */
export const DEFINED_INDICATORS = [
  'chronicUsers',
  'newUsers',
  'newUsersOver3',
  'startsOverLimit',
  'highDoseUsers',
] as const satisfies readonly IndicatorName[];

/**
 * What the figures count, for a definitions slide, report or sheet: which medicines, short or long, who a
 * figure belongs to, and the indicators that depend on a setting (named by their label, settings filled in).
 * `omeSource` names where the OME factors come from, for a text that does not print the factor table itself.
 */
export function figureDefinitions(settings: IndicatorSettings, omeSource?: string): Definition[] {
  const counts = (name: IndicatorName) => {
    const text = lowerFirst(fillSettings(COUNTS[name], settings));
    return name === 'highDoseUsers' && omeSource ? text.replace(/\.$/, `, omgerekend met de factoren uit de ${omeSource}.`) : text;
  };
  return [
    {
      term: 'Sterke opioïden',
      text: 'morfine, hydromorfon, nicomorfine, oxycodon (ook met naloxon), pethidine, fentanyl, pentazocine, buprenorfine, nalbufine en tapentadol (ATC N02A); tramadol en codeïne tellen niet mee.',
    },
    { term: 'Langwerkend', text: 'tabletten en capsules met gereguleerde afgifte, en pleisters; al het andere is kortwerkend.' },
    {
      term: 'Toerekening',
      text: 'uitgiften en patiënten tellen bij de voorschrijver en diens praktijk; chronische en nieuwe gebruikers en hoge doses bij de hoofdbehandelaar (de eigen huisarts volgens de gegevens).',
    },
    // Without "Ze tellen bij hun hoofdbehandelaar": the Toerekening above says it once for all of them.
    ...DEFINED_INDICATORS.map((name) => ({ term: indicatorLabel(name, settings), text: counts(name) })),
  ];
}

// After a term and a colon the definition goes on in lower case ("Chronische gebruikers: patiënten bij wie …").
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
