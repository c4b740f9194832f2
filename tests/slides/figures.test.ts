import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../slides/build';
import type { DeckData } from '../../slides/data';
import type { Deck } from '../../slides/model';
import { SAMPLE_GROUP, SAMPLE_PRACTICES, sampleDeckData, samplePeriod } from '../../slides/sample-data';
import { expectedFigure, expectedText, practiceLabels } from './expected';

function figureCells(deck: Deck) {
  return deck.slides.flatMap((slide) =>
    (slide.data?.table?.rows ?? []).flatMap((row) => row.cells.filter((cell) => cell.figure).map((cell) => ({ slide: slide.id, cell }))),
  );
}

describe('data slides from plain figures', () => {
  for (const naming of ['names', 'letters'] as const) {
    it(`every figure in every table equals the input (${naming})`, () => {
      const data = sampleDeckData(naming);
      const deck = buildDeck({ data });
      const cells = figureCells(deck);
      expect(cells.length).toBeGreaterThan(200);
      for (const { slide, cell } of cells) {
        const expected = expectedFigure(data, cell.figure!);
        expect(expected, `${slide}: ${JSON.stringify(cell.figure)}`).toBeDefined();
        expect(cell.text, `${slide}: ${JSON.stringify(cell.figure)}`).toBe(expectedText(expected!));
      }
    });
  }

  it('each chart shows the same numbers as its table, per category', () => {
    const data = sampleDeckData('letters');
    const deck = buildDeck({ data });
    const uitgiften = deck.slides.find((s) => s.id === 'cijfers-uitgiftes')!.data!;
    const labels = practiceLabels(data);
    expect(uitgiften.chart!.categories).toEqual([
      'Praktijk A',
      'Praktijk B',
      'Praktijk C',
      'Praktijk D',
      'Praktijk E',
      'Overige voorschrijvers',
    ]);
    uitgiften.chart!.categories.forEach((category, index) => {
      const key = labels.get(category) ?? 'other';
      const row = data.current.rows.find((r) => r.level === 'practice' && r.key === key)!;
      expect(uitgiften.chart!.series.map((s) => [s.role, s.values[index]])).toEqual([
        ['short', row.dispensingsShort],
        ['long', row.dispensingsLong],
      ]);
    });
    const starters = deck.slides.find((s) => s.id === 'cijfers-starters')!.data!.chart!;
    const first = data.current.rows.find((r) => r.key === labels.get('Praktijk A'))!;
    expect(starters.series.map((s) => s.values[0])).toEqual([first.newUsers - first.newUsersOtherStart, first.newUsersOtherStart]);
  });

  it('letters hide every practice name, in text, tables, charts and notes', () => {
    const deck = buildDeck({ data: sampleDeckData('letters') });
    const text = JSON.stringify(deck);
    for (const name of SAMPLE_PRACTICES) expect(text).not.toContain(name);
    expect(text).toContain('Praktijk E');
    expect(deck.slides.find((s) => s.id === 'cijfers-definities')!.body).toContain('praktijk A, B, C');
  });

  it('marks new-user figures "onvolledig" only where the look-back is incomplete', () => {
    const data = sampleDeckData();
    const deck = buildDeck({ data: { ...data, current: { ...data.current, lookbackComplete: false } } });
    const nieuw = deck.slides.find((s) => s.id === 'cijfers-nieuwe-gebruikers')!.data!;
    expect(nieuw.incomplete).toBe(true);
    expect(nieuw.footnotes.at(-1)).toContain('onvolledig');
    expect(nieuw.table!.rows[0]!.cells[1]!.text).toMatch(/\*$/);
    expect(deck.slides.find((s) => s.id === 'cijfers-uitgiftes')!.data!.incomplete).toBe(false);
    expect(deck.slides.find((s) => s.id === 'cijfers-definities')!.body).toContain('**onvolledig**');
    const years = buildDeck({ data }).slides.find((s) => s.id === 'cijfers-jaren-groep')!.data!;
    expect(years.table!.rows.map((r) => r.cells[4]!.text.endsWith('*'))).toEqual([true, false, false, false, false]);
  });

  it("shows only the deck group's practices, and shows rates only when list sizes are known", () => {
    const other = samplePeriod(2025, { group: 'FTO Elders', practices: ['Praktijk Elders'], seed: 3 }).rows.filter(
      (r) => r.level === 'practice' && r.key !== 'other',
    );
    const period = samplePeriod(2025);
    const data: DeckData = {
      group: SAMPLE_GROUP,
      naming: 'names',
      current: { ...period, rows: [...period.rows, ...other].map((r) => ({ ...r, listSize: null })) },
    };
    const deck = buildDeck({ data });
    expect(JSON.stringify(deck)).not.toContain('Praktijk Elders');
    const chronic = deck.slides.find((s) => s.id === 'cijfers-chronisch')!.data!;
    expect(chronic.table!.columns.map((c) => c.label)).toEqual(['Praktijk', 'Chronische gebruikers']);
    // Without years, review, evaluation or agreements those blocks are simply absent.
    const ids = deck.slides.map((s) => s.id);
    expect(ids.some((id) => /^(cijfers-jaren|terugblik-|evaluatie-|afspraken-)/.test(id))).toBe(false);
    expect(ids).toContain('landelijk-gebruikers');
  });

  it('puts each generated block where the module places it', () => {
    const ids = buildDeck({ data: sampleDeckData() }).slides.map((s) => s.id);
    const after = (anchor: string) => ids[ids.indexOf(anchor) + 1];
    expect(after('terugblik')).toBe('terugblik-1');
    expect(after('landelijke-cijfers')).toBe('landelijk-gebruikers');
    expect(after('eigen-cijfers')).toBe('cijfers-uitgiftes');
    expect(after('eigen-afspraken')).toBe('afspraken-1');
    expect(ids.indexOf('evaluatie-uitgiftes')).toBeGreaterThan(ids.indexOf('terugblik-3'));
    expect(ids.indexOf('evaluatie-uitgiftes')).toBeLessThan(ids.indexOf('leerdoelen'));
  });

  it('splits a long list of agreements over several slides', () => {
    const data = sampleDeckData();
    const many = Array.from({ length: 7 }, (_, i) => ({ party: SAMPLE_PRACTICES[0]!, text: `Afspraak ${i + 1}` }));
    const slides = buildDeck({ data: { ...data, agreements: many } }).slides.filter((s) => s.id.startsWith('afspraken-'));
    expect(slides.map((s) => [s.id, s.title, s.data!.table!.rows.length])).toEqual([
      ['afspraken-1-1', `Onze afspraken: ${SAMPLE_PRACTICES[0]} (1/2)`, 5],
      ['afspraken-1-2', `Onze afspraken: ${SAMPLE_PRACTICES[0]} (2/2)`, 2],
    ]);
  });
});
