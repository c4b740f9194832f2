/**
 * Finding the header row and the columns (spec §1), and refusing columns that identify patients
 * (spec §6).
 */
import { importFieldNames, type ColumnMapping, type ImportField } from '../contract/imports';

interface FieldSpec {
  label: string;
  required: boolean;
  names: string[];
}

/** Dutch and English header names per field (spec §1), before normalising. */
export const FIELDS: Record<ImportField, FieldSpec> = {
  patientKey: {
    label: 'Patiëntnummer',
    required: true,
    names: ['Patiëntnummer', 'Patientnr', 'Pat.nr', 'Patiënt-ID', 'Client', 'PatientID'],
  },
  dispenseDate: {
    label: 'Afleverdatum',
    required: true,
    names: ['Afleverdatum', 'Datum aflevering', 'Uitgiftedatum', 'Datum', 'DispenseDate'],
  },
  atc: { label: 'ATC-code', required: true, names: ['ATC', 'ATC-code', 'ATC code'] },
  product: {
    label: 'Artikelomschrijving',
    required: true,
    names: ['Artikelomschrijving', 'Omschrijving', 'Product', 'Geneesmiddel', 'Etiketnaam'],
  },
  prescriberName: { label: 'Naam voorschrijver', required: true, names: ['Voorschrijver', 'Naam voorschrijver', 'Arts', 'Prescriber'] },
  prescriberAgb: {
    label: 'AGB-code voorschrijver',
    required: true,
    names: ['AGB voorschrijver', 'AGB-code voorschrijver', 'AGB', 'PrescriberAGB'],
  },
  quantity: { label: 'Aantal', required: false, names: ['Aantal', 'Hoeveelheid', 'Afgeleverd aantal', 'Quantity'] },
  daysSupply: { label: 'Gebruiksduur (dagen)', required: false, names: ['Gebruiksduur', 'Duur', 'Dagen', 'Aantal dagen', 'DaysSupply'] },
  dosing: { label: 'Dosering', required: false, names: ['Dosering', 'Gebruiksvoorschrift', 'Etiket', 'Dosage'] },
  ownGp: { label: 'Huisarts van de patiënt', required: false, names: ['Huisarts', 'Huisarts patiënt', 'Eigen huisarts', 'GP'] },
  practice: { label: 'Praktijk', required: false, names: ['Praktijk', 'Huisartspraktijk', 'Practice'] },
  pharmacy: { label: 'Apotheek', required: false, names: ['Apotheek', 'Pharmacy'] },
  // "FormCode" is our addition: the spec lists no English name for this field.
  formCode: { label: 'Farmaceutische vorm (code)', required: false, names: ['Farmaceutische vorm', 'Vormcode', 'FormCode'] },
};

/** Lower case, no accents, letters and digits only, a trailing "(unit)" dropped. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/\([^()]*\)\s*$/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_NAME = new Map<string, ImportField>();
for (const field of importFieldNames) for (const name of FIELDS[field].names) FIELD_BY_NAME.set(normaliseHeader(name), field);

export function fieldOfHeader(header: string): ImportField | undefined {
  return FIELD_BY_NAME.get(normaliseHeader(header));
}

export const fieldList = importFieldNames.map((field) => ({ field, label: FIELDS[field].label, required: FIELDS[field].required }));

/** How many rows at the top may come before the header row (titles, export dates, filters). */
export const HEADER_SEARCH_ROWS = 50;

/** The header row is the first row in which at least three fields match (by name or by a given mapping). */
export function isHeaderRow(cells: string[], mapping: ColumnMapping | undefined): boolean {
  const mapped = new Set(
    Object.values(mapping ?? {})
      .filter((h): h is string => typeof h === 'string')
      .map((h) => h.trim()),
  );
  const fields = new Set<string>();
  for (const cell of cells) {
    const field = fieldOfHeader(cell);
    if (field) fields.add(field);
    else if (mapped.has(cell.trim())) fields.add(`mapped:${cell.trim()}`);
  }
  return fields.size >= 3;
}

export interface ColumnPlan {
  /** Column index per field, for the fields that have one. */
  columns: Partial<Record<ImportField, number>>;
  refused: { header: string; column: number; reason: string }[];
  problems: { field: ImportField | null; message: string }[];
}

// ---- privacy (spec §6) ----

const PERSONAL_HEADER_PARTS: [RegExp, string][] = [
  [/bsn|burgerservice|sofinummer|socialsecurity/, 'de kolomnaam wijst op een burgerservicenummer (BSN)'],
  [/geboorte|gebdat|birth|dob$|^dob/, 'de kolomnaam wijst op een geboortedatum'],
  [/adres|address|straat|street|postcode|zipcode|woonplaats|huisnummer/, 'de kolomnaam wijst op een adres'],
  [
    /^(naam|name|achternaam|voornaam|voorletters|roepnaam|lastname|firstname|surname|familyname|fullname|patientnaam|naampatient|clientnaam|naamclient|patientname)$/,
    'de kolomnaam wijst op de naam van een persoon',
  ],
];

/** Why a header names personal data, or null. Headers that are one of our fields never count. */
export function personalHeaderReason(header: string): string | null {
  const normalised = normaliseHeader(header);
  if (fieldOfHeader(header)) return null;
  for (const [pattern, reason] of PERSONAL_HEADER_PARTS) if (pattern.test(normalised)) return reason;
  return null;
}

/** The Dutch eleven-test for a BSN (8 or 9 digits; 8 digits have lost a leading zero). */
export function passesBsnTest(value: string): boolean {
  const digits = value.trim();
  if (!/^\d{8,9}$/.test(digits)) return false;
  const nine = digits.padStart(9, '0');
  if (/^0+$/.test(nine)) return false;
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += (9 - k) * Number(nine[k]);
  sum -= Number(nine[8]);
  return sum % 11 === 0;
}

/** A column is a BSN column when most of its filled sample cells pass the eleven-test. */
export function looksLikeBsnColumn(values: string[]): boolean {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  if (filled.length === 0) return false;
  return filled.filter(passesBsnTest).length * 2 > filled.length;
}

/**
 * Which column each field is read from: the user's mapping first, then header names. Columns that
 * name or hold personal data are refused first, so no mapping can bring them in.
 */
export function planColumns(headers: string[], sample: string[][], mapping: ColumnMapping | undefined): ColumnPlan {
  const refused: ColumnPlan['refused'] = [];
  const refusedColumns = new Set<number>();
  headers.forEach((header, column) => {
    const byName = personalHeaderReason(header);
    const reason =
      byName ??
      (looksLikeBsnColumn(sample.map((row) => row[column] ?? ''))
        ? 'de waarden zijn burgerservicenummers (BSN: ze doorstaan de elfproef)'
        : null);
    if (reason) {
      refused.push({ header, column, reason });
      refusedColumns.add(column);
    }
  });

  const problems: ColumnPlan['problems'] = [];
  const columns: ColumnPlan['columns'] = {};
  const given = new Set<number>();
  for (const field of importFieldNames) {
    const header = mapping?.[field];
    if (header === undefined || header === null) continue;
    const column = findHeader(headers, header);
    if (column === -1)
      problems.push({ field, message: `De gekozen kolom "${header}" voor ${FIELDS[field].label} staat niet in het bestand.` });
    else if (refusedColumns.has(column))
      problems.push({ field, message: `De kolom "${header}" is geweigerd en kan niet voor ${FIELDS[field].label} worden gebruikt.` });
    else {
      columns[field] = column;
      given.add(column);
    }
  }

  const candidates = new Map<ImportField, number[]>();
  headers.forEach((header, column) => {
    const field = fieldOfHeader(header);
    if (!field || refusedColumns.has(column) || given.has(column) || mapping?.[field] !== undefined) return;
    candidates.set(field, [...(candidates.get(field) ?? []), column]);
  });
  for (const [field, found] of candidates) {
    if (found.length === 1) columns[field] = found[0]!;
    else {
      const names = found.map((c) => `"${headers[c]}"`).join(' en ');
      problems.push({ field, message: `Twee kolommen passen bij ${FIELDS[field].label}: ${names}. Kies welke kolom bedoeld is.` });
    }
  }

  const ambiguous = new Set(problems.map((p) => p.field));
  for (const field of importFieldNames) {
    const spec = FIELDS[field];
    if (!spec.required || columns[field] !== undefined || ambiguous.has(field)) continue;
    if (field === 'prescriberName' || field === 'prescriberAgb') continue;
    problems.push({ field, message: missingMessage(field, refused, headers, columns) });
  }
  if (
    columns.prescriberName === undefined &&
    columns.prescriberAgb === undefined &&
    !ambiguous.has('prescriberName') &&
    !ambiguous.has('prescriberAgb')
  ) {
    problems.push({
      field: 'prescriberName',
      message: 'Er is geen kolom gevonden voor de voorschrijver: kies de kolom met de naam of de AGB-code van de voorschrijver.',
    });
  }
  return { columns, refused, problems };
}

function missingMessage(field: ImportField, refused: ColumnPlan['refused'], headers: string[], columns: ColumnPlan['columns']): string {
  const label = FIELDS[field].label;
  const refusedHere = refused.find((r) => fieldOfHeader(r.header) === field);
  if (refusedHere) return `De kolom "${refusedHere.header}" voor ${label} is geweigerd: ${refusedHere.reason}.`;
  const used = new Set(Object.values(columns));
  const free = headers.filter((h, column) => h.trim() !== '' && !used.has(column));
  return `Er is geen kolom gevonden voor ${label} (verplicht).${free.length ? ` Kies een van: ${free.map((h) => `"${h}"`).join(', ')}.` : ''}`;
}

function findHeader(headers: string[], header: string): number {
  const exact = headers.findIndex((h) => h.trim() === header.trim());
  if (exact !== -1) return exact;
  const normalised = normaliseHeader(header);
  return headers.findIndex((h) => normaliseHeader(h) === normalised);
}

/** The key under which a mapping is remembered: the header row's cells, trimmed. */
export function headerSignature(headers: string[]): string {
  return JSON.stringify(headers.map((h) => h.trim()));
}
