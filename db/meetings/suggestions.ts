import type { z } from 'zod';
import type { suggestion } from '../contract/agreements';

type Suggestion = z.infer<typeof suggestion>;

/** Agreements the opioid module proposes, in our own words, each with the kind and indicator that fit it. */
const opioidSuggestions: Suggestion[] = [
  {
    id: 'opioiden-start-5-dagen',
    text: 'Bij een eerste recept voor een sterk opioïd schrijven we voor hoogstens 7 dagen voor (de regionale afspraak: niet meer dan een week).',
    kind: 'praktijk',
    indicator: 'startsOverLimit',
    direction: 'down',
  },
  {
    id: 'opioiden-indicatie-duur',
    text: 'Op elk opioïdrecept staan de indicatie en de beoogde gebruiksduur.',
    kind: 'praktijk',
    indicator: null,
    direction: null,
  },
  {
    id: 'opioiden-herhaal-na-consult',
    text: 'Een herhaalrecept voor een opioïd volgt alleen na een (telefonisch) consult, niet via de herhaallijn.',
    kind: 'praktijk',
    indicator: 'chronicUsers',
    direction: 'down',
  },
  {
    id: 'opioiden-apotheek-signaleert',
    text: 'De apotheek signaleert overmatig of te vroeg herhaald gebruik en meldt dit aan de voorschrijver.',
    kind: 'apotheek',
    indicator: 'dispensingsShort',
    direction: 'down',
  },
  {
    id: 'opioiden-geen-automatische-herhaling',
    text: 'Opioïden gaan niet zonder controle mee in de weekrol of de automatische herhaalservice.',
    kind: 'apotheek',
    indicator: 'dispensingsLong',
    direction: 'down',
  },
  {
    id: 'opioiden-morfine-eerste-keus',
    text: 'Is een sterk opioïd nodig, dan kiezen we morfine en niet oxycodon, tenzij er een reden is om af te wijken.',
    kind: 'praktijk',
    indicator: 'patientsOxycodone',
    direction: 'down',
  },
  {
    id: 'opioiden-fentanyl-alleen-doorbraakpijn',
    text: 'Snelwerkend fentanyl via neus of mondslijmvlies schrijven we alleen voor bij doorbraakpijn bij kanker.',
    kind: 'praktijk',
    indicator: 'patientsFentanylRapid',
    direction: 'down',
  },
  {
    id: 'opioiden-onder-90-mg-ome',
    text: 'Wie dagelijks 90 mg orale morfine-equivalent of meer gebruikt, bespreken we met de patiënt en bouwen we waar het kan af.',
    kind: 'praktijk',
    indicator: 'highDoseUsers',
    direction: 'down',
  },
  {
    id: 'opioiden-evaluatieconsult',
    text: 'Elk jaar nodigen we 1 à 2 chronische gebruikers uit voor een evaluatieconsult over hun opioïdgebruik.',
    kind: 'praktijk',
    indicator: 'chronicUsers',
    direction: 'down',
  },
];

const byModule: Record<string, Suggestion[]> = { opioiden: opioidSuggestions };

export function suggestionsFor(module: string): Suggestion[] {
  return byModule[module] ?? [];
}

export function findSuggestion(id: string): Suggestion | undefined {
  return Object.values(byModule)
    .flat()
    .find((s) => s.id === id);
}
