import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeIndicators, specJson } from '../../db/indicators/compute';
import { defaultYear } from '../../db/indicators/scope';
import { openDatabase } from '../../db/open';
import { byLevelAndKey, referenceIndicators } from '../indicators/reference';
import { runCli } from '../helpers/cli';
import { expectOk, tempCore } from '../helpers/temp';
import { buildTwoGroups, DATA_END, EEM, PHARMACIES, SPECIALIST, WAAL, type Row } from './two-groups';

const SETTINGS = { chronicDays: 90, lookbackDays: 365, newUserMinDispensings: 4, startLimitDays: 7, highDoseOme: 90 };
const strongIn = (rows: Row[], year: number) => rows.filter((r) => r.atc !== 'N02AX02' && r.date.startsWith(String(year)));

async function twoGroups() {
  const made = tempCore();
  const rows = await buildTwoGroups(made.core, made.db);
  const groupId = (name: string) => (made.db.prepare('SELECT id FROM fto_group WHERE name = ?').get(name) as { id: number }).id;
  return { ...made, rows, eem: groupId(EEM), waal: groupId(WAAL) };
}

describe('spec §5 "Group scope": two FTO groups in one database', () => {
  it("a group's figures hold only its practices and its own group-other row, which counts only its pharmacies", async () => {
    const { core, rows, eem } = await twoGroups();
    const all = expectOk(await core.call('indicators.compute', { year: 2024 }));
    const mine = expectOk(await core.call('indicators.compute', { year: 2024, groupId: eem }));
    expect(new Set(mine.rows.map((r) => r.group))).toEqual(new Set([EEM]));
    expect(mine.rows.filter((r) => r.level === 'groupOther').map((r) => r.key)).toEqual([EEM]);
    expect(mine.rows.some((r) => r.level === 'all' || r.key === 'other')).toBe(false);
    // Without a group: every group's row, every groupOther row, `other` and `all`.
    expect(
      all.rows
        .filter((r) => r.level === 'groupOther')
        .map((r) => r.key)
        .sort(),
    ).toEqual([EEM, WAAL]);
    // The group's rows equal the whole database's rows for it.
    for (const row of mine.rows) expect(all.rows.find((r) => r.level === row.level && r.key === row.key)).toEqual(row);

    // "Overige voorschrijvers" of Eemvallei: exactly what its own pharmacies delivered on prescription of no practice.
    const eemPharmacies = new Set(PHARMACIES.filter((p) => p.group === EEM).map((p) => p.name));
    const noPractice = (r: Row) => r.prescriber.practice === null;
    const expected = (pharmacies: Set<string>) => strongIn(rows, 2024).filter((r) => pharmacies.has(r.pharmacy) && noPractice(r));
    const groupOther = mine.rows.find((r) => r.level === 'groupOther')!;
    expect(groupOther.dispensingsShort + groupOther.dispensingsLong).toBe(expected(eemPharmacies).length);
    expect(groupOther.dispensingsLong).toBe(expected(eemPharmacies).filter((r) => r.product.includes('MGA')).length);
    expect(groupOther.patientsAny).toBe(new Set(expected(eemPharmacies).map((r) => r.patient)).size);
    // v1's `other` stays: every pharmacy, so more than Eemvallei's own.
    const other = all.rows.find((r) => r.key === 'other')!;
    expect(other.dispensingsShort + other.dispensingsLong).toBe(expected(new Set(PHARMACIES.map((p) => p.name))).length);
    expect(other.dispensingsShort + other.dispensingsLong).toBeGreaterThan(groupOther.dispensingsShort + groupOther.dispensingsLong);
    const waalOther = all.rows.find((r) => r.level === 'groupOther' && r.key === WAAL)!;
    expect(waalOther.dispensingsLong + groupOther.dispensingsLong).toBe(other.dispensingsLong);
  });

  it('equals the literal transcription, groupOther rows included', async () => {
    const { db } = await twoGroups();
    for (const year of [2023, 2024, 2025]) {
      const fast = specJson(computeIndicators(db, { year }));
      const { patients: _, days: __, ...slow } = referenceIndicators(db, `${year}-01-01`, `${year}-12-31`, SETTINGS);
      expect({ ...fast, rows: byLevelAndKey(fast.rows) }).toEqual({ ...slow, rows: byLevelAndKey(slow.rows) });
    }
  }, 120_000);

  it('moving a pharmacy to the other group moves its dispensings in the group-other rows', async () => {
    const { core } = await twoGroups();
    const before = expectOk(await core.call('indicators.compute', { year: 2024 }));
    const vallei = expectOk(await core.call('pharmacies.list', {})).find((p) => p.name === 'Apotheek Vallei')!;
    const waal = expectOk(await core.call('groups.list', {})).find((g) => g.name === WAAL)!;
    expectOk(await core.call('pharmacies.update', { id: vallei.id, groupId: waal.id, name: vallei.name, agb: '' }));
    const after = expectOk(await core.call('indicators.compute', { year: 2024 }));
    const value = (result: typeof before, key: string) =>
      result.rows.find((r) => r.level === 'groupOther' && r.key === key)!.dispensingsLong;
    expect(value(after, EEM)).toBeLessThan(value(before, EEM));
    expect(value(after, EEM) + value(after, WAAL)).toBe(value(before, EEM) + value(before, WAAL));
    // A renamed pharmacy keeps its dispensings.
    expectOk(await core.call('pharmacies.update', { id: vallei.id, groupId: waal.id, name: 'Apotheek Vallei-Noord', agb: '' }));
    expect(expectOk(await core.call('indicators.compute', { year: 2024 }))).toEqual(after);
    // The group rows (its practices' prescribers, all pharmacies) do not change.
    expect(after.rows.find((r) => r.level === 'group' && r.key === EEM)).toEqual(
      before.rows.find((r) => r.level === 'group' && r.key === EEM),
    );
  });

  it('the unassigned-prescriber list of a group holds only prescribers its pharmacies delivered for', async () => {
    const { core, db, eem, waal } = await twoGroups();
    db.prepare(
      "UPDATE prescriber SET practice_id = NULL, practice_source = NULL WHERE practice_source = 'manual' AND practice_id IS NULL",
    ).run();
    const names = async (groupId: number) =>
      expectOk(await core.call('prescribers.unassigned', { groupId }))
        .map((p) => p.name)
        .sort();
    expect(await names(eem)).toEqual(['Huisartsenpost Rivierenland', 'dr. P. Pijnarts']);
    expect(await names(waal)).toEqual(['H. Chirurg', 'Huisartsenpost Rivierenland', 'P. Pijnarts']);
  });
});

describe('spec §5 "Data end"', () => {
  it('gives the data end and marks a period past it, for the whole database and per group', async () => {
    const { core, eem } = await twoGroups();
    const y2025 = expectOk(await core.call('indicators.compute', { year: 2025, groupId: eem }));
    expect(y2025).toMatchObject({ dataEnd: DATA_END, periodComplete: false });
    expect(expectOk(await core.call('indicators.compute', { from: '2024-11-01', to: DATA_END }))).toMatchObject({ periodComplete: true });
    const range = expectOk(await core.call('indicators.dataRange', { groupId: eem, today: '2026-01-15' }));
    // 2026 holds no data and is not offered; 2025 ends before 31 December, so 2024 is the default.
    expect(range).toMatchObject({ dataEnd: DATA_END, years: [2023, 2024, 2025], defaultYear: 2024 });
    // The years view starts at the first data year and ends at the last: no columns of zeros.
    const years = expectOk(await core.call('indicators.years', { fromYear: 2020, toYear: 2026, groupId: eem }));
    expect(years.years.map((y) => [y.year, y.periodComplete, y.chronicComplete])).toEqual([
      [2023, true, false],
      [2024, true, true],
      [2025, false, true],
    ]);
    expect(years.dataEnd).toBe(DATA_END);
  });

  it('the default year: the last complete year at or before the year before the reference date', () => {
    const span = { start: '2021-03-01', end: '2025-10-31' };
    expect(defaultYear('2025-03-12', span)).toBe(2024);
    expect(defaultYear('2025-11-20', span)).toBe(2024);
    expect(defaultYear('2026-12-01', span)).toBe(2024); // 2025 is not complete
    expect(defaultYear('2026-12-01', { start: '2021-03-01', end: '2025-12-31' })).toBe(2025);
    expect(defaultYear('2021-06-01', span)).toBe(2021); // no complete year yet: the first data year
    expect(defaultYear('2025-03-12', { start: null, end: null })).toBe(2024);
  });

  it('a new meeting dated March 2025 takes 2024, follows a changed date, and keeps a period set by hand', async () => {
    const { core, eem } = await twoGroups();
    const meeting = expectOk(await core.call('meetings.create', { groupId: eem, startsAt: '2025-03-12T19:30' }));
    expect(meeting).toMatchObject({ periodFrom: '2024-01-01', periodTo: '2024-12-31', periodManual: false });
    // Moved to 2026: 2025 is incomplete (data to October), so the period stays 2024.
    expect(expectOk(await core.call('meetings.update', { id: meeting.id, startsAt: '2026-02-01T19:30' }))).toMatchObject({
      periodTo: '2024-12-31',
    });
    expect(expectOk(await core.call('meetings.update', { id: meeting.id, startsAt: '2024-05-01T19:30' }))).toMatchObject({
      periodFrom: '2023-01-01',
    });
    expectOk(await core.call('meetings.update', { id: meeting.id, periodFrom: '2024-01-01', periodTo: '2024-06-30' }));
    expect(expectOk(await core.call('meetings.update', { id: meeting.id, startsAt: '2025-09-01T19:30' }))).toMatchObject({
      periodFrom: '2024-01-01',
      periodTo: '2024-06-30',
      periodManual: true,
    });
  });
});

describe('prescriber merge', () => {
  it('proposes the specialist exported with and without AGB code, and counts him as one after the merge, reversibly', async () => {
    const { core, db, dir, eem } = await twoGroups();
    const proposals = expectOk(await core.call('prescribers.mergeProposals', {}));
    const pijnarts = proposals.find((p) => p.into.key === SPECIALIST.agb)!;
    expect(pijnarts).toMatchObject({ from: { key: 'P. Pijnarts', agb: null }, into: { name: 'dr. P. Pijnarts' } });
    expect(proposals.map((p) => `${p.from.key} → ${p.into.key}`).sort()).toEqual(['M. Smit → 01000003', 'P. Pijnarts → 03000001']);

    const before = expectOk(await core.call('indicators.compute', { year: 2024 }));
    expectOk(await core.call('prescribers.merge', { fromId: pijnarts.from.id, intoId: pijnarts.into.id }));
    const after = expectOk(await core.call('indicators.compute', { year: 2024 }));
    expect(after.rows.some((r) => r.key === 'P. Pijnarts')).toBe(false);
    const merged = after.rows.find((r) => r.key === SPECIALIST.agb)!;
    const row = (result: typeof before, key: string) => result.rows.find((r) => r.level === 'prescriber' && r.key === key);
    expect(merged.dispensingsLong).toBe(
      (row(before, SPECIALIST.agb)?.dispensingsLong ?? 0) + (row(before, 'P. Pijnarts')?.dispensingsLong ?? 0),
    );
    expect(expectOk(await core.call('prescribers.mergeProposals', {})).map((p) => p.from.key)).toEqual(['M. Smit']);

    // README: the merged prescriber's key becomes the target's for every dispensing. The same figures
    // as a database in which those dispensings were imported with the AGB code.
    const copy = path.join(dir, 'herschreven.sqlite');
    db.exec(`VACUUM INTO '${copy}'`);
    const rewritten = openDatabase(copy);
    rewritten.prepare('DELETE FROM prescriber_merge').run();
    rewritten.prepare('UPDATE dispensing SET prescriber_id = ? WHERE prescriber_id = ?').run(pijnarts.into.id, pijnarts.from.id);
    rewritten.prepare('UPDATE dispensing SET own_gp_key = ? WHERE own_gp_key = ?').run(SPECIALIST.agb, 'P. Pijnarts');
    rewritten.prepare('DELETE FROM prescriber WHERE id = ?').run(pijnarts.from.id);
    for (const groupId of [undefined, eem]) {
      const input = { year: 2024, ...(groupId ? { groupId } : {}) };
      expect(byLevelAndKey(computeIndicators(rewritten, input).rows)).toEqual(byLevelAndKey(computeIndicators(db, input).rows));
    }
    rewritten.close();

    expectOk(await core.call('prescribers.unmerge', { fromId: pijnarts.from.id }));
    expect(expectOk(await core.call('indicators.compute', { year: 2024 }))).toEqual(before);
  });

  it('dismissing a proposal keeps it away; refuses merging into a merged prescriber', async () => {
    const { core } = await twoGroups();
    const [first, second] = expectOk(await core.call('prescribers.mergeProposals', {}));
    expectOk(await core.call('prescribers.dismissMerge', { fromId: first!.from.id, intoId: first!.into.id }));
    expect(expectOk(await core.call('prescribers.mergeProposals', {}))).toHaveLength(1);
    expectOk(await core.call('prescribers.merge', { fromId: second!.from.id, intoId: second!.into.id }));
    const refused = await core.call('prescribers.merge', { fromId: first!.into.id, intoId: second!.from.id });
    expect(refused.ok ? null : refused.error).toMatchObject({ field: 'intoId' });
  });
});

describe('bulk assignment', () => {
  it('previews a mapping without changing anything, then applies it', async () => {
    const { core, db } = await twoGroups();
    const csv = 'prescriber;practice;group\nH. Chirurg;Huisartsen aan de Waal;\nNieuwe Arts;Praktijk Nieuw;FTO Rivierenland\n';
    const read = expectOk(
      await core.call('prescribers.readMappingFile', { name: 'koppeling.csv', base64: Buffer.from(csv).toString('base64') }),
    );
    expect(read.map((r) => r.line)).toEqual([2, 3]);
    const snapshot = () => db.prepare('SELECT key, practice_id, practice_source FROM prescriber ORDER BY key').all();
    const before = snapshot();
    const preview = expectOk(await core.call('prescribers.assignPreview', { rows: read }));
    expect(preview).toMatchObject({ assigned: 2, createdPrescribers: 1, createdPractices: 1, createdGroups: 0 });
    expect(preview.rows).toEqual([
      { row: 1, prescriber: 'H. Chirurg', newPrescriber: false, before: null, after: 'Huisartsen aan de Waal', changes: true },
      { row: 2, prescriber: 'Nieuwe Arts', newPrescriber: true, before: null, after: 'Praktijk Nieuw', changes: true },
    ]);
    expect(snapshot()).toEqual(before);
    expect(db.prepare("SELECT count(*) AS n FROM practice WHERE name = 'Praktijk Nieuw'").get()).toEqual({ n: 0 });
    expectOk(await core.call('prescribers.assignMany', { rows: read }));
    expect(db.prepare("SELECT p.name FROM prescriber r JOIN practice p ON p.id = r.practice_id WHERE r.key = 'H. Chirurg'").get()).toEqual({
      name: 'Huisartsen aan de Waal',
    });
  });
});

describe('the CLI on two groups', () => {
  it('prints dataEnd and periodComplete for the group, uses the default year, and merges and undoes by key', async () => {
    const { db, file } = await twoGroups();
    db.close();
    const json = (args: string[]) => {
      const run = runCli(args);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout);
    };
    const y2025 = json(['indicators', '--db', file, '--year', '2025', '--group', EEM, '--json']);
    expect(y2025).toMatchObject({ from: '2025-01-01', dataEnd: DATA_END, periodComplete: false });
    expect(y2025.rows.filter((r: { level: string }) => r.level === 'groupOther')).toHaveLength(1);
    // Without --year: the last complete year before today (this machine's clock is past 2025).
    expect(json(['indicators', '--db', file, '--group', EEM, '--json'])).toMatchObject({ from: '2024-01-01', periodComplete: true });
    expect(runCli(['indicators', '--db', file, '--year', '2025']).stdout).toContain('Onvolledig (gegevens tot 31-10-2025)');

    const before = json(['indicators', '--db', file, '--year', '2024', '--json']);
    expect(json(['merge', '--db', file, '--from', 'P. Pijnarts', '--into', SPECIALIST.agb, '--json'])).toEqual({
      merged: true,
      from: 'P. Pijnarts',
      into: SPECIALIST.agb,
    });
    const merged = json(['indicators', '--db', file, '--year', '2024', '--json']);
    expect(merged.rows.some((r: { key: string }) => r.key === 'P. Pijnarts')).toBe(false);
    json(['merge', '--db', file, '--from', 'P. Pijnarts', '--undo', '--json']);
    expect(json(['indicators', '--db', file, '--year', '2024', '--json'])).toEqual(before);
    const refused = runCli(['merge', '--db', file, '--from', 'Niemand', '--into', SPECIALIST.agb]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe('Fout: Voorschrijver "Niemand" bestaat niet.');
  }, 120_000);
});

describe('a merge and the own GP', () => {
  it('an own GP named by a merged key is the target, also where the smallest key breaks a tie', async () => {
    const { World } = await import('../indicators/fixtures');
    const made = tempCore();
    const w = new World(made.db);
    for (const key of ['01234567', '11111111', 'Ärts']) w.prescriber(key);
    // Two own GPs on the latest day: "11111111" and "Ärts"; Ärts is merged into 01234567, which is smaller.
    w.dispense(
      { patient: 'p1', date: '2024-05-01', prescriber: '11111111', ownGp: '11111111' },
      { patient: 'p1', date: '2024-05-01', prescriber: '11111111', ownGp: 'Ärts' },
    );
    made.db
      .prepare(
        "INSERT INTO prescriber_merge (from_id, into_id) SELECT f.id, t.id FROM prescriber f, prescriber t WHERE f.key = 'Ärts' AND t.key = '01234567'",
      )
      .run();
    const result = computeIndicators(made.db, { year: 2024 });
    expect(result.rows.find((r) => r.level === 'prescriber' && r.key === '01234567')).toMatchObject({ newUsers: 1, dispensingsShort: 0 });
    const { patients } = referenceIndicators(made.db, '2024-01-01', '2024-12-31', SETTINGS);
    expect(patients.p1!.responsible).toBe('01234567');
  });
});
