/**
 * The chronic-user worklist of one practice ("Stap 1: in kaart brengen"). It is the only place where
 * patient keys leave the core: for the practice itself, never in a deck, report or regional export.
 */
import { indicatorDefinition } from '../../domain';
import type { IndicatorSettings, Worklist } from '../contract/indicators';
import { AppError } from '../errors';
import { dutchDate } from '../meetings/dates';
import { sheetDate } from '../reports/files';
import type { Db } from '../open';
import { compareKeys } from './engine';
import { loadWindow, resolvePeriod, tallyPeriod } from './compute';
import { effectiveSettings } from './settings';
import { queryAll, queryOne } from '../query';

export function chronicWorklist(
  db: Db,
  input: { practiceId: number; year?: number; from?: string; to?: string; settings?: Partial<IndicatorSettings> },
): Worklist {
  const practice = queryOne<{ id: number; name: string }>(db, 'SELECT id, name FROM practice WHERE id = ?', input.practiceId);
  if (!practice) throw new AppError('not_found', 'Deze praktijk bestaat niet (meer).', 'practiceId');
  const period = resolvePeriod(input);
  const settings = effectiveSettings(db, input.settings);
  const loaded = loadWindow(db, period.from, period.to, settings);
  const { registry, data } = loaded;
  const practiceIndex = registry.practices.findIndex((p) => p.id === practice.id);

  const found: {
    patientId: number;
    responsible: number;
    coveredDays: number;
    dispensings: number;
    meanDailyOme: number | null;
    highDose: boolean;
  }[] = [];
  tallyPeriod(loaded, period, (outcome) => {
    if (outcome.chronic && registry.prescribers[outcome.responsible]!.practice === practiceIndex) {
      found.push({
        patientId: data.patientIds[outcome.patient]!,
        responsible: outcome.responsible,
        coveredDays: outcome.coveredDays,
        dispensings: outcome.dispensingsInPeriod,
        meanDailyOme: outcome.meanDailyOme === null ? null : Math.round(outcome.meanDailyOme * 10) / 10,
        highDose: outcome.highDose,
      });
    }
  });

  // Keys, products and the last dispensing, read only for these patients.
  const ids = JSON.stringify(found.map((f) => f.patientId));
  const keys = new Map(
    queryAll<{ id: number; key: string }>(db, 'SELECT id, key FROM patient WHERE id IN (SELECT value FROM json_each(?))', ids).map((p) => [
      p.id,
      p.key,
    ]),
  );
  const details = new Map<number, { products: Set<string>; last: string; lastProduct: string }>();
  const rows = queryAll<{ patient_id: number; dispense_date: string; product: string }>(
    db,
    `SELECT d.patient_id, d.dispense_date, p.product FROM dispensing d JOIN dispensed_product p ON p.id = d.product_id
       WHERE d.dispense_date BETWEEN ? AND ? AND p.opioid_class = 'strong' AND d.patient_id IN (SELECT value FROM json_each(?))
       ORDER BY d.dispense_date, p.product`,
    period.from,
    period.to,
    ids,
  );
  for (const row of rows) {
    const entry = details.get(row.patient_id) ?? { products: new Set<string>(), last: '', lastProduct: '' };
    entry.products.add(row.product);
    entry.last = row.dispense_date;
    entry.lastProduct = row.product;
    details.set(row.patient_id, entry);
  }

  return {
    practiceId: practice.id,
    practice: practice.name,
    ...period,
    settings,
    patients: found
      .map((f) => {
        const detail = details.get(f.patientId)!;
        const responsible = registry.prescribers[f.responsible]!;
        return {
          patientKey: keys.get(f.patientId)!,
          responsibleKey: responsible.key,
          responsibleName: responsible.name,
          coveredDays: f.coveredDays,
          dispensings: f.dispensings,
          products: [...detail.products].sort(compareKeys),
          lastDispensing: detail.last,
          lastProduct: detail.lastProduct,
          meanDailyOme: f.meanDailyOme,
          highDose: f.highDose,
        };
      })
      // High-dose users first (step 1 of the approach starts with them), then the most covered days.
      .sort((a, b) => Number(b.highDose) - Number(a.highDose) || b.coveredDays - a.coveredDays || compareKeys(a.patientKey, b.patientKey)),
  };
}

/** The worklist as an .xlsx workbook: the patients, and a sheet with the definitions used. */
export async function worklistXlsx(list: Worklist): Promise<{ fileName: string; base64: string }> {
  const XLSX = await import('xlsx'); // loaded when a list is exported, not when the core starts
  const patients = XLSX.utils.aoa_to_sheet([
    [
      'Patiëntnummer',
      'Verantwoordelijke voorschrijver',
      'Code voorschrijver',
      'Gedekte dagen',
      'Uitgiften in periode',
      'Gemiddeld mg OME per dag',
      'Hoge dosis',
      'Middelen',
      'Laatste uitgifte',
      'Laatste middel',
    ],
    ...list.patients.map((p) => [
      p.patientKey,
      p.responsibleName,
      p.responsibleKey,
      p.coveredDays,
      p.dispensings,
      p.meanDailyOme ?? 'onbekend',
      p.highDose ? 'ja' : 'nee',
      p.products.join('; '),
      sheetDate(p.lastDispensing),
      p.lastProduct,
    ]),
  ]);
  patients['!cols'] = [14, 30, 14, 14, 18, 22, 11, 50, 16, 40].map((wch) => ({ wch }));
  const definitions = XLSX.utils.aoa_to_sheet([
    ['Werklijst chronische gebruikers van sterke opioïden'],
    ['Praktijk', list.practice],
    ['Periode', `${dutchDate(list.from)} t/m ${dutchDate(list.to)}`],
    ['Chronisch gebruik', indicatorDefinition('chronicUsers', list.settings)],
    [
      'Gemiddeld mg OME per dag',
      'de gemiddelde dagdosis in milligram orale morfine-equivalenten (OME) over de uitgiften in de periode met een bekende dosis: de som van dosis × gebruiksduur, gedeeld door het aantal dagen dat die uitgiften samen dekken',
    ],
    ['Hoge dosis', `${indicatorDefinition('highDoseUsers', list.settings)} Begin bij deze patiënten.`],
    [
      'Toegerekend aan',
      'de verantwoordelijke voorschrijver: de eigen huisarts uit de gegevens, anders de voorschrijver met de meeste uitgiften',
    ],
    [
      'Vertrouwelijk',
      'Deze lijst bevat patiëntnummers. Alleen voor gebruik binnen de eigen praktijk; niet delen of in presentaties opnemen.',
    ],
  ]);
  definitions['!cols'] = [{ wch: 20 }, { wch: 100 }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, patients, 'Chronische gebruikers');
  XLSX.utils.book_append_sheet(book, definitions, 'Definities');
  const base64 = XLSX.write(book, { type: 'base64', bookType: 'xlsx', compression: true }) as string;
  const safeName = list.practice.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return { fileName: `werklijst-chronisch-${safeName}-${list.from}-${list.to}.xlsx`, base64 };
}
