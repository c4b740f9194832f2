import { describe, expect, it } from 'vitest';
import { importFile } from '../../db/import/import-file';
import { expectOk, tempCore } from '../helpers/temp';

/**
 * The pattern that issue 9 found dropping out: five patients who use a strong opioid every day of 2024,
 * in exports without a days-supply column, with the dosing texts Dutch pharmacies really write.
 */

const PATIENTS = [
  // patient, ATC, product, dosing text, quantity, every N days
  ['pat-1', 'N02AA05', 'OXYCODON HCL 10MG TABLET MGA', '2 maal daags 10 mg', '56', 28],
  ['pat-2', 'N02AB03', 'DUROGESIC 25UG/UUR PLEISTER', 'Elke 72 uur 1 pleister', '10', 30],
  ['pat-3', 'N02AE01', 'BUTRANS 5 MICROGRAM/UUR PLEISTER', '1 pleister per week', '4', 28],
  ['pat-4', 'N02AE01', 'TRANSTEC 35 MICROGRAM/UUR PLEISTER', '2 maal per week 1 pleister', '8', 28],
  ['pat-5', 'N02AA01', 'MORFINE SULFAAT 30MG TABLET MVA', "'s ochtends en 's avonds 1 tablet", '56', 28],
] as const;

function yearOfDispensings(): Uint8Array {
  const lines = ['Patiëntnummer;Afleverdatum;ATC;Artikelomschrijving;AGB voorschrijver;Aantal;Dosering'];
  for (const [patient, atc, product, dosing, quantity, every] of PATIENTS) {
    for (let day = 0; day < 366; day += every) {
      const date = new Date(Date.UTC(2024, 0, 1 + day));
      const dutch = `${String(date.getUTCDate()).padStart(2, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${date.getUTCFullYear()}`;
      lines.push([patient, dutch, atc, product, '01234567', quantity, dosing].join(';'));
    }
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

describe('every day of the year without days supply', () => {
  it('makes all five patients chronic users, and oxycodone 2 dd 10 mg is 30 mg OME a day', async () => {
    const { core, db } = tempCore();
    const groupId = expectOk(await core.call('groups.create', { name: 'FTO Test' })).id;
    importFile(db, { name: 'apotheek.csv', bytes: yearOfDispensings() }, { groupId });
    expect(db.prepare('SELECT DISTINCT days_source FROM dispensing').pluck().all()).toEqual([2]);
    const all = expectOk(await core.call('indicators.compute', { year: 2024 })).rows.find((r) => r.level === 'all')!;
    expect(all).toMatchObject({ patientsAny: 5, chronicUsers: 5, dispensingsOmeUnknown: 0 });

    const practiceId = expectOk(await core.call('practices.create', { groupId, name: 'De Linde' })).id;
    const prescriber = db.prepare("SELECT id FROM prescriber WHERE key = '01234567'").pluck().get() as number;
    expectOk(await core.call('prescribers.assign', { prescriberId: prescriber, practiceId }));
    const list = expectOk(await core.call('worklist.chronic', { practiceId, year: 2024 }));
    expect(list.patients.find((p) => p.patientKey === 'pat-1')).toMatchObject({ meanDailyOme: 30, highDose: false });
    // Fentanyl 25 µg/uur is 60 mg OME a day.
    expect(list.patients.find((p) => p.patientKey === 'pat-2')).toMatchObject({ meanDailyOme: 60 });
  });
});
