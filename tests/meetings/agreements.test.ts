import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/core';
import { computeIndicators } from '../../db/indicators/compute';
import type { Db } from '../../db/open';
import { expectOk, tempCore } from '../helpers/temp';
import { world } from '../indicators/fixtures';
import { addDispensings, seedGroup } from './fixtures';

/** Every 28 days a 28-day long-acting supply from `from` up to `to`: a chronic user over that span. */
function chronic(prescriberId: number, patient: string, from: string, to: string) {
  const rows = [];
  for (let day = new Date(`${from}T00:00:00Z`); day.toISOString().slice(0, 10) <= to; day.setUTCDate(day.getUTCDate() + 28)) {
    rows.push({ prescriberId, patient, date: day.toISOString().slice(0, 10), long: true, days: 28 });
  }
  return rows;
}

/** Year N = 2024 (the meeting's figures), year N+1 = 2025 (the data of a year later). */
async function meetingWithData(core: Core, db: Db) {
  const seeded = await seedGroup(core);
  const [linde, anker, zuid] = seeded.prescribers.map((p) => p.id) as [number, number, number];
  addDispensings(db, [
    // De Linde: three chronic users in 2024, one left in 2025.
    ...chronic(linde, 'L1', '2024-01-05', '2025-12-20'),
    ...chronic(linde, 'L2', '2024-01-05', '2024-12-20'),
    ...chronic(linde, 'L3', '2024-02-01', '2024-12-20'),
    // Het Anker: 5 short-acting dispensings in 2024, 2 in 2025.
    ...['2024-02-01', '2024-04-01', '2024-06-01', '2024-08-01', '2024-10-01', '2025-03-01', '2025-09-01'].map((date, i) => ({
      prescriberId: anker,
      patient: `A${i}`,
      date,
    })),
    // Zuid: one patient each year.
    { prescriberId: zuid, patient: 'Z1', date: '2024-05-05' },
    { prescriberId: zuid, patient: 'Z2', date: '2025-05-05' },
  ]);
  const meeting = expectOk(await core.call('meetings.create', { groupId: seeded.group.id, startsAt: '2025-03-10T19:30' }));
  return { ...seeded, meeting };
}

describe('agreements', () => {
  it('creates an agreement from a suggestion with its defaults, and autosaves field by field', async () => {
    const { core, db } = tempCore();
    const { meeting, practices, pharmacy } = await meetingWithData(core, db);
    const suggestions = expectOk(await core.call('agreements.suggestions', {}));
    expect(suggestions).toHaveLength(9);
    expect(suggestions.map((s) => s.kind)).toContain('apotheek');
    // The module's agreements about starts, the choice of substance and doses are measured by the v2 indicators.
    expect(suggestions.map((s) => s.indicator)).toEqual(
      expect.arrayContaining(['startsOverLimit', 'patientsOxycodone', 'patientsFentanylRapid', 'highDoseUsers']),
    );

    const created = expectOk(
      await core.call('agreements.create', {
        meetingId: meeting.id,
        practiceId: practices[0]!.id,
        suggestionId: 'opioiden-evaluatieconsult',
      }),
    );
    expect(created).toMatchObject({
      text: suggestions.find((s) => s.id === 'opioiden-evaluatieconsult')!.text,
      kind: 'praktijk',
      indicator: 'chronicUsers',
      direction: 'down',
      evaluationDate: '2026-03-10',
      status: 'open',
      scopeName: practices[0]!.name,
    });
    const blank = expectOk(await core.call('agreements.create', { meetingId: meeting.id, pharmacyId: pharmacy.id }));
    expect(blank).toMatchObject({ text: '', kind: 'apotheek', indicator: null, scopeName: pharmacy.name });

    const saved = expectOk(
      await core.call('agreements.save', { id: blank.id, text: 'Signaleren', owner: 'Bram', target: 10, indicator: 'dispensingsShort' }),
    );
    expect(saved.id).toBe(blank.id);
    expect(expectOk(await core.call('agreements.get', { id: blank.id }))).toMatchObject({
      text: 'Signaleren',
      owner: 'Bram',
      target: 10,
      indicator: 'dispensingsShort',
      pharmacyId: pharmacy.id,
    });
    // Moving it to a practice takes it away from the pharmacy.
    expectOk(await core.call('agreements.save', { id: blank.id, practiceId: practices[1]!.id }));
    expect(expectOk(await core.call('agreements.get', { id: blank.id }))).toMatchObject({ practiceId: practices[1]!.id, pharmacyId: null });

    expect(await core.call('agreements.save', { id: blank.id, indicator: 'bogus' })).toMatchObject({
      ok: false,
      error: { field: 'indicator', message: 'Kies een bestaande indicator.' },
    });
    expect(await core.call('agreements.save', { id: 999, text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.call('agreements.create', { meetingId: meeting.id, suggestionId: 'bestaat-niet' })).toMatchObject({
      ok: false,
      error: { field: 'suggestionId' },
    });
    const elsewhere = await seedGroup(core, 'FTO Elders');
    expect(await core.call('agreements.create', { meetingId: meeting.id, practiceId: elsewhere.practices[0]!.id })).toMatchObject({
      ok: false,
      error: { field: 'practiceId', message: 'Kies een praktijk van de groep van deze bijeenkomst.' },
    });
    expect(expectOk(await core.call('agreements.list', { meetingId: meeting.id }))).toHaveLength(2);
  });

  it('keeps a status history where the newest wins, filters the overview and lists what is due', async () => {
    const { core, db } = tempCore();
    const { meeting, practices, group } = await meetingWithData(core, db);
    const a = expectOk(
      await core.call('agreements.create', {
        meetingId: meeting.id,
        practiceId: practices[0]!.id,
        text: 'A',
        evaluationDate: '2026-01-15',
      }),
    );
    const b = expectOk(
      await core.call('agreements.create', {
        meetingId: meeting.id,
        practiceId: practices[1]!.id,
        text: 'B',
        evaluationDate: '2026-06-01',
      }),
    );
    const c = expectOk(await core.call('agreements.create', { meetingId: meeting.id, text: 'C', evaluationDate: '2026-02-01' }));

    expectOk(await core.call('agreements.setStatus', { id: a.id, status: 'partly', note: 'Half', setAt: '2025-09-01' }));
    const done = expectOk(await core.call('agreements.setStatus', { id: a.id, status: 'done', note: 'Gelukt' }));
    expect(done).toMatchObject({ status: 'done', statusNote: 'Gelukt', statusSource: 'app' });
    expect(expectOk(await core.call('agreements.history', { id: a.id })).map((r) => r.status)).toEqual(['partly', 'done']);
    expectOk(await core.call('agreements.setStatus', { id: c.id, status: 'dropped' }));

    const ids = (list: { id: number }[]) => list.map((x) => x.id);
    expect(ids(expectOk(await core.call('agreements.list', { status: ['open'] })))).toEqual([b.id]);
    expect(ids(expectOk(await core.call('agreements.list', { practiceId: practices[0]!.id })))).toEqual([a.id]);
    expect(ids(expectOk(await core.call('agreements.list', { wholeGroup: true })))).toEqual([c.id]);
    expect(ids(expectOk(await core.call('agreements.list', { dueFrom: '2026-01-20', dueTo: '2026-12-31' })))).toEqual([b.id, c.id]);
    expect(ids(expectOk(await core.call('agreements.due', { groupId: group.id, onDate: '2026-05-15', withinDays: 30 })))).toEqual([b.id]);
    expect(expectOk(await core.call('agreements.due', { groupId: group.id, onDate: '2026-01-01', withinDays: 30 }))).toEqual([]);
    expect(await core.call('agreements.setStatus', { id: a.id, status: 'klaar' })).toMatchObject({ ok: false, error: { field: 'status' } });
  });

  it('lists what is due with the most overdue first, leaving out what was evaluated this round', async () => {
    const { core, db } = tempCore();
    const { meeting, practices, group } = await meetingWithData(core, db);
    const make = async (text: string, evaluationDate: string, practice = 0) =>
      expectOk(await core.call('agreements.create', { meetingId: meeting.id, practiceId: practices[practice]!.id, text, evaluationDate }));
    const late = await make('Laat', '2026-06-01');
    const overdue = await make('Te laat', '2026-02-01', 1);
    const earlyPartly = await make('Deels, lang geleden', '2026-04-01');
    const partlyThisRound = await make('Deels, deze ronde', '2026-03-01', 1);
    expectOk(await core.call('agreements.setStatus', { id: earlyPartly.id, status: 'partly', setAt: '2025-06-01' }));
    expectOk(await core.call('agreements.setStatus', { id: partlyThisRound.id, status: 'partly', setAt: '2026-02-20' }));
    const due = expectOk(await core.call('agreements.due', { groupId: group.id, onDate: '2026-06-01', withinDays: 0 }));
    expect(due.map((a) => a.text)).toEqual([overdue.text, earlyPartly.text, late.text]);
  });

  it('says in words how a result will be judged, also for a target without a direction', async () => {
    const { core, db } = tempCore();
    const { meeting, practices } = await meetingWithData(core, db);
    const goal = async (fields: { indicator?: 'chronicUsers' | null; direction?: 'down' | 'up' | null; target?: number | null }) =>
      expectOk(await core.call('agreements.create', { meetingId: meeting.id, practiceId: practices[0]!.id, text: 'x', ...fields })).goal;
    expect(await goal({ indicator: null, target: 15 })).toBeNull();
    expect(await goal({ indicator: 'chronicUsers', target: 15 })).toBe('doel: hoogstens 15 (zonder richting telt het doel als bovengrens)');
    expect(await goal({ indicator: 'chronicUsers', target: 15, direction: 'up' })).toBe('doel: minstens 15');
    expect(await goal({ indicator: 'chronicUsers', direction: 'down' })).toBe('doel: omlaag, lager dan vóór');
  });

  it('evaluates an agreement before (the meeting period) and now (the latest full year) with the indicators engine', async () => {
    const { core, db } = tempCore();
    const { meeting, practices, group } = await meetingWithData(core, db);
    const chronicDown = expectOk(
      await core.call('agreements.create', {
        meetingId: meeting.id,
        practiceId: practices[0]!.id,
        text: 'Evaluatieconsult',
        indicator: 'chronicUsers',
        direction: 'down',
      }),
    );
    const shortTarget = expectOk(
      await core.call('agreements.create', {
        meetingId: meeting.id,
        practiceId: practices[1]!.id,
        text: 'Minder kortwerkend',
        indicator: 'dispensingsShort',
        direction: 'down',
        target: 1,
      }),
    );
    const groupUp = expectOk(
      await core.call('agreements.create', { meetingId: meeting.id, text: 'Hele groep', indicator: 'patientsAny', direction: 'up' }),
    );
    const unlinked = expectOk(
      await core.call('agreements.create', { meetingId: meeting.id, practiceId: practices[2]!.id, text: 'Indicatie op recept' }),
    );

    const y2024 = computeIndicators(db, { year: 2024 });
    const y2025 = computeIndicators(db, { year: 2025 });
    const value = (result: typeof y2024, level: string, id: number, name: 'chronicUsers' | 'dispensingsShort' | 'patientsAny') =>
      result.rows.find((r) => r.level === level && r.id === id)![name];

    const first = expectOk(await core.call('agreements.evaluate', { id: chronicDown.id }))!;
    expect(first.before).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      value: value(y2024, 'practice', practices[0]!.id, 'chronicUsers'),
    });
    expect(first.now).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      value: value(y2025, 'practice', practices[0]!.id, 'chronicUsers'),
    });
    expect([first.before.value, first.now!.value]).toEqual([3, 1]);
    expect(first).toMatchObject({ change: -2, changePercent: -66.7, met: true, level: 'practice' });
    expect(first.summary).toBe('Chronische gebruikers: 3 in 2024, 1 in 2025 (doel: omlaag, lager dan vóór) — gehaald.');

    const second = expectOk(await core.call('agreements.evaluate', { id: shortTarget.id }))!;
    expect([second.before.value, second.now!.value]).toEqual([
      value(y2024, 'practice', practices[1]!.id, 'dispensingsShort'),
      value(y2025, 'practice', practices[1]!.id, 'dispensingsShort'),
    ]);
    expect([second.before.value, second.now!.value]).toEqual([5, 2]);
    expect(second.met).toBe(false); // moved down, but the target of at most 1 was not reached

    const third = expectOk(await core.call('agreements.evaluate', { id: groupUp.id }))!;
    expect(third.level).toBe('group');
    expect([third.before.value, third.now!.value]).toEqual([
      value(y2024, 'group', group.id, 'patientsAny'),
      value(y2025, 'group', group.id, 'patientsAny'),
    ]);

    expect(expectOk(await core.call('agreements.evaluate', { id: unlinked.id }))).toBeNull();

    // A chosen period replaces the latest full year.
    const chosen = expectOk(
      await core.call('agreements.evaluate', { id: shortTarget.id, latest: { from: '2025-01-01', to: '2025-06-30' } }),
    )!;
    expect(chosen.now).toMatchObject({ from: '2025-01-01', to: '2025-06-30', value: 1 });

    const many = expectOk(await core.call('agreements.evaluateMany', { filter: { meetingId: meeting.id } }));
    expect(many.find((a) => a.id === chronicDown.id)!.evaluation).toEqual(first);

    const page = expectOk(await core.call('agreements.practicePage', { practiceId: practices[0]!.id }));
    expect(page.agreements.map((a) => a.id)).toEqual([chronicDown.id]);
    expect(page.years.map((y) => [y.year, y.chronicUsers])).toEqual([
      [2024, 3],
      [2025, 1],
    ]);
  });

  it('links and evaluates agreements on the dose and agreement indicators of version 2', async () => {
    const { core, db } = tempCore();
    const { meeting, practices } = await meetingWithData(core, db);
    const y2024 = computeIndicators(db, { year: 2024 });
    const y2025 = computeIndicators(db, { year: 2025 });
    for (const indicator of [
      'starts',
      'startsOverLimit',
      'patientsOxycodone',
      'patientsMorphine',
      'patientsFentanylRapid',
      'highDoseUsers',
      'dispensingsOmeUnknown',
    ] as const) {
      const made = expectOk(
        await core.call('agreements.create', {
          meetingId: meeting.id,
          practiceId: practices[0]!.id,
          text: `Minder ${indicator}`,
          indicator,
          direction: 'down',
        }),
      );
      const evaluation = expectOk(await core.call('agreements.evaluate', { id: made.id }))!;
      const value = (result: typeof y2024) => result.rows.find((r) => r.level === 'practice' && r.id === practices[0]!.id)![indicator];
      expect([evaluation.before.value, evaluation.now!.value]).toEqual([value(y2024), value(y2025)]);
    }
    // Weak opioids stay context only: no agreement is measured by them.
    const weak = await core.call('agreements.create', { meetingId: meeting.id, text: 'x', indicator: 'patientsWeak' as 'starts' });
    expect(weak).toMatchObject({ ok: false, error: { field: 'indicator', message: 'Kies een bestaande indicator.' } });
  });

  it('gives a practice page the dose and agreement figures per year, and marks a year whose data ends in October', async () => {
    const { core, world: w } = world();
    w.practice('De Linde', 'FTO Noord');
    w.practice('Het Anker', 'FTO Noord');
    w.prescriber('11111111', 'De Linde', 'Huisarts Linde');
    w.prescriber('22222222', 'Het Anker', 'Huisarts Anker');
    const practiceId = expectOk(await core.call('practices.list', {})).find((p) => p.name === 'De Linde')!.id;
    // Without data: no years and no data end yet.
    expect(expectOk(await core.call('agreements.practicePage', { practiceId }))).toMatchObject({ years: [], dataEnd: null });
    const linde = { prescriber: '11111111' };
    const morphine = { atc: 'N02AA01', product: 'MORFINE HCL 10MG TABLET' };
    w.batch('FTO Noord').dispense(
      // The data starts on 1 January 2024 (a weak opioid: context only), so 2025 has its full look-back and 2024 not.
      { ...linde, patient: 'P0', date: '2024-01-01', strong: false },
      // P4: starts on 1 December 2024 with 28 days at 120 mg OME a day, twice more in 2025: a high-dose user both years.
      { ...linde, patient: 'P4', date: '2024-12-01', days: 28, ome: 120 },
      { ...linde, patient: 'P4', date: '2025-06-01', days: 28, ome: 120 },
      { ...linde, patient: 'P4', date: '2025-10-15', days: 28, ome: 120 },
      // P1: a start of oxycodone for 28 days (over the 7-day limit), 30 mg OME a day.
      { ...linde, patient: 'P1', date: '2025-03-01', days: 28, ome: 30 },
      // P2: a start of morphine for 5 days; P3: morphine whose 14 days are only the default guess (never "over the limit").
      { ...linde, ...morphine, patient: 'P2', date: '2025-04-01', days: 5, ome: 60 },
      { ...linde, ...morphine, patient: 'P3', date: '2025-05-01' },
      // Another practice's start: not on De Linde's page.
      { prescriber: '22222222', patient: 'Q1', date: '2025-02-01', days: 10, ome: 30 },
    );
    const page = expectOk(await core.call('agreements.practicePage', { practiceId }));
    expect(page.dataEnd).toBe('2025-10-15');
    expect(page.settings).toMatchObject({ startLimitDays: 7, highDoseOme: 90 });
    const figures = ['patientsAny', 'starts', 'startsOverLimit', 'patientsOxycodone', 'patientsMorphine', 'highDoseUsers'] as const;
    expect(page.years.map((y) => [y.year, ...figures.map((name) => y[name]), y.dispensingsOmeUnknown])).toEqual([
      [2024, 1, 1, 1, 1, 0, 1, 0],
      [2025, 4, 3, 1, 2, 2, 1, 1],
    ]);
    expect(page.years.map((y) => [y.year, y.periodComplete, y.lookbackComplete, y.chronicComplete])).toEqual([
      [2024, true, false, false],
      [2025, false, true, true],
    ]);
    // The same figures as the years side by side in Cijfers.
    const years = expectOk(await core.call('indicators.years', { fromYear: 2024, toYear: 2025, groupId: page.practice.groupId }));
    const row = years.rows.find((r) => r.level === 'practice' && r.id === practiceId)!;
    const pick = (y: Record<(typeof figures)[number], number>) => figures.map((name) => y[name]);
    expect(page.years.map(pick)).toEqual(row.years.map(pick));
  });

  it('has no "now" while the data does not yet reach past the meeting period', async () => {
    const { core, db } = tempCore();
    const { group, prescribers, practices } = await seedGroup(core);
    addDispensings(db, [{ prescriberId: prescribers[0]!.id, patient: 'P', date: '2024-12-15' }]);
    const meeting = expectOk(await core.call('meetings.create', { groupId: group.id, startsAt: '2025-03-10T19:30' }));
    const a = expectOk(
      await core.call('agreements.create', {
        meetingId: meeting.id,
        practiceId: practices[0]!.id,
        text: 'x',
        indicator: 'patientsAny',
        direction: 'down',
      }),
    );
    const evaluation = expectOk(await core.call('agreements.evaluate', { id: a.id }))!;
    expect(evaluation).toMatchObject({ before: { value: 1 }, now: null, change: null, met: null });
    expect(evaluation.summary).toContain('nog geen cijfers');
  });

  it("shows the previous meeting's agreements at the next meeting, with this meeting's period as now", async () => {
    const { core, db } = tempCore();
    const { meeting, practices, group } = await meetingWithData(core, db);
    const made = [];
    for (const practice of practices) {
      made.push(
        expectOk(
          await core.call('agreements.create', {
            meetingId: meeting.id,
            practiceId: practice.id,
            suggestionId: 'opioiden-herhaal-na-consult',
          }),
        ),
      );
    }
    expectOk(await core.call('agreements.setStatus', { id: made[0]!.id, status: 'done', note: 'Herhaallijn aangepast' }));
    const next = expectOk(await core.call('meetings.create', { groupId: group.id, startsAt: '2026-03-09T19:30' }));
    expect(next).toMatchObject({ periodFrom: '2025-01-01', periodTo: '2025-12-31' });
    const earlier = expectOk(await core.call('agreements.earlier', { meetingId: next.id }));
    expect(earlier.previousMeeting?.id).toBe(meeting.id);
    expect(earlier.agreements.map((a) => [a.scopeName, a.status, a.evaluation?.before.value, a.evaluation?.now?.value])).toEqual([
      [practices[0]!.name, 'done', 3, 1],
      [practices[1]!.name, 'open', 0, 0],
      [practices[2]!.name, 'open', 0, 0],
    ]);
    expect(expectOk(await core.call('agreements.earlier', { meetingId: meeting.id }))).toEqual({ previousMeeting: null, agreements: [] });

    const evidence = expectOk(await core.call('ftoLevel.evidence', { groupId: group.id, year: 2025 }));
    expect(evidence).toMatchObject({ agreementsMade: 3, agreementsMadeAndEvaluated: 1, byStatus: { done: 1, open: 2 } });
    expect(evidence.meetings.map((m) => m.id)).toEqual([meeting.id]);
    const file = expectOk(await core.call('ftoLevel.exportXlsx', { groupId: group.id, year: 2025 }));
    const book = XLSX.read(Buffer.from(file.base64, 'base64'));
    expect(book.SheetNames).toEqual(['Samenvatting', 'Bijeenkomsten']);
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Samenvatting!, { header: 1 })).toContainEqual(['Werkafspraken gemaakt', 3]);

    const bundle = expectOk(await core.call('ftoLevel.exportBundle', { groupId: group.id, year: 2025 }));
    expect(bundle).toMatchObject({ fileName: 'fto-niveau-fto-testdorp-2025.zip', mimeType: 'application/zip' });
    const zip = await JSZip.loadAsync(Buffer.from(bundle.base64, 'base64'));
    expect(
      Object.keys(zip.files)
        .filter((name) => !name.endsWith('/'))
        .sort(),
    ).toEqual(['fto-niveau-fto-testdorp-2025.xlsx', 'verslagen/verslag-fto-testdorp-2025-03-10.docx']);

    const xlsx = expectOk(await core.call('agreements.exportXlsx', { meetingId: meeting.id }));
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(Buffer.from(xlsx.base64, 'base64')).Sheets.Afspraken!);
    expect(rows.map((r) => [r.Voor, r.Status])).toEqual([
      [practices[0]!.name, 'uitgevoerd'],
      [practices[1]!.name, 'open'],
      [practices[2]!.name, 'open'],
    ]);
  });
});
