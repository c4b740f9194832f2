import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/core';
import type { Db } from '../../db/open';
import { exportReviewSheet } from '../../db/reports/review-sheet';
import { expectOk, tempCore, tempDir } from '../helpers/temp';
import { addDispensings, seedGroup } from './fixtures';

const COLUMN = {
  Nr: 'A',
  Afspraak: 'C',
  Eigenaar: 'D',
  Vóór: 'F',
  Nu: 'G',
  Evaluatiedatum: 'H',
  Status: 'I',
  Toelichting: 'J',
  Leeg: 'L',
} as const;
const FIRST_ROW = 6;

/** Fills in a sheet as a practice would, with the spreadsheet library (a real .xlsx written back). */
function fill(base64: string, edits: { row: number; column: keyof typeof COLUMN; value: string | number | Date }[]): string {
  const book = XLSX.read(Buffer.from(base64, 'base64'));
  const sheet = book.Sheets.Afspraken!;
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  for (const { row, column, value } of edits) {
    sheet[`${COLUMN[column]}${row}`] =
      value instanceof Date ? { t: 'd', v: value } : { t: typeof value === 'number' ? 'n' : 's', v: value };
    range.e.r = Math.max(range.e.r, row - 1); // as a spreadsheet program does, the sheet's range grows with it
    range.e.c = Math.max(range.e.c, XLSX.utils.decode_col(COLUMN[column]));
  }
  sheet['!ref'] = XLSX.utils.encode_range(range);
  return XLSX.write(book, { type: 'base64', bookType: 'xlsx' }) as string;
}

function cell(base64: string, address: string): unknown {
  return XLSX.read(Buffer.from(base64, 'base64')).Sheets.Afspraken![address]?.v;
}

async function setup(core: Core, db: Db) {
  const seeded = await seedGroup(core);
  const [linde] = seeded.prescribers.map((p) => p.id) as [number];
  addDispensings(db, [
    { prescriberId: linde, patient: 'P1', date: '2024-03-01' },
    { prescriberId: linde, patient: 'P2', date: '2024-04-01' },
    { prescriberId: linde, patient: 'P1', date: '2025-12-01' },
  ]);
  const meeting = expectOk(await core.call('meetings.create', { groupId: seeded.group.id, startsAt: '2025-03-10T19:30' }));
  const practiceId = seeded.practices[0]!.id;
  const linked = expectOk(
    await core.call('agreements.create', {
      meetingId: meeting.id,
      practiceId,
      text: 'Minder kortwerkend',
      indicator: 'dispensingsShort',
      direction: 'down',
    }),
  );
  const plain = expectOk(
    await core.call('agreements.create', { meetingId: meeting.id, practiceId, text: 'Indicatie en duur op het recept' }),
  );
  const others = expectOk(
    await core.call('agreements.create', { meetingId: meeting.id, practiceId: seeded.practices[1]!.id, text: 'Ander' }),
  );
  return { ...seeded, meeting, practiceId, linked, plain, others };
}

const statusOf = async (core: Core, id: number) => {
  const a = expectOk(await core.call('agreements.get', { id }));
  return [a.status, a.statusNote, a.statusSource];
};

describe('review sheet round trip', () => {
  it('exports the agreements with figures before/now and reads back the statuses and notes filled in', async () => {
    const { core, db } = tempCore();
    const { practiceId, linked, plain, practices } = await setup(core, db);
    const sheet = expectOk(await core.call('agreements.exportReviewSheet', { practiceId }));
    expect(sheet.fileName).toMatch(/^afsprakenformulier-praktijk-de-linde-fto-testdorp-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = XLSX.read(Buffer.from(sheet.base64, 'base64'));
    expect(book.SheetNames).toEqual(['Afspraken', 'FTO-herkomst']);
    expect(book.Workbook?.Sheets?.[1]?.Hidden).toBe(2);
    expect([
      cell(sheet.base64, `A${FIRST_ROW}`),
      cell(sheet.base64, `C${FIRST_ROW}`),
      cell(sheet.base64, `F${FIRST_ROW}`),
      cell(sheet.base64, `G${FIRST_ROW}`),
    ]).toEqual([linked.id, 'Minder kortwerkend', '2 (2024)', '1 (2025)']);
    expect(cell(sheet.base64, `I${FIRST_ROW}`)).toBe('open');

    const filled = fill(sheet.base64, [
      { row: FIRST_ROW, column: 'Status', value: 'Uitgevoerd' },
      { row: FIRST_ROW, column: 'Toelichting', value: 'Besproken in het praktijkoverleg' },
    ]);
    const dry = expectOk(
      await core.call('agreements.importReviewSheet', { fileName: 'terug.xlsx', base64: filled, practiceId, dryRun: true }),
    );
    expect(dry).toMatchObject({ updated: 1, unchanged: 1, rejected: 0 });
    expect(await statusOf(core, linked.id)).toEqual(['open', '', null]);

    const result = expectOk(await core.call('agreements.importReviewSheet', { fileName: 'terug.xlsx', base64: filled, practiceId }));
    expect(result).toMatchObject({ practiceName: practices[0]!.name, updated: 1, unchanged: 1, rejected: 0 });
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([
      [FIRST_ROW, 'updated'],
      [FIRST_ROW + 1, 'unchanged'],
    ]);
    expect(await statusOf(core, linked.id)).toEqual(['done', 'Besproken in het praktijkoverleg', 'sheet']);
    expect(await statusOf(core, plain.id)).toEqual(['open', '', null]);
    // The same sheet again changes nothing more.
    const again = expectOk(await core.call('agreements.importReviewSheet', { fileName: 'terug.xlsx', base64: filled, practiceId }));
    expect(again).toMatchObject({ updated: 0, rejected: 0 });
    expect(expectOk(await core.call('agreements.history', { id: linked.id }))).toHaveLength(1);
  });

  it('reports edits in the wrong places and unknown statuses row by row, and applies only the good rows', async () => {
    const { core, db } = tempCore();
    const { practiceId, linked, plain, others } = await setup(core, db);
    const third = expectOk(await core.call('agreements.create', { meetingId: linked.meetingId, practiceId, text: 'Derde' }));
    const sheet = expectOk(await core.call('agreements.exportReviewSheet', { practiceId }));
    const filled = fill(sheet.base64, [
      { row: FIRST_ROW, column: 'Afspraak', value: 'Minder kortwerkend, behalve bij kanker' },
      { row: FIRST_ROW, column: 'Status', value: 'uitgevoerd' },
      { row: FIRST_ROW + 1, column: 'Status', value: 'klaar' },
      { row: FIRST_ROW + 2, column: 'Nr', value: others.id },
      { row: FIRST_ROW + 2, column: 'Status', value: 'vervallen' },
      { row: FIRST_ROW + 3, column: 'Nr', value: third.id },
      { row: FIRST_ROW + 3, column: 'Afspraak', value: 'Derde' },
      { row: FIRST_ROW + 3, column: 'Status', value: 'deels uitgevoerd' },
      { row: FIRST_ROW + 3, column: 'Toelichting', value: 'Half' },
    ]);
    const result = expectOk(await core.call('agreements.importReviewSheet', { fileName: 'terug.xlsx', base64: filled }));
    expect(result).toMatchObject({ updated: 1, rejected: 3 });
    const messages = result.rows.filter((r) => r.outcome === 'rejected').map((r) => r.message);
    expect(messages[0]).toMatch(/^Rij 6: de tekst in kolom Afspraak is gewijzigd/);
    expect(messages[1]).toMatch(/^Rij 7: onbekende status "klaar" in kolom Status; kies open, uitgevoerd/);
    expect(messages[2]).toMatch(/^Rij 8: het nummer in kolom Nr \("\d+"\) is gewijzigd of hoort niet bij dit formulier/);
    expect(await statusOf(core, linked.id)).toEqual(['open', '', null]);
    expect(await statusOf(core, plain.id)).toEqual(['open', '', null]);
    expect(await statusOf(core, others.id)).toEqual(['open', '', null]);
    expect(await statusOf(core, third.id)).toEqual(['partly', 'Half', 'sheet']);
  });

  it('names a status or date in the wrong column and anything in an empty column, row by row, and takes none of it', async () => {
    const { core, db } = tempCore();
    const { practiceId, linked, plain } = await setup(core, db);
    const third = expectOk(await core.call('agreements.create', { meetingId: linked.meetingId, practiceId, text: 'Derde' }));
    const fourth = expectOk(await core.call('agreements.create', { meetingId: linked.meetingId, practiceId, text: 'Vierde' }));
    const fifth = expectOk(await core.call('agreements.create', { meetingId: linked.meetingId, practiceId, text: 'Vijfde' }));
    const sheet = expectOk(await core.call('agreements.exportReviewSheet', { practiceId }));
    const filled = fill(sheet.base64, [
      { row: FIRST_ROW, column: 'Evaluatiedatum', value: 'uitgevoerd' },
      { row: FIRST_ROW + 1, column: 'Status', value: new Date(Date.UTC(2026, 2, 12)) },
      { row: FIRST_ROW + 2, column: 'Eigenaar', value: 'Gelukt, zie verslag' },
      { row: FIRST_ROW + 3, column: 'Leeg', value: 'uitgevoerd' },
      { row: FIRST_ROW + 4, column: 'Toelichting', value: 'niet uitgevoerd' },
    ]);
    const result = expectOk(await core.call('agreements.importReviewSheet', { fileName: 'terug.xlsx', base64: filled, practiceId }));
    expect(result).toMatchObject({ updated: 0, rejected: 5 });
    const messages = result.rows.map((r) => r.message);
    expect(messages[0]).toBe(
      "Rij 6: 'uitgevoerd' staat in de kolom Evaluatiedatum; een status hoort in de kolom Status. Deze rij is niet overgenomen.",
    );
    expect(messages[1]).toMatch(/^Rij 7: '.+' in de kolom Status is een datum, geen status\. Deze rij is niet overgenomen\.$/);
    expect(messages[2]).toBe(
      "Rij 8: in de kolom Wie trekt het, die leeg hoort te blijven, staat 'Gelukt, zie verslag'; zet een toelichting in de kolom Toelichting. Deze rij is niet overgenomen.",
    );
    expect(messages[3]).toBe(
      "Rij 9: in kolom L, die geen kop heeft, staat 'uitgevoerd'; alleen de kolommen Status en Toelichting worden gelezen. Deze rij is niet overgenomen.",
    );
    expect(messages[4]).toBe(
      "Rij 10: 'niet uitgevoerd' staat in de kolom Toelichting; een status hoort in de kolom Status. Deze rij is niet overgenomen.",
    );
    for (const a of [linked, plain, third, fourth, fifth]) expect(await statusOf(core, a.id)).toEqual(['open', '', null]);
  });

  it('offers the statuses as a drop-down list and keeps every agreement of the round on the sheet, whatever its status', async () => {
    const { core, db } = tempCore();
    const { practiceId, linked, plain } = await setup(core, db);
    expectOk(await core.call('agreements.setStatus', { id: plain.id, status: 'not_done' }));
    const sheet = expectOk(await core.call('agreements.exportReviewSheet', { practiceId }));
    expect([cell(sheet.base64, `A${FIRST_ROW}`), cell(sheet.base64, `A${FIRST_ROW + 1}`)]).toEqual([linked.id, plain.id]);
    expect(cell(sheet.base64, `I${FIRST_ROW + 1}`)).toBe('niet uitgevoerd');
    const zip = await JSZip.loadAsync(Buffer.from(sheet.base64, 'base64'));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain(
      `sqref="I${FIRST_ROW}:I${FIRST_ROW + 1}"><formula1>"open,uitgevoerd,deels uitgevoerd,niet uitgevoerd,vervallen"</formula1>`,
    );

    // LibreOffice opens it with the list on the Status cells, and a copy it saves again reads back unchanged.
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
    if (!soffice) return;
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'formulier.xlsx'), Buffer.from(sheet.base64, 'base64'));
    for (const [target, out] of [
      ['ods', dir],
      ['xlsx', path.join(dir, 'opnieuw')],
    ] as const) {
      execFileSync(
        soffice,
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          target,
          '--outdir',
          out,
          path.join(dir, 'formulier.xlsx'),
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
    }
    const ods = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'formulier.ods')));
    const content = await ods.file('content.xml')!.async('string');
    expect(content).toMatch(
      /<table:content-validation [^>]*table:condition="of:cell-content-is-in-list\(&quot;open&quot;;&quot;uitgevoerd&quot;;&quot;deels uitgevoerd&quot;;&quot;niet uitgevoerd&quot;;&quot;vervallen&quot;\)"/,
    );
    const resaved = fs.readFileSync(path.join(dir, 'opnieuw', 'formulier.xlsx')).toString('base64');
    expect(
      expectOk(await core.call('agreements.importReviewSheet', { fileName: 'formulier.xlsx', base64: resaved, practiceId })),
    ).toMatchObject({ updated: 0, rejected: 0, unchanged: 2 });
  }, 120_000);

  it("refuses another practice's sheet, a tampered origin and a file that is no spreadsheet, changing nothing", async () => {
    const { core, db } = tempCore();
    const { practiceId, practices, linked } = await setup(core, db);
    const sheet = expectOk(await core.call('agreements.exportReviewSheet', { practiceId }));
    const filled = fill(sheet.base64, [{ row: FIRST_ROW, column: 'Status', value: 'uitgevoerd' }]);

    const wrong = await core.call('agreements.importReviewSheet', { fileName: 'terug.xlsx', base64: filled, practiceId: practices[1]!.id });
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'import',
        message: `terug.xlsx is het formulier van ${practices[0]!.name}, niet van ${practices[1]!.name}. Er is niets veranderd.`,
      },
    });

    const book = XLSX.read(Buffer.from(filled, 'base64'));
    const origin = book.Sheets['FTO-herkomst']!;
    origin.A2 = { t: 's', v: String(origin.A2!.v).replace(`"id":${practiceId}`, `"id":${practices[1]!.id}`) };
    const tampered = XLSX.write(book, { type: 'base64', bookType: 'xlsx' }) as string;
    expect(await core.call('agreements.importReviewSheet', { fileName: 'terug.xlsx', base64: tampered })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('het verborgen herkomstblad is gewijzigd') },
    });

    const plainBook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(plainBook, XLSX.utils.aoa_to_sheet([['Nr', 'Status']]), 'Afspraken');
    expect(
      await core.call('agreements.importReviewSheet', {
        fileName: 'eigen.xlsx',
        base64: XLSX.write(plainBook, { type: 'base64', bookType: 'xlsx' }) as string,
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'eigen.xlsx is geen afsprakenformulier van de FTO Toolkit (het verborgen herkomstblad ontbreekt).' },
    });
    expect(await statusOf(core, linked.id)).toEqual(['open', '', null]);
  });

  it('refuses rows whose status was changed in the app after the sheet was made', async () => {
    const { core, db } = tempCore();
    const { practiceId, linked, plain } = await setup(core, db);
    // The sheet was made a minute ago (its clock given), so the status set below is certainly later.
    const sheet = await exportReviewSheet(db, { practiceId }, new Date(Date.now() - 60_000));
    expectOk(await core.call('agreements.setStatus', { id: linked.id, status: 'not_done', note: 'Telefonisch besproken' }));
    const filled = fill(sheet.base64, [
      { row: FIRST_ROW, column: 'Status', value: 'uitgevoerd' },
      { row: FIRST_ROW + 1, column: 'Status', value: 'vervallen' },
    ]);
    const result = expectOk(await core.call('agreements.importReviewSheet', { fileName: 'oud.xlsx', base64: filled }));
    expect(result).toMatchObject({ updated: 1, rejected: 1 });
    expect(result.rows[0]!.message).toMatch(
      /^Rij 6: de status van afspraak \d+ is na het maken van dit formulier nog gewijzigd .*niet uitgevoerd\); het formulier is ouder/,
    );
    expect(await statusOf(core, linked.id)).toEqual(['not_done', 'Telefonisch besproken', 'app']);
    expect(await statusOf(core, plain.id)).toEqual(['dropped', '', 'sheet']);
  });

  it('works the same for a pharmacy and for the whole group', async () => {
    const { core, db } = tempCore();
    const { meeting, pharmacy, group } = await setup(core, db);
    const forPharmacy = expectOk(
      await core.call('agreements.create', {
        meetingId: meeting.id,
        pharmacyId: pharmacy.id,
        suggestionId: 'opioiden-apotheek-signaleert',
      }),
    );
    const forGroup = expectOk(
      await core.call('agreements.create', { meetingId: meeting.id, text: 'Regionaal overleg met het ziekenhuis', kind: 'ziekenhuis' }),
    );
    for (const [scope, agreement] of [
      [{ pharmacyId: pharmacy.id }, forPharmacy],
      [{ groupId: group.id }, forGroup],
    ] as const) {
      const sheet = expectOk(await core.call('agreements.exportReviewSheet', scope));
      expect(cell(sheet.base64, `A${FIRST_ROW}`)).toBe(agreement.id);
      expect(cell(sheet.base64, `A${FIRST_ROW + 1}`)).toBeUndefined();
      const filled = fill(sheet.base64, [{ row: FIRST_ROW, column: 'Status', value: 'niet uitgevoerd' }]);
      expect(expectOk(await core.call('agreements.importReviewSheet', { base64: filled }))).toMatchObject({ updated: 1, rejected: 0 });
      expect(await statusOf(core, agreement.id)).toEqual(['not_done', '', 'sheet']);
    }
    expect(await core.call('agreements.exportReviewSheet', { practiceId: 1, groupId: group.id })).toMatchObject({
      ok: false,
      error: { message: 'Kies één praktijk, één apotheek of de hele groep.' },
    });
  });
});
