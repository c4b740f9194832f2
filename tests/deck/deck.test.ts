import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/core';
import type { IndicatorName } from '../../db/contract/indicators';
import { computeIndicators } from '../../db/indicators/compute';
import { openDatabase } from '../../db/open';
import { expectOk, tempCore } from '../helpers/temp';
import { nodeServices } from '../../db/services';

// The deck of a meeting through the core, on a real SQLite file with the demo group (the generator in db/demo,
// read by the real importer): what the editor lists, its autosaved edits, and the three exports.

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function demoMeeting() {
  const made = tempCore();
  const demo = expectOk(await made.core.call('demo.load', {}));
  const meeting = expectOk(await made.core.call('meetings.create', { groupId: demo.groupId, startsAt: '2026-03-12T19:30' }));
  return { ...made, groupName: demo.groupName, meetingId: meeting.id, meeting };
}

type Core = Awaited<ReturnType<typeof demoMeeting>>['core'];
const outline = async (core: Core, meetingId: number) => expectOk(await core.call('deck.get', { meetingId }));
const ids = async (core: Core, meetingId: number) => (await outline(core, meetingId)).slides.map((slide) => slide.id);
const slideOf = async (core: Core, meetingId: number, id: string) =>
  (await outline(core, meetingId)).slides.find((slide) => slide.id === id);

describe("a meeting's deck", () => {
  it("starts from the module with the group's data slides", async () => {
    const { core, meetingId, groupName, meeting } = await demoMeeting();
    const deck = await outline(core, meetingId);
    expect(deck.title).toBe(meeting.topic);
    expect(deck.group).toBe(groupName);
    const byId = new Map(deck.slides.map((slide) => [slide.id, slide]));
    // The module's parts: reason, case, background, working agreements, tapering, evaluation...
    for (const id of ['titel', 'aanleiding', 'casus', 'achtergrond', 'werkafspraken', 'vijf-stappen', 'afbouwen', 'evaluatie']) {
      expect(byId.get(id)?.origin, id).toBe('module');
    }
    expect(byId.get('casus')!.kind).toBe('case');
    expect(byId.get('casus')!.questions.length).toBeGreaterThan(0);
    const data = deck.slides.filter((slide) => slide.kind === 'data');
    expect(data.map((slide) => slide.id)).toEqual(
      expect.arrayContaining([
        'cijfers-uitgiftes',
        'cijfers-patienten',
        'cijfers-chronisch',
        'cijfers-nieuwe-gebruikers',
        'cijfers-starters',
        'cijfers-starts',
        'cijfers-oxycodon-morfine',
        'cijfers-hoge-dosis',
        'cijfers-fentanyl',
        'cijfers-jaren-groep',
        'cijfers-jaren-oxycodon-morfine',
        'landelijk-gebruikers',
      ]),
    );
    for (const slide of data.filter((s) => s.id.startsWith('cijfers-'))) expect(slide.origin, slide.id).toBe('generated');
    expect(deck.slides.some((slide) => slide.edited || slide.origin === 'own')).toBe(false);

    // The presentation shows the visible slides, one section each, in the same order.
    const presentation = expectOk(await core.call('deck.presentation', { meetingId }));
    const visible = deck.slides.filter((slide) => !slide.hidden).map((slide) => slide.id);
    expect(presentation.slides.map((slide) => slide.id)).toEqual(visible);
    expect([...presentation.sectionsHtml.matchAll(/<section data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(visible);
    expect(presentation.config).toMatchObject({ width: 1280, height: 720 });
  });

  it("keeps text edits, hides, resets to the module text and keeps the slide's place", async () => {
    const { core, meetingId, file, db } = await demoMeeting();
    const original = (await slideOf(core, meetingId, 'aanleiding'))!;
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'aanleiding', body: 'Onze **eigen** aanleiding.' }));
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'aanleiding', notes: 'Kort houden.' }));
    let edited = (await slideOf(core, meetingId, 'aanleiding'))!;
    // Each autosave changes only the fields it carries.
    expect(edited).toMatchObject({
      title: original.title,
      body: 'Onze **eigen** aanleiding.',
      notes: 'Kort houden.',
      edited: true,
      hidden: false,
    });

    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'aanleiding', hidden: true }));
    const presentation = expectOk(await core.call('deck.presentation', { meetingId }));
    expect(presentation.slides.map((slide) => slide.id)).not.toContain('aanleiding');
    expect((await slideOf(core, meetingId, 'aanleiding'))!.hidden).toBe(true);

    // Hiding the untouched title slide and showing it again leaves it as the module has it: no "aangepast" mark.
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'titel', hidden: true }));
    expect((await slideOf(core, meetingId, 'titel'))!.edited).toBe(true);
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'titel', hidden: false }));
    expect((await slideOf(core, meetingId, 'titel'))!).toMatchObject({ hidden: false, edited: false });

    // The place survives a reset; the text and visibility go back to the module.
    const order = await ids(core, meetingId);
    const moved = ['aanleiding', ...order.filter((id) => id !== 'aanleiding')];
    expectOk(await core.call('deck.reorder', { meetingId, order: moved }));
    expectOk(await core.call('deck.resetSlide', { meetingId, slideId: 'aanleiding' }));
    edited = (await slideOf(core, meetingId, 'aanleiding'))!;
    expect(edited).toMatchObject({ title: original.title, body: original.body, notes: original.notes, hidden: false, edited: false });
    expect(await ids(core, meetingId)).toEqual(moved);

    // Stored in the file: a new core on the same database sees the same deck.
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'leerdoelen', title: 'Wat we willen leren' }));
    db.close();
    const reopened = openDatabase(file);
    const again = createCore({ db: reopened, file, ...nodeServices() });
    expect((await slideOf(again, meetingId, 'leerdoelen'))!.title).toBe('Wat we willen leren');
    expect(await ids(again, meetingId)).toEqual(moved);
    reopened.close();
  });

  it("reorders only with the deck's own slides and changes nothing otherwise", async () => {
    const { core, meetingId } = await demoMeeting();
    const order = await ids(core, meetingId);
    const swapped = [order[1]!, order[0]!, ...order.slice(2)];
    expectOk(await core.call('deck.reorder', { meetingId, order: swapped }));
    expect(await ids(core, meetingId)).toEqual(swapped);
    const refused = await core.call('deck.reorder', { meetingId, order: [...order, 'bestaat-niet'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'order' } });
    expect(!refused.ok && refused.error.message).toContain('bestaat-niet');
    expect(await ids(core, meetingId)).toEqual(swapped);
  });

  it('resets module slides whose id starts like an own slide, and refuses edits of slides the deck does not have', async () => {
    const { core, meetingId } = await demoMeeting();
    const original = (await slideOf(core, meetingId, 'eigen-cijfers'))!;
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'eigen-cijfers', title: 'Onze cijfers' }));
    expectOk(await core.call('deck.resetSlide', { meetingId, slideId: 'eigen-cijfers' }));
    expect((await slideOf(core, meetingId, 'eigen-cijfers'))!).toMatchObject({ title: original.title, edited: false });

    const unknown = await core.call('deck.editSlide', { meetingId, slideId: 'bestaat-niet', title: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation', field: 'slideId' } });
    expect(await ids(core, meetingId)).not.toContain('bestaat-niet');
  });

  it('adds own slides after the chosen one, with an image, and deletes only own slides', async () => {
    const { core, meetingId } = await demoMeeting();
    const text = expectOk(
      await core.call('deck.addSlide', { meetingId, afterSlideId: 'titel', title: 'Welkom in Tiel', body: '- koffie\n- *thee*' }),
    );
    const image = expectOk(
      await core.call('deck.addSlide', {
        meetingId,
        afterSlideId: null,
        kind: 'image',
        title: 'Ons logo',
        image: { src: PIXEL, alt: 'Een stip' },
      }),
    );
    const order = await ids(core, meetingId);
    expect(order[1]).toBe(text.id);
    expect(order.at(-1)).toBe(image.id);
    expect(await slideOf(core, meetingId, text.id)).toMatchObject({ origin: 'own', kind: 'text', title: 'Welkom in Tiel', edited: false });
    const html = expectOk(await core.call('deck.presentation', { meetingId })).sectionsHtml;
    expect(html).toContain(`<img src="${PIXEL}" alt="Een stip">`);
    expect(html).toContain('<em>thee</em>');

    // Own slides autosave like the others.
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: text.id, body: 'Welkom!' }));
    expect((await slideOf(core, meetingId, text.id))!.body).toBe('Welkom!');

    // Refusals name the field and change nothing.
    const before = await ids(core, meetingId);
    expect(await core.call('deck.addSlide', { meetingId, title: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'title' },
    });
    expect(
      await core.call('deck.addSlide', { meetingId, kind: 'image', title: 'Pdf', image: { src: 'data:application/pdf;base64,AAAA' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'image.src' },
    });
    expect(await core.call('deck.addSlide', { meetingId, afterSlideId: 'bestaat-niet', title: 'X' })).toMatchObject({
      ok: false,
      error: { field: 'afterSlideId' },
    });
    expect(await core.call('deck.deleteSlide', { meetingId, slideId: 'casus' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.call('deck.resetSlide', { meetingId, slideId: text.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ids(core, meetingId)).toEqual(before);

    expectOk(await core.call('deck.deleteSlide', { meetingId, slideId: text.id }));
    expect(await ids(core, meetingId)).toEqual(before.filter((id) => id !== text.id));
  });

  it('exports HTML, PowerPoint and PDF, named after the group and the meeting date', async () => {
    const { core, meetingId, groupName } = await demoMeeting();
    expectOk(
      await core.call('deck.editSlide', {
        meetingId,
        slideId: 'aanleiding',
        body: 'Tekst van de voorbereider.',
        notes: 'Notitie voor de spreker.',
      }),
    );
    const name = `FTO-presentatie-${groupName.replace(/\s+/g, '-')}-2026-03-12`;

    const html = expectOk(await core.call('deck.export', { meetingId, format: 'html' }));
    expect(html.fileName).toBe(`${name}.html`);
    expect(html.mimeType).toMatch(/^text\/html/);
    const page = Buffer.from(html.base64, 'base64').toString('utf8');
    expect(page).toContain('Tekst van de voorbereider.');
    expect(page).toContain('Reveal.initialize');
    // Self-contained: nothing is loaded from elsewhere.
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);

    const pptx = expectOk(await core.call('deck.export', { meetingId, format: 'pptx' }));
    expect(pptx.fileName).toBe(`${name}.pptx`);
    const zip = await JSZip.loadAsync(Buffer.from(pptx.base64, 'base64'));
    const slideFiles = Object.keys(zip.files).filter((file) => /^ppt\/slides\/slide\d+\.xml$/.test(file));
    const visible = expectOk(await core.call('deck.presentation', { meetingId })).slides.length;
    expect(slideFiles.length).toBe(visible);
    expect(Object.keys(zip.files).some((file) => file.startsWith('ppt/charts/'))).toBe(true);
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((file) => file.startsWith('ppt/notesSlides/notesSlide'))
        .map((file) => zip.file(file)!.async('string')),
    );
    expect(notes.some((xml) => xml.includes('Notitie voor de spreker.'))).toBe(true);

    const pdf = expectOk(await core.call('deck.export', { meetingId, format: 'pdf' }));
    expect(pdf.fileName).toBe(`${name}.pdf`);
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // One page per visible slide.
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(visible);
  });

  it("shows in the exported HTML the figures the indicators compute for the meeting's period and earlier years", async () => {
    const { core, db, meetingId, groupName, meeting } = await demoMeeting();
    const page = Buffer.from(expectOk(await core.call('deck.export', { meetingId, format: 'html' })).base64, 'base64').toString('utf8');
    const cells = [
      ...page.matchAll(
        /<td[^>]* data-row="([^"]*)" data-indicator="([^"]*)" data-period="([^"]*)" data-value="([^"]*)"[^>]*>([^<]*)<\/td>/g,
      ),
    ].map(([, row, indicator, period, value, text]) => ({
      row: unescape(row!),
      indicator: indicator!,
      period: period!,
      value: value!,
      text: unescape(text!),
    }));
    expect(cells.length).toBeGreaterThan(100);

    const byYear = new Map<string, ReturnType<typeof computeIndicators>>();
    const computed = (year: string) => {
      if (!byYear.has(year)) byYear.set(year, computeIndicators(db, { from: `${year}-01-01`, to: `${year}-12-31` }));
      return byYear.get(year)!;
    };
    const meetingYear = meeting.periodFrom.slice(0, 4);
    expect([meeting.periodFrom, meeting.periodTo]).toEqual([`${meetingYear}-01-01`, `${meetingYear}-12-31`]);
    let checked = 0;
    let current = 0;
    const checkedNames = new Set<string>();
    for (const cell of cells) {
      // National context figures come from the module, not from the database.
      if (cell.indicator === 'users') continue;
      const result = computed(cell.period);
      const match =
        cell.row === 'Totaal groep'
          ? result.rows.find((r) => r.level === 'group' && r.key === groupName)
          : cell.row === 'Overige voorschrijvers'
            ? result.rows.find((r) => r.level === 'practice' && r.key === 'other')
            : cell.row === 'Regio (alle groepen)'
              ? result.rows.find((r) => r.level === 'all')
              : result.rows.find((r) => r.level === 'practice' && r.key === cell.row);
      expect(match, JSON.stringify(cell)).toBeDefined();
      const row = match!;
      const rate = cell.indicator.endsWith('Per1000');
      // A share: the starts over the limit as a percentage of all starts (spec §5 v2).
      const share = cell.indicator.endsWith('Share');
      const name = cell.indicator.replace(/(Per1000|Share)$/, '') as IndicatorName;
      const count = row[name];
      expect(typeof count, JSON.stringify(cell)).toBe('number');
      if (share) expect(name, JSON.stringify(cell)).toBe('startsOverLimit');
      // Rates: the indicators' own (2 decimals), which is the count per 1,000 on the list.
      const expected = rate ? (row.rates?.[name] ?? null) : share ? (row.starts > 0 ? (count / row.starts) * 100 : null) : count;
      if (rate && expected !== null) expect(expected, JSON.stringify(cell)).toBeCloseTo((count * 1000) / row.listSize!, 2);
      if (expected === null) expect(cell.value, JSON.stringify(cell)).toBe('');
      else expect(Number(cell.value), JSON.stringify(cell)).toBe(expected);
      const shown =
        expected === null
          ? '–'
          : expected.toLocaleString('nl-NL', { minimumFractionDigits: rate ? 1 : 0, maximumFractionDigits: rate ? 1 : 0 });
      expect(cell.text.replace(/\*$/, ''), JSON.stringify(cell)).toBe(shown);
      checkedNames.add(cell.indicator);
      checked++;
      if (cell.period === meetingYear) current++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(current).toBeGreaterThan(30);
    // The slides of the dose and agreement indicators (spec §5 v2) are among the figures checked.
    for (const name of [
      'starts',
      'startsOverLimit',
      'startsOverLimitShare',
      'patientsOxycodone',
      'patientsMorphine',
      'highDoseUsers',
      'dispensingsOmeUnknown',
      'patientsFentanylRapid',
    ]) {
      expect(checkedNames, name).toContain(name);
    }
  });
});

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
