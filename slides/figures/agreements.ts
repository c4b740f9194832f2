// The agreements: last year's reviewed (with the figure then and now), this meeting's per party, and all of them at the end.
import { AGREEMENT_STATUS_LABELS, INDICATOR_LABELS, type AgreementStatus } from '../../domain';
import type { Agreement } from '../data';
import { formatNumber } from '../format';
import type { Slide, TableCell, TableSpec } from '../model';

/** Agreements per slide, so that a long list never runs off the slide. */
const AGREEMENTS_PER_SLIDE = 5;

const STATUS_TONES: Partial<Record<AgreementStatus, TableCell['tone']>> = {
  done: 'good',
  partly: 'warn',
  not_done: 'bad',
  dropped: 'muted',
};

const indicatorText = (agreement: Agreement) =>
  agreement.indicator ? `${INDICATOR_LABELS[agreement.indicator]}${agreement.measuredOn ? ` (${agreement.measuredOn})` : ''}` : '';

function agreementTable(party: string, agreements: Agreement[], withReview: boolean): TableSpec {
  const valueCell = (agreement: Agreement, period: 'toen' | 'nu'): TableCell => {
    if (!agreement.indicator) return { text: '' };
    const value = (period === 'toen' ? agreement.before : agreement.now) ?? null;
    return { text: formatNumber(value), figure: { row: party, indicator: agreement.indicator, period, value } };
  };
  return {
    columns: withReview
      ? [
          { label: 'Afspraak' },
          { label: 'Status' },
          { label: 'Gemeten met' },
          { label: 'Doel' },
          { label: 'Toen', numeric: true },
          { label: 'Nu', numeric: true },
        ]
      : [{ label: 'Afspraak' }, { label: 'Gemeten met' }, { label: 'Doel' }],
    rows: agreements.map((agreement) => ({
      cells: withReview
        ? [
            { text: agreement.text },
            {
              text: AGREEMENT_STATUS_LABELS[agreement.status ?? 'open'],
              ...(agreement.status && STATUS_TONES[agreement.status] ? { tone: STATUS_TONES[agreement.status] } : {}),
            },
            { text: indicatorText(agreement) },
            { text: agreement.target ?? '' },
            valueCell(agreement, 'toen'),
            valueCell(agreement, 'nu'),
          ]
        : [{ text: agreement.text }, { text: indicatorText(agreement) }, { text: agreement.target ?? '' }],
    })),
  };
}

/** One slide per party (split when long), parties in the order of their names as shown. */
export function agreementSlides(
  idPrefix: string,
  title: (party: string) => string,
  agreements: Agreement[],
  name: (key: string) => string,
  withReview: boolean,
  footnote: string,
  notes: string,
): Slide[] {
  const byParty = new Map<string, Agreement[]>();
  for (const agreement of agreements) {
    const party = name(agreement.party);
    byParty.set(party, [...(byParty.get(party) ?? []), agreement]);
  }
  const parties = [...byParty.keys()].sort((a, b) => a.localeCompare(b, 'nl'));
  return parties.flatMap((party, index) => {
    const list = byParty.get(party)!;
    const pages = Math.ceil(list.length / AGREEMENTS_PER_SLIDE);
    return Array.from({ length: pages }, (_, page): Slide => ({
      id: `${idPrefix}-${index + 1}${pages > 1 ? `-${page + 1}` : ''}`,
      kind: 'agreements',
      origin: 'generated',
      title: `${title(party)}${pages > 1 ? ` (${page + 1}/${pages})` : ''}`,
      body: '',
      notes,
      hidden: false,
      data: {
        table: agreementTable(party, list.slice(page * AGREEMENTS_PER_SLIDE, (page + 1) * AGREEMENTS_PER_SLIDE), withReview),
        footnotes: [footnote],
      },
    }));
  });
}

/** Every agreement of the meeting, party by party, as the last slides: what the group agreed, on the big screen. */
export function allAgreementSlides(agreements: Agreement[], name: (key: string) => string): Slide[] {
  const listed = agreements.filter((a) => a.text.trim() !== '').map((a) => ({ ...a, party: name(a.party) }));
  listed.sort((a, b) => a.party.localeCompare(b.party, 'nl'));
  const pages = Math.ceil(listed.length / AGREEMENTS_PER_SLIDE);
  return Array.from({ length: pages }, (_, page): Slide => ({
    id: `alle-afspraken${pages > 1 ? `-${page + 1}` : ''}`,
    kind: 'agreements',
    origin: 'generated',
    title: `Alle afspraken van deze bijeenkomst${pages > 1 ? ` (${page + 1}/${pages})` : ''}`,
    body: '',
    notes: 'Loop de lijst samen langs: klopt elke afspraak, weet iedereen wie wat doet?',
    hidden: false,
    data: {
      table: {
        columns: [{ label: 'Voor' }, { label: 'Afspraak' }, { label: 'Gemeten met' }, { label: 'Doel' }],
        rows: listed.slice(page * AGREEMENTS_PER_SLIDE, (page + 1) * AGREEMENTS_PER_SLIDE).map((a) => ({
          cells: [{ text: a.party }, { text: a.text }, { text: indicatorText(a) }, { text: a.target ?? '' }],
        })),
      },
      footnotes: ['Deze lijst volgt de afspraken zoals ze tijdens de bijeenkomst worden vastgelegd.'],
    },
  }));
}
