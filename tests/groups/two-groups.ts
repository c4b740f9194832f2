/**
 * Two FTO groups in one database, built as a regional coordinator would: each group's pharmacies
 * export their dispensings (Dutch CSV exports, one of them without AGB codes) and they are imported
 * for their own group through the real importer. A specialist is exported once with his AGB code
 * (Apotheek Eemplein) and once by name only (Apotheek Waal). The data ends on 31-10-2025.
 */
import { importFile } from '../../db/import/import-file';
import type { Core } from '../../db/core';
import type { Db } from '../../db/open';
import { expectOk } from '../helpers/temp';

export const EEM = 'FTO Eemvallei';
export const WAAL = 'FTO Rivierenland';
export const DATA_END = '2025-10-31';

interface Prescriber {
  name: string;
  agb: string | null;
  /** null: no practice (specialist, out-of-hours post). */
  practice: string | null;
}

const GP_EEM_1: Prescriber = { name: 'J. de Vries', agb: '01000001', practice: 'Huisartsenpraktijk De Eem' };
const GP_EEM_2: Prescriber = { name: 'A. Bakker', agb: '01000002', practice: 'Huisartsenpraktijk De Eem' };
const GP_VALLEI: Prescriber = { name: 'M. Smit', agb: '01000003', practice: 'Gezondheidscentrum Vallei' };
const GP_WAAL: Prescriber = { name: 'K. Jansen', agb: '02000001', practice: 'Huisartsen aan de Waal' };
/** The specialist of the story: AGB code in Eemplein's export, name only in Waal's. */
export const SPECIALIST = { name: 'P. Pijnarts', agb: '03000001' };
const SPECIALIST_EEM: Prescriber = { name: 'dr. P. Pijnarts', agb: SPECIALIST.agb, practice: null };
const SPECIALIST_WAAL: Prescriber = { name: 'P. Pijnarts', agb: null, practice: null };
const POST: Prescriber = { name: 'Huisartsenpost Rivierenland', agb: null, practice: null };
const SURGEON: Prescriber = { name: 'H. Chirurg', agb: null, practice: null };

export const PRACTICES = [
  { name: 'Huisartsenpraktijk De Eem', group: EEM },
  { name: 'Gezondheidscentrum Vallei', group: EEM },
  { name: 'Huisartsen aan de Waal', group: WAAL },
];

interface Pharmacy {
  name: string;
  group: string;
  withAgb: boolean;
  /** Prescribers of this pharmacy's patients, in the proportion they prescribe. */
  prescribers: Prescriber[];
  patients: number;
}

export const PHARMACIES: Pharmacy[] = [
  { name: 'Apotheek Eemplein', group: EEM, withAgb: true, prescribers: [GP_EEM_1, GP_EEM_1, GP_EEM_2, SPECIALIST_EEM, POST], patients: 40 },
  { name: 'Apotheek Vallei', group: EEM, withAgb: true, prescribers: [GP_VALLEI, GP_VALLEI, GP_EEM_2, POST], patients: 30 },
  // Waal exports no AGB codes: GPs by name too. One patient in a few goes to Smit (Eemvallei).
  {
    name: 'Apotheek Waal',
    group: WAAL,
    withAgb: false,
    prescribers: [GP_WAAL, GP_WAAL, SPECIALIST_WAAL, SURGEON, POST, GP_VALLEI],
    patients: 35,
  },
];

export interface Row {
  pharmacy: string;
  patient: string;
  date: string;
  atc: string;
  product: string;
  prescriber: Prescriber;
  quantity: number;
  days: number;
}

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function addDays(iso: string, n: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Every dispensing, 2023-01-01 .. 2025-10-31: chronic users every 28 days, short courses, weak opioids. */
export function twoGroupRows(): Row[] {
  const rows: Row[] = [];
  PHARMACIES.forEach((pharmacy, p) => {
    const next = random(17 + p);
    for (let i = 0; i < pharmacy.patients; i++) {
      const patient = `${pharmacy.name.slice(9, 13).toUpperCase()}-${String(i + 1).padStart(3, '0')}`;
      const prescriber = pharmacy.prescribers[Math.floor(next() * pharmacy.prescribers.length)]!;
      const kind = next();
      let day = `2023-01-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      day = addDays(day, Math.floor(next() * 700));
      if (kind < 0.35) {
        // Chronic: long-acting every 28 days for a year or more.
        const count = 8 + Math.floor(next() * 20);
        for (let k = 0; k < count && day <= DATA_END; k++, day = addDays(day, 28)) {
          rows.push({
            pharmacy: pharmacy.name,
            patient,
            date: day,
            atc: 'N02AA05',
            product: 'OXYCODON HCL 10MG TABLET MGA',
            prescriber,
            quantity: 56,
            days: 28,
          });
        }
      } else if (kind < 0.8) {
        const count = 1 + Math.floor(next() * 3);
        for (let k = 0; k < count && day <= DATA_END; k++, day = addDays(day, 10)) {
          rows.push({
            pharmacy: pharmacy.name,
            patient,
            date: day,
            atc: 'N02AA01',
            product: 'MORFINE HCL 10MG CAPSULE',
            prescriber,
            quantity: 20,
            days: 7,
          });
        }
      } else if (day <= DATA_END) {
        rows.push({
          pharmacy: pharmacy.name,
          patient,
          date: day,
          atc: 'N02AX02',
          product: 'TRAMADOL HCL 50MG CAPSULE',
          prescriber,
          quantity: 30,
          days: 10,
        });
      }
    }
  });
  // The data's end: the last export was made on 31 October 2025.
  rows.push({
    pharmacy: 'Apotheek Eemplein',
    patient: 'EEMP-900',
    date: DATA_END,
    atc: 'N02AA01',
    product: 'MORFINE HCL 10MG CAPSULE',
    prescriber: GP_EEM_1,
    quantity: 10,
    days: 5,
  });
  rows.push({
    pharmacy: 'Apotheek Waal',
    patient: 'WAAL-900',
    date: DATA_END,
    atc: 'N02AA01',
    product: 'MORFINE HCL 10MG CAPSULE',
    prescriber: GP_WAAL,
    quantity: 10,
    days: 5,
  });
  return rows;
}

const dutchDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** One pharmacy's export as its system writes it: `;`, Dutch headers, a pharmacy column; AGB codes only where it has them. */
export function exportCsv(pharmacy: Pharmacy, rows: Row[]): string {
  const header = [
    'Patiëntnummer',
    'Afleverdatum',
    'ATC',
    'Artikelomschrijving',
    'Voorschrijver',
    ...(pharmacy.withAgb ? ['AGB voorschrijver'] : []),
    'Aantal',
    'Gebruiksduur',
    'Apotheek',
  ];
  const lines = rows
    .filter((row) => row.pharmacy === pharmacy.name)
    .map((row) =>
      [
        row.patient,
        dutchDate(row.date),
        row.atc,
        row.product,
        row.prescriber.name,
        ...(pharmacy.withAgb ? [row.prescriber.agb ?? ''] : []),
        String(row.quantity),
        String(row.days),
        row.pharmacy,
      ].join(';'),
    );
  return [header.join(';'), ...lines].join('\r\n') + '\r\n';
}

/** The prescriber key spec §5 gives a row: its AGB code when the export has one, else the name. */
export function keyOf(row: Row): string {
  const pharmacy = PHARMACIES.find((p) => p.name === row.pharmacy)!;
  return pharmacy.withAgb && row.prescriber.agb ? row.prescriber.agb : row.prescriber.name;
}

/** Imports each group's pharmacies for that group and assigns the GPs to their practices, through the core. */
export async function buildTwoGroups(core: Core, db: Db): Promise<Row[]> {
  const rows = twoGroupRows();
  const groups = new Map<string, number>();
  for (const name of [EEM, WAAL]) groups.set(name, expectOk(await core.call('groups.create', { name })).id);
  for (const pharmacy of PHARMACIES) {
    importFile(
      db,
      { name: `${pharmacy.name}.csv`, bytes: Buffer.from(exportCsv(pharmacy, rows), 'utf8') },
      { groupId: groups.get(pharmacy.group)! },
    );
  }
  const gps = [GP_EEM_1, GP_EEM_2, GP_VALLEI];
  expectOk(
    await core.call('prescribers.assignMany', {
      rows: [
        ...gps.map((gp) => ({ prescriber: gp.agb!, practice: gp.practice!, group: PRACTICES.find((p) => p.name === gp.practice)!.group })),
        // Waal's export names its GPs without AGB codes: those records are assigned by name.
        { prescriber: GP_WAAL.name, practice: GP_WAAL.practice!, group: WAAL },
        { prescriber: GP_VALLEI.name, practice: GP_VALLEI.practice!, group: EEM },
        ...[SPECIALIST_EEM.agb!, SPECIALIST_WAAL.name, POST.name, SURGEON.name].map((prescriber) => ({
          prescriber,
          practice: '',
          group: '',
        })),
      ],
    }),
  );
  return rows;
}
