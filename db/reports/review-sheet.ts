import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import type { z } from 'zod';
import type { AgreementStatus, sheetImportResult } from '../contract/agreements';
import type { FileOutput } from '../contract/meetings';
import { AppError } from '../errors';
import { checkZipSize } from '../import/zip-limit';
import { getAgreement } from '../meetings/agreements';
import { AGREEMENT_STATUS_LABELS } from '../../domain';
import { dutchDate, dutchShortDate } from '../meetings/dates';
import type { Db } from '../open';
import { fileOf, sheetDate, slug } from './files';
import { belongsTo, resolveScope, reviewLines, type ReviewScope } from './review-scope';

/*
 * The review sheet ("afsprakenformulier") for a practice that does not use the app. The visible sheet
 * holds the agreements, their figures and two columns to fill in (Status, Toelichting). A very hidden,
 * protected sheet holds where it came from: the scope, when it was made, and per row the agreement's
 * id, text, status and note at that moment, with a checksum, so that an import can tell what the
 * practice changed, what it should not have changed, and whether the app changed it since.
 */

const MAIN = 'Afspraken';
const IDENTITY = 'FTO-herkomst';
const HEADERS = [
  'Nr',
  'Bijeenkomst',
  'Afspraak',
  'Wie trekt het',
  'Gemeten met',
  'Vóór',
  'Nu',
  'Evaluatiedatum',
  'Status',
  'Toelichting',
] as const;
type Column = (typeof HEADERS)[number];
const col = (name: Column) => HEADERS.indexOf(name);
/** The only columns a practice fills in; every other cell of a row must stay as it was made. */
const FILLED: readonly Column[] = ['Status', 'Toelichting'];

interface Identity {
  version: 1;
  scope: Pick<ReviewScope, 'kind' | 'id' | 'name'>;
  exportedAt: string;
  /** `cells`: the row as made, one text per column of HEADERS (absent in sheets made before it was kept). */
  rows: { row: number; id: number; text: string; status: AgreementStatus; note: string; cells?: string[] }[];
}

const checksum = (json: string) => createHash('sha256').update(`fto-afsprakenformulier\n${json}`).digest('hex');

export async function exportReviewSheet(
  db: Db,
  input: { practiceId?: number; pharmacyId?: number; groupId?: number },
  now = new Date(),
): Promise<FileOutput> {
  const scope = resolveScope(db, input);
  const lines = reviewLines(db, scope);
  const exportedAt = now.toISOString();
  const header = [
    [`Afspraken van ${scope.name} — terugblik`],
    [
      `Vul per afspraak de kolommen Status en Toelichting in. Status is een van: ${Object.values(AGREEMENT_STATUS_LABELS).join(', ')}. Verander de andere kolommen niet.`,
    ],
    [`Gemaakt op ${dutchDate(exportedAt.slice(0, 10))} door de FTO Toolkit${scope.groupName ? ` voor FTO-groep ${scope.groupName}` : ''}.`],
    [],
    [...HEADERS],
  ];
  const firstRow = header.length + 1; // spreadsheet row number of the first agreement
  const body = lines.map(({ agreement: a, measuredBy, before, now: current }) => [
    a.id,
    `${a.meetingTopic} ${dutchShortDate(a.meetingStartsAt)}`.trim(),
    a.text,
    a.owner ?? '',
    measuredBy,
    before,
    current,
    sheetDate(a.evaluationDate),
    AGREEMENT_STATUS_LABELS[a.status],
    a.statusNote,
  ]);
  const sheet = XLSX.utils.aoa_to_sheet([...header, ...body]);
  sheet['!cols'] = [6, 22, 60, 16, 30, 16, 16, 13, 18, 44].map((wch) => ({ wch }));

  const identity: Identity = {
    version: 1,
    scope: { kind: scope.kind, id: scope.id, name: scope.name },
    exportedAt,
    rows: lines.map(({ agreement: a }, index) => ({
      row: firstRow + index,
      id: a.id,
      text: a.text,
      status: a.status,
      note: a.statusNote,
      // A date cell as the sheet shows it (dd-mm-yyyy), which is what reading it back gives.
      cells: body[index]!.map((value) =>
        (typeof value === 'object'
          ? value.t === 'd'
            ? XLSX.SSF.format('dd-mm-yyyy', value.v as Date)
            : String(value.v ?? '')
          : String(value)
        ).trim(),
      ),
    })),
  };
  const json = JSON.stringify(identity);
  // A cell holds at most 32,767 characters, so the JSON is spread over as many rows as it needs.
  const chunks = json.match(/[\s\S]{1,30000}/g) ?? [];
  const identitySheet = XLSX.utils.aoa_to_sheet([
    ['Niet wijzigen: hiermee herkent de FTO Toolkit dit formulier.', checksum(json)],
    ...chunks.map((c) => [c]),
  ]);
  identitySheet['!protect'] = { password: 'fto', selectLockedCells: false, selectUnlockedCells: false };

  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, MAIN);
  XLSX.utils.book_append_sheet(book, identitySheet, IDENTITY);
  book.Workbook = {
    Sheets: [
      { name: MAIN, Hidden: 0 },
      { name: IDENTITY, Hidden: 2 },
    ],
  };
  const written = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  const lastRow = firstRow + Math.max(lines.length, 1) - 1;
  const base64 = await withStatusList(
    written,
    `${XLSX.utils.encode_col(col('Status'))}${firstRow}:${XLSX.utils.encode_col(col('Status'))}${lastRow}`,
  );
  return fileOf(`afsprakenformulier-${slug(scope.name)}-${exportedAt.slice(0, 10)}.xlsx`, 'xlsx', base64);
}

/**
 * SheetJS writes no data validation, so the list of statuses for the Status cells is added to the first
 * sheet's XML afterwards: a drop-down in Excel and LibreOffice that refuses anything else typed there.
 */
async function withStatusList(xlsx: Buffer, range: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  const choices = Object.values(AGREEMENT_STATUS_LABELS).join(',');
  const validation =
    `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
    `errorTitle="Onbekende status" error="Kies een status uit de lijst: ${choices.replaceAll(',', ', ')}." ` +
    `promptTitle="Status" prompt="Kies uit de lijst." sqref="${range}"><formula1>"${choices}"</formula1></dataValidation></dataValidations>`;
  // In a worksheet's XML the validations come after the cells and before the page settings.
  const before = [
    '<hyperlinks',
    '<ignoredErrors',
    '<printOptions',
    '<pageMargins',
    '<pageSetup',
    '<headerFooter',
    '<drawing',
    '<legacyDrawing',
    '<tableParts',
    '<extLst',
    '</worksheet>',
  ]
    .map((tag) => xml.indexOf(tag))
    .filter((at) => at >= 0);
  const at = Math.min(...before);
  zip.file(path, xml.slice(0, at) + validation + xml.slice(at));
  return zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
}

type ImportResult = z.infer<typeof sheetImportResult>;

const DATE_TEXT = /^(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2})$/;

/** What a practice typed in a cell where it does not belong, in words; null when the cell is as it was made or empty. */
function misplaced(column: string, value: string, made: string, isDate: boolean): string | null {
  // An emptied cell loses nothing the app needs; only what was typed is checked.
  if (value === made || value === '') return null;
  if (parseStatus(value)) return `'${value}' staat in de kolom ${column}; een status hoort in de kolom Status`;
  if (isDate || DATE_TEXT.test(value)) {
    return made === ''
      ? `de datum '${value}' staat in de kolom ${column}, die leeg hoort te blijven; een datum wijzigen kan alleen in de app`
      : `de kolom ${column} is gewijzigd ('${made}' werd '${value}'); een datum wijzigen kan alleen in de app`;
  }
  if (made === '') return `in de kolom ${column}, die leeg hoort te blijven, staat '${value}'; zet een toelichting in de kolom Toelichting`;
  return `de kolom ${column} is gewijzigd ('${made}' werd '${value}'); alleen Status en Toelichting worden gelezen`;
}

/** Dutch labels and the codes both count; case and spaces do not matter. */
function parseStatus(value: string): AgreementStatus | null {
  const wanted = value.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [code, label] of Object.entries(AGREEMENT_STATUS_LABELS) as [AgreementStatus, string][]) {
    if (wanted === label || wanted === code || wanted === code.replace('_', ' ')) return code;
  }
  return null;
}

export function importReviewSheet(db: Db, input: { fileName: string; base64: string; practiceId?: number; dryRun: boolean }): ImportResult {
  const file = input.fileName;
  let book: XLSX.WorkBook;
  const bytes = Buffer.from(input.base64, 'base64');
  checkZipSize(file, bytes);
  try {
    book = XLSX.read(bytes, { type: 'buffer', cellDates: true });
  } catch {
    throw new AppError('import', `${file} is geen leesbaar spreadsheetbestand.`);
  }
  const identity = readIdentity(book, file);
  const main = book.Sheets[MAIN];
  if (!main) throw new AppError('import', `${file}: het blad "${MAIN}" ontbreekt.`);
  const scope = identity.scope;
  if (input.practiceId !== undefined && !(scope.kind === 'practice' && scope.id === input.practiceId)) {
    const expected = resolveScope(db, { practiceId: input.practiceId });
    throw new AppError('import', `${file} is het formulier van ${scope.name}, niet van ${expected.name}. Er is niets veranderd.`);
  }

  const grid = XLSX.utils.sheet_to_json<unknown[]>(main, { header: 1, blankrows: true, defval: '', raw: false });
  const headerIndex = grid.findIndex(
    (row) => String(row[col('Status')] ?? '').trim() === 'Status' && String(row[col('Nr')] ?? '').trim() === 'Nr',
  );
  if (headerIndex < 0) throw new AppError('import', `${file}: de kopregel met de kolommen Nr … Status is gewijzigd of verwijderd.`);

  const exported = new Map(identity.rows.map((r) => [r.id, r]));
  const seen = new Set<number>();
  const rows: ImportResult['rows'] = [];
  const writes: { id: number; status: AgreementStatus; note: string }[] = [];
  const isDateCell = (row: number, column: number) => main[XLSX.utils.encode_cell({ r: row - 1, c: column })]?.t === 'd';
  // A date cell reads as the sheet shows it (dd-mm-yyyy), however the program that saved it stored it.
  const dateText = (row: number, column: number): string | null => {
    const found = main[XLSX.utils.encode_cell({ r: row - 1, c: column })];
    if (found?.t === 'd') return XLSX.SSF.format('dd-mm-yyyy', found.v as Date);
    if (found?.t === 'n' && HEADERS[column] === 'Evaluatiedatum') return XLSX.SSF.format('dd-mm-yyyy', found.v as number);
    return null;
  };
  grid.slice(headerIndex + 1).forEach((cells, offset) => {
    const row = headerIndex + 2 + offset;
    const cell = (name: Column) => String(cells[col(name)] ?? '').trim();
    if (cells.every((c) => String(c).trim() === '')) return;
    const reject = (agreementId: number | null, message: string) =>
      rows.push({ row, agreementId, outcome: 'rejected', message: `Rij ${row}: ${message}` });

    const id = /^\d+$/.test(cell('Nr')) ? Number(cell('Nr')) : null;
    const original = id === null ? undefined : exported.get(id);
    if (id === null || !original)
      return reject(
        id,
        `het nummer in kolom Nr ("${cell('Nr')}") is gewijzigd of hoort niet bij dit formulier; deze rij is niet overgenomen.`,
      );
    if (seen.has(id)) return reject(id, `afspraak ${id} staat twee keer in het formulier; alleen de eerste rij is gebruikt.`);
    seen.add(id);
    let current;
    try {
      current = getAgreement(db, id);
    } catch {
      return reject(id, `afspraak ${id} bestaat niet meer in de app.`);
    }
    if (!belongsTo(current, scope))
      return reject(id, `afspraak ${id} hoort niet meer bij ${scope.name} (nu: ${current.scopeName}); deze rij is niet overgenomen.`);
    if (cell('Afspraak') !== original.text.trim()) {
      return reject(
        id,
        'de tekst in kolom Afspraak is gewijzigd. Een afspraak aanpassen kan alleen in de app; status en toelichting van deze rij zijn niet overgenomen.',
      );
    }
    // Anything typed outside Status and Toelichting is named, never ignored: the row waits until it is put right.
    const problems: string[] = [];
    if (original.cells) {
      HEADERS.forEach((name, index) => {
        if (FILLED.includes(name) || name === 'Nr' || name === 'Afspraak') return;
        const problem = misplaced(name, dateText(row, index) ?? cell(name), original.cells![index] ?? '', isDateCell(row, index));
        if (problem) problems.push(problem);
      });
    }
    cells.slice(HEADERS.length).forEach((value, offset) => {
      const text = String(value).trim();
      const letter = XLSX.utils.encode_col(HEADERS.length + offset);
      if (text)
        problems.push(`in kolom ${letter}, die geen kop heeft, staat '${text}'; alleen de kolommen Status en Toelichting worden gelezen`);
    });
    const statusText = cell('Status');
    const note = cell('Toelichting');
    if (isDateCell(row, col('Status')) || DATE_TEXT.test(statusText))
      problems.push(`'${statusText}' in de kolom Status is een datum, geen status`);
    if (note !== original.note.trim() && parseStatus(note) && (statusText === '' || parseStatus(statusText) === original.status)) {
      problems.push(`'${note}' staat in de kolom Toelichting; een status hoort in de kolom Status`);
    }
    if (problems.length) return reject(id, `${problems.join('; ')}. Deze rij is niet overgenomen.`);
    const status = statusText === '' ? original.status : parseStatus(statusText);
    if (!status)
      return reject(id, `onbekende status "${statusText}" in kolom Status; kies ${Object.values(AGREEMENT_STATUS_LABELS).join(', ')}.`);
    if (status === original.status && note === original.note.trim()) {
      rows.push({ row, agreementId: id, outcome: 'unchanged', message: `Rij ${row}: niets gewijzigd.` });
      return;
    }
    if (status === current.status && note === current.statusNote.trim()) {
      rows.push({ row, agreementId: id, outcome: 'unchanged', message: `Rij ${row}: staat al zo in de app.` });
      return;
    }
    if (current.statusSetAt !== null && current.statusSetAt > identity.exportedAt) {
      return reject(
        id,
        `de status van afspraak ${id} is na het maken van dit formulier nog gewijzigd (op ${dutchDate(current.statusSetAt.slice(0, 10))}: ${AGREEMENT_STATUS_LABELS[current.status]}); het formulier is ouder en is voor deze rij niet overgenomen.`,
      );
    }
    writes.push({ id, status, note });
    rows.push({
      row,
      agreementId: id,
      outcome: 'updated',
      message: `Rij ${row}: status ${AGREEMENT_STATUS_LABELS[status]}${note ? `, toelichting "${note}"` : ''}.`,
    });
  });

  if (!input.dryRun && writes.length) {
    const insert = db.prepare("INSERT INTO agreement_review (agreement_id, status, note, source) VALUES (?, ?, ?, 'sheet')");
    db.transaction(() => writes.forEach((w) => insert.run(w.id, w.status, w.note)))();
  }
  const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
  return {
    practiceName: scope.name,
    exportedAt: identity.exportedAt,
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    rows,
  };
}

function readIdentity(book: XLSX.WorkBook, file: string): Identity {
  const sheet = book.Sheets[IDENTITY];
  if (!sheet) throw new AppError('import', `${file} is geen afsprakenformulier van de FTO Toolkit (het verborgen herkomstblad ontbreekt).`);
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: '', raw: true });
  const sum = String(grid[0]?.[1] ?? '');
  const json = grid
    .slice(1)
    .map((row) => String(row[0] ?? ''))
    .join('');
  if (!json || checksum(json) !== sum) {
    throw new AppError(
      'import',
      `${file}: het verborgen herkomstblad is gewijzigd, dus het formulier is niet te vertrouwen. Maak een nieuw formulier. Er is niets veranderd.`,
    );
  }
  return JSON.parse(json) as Identity;
}
