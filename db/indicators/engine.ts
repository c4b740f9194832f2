/**
 * The spec §5 indicators, computed in one pass over the dispensings of a window, per patient in date
 * order. Dates are day numbers and everything per dispensing lives in typed arrays: one year over a
 * million dispensings must take well under two seconds (see bench/indicators.ts).
 */
import { indicatorNames, type IndicatorSettings } from '../contract/indicators';
import { AppError } from '../errors';
import type { Db } from '../open';
import { queryAll, queryRow, queryValue, statement } from '../query';
import { DOSE_CLASS, DOSE_CLASS_SPAN as DOSE_FLAGS } from '../import/dose';
import { dayNumber, isoDay } from './days';

export const INDICATOR_COUNT = indicatorNames.length;
/** Each indicator's position among a row's counters. */
const at = Object.fromEntries(indicatorNames.map((name, i) => [name, i])) as Record<(typeof indicatorNames)[number], number>;
const { dispensingsShort: DS, dispensingsLong: DL, patientsShort: PS, patientsLong: PL, patientsAny: PA, chronicUsers: CH } = at;
const { newUsers: NU, newUsersOver3: NO3, newUsersLongStart: NLS, newUsersOtherStart: NOS, dispensingsWeak: DW } = at;
const { starts: ST, startsOverLimit: SOL, patientsOxycodone: POX, patientsMorphine: PMO, patientsFentanylRapid: PFR } = at;
const { patientsWeak: PW, highDoseUsers: HD, dispensingsOmeUnknown: OMEU } = at;

const STRONG = 1;
const LONG = 2;
const { daysGuessed: DAYS_GUESSED, oxycodone: OXYCODONE, morphine: MORPHINE, fentanylRapid: FENTANYL_RAPID } = DOSE_CLASS;
// One packed integer per dispensing: (prescriber id * 2^14 + days of use) * 2^17 + day number.
const DAY_BITS = 131_072; // day numbers up to the year 2328
/** 2^14 places for the days of use (0..DAYS_OF_USE_CAP): with the 2^17 days, a 2^20 prescriber id still fits in 2^53. */
const DAYS_OF_USE_BITS = 16_384;
// 44 years: longer coverage cannot change what a period covers. The mean daily OME (spec §9) is not clipped to the
// period, so a row past the cap keeps its exact days apart (Dispensings.longDays).
const DAYS_OF_USE_CAP = 16_383;
const MAX_PRESCRIBER_ID = 2 ** 20; // keeps the packed value below 2^53
/** Compares keys character by character on code points (spec §5: "smallest key"). */
export function compareKeys(a: string, b: string): number {
  let i = 0;
  let j = 0;
  for (;;) {
    if (i >= a.length) return j >= b.length ? 0 : -1;
    if (j >= b.length) return 1;
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
}

export interface Registry {
  prescribers: { id: number; key: string; name: string; practice: number }[];
  practices: { id: number; name: string; group: number }[];
  groups: { id: number; name: string }[];
  prescriberById: Map<number, number>;
  prescriberByKey: Map<string, number>;
  /** Position of each prescriber when sorted by key: a smaller rank is a smaller key. */
  rank: Int32Array;
  /** practice index -> year -> registered patients. */
  listSizes: Map<number, Map<number, number>>;
}

export function loadRegistry(db: Db): Registry {
  const groups = queryAll<{ id: number; name: string }>(db, 'SELECT id, name FROM fto_group ORDER BY name, id');
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
  const practiceRows = queryAll<{ id: number; name: string; group_id: number }>(
    db,
    'SELECT id, name, group_id FROM practice ORDER BY name, id',
  );
  const practices = practiceRows.map((p) => ({ id: p.id, name: p.name, group: groupIndex.get(p.group_id)! }));
  const practiceIndex = new Map(practices.map((p, i) => [p.id, i]));
  // A merged prescriber (prescriber_merge) has no row of its own: its id and key resolve to the target's.
  const prescriberRows = queryAll<{ id: number; key: string; name: string; practice_id: number | null }>(
    db,
    'SELECT id, key, name, practice_id FROM prescriber WHERE id NOT IN (SELECT from_id FROM prescriber_merge) ORDER BY id',
  );
  const prescribers = prescriberRows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    practice: r.practice_id === null ? -1 : practiceIndex.get(r.practice_id)!,
  }));
  const rank = new Int32Array(prescribers.length);
  prescribers
    .map((p, i) => i)
    .sort((a, b) => compareKeys(prescribers[a]!.key, prescribers[b]!.key))
    .forEach((index, position) => (rank[index] = position));
  const listSizes = new Map<number, Map<number, number>>();
  for (const row of queryAll<{ practice_id: number; year: number; size: number }>(
    db,
    'SELECT practice_id, year, size FROM practice_list_size',
  )) {
    const index = practiceIndex.get(row.practice_id)!;
    if (!listSizes.has(index)) listSizes.set(index, new Map());
    listSizes.get(index)!.set(row.year, row.size);
  }
  const prescriberById = new Map(prescribers.map((p, i) => [p.id, i]));
  const prescriberByKey = new Map(prescribers.map((p, i) => [p.key, i]));
  for (const merged of mergedPrescribers(db)) {
    const target = prescriberById.get(merged.target)!;
    prescriberById.set(merged.id, target);
    prescriberByKey.set(merged.key, target);
  }
  return {
    prescribers,
    practices,
    groups,
    prescriberById,
    prescriberByKey,
    rank,
    listSizes,
  };
}

/** Every merged prescriber with the prescriber it finally resolves to (a merge into a merged one follows on). */
export function mergedPrescribers(db: Db): { id: number; key: string; target: number }[] {
  const rows = queryAll<{ from_id: number; into_id: number; key: string }>(
    db,
    'SELECT m.from_id, m.into_id, p.key FROM prescriber_merge m JOIN prescriber p ON p.id = m.from_id',
  );
  const into = new Map(rows.map((r) => [r.from_id, r.into_id]));
  return rows.map((r) => {
    let target = r.into_id;
    for (let hops = 0; into.has(target) && hops < rows.length; hops++) target = into.get(target)!;
    return { id: r.from_id, key: r.key, target };
  });
}

/** The dispensings of a window, one entry per array position, plus an order by (patient, date). */
export interface Dispensings {
  count: number;
  day: Int32Array;
  /** Days of use up to DAYS_OF_USE_CAP; a row at the cap has its exact days in longDays. */
  daysOfUse: Int32Array;
  /** Exact days of use of the rows whose days reach DAYS_OF_USE_CAP (a misread text can give 100,000 days). */
  longDays: Map<number, number>;
  prescriber: Int32Array;
  /** Index into ownGpKeys, or -1 when the row names no own GP. */
  ownGp: Int32Array;
  flags: Uint8Array;
  /** DOSE_CLASS bits (db/import/dose.ts). */
  dose: Uint8Array;
  /** Daily oral morphine equivalent in 0.001 mg (an integer), or -1 when unknown (spec §9). */
  omeMilli: Float64Array;
  /** Per patient (the index in `patient`): its number in the patient table. */
  patientIds: Int32Array;
  ownGpKeys: string[];
  /** Per own-GP key: the prescriber it names, or -1 when it is no known prescriber. */
  ownGpPrescriber: Int32Array;
  /** Spec §5 "Group scope": index into registry.groups of the group the row's pharmacy (or import) belongs to, or -1. */
  group: Int32Array;
  /** Row positions sorted by patient, then date; patient p's rows are order[patientStart[p] .. patientStart[p + 1]). */
  order: Int32Array;
  patientStart: Int32Array;
}

/**
 * The first day a calculation for a period starting on `from` needs: the look-back, and earlier
 * dispensings whose coverage reaches into the period (only those before the look-back are searched).
 */
export function windowStart(db: Db, from: string, settings: IndicatorSettings): number {
  const lookback = dayNumber(from) - settings.lookbackDays;
  const longest = queryValue<number | null>(db, 'SELECT max(days_of_use) FROM dispensing WHERE dispense_date < ?', isoDay(lookback)) ?? 1;
  return dayNumber(from) - Math.max(settings.lookbackDays, Math.min(longest, DAYS_OF_USE_CAP) - 1);
}

/**
 * Spec §5 "Group scope": the dispensings of one FTO group's pharmacies; a dispensing without a
 * pharmacy belongs to its import's group. Params: the group id twice. loadDispensings gives each
 * row the same group (rowGroups).
 */
export const GROUP_DISPENSINGS = `((d.pharmacy_key <> '' AND d.pharmacy_key COLLATE NOCASE IN (SELECT name FROM pharmacy WHERE group_id = ?))
  OR (d.pharmacy_key = '' AND d.batch_id IN (SELECT id FROM import_batch WHERE group_id = ?)))`;

export function loadDispensings(
  db: Db,
  registry: Registry,
  fromIso: string,
  toIso: string,
  /** The first period's first day: a weak opioid before it counts for nothing (only strong ones reach into a period), so it is not read. */
  periodFromIso: string = fromIso,
): Dispensings {
  if ([...registry.prescriberById.keys()].some((id) => id >= MAX_PRESCRIBER_ID)) {
    throw new AppError('internal', 'Er zijn te veel voorschrijvers in deze database om de indicatoren te berekenen.');
  }
  // Strong, and long-acting (product_class overrides spec §3 rules 2-3), per product: a row only names its product.
  const productFlags = new Uint8Array((queryValue<number | null>(db, 'SELECT max(id) FROM dispensed_product') ?? 0) + 1);
  for (const p of queryAll<{ id: number; strong: number; long: number }>(
    db,
    `SELECT p.id, p.opioid_class = 'strong' AS strong, coalesce(c.long_acting, p.long_acting_by_rule) AS long
       FROM dispensed_product p LEFT JOIN product_class c ON c.product = p.product`,
  )) {
    productFlags[p.id] = p.strong * STRONG + p.long * LONG;
  }
  // Reading most of the table in storage order beats a million index lookups; a narrow window (a quarter of
  // the rows or less) uses the date index. Counting stops at that quarter: a whole count costs a full index scan.
  const quarter = Math.floor(queryValue<number>(db, 'SELECT count(*) FROM dispensing') / 4);
  const wide =
    queryValue<number>(
      db,
      'SELECT count(*) FROM (SELECT 1 FROM dispensing WHERE dispense_date BETWEEN ? AND ? LIMIT ?)',
      fromIso,
      toIso,
      quarter + 1,
    ) > quarter;
  const from = `FROM dispensing d ${wide ? 'NOT INDEXED' : ''}
                WHERE d.dispense_date BETWEEN ? AND ?
                  AND (d.dispense_date >= ? OR d.product_id IN (SELECT id FROM dispensed_product WHERE opioid_class = 'strong'))`;
  const params = [fromIso, toIso, periodFromIso];
  // One scan hands over JSON arrays, much cheaper than a million rows of values: per row the patient's
  // number, the own GP (null or empty when none), where the row came from (its pharmacy, or its import's id when
  // it names none), the product's number, a packed number, the daily OME with the dose class, and the exact days of a long row.
  const json = queryRow<{
    patients: string;
    own_gps: string;
    sources: string;
    products: string;
    packed: string;
    dose: string;
    long_days: string;
  }>(
    db,
    `SELECT json_group_array(d.patient_id) AS patients,
            json_group_array(d.own_gp_key) AS own_gps,
            json_group_array(iif(d.pharmacy_key = '', d.batch_id, d.pharmacy_key)) AS sources,
            json_group_array(d.product_id) AS products,
            json_group_array((d.prescriber_id * ${DAYS_OF_USE_BITS} + min(d.days_of_use, ${DAYS_OF_USE_CAP})) * ${DAY_BITS} + unixepoch(d.dispense_date) / 86400) AS packed,
            json_group_array(ifnull(CAST(round(d.daily_ome * 1000) AS INTEGER), -1) * ${DOSE_FLAGS} + d.dose_class) AS dose,
            json_group_array(iif(d.days_of_use >= ${DAYS_OF_USE_CAP}, d.days_of_use, 0)) AS long_days ${from}`,
    ...params,
  );
  const patientNumbers = JSON.parse(json.patients) as number[];
  const ownGpTexts = JSON.parse(json.own_gps) as (string | null)[];
  const sources = JSON.parse(json.sources) as (string | number)[];
  const products = JSON.parse(json.products) as number[];
  const packed = JSON.parse(json.packed) as number[];
  const dosePacked = JSON.parse(json.dose) as number[];
  const exactLongDays = JSON.parse(json.long_days) as number[];
  const longDays = new Map<number, number>();

  const count = packed.length;
  // Patients are numbered 0, 1, 2, ... in order of first appearance, and each row is stored at its place
  // among its patient's rows: the per-patient passes then read memory in order, not a million random places.
  const patientIndex = new Int32Array(queryValue<number | null>(db, 'SELECT max(id) FROM patient') ?? 0).fill(-1);
  const patientIds: number[] = [];
  const rowPatient = new Int32Array(count);
  const rowCounts: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = patientNumbers[i]! - 1;
    let p = patientIndex[id]!;
    if (p < 0) {
      p = patientIndex[id] = patientIds.length;
      patientIds.push(id + 1);
      rowCounts.push(0);
    }
    rowPatient[i] = p;
    rowCounts[p]!++;
  }
  const patientStart = new Int32Array(patientIds.length + 1);
  for (let p = 0; p < patientIds.length; p++) patientStart[p + 1] = patientStart[p]! + rowCounts[p]!;
  const next = patientStart.slice(0, patientIds.length);

  const day = new Int32Array(count);
  const daysOfUse = new Int32Array(count);
  const prescriber = new Int32Array(count);
  const ownGp = new Int32Array(count);
  const flags = new Uint8Array(count);
  const dose = new Uint8Array(count);
  const omeMilli = new Float64Array(count);
  const group = new Int32Array(count);
  // Own GPs and sources are few, so a Map each.
  const groupOfSource = rowGroups(db, registry);
  const gpIndex = new Map<string, number>();
  const ownGpKeys: string[] = [];
  const prescriberIndex = new Int32Array(Math.max(0, ...registry.prescriberById.keys()) + 1);
  for (const [id, i] of registry.prescriberById) prescriberIndex[id] = i;

  for (let i = 0; i < count; i++) {
    const p = rowPatient[i]!;
    const at = next[p]!++;
    const named = ownGpTexts[i];
    if (named == null || named === '') ownGp[at] = -1;
    else {
      let gp = gpIndex.get(named);
      if (gp === undefined) {
        // An own GP named by a merged prescriber's key is the target, also where keys break a tie.
        const known = registry.prescriberByKey.get(named);
        const key = known === undefined ? named : registry.prescribers[known]!.key;
        gp = ownGpKeys.indexOf(key);
        if (gp < 0) gp = ownGpKeys.push(key) - 1;
        gpIndex.set(named, gp);
      }
      ownGp[at] = gp;
    }
    group[at] = groupOfSource(sources[i]!);
    let value = packed[i]!;
    flags[at] = productFlags[products[i]!]!;
    day[at] = value % DAY_BITS;
    value = Math.floor(value / DAY_BITS);
    const days = value % DAYS_OF_USE_BITS;
    daysOfUse[at] = days;
    if (days === DAYS_OF_USE_CAP) longDays.set(at, exactLongDays[i]!);
    prescriber[at] = prescriberIndex[Math.floor(value / DAYS_OF_USE_BITS)]!;
    const doseValue = dosePacked[i]!;
    const doseFlags = ((doseValue % DOSE_FLAGS) + DOSE_FLAGS) % DOSE_FLAGS;
    dose[at] = doseFlags;
    omeMilli[at] = (doseValue - doseFlags) / DOSE_FLAGS;
  }
  const ownGpPrescriber = Int32Array.from(ownGpKeys, (key) => registry.prescriberByKey.get(key) ?? -1);

  // The order by (patient, day, row): each patient's rows, already together and in row order, by day.
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  for (let p = 0; p < patientIds.length; p++) sortByDay(order, patientStart[p]!, patientStart[p + 1]!, day);

  return {
    count,
    day,
    daysOfUse,
    longDays,
    prescriber,
    ownGp,
    flags,
    dose,
    omeMilli,
    patientIds: Int32Array.from(patientIds),
    ownGpKeys,
    ownGpPrescriber,
    group,
    order,
    patientStart,
  };
}

/** The group index (or -1) of a row's source as loadDispensings reads it: its pharmacy's name, or its import's id when it names none. */
function rowGroups(db: Db, registry: Registry): (source: string | number) => number {
  const groupIndex = new Map(registry.groups.map((g, i) => [g.id, i]));
  const indexOf = (groupId: number | null | undefined) => (groupId == null ? -1 : (groupIndex.get(groupId) ?? -1));
  const known = new Map<string | number, number>(
    queryAll<{ id: number; group_id: number | null }>(db, 'SELECT id, group_id FROM import_batch').map((b) => [b.id, indexOf(b.group_id)]),
  );
  // Pharmacy names compare without case (the column's NOCASE), so SQLite looks each distinct name up.
  const pharmacyGroup = statement<number | null>(db, 'SELECT group_id FROM pharmacy WHERE name = ?').pluck();
  return (source) => {
    let index = known.get(source);
    if (index === undefined) {
      index = typeof source === 'number' ? -1 : indexOf(pharmacyGroup.get(source));
      known.set(source, index);
    }
    return index;
  };
}

/** Spec §5 "Group scope": the same dispensings narrowed to one group's (registry.groups index), in the same order. */
export function groupDispensings(data: Dispensings, groupIndex: number): Dispensings {
  const { order, patientStart, group } = data;
  let size = 0;
  for (let k = 0; k < order.length; k++) if (group[order[k]!] === groupIndex) size++;
  const narrowed = new Int32Array(size);
  const starts = new Int32Array(patientStart.length);
  let n = 0;
  for (let p = 0; p + 1 < patientStart.length; p++) {
    starts[p] = n;
    for (let k = patientStart[p]!; k < patientStart[p + 1]!; k++) {
      const r = order[k]!;
      if (group[r] === groupIndex) narrowed[n++] = r;
    }
  }
  starts[patientStart.length - 1] = n;
  return { ...data, order: narrowed, patientStart: starts };
}

/** What the calculation found for one patient with a strong-opioid dispensing in the period. */
export interface PatientOutcome {
  patient: number;
  responsible: number;
  coveredDays: number;
  chronic: boolean;
  newUser: boolean;
  dispensingsInPeriod: number;
  /** Spec §9 mean daily OME in mg over the period; null when no strong dispensing in it has a known OME. */
  meanDailyOme: number | null;
  highDose: boolean;
}

/**
 * Entities are laid out in one array: prescribers, then practices, then `other`, then groups, then
 * `all`; each has INDICATOR_COUNT counters.
 */
export interface Tally {
  values: Int32Array;
  /** Prescribers that get a row: an opioid dispensing in the period, or responsible for a patient. */
  seen: Uint8Array;
  practiceBase: number;
  otherEntity: number;
  groupBase: number;
  allEntity: number;
}

export function computeTally(
  registry: Registry,
  data: Dispensings,
  fromDay: number,
  toDay: number,
  settings: IndicatorSettings,
  onPatient?: (outcome: PatientOutcome) => void,
): Tally {
  const prescriberCount = registry.prescribers.length;
  const practiceBase = prescriberCount;
  const otherEntity = practiceBase + registry.practices.length;
  const groupBase = otherEntity + 1;
  const allEntity = groupBase + registry.groups.length;
  const entities = allEntity + 1;
  const values = new Int32Array(entities * INDICATOR_COUNT);
  const seen = new Uint8Array(prescriberCount);

  // Per prescriber the entities a figure goes to: itself, its practice (or `other`), its group (or none), all.
  const practiceOf = new Int32Array(prescriberCount);
  const groupOf = new Int32Array(prescriberCount);
  registry.prescribers.forEach((p, i) => {
    practiceOf[i] = p.practice < 0 ? otherEntity : practiceBase + p.practice;
    groupOf[i] = p.practice < 0 ? -1 : groupBase + registry.practices[p.practice]!.group;
  });
  const add = (prescriber: number, indicator: number) => {
    values[prescriber * INDICATOR_COUNT + indicator]!++;
    values[practiceOf[prescriber]! * INDICATOR_COUNT + indicator]!++;
    const group = groupOf[prescriber]!;
    if (group >= 0) values[group * INDICATOR_COUNT + indicator]!++;
    values[allEntity * INDICATOR_COUNT + indicator]!++;
  };
  // Distinct patients: an entity counts patient p once, remembered by the last patient it counted there.
  const lastPatient = new Int32Array(entities * INDICATOR_COUNT).fill(-1);
  const countOnce = (entity: number, indicator: number, patient: number) => {
    const slot = entity * INDICATOR_COUNT + indicator;
    if (lastPatient[slot] !== patient) {
      lastPatient[slot] = patient;
      values[slot]!++;
    }
  };
  const addPatient = (prescriber: number, indicator: number, patient: number) => {
    countOnce(prescriber, indicator, patient);
    countOnce(practiceOf[prescriber]!, indicator, patient);
    const group = groupOf[prescriber]!;
    if (group >= 0) countOnce(group, indicator, patient);
    countOnce(allEntity, indicator, patient);
  };

  const { order, patientStart, day, flags, dose, omeMilli, prescriber, daysOfUse, longDays, ownGp, ownGpKeys, ownGpPrescriber } = data;
  const highDoseMilli = settings.highDoseOme * 1000;
  const rank = registry.rank;
  const perPrescriber = new Int32Array(prescriberCount);
  const lastDayOf = new Int32Array(prescriberCount);
  const touched: number[] = [];

  for (let p = 0; p < data.patientIds.length; p++) {
    const end = patientStart[p + 1]!;
    let first = -1; // position in `order` of the first strong dispensing in the period
    let inPeriod = 0;
    let previousDay = Number.NEGATIVE_INFINITY; // latest strong dispensing before the period
    let covered = 0;
    let coveredUpTo = fromDay - 1;
    // Spec §9 mean daily OME: Σ OME × days of use over the union of those dispensings' coverage (not clipped to P).
    let omeSum = 0;
    let omeDays = 0;
    let omeUpTo = Number.NEGATIVE_INFINITY;
    for (let k = patientStart[p]!; k < end; k++) {
      const r = order[k]!;
      const d = day[r]!;
      if (d > toDay) break;
      const by = prescriber[r]!;
      if (!(flags[r]! & STRONG)) {
        if (d >= fromDay) {
          add(by, DW);
          addPatient(by, PW, p);
          seen[by] = 1;
        }
        continue;
      }
      // Union of coverage ranges clipped to the period: rows come by start day, so only the part after
      // everything counted so far is new.
      const last = Math.min(d + daysOfUse[r]! - 1, toDay);
      const start = Math.max(d, coveredUpTo + 1);
      if (last >= start) {
        covered += last - start + 1;
        coveredUpTo = last;
      }
      if (d < fromDay) {
        previousDay = d;
        continue;
      }
      if (first < 0) first = k;
      inPeriod++;
      seen[by] = 1;
      if (flags[r]! & LONG) {
        add(by, DL);
        addPatient(by, PL, p);
      } else {
        add(by, DS);
        addPatient(by, PS, p);
      }
      addPatient(by, PA, p);
      const kind = dose[r]!;
      if (kind & OXYCODONE) addPatient(by, POX, p);
      if (kind & MORPHINE) addPatient(by, PMO, p);
      if (kind & FENTANYL_RAPID) addPatient(by, PFR, p);
      const ome = omeMilli[r]!;
      if (ome < 0) add(by, OMEU);
      else {
        const days = daysOfUse[r] === DAYS_OF_USE_CAP ? longDays.get(r)! : daysOfUse[r]!;
        const lastDay = d + days - 1;
        omeSum += ome * days;
        if (d > omeUpTo) omeDays += lastDay - d + 1;
        else if (lastDay > omeUpTo) omeDays += lastDay - omeUpTo;
        omeUpTo = Math.max(omeUpTo, lastDay);
      }
    }
    if (first < 0) continue;

    // The first day in the period: long-acting when any dispensing that day is; its prescriber is the smallest key.
    const firstDay = day[order[first]!]!;
    let longStart = false;
    let starter = -1;
    // The own GP named on the latest dispensing that names one (same day: smallest key), and the counts per prescriber.
    let gpDay = -1;
    let gp = -1;
    const newUser = !(previousDay >= firstDay - settings.lookbackDays);
    for (let k = first; k < end; k++) {
      const r = order[k]!;
      const d = day[r]!;
      if (d > toDay) break;
      if (!(flags[r]! & STRONG)) continue;
      const by = prescriber[r]!;
      if (d === firstDay) {
        if (flags[r]! & LONG) longStart = true;
        if (starter < 0 || rank[by]! < rank[starter]!) starter = by;
        // Starts follow each prescriber of the start day; a level counts one over the limit when any of its prescribers is.
        if (newUser) {
          addPatient(by, ST, p);
          if (!(dose[r]! & DAYS_GUESSED) && daysOfUse[r]! > settings.startLimitDays) addPatient(by, SOL, p);
        }
      }
      if (perPrescriber[by] === 0) touched.push(by);
      perPrescriber[by]!++;
      lastDayOf[by] = d;
      const named = ownGp[r]!;
      if (named >= 0 && (d > gpDay || (d === gpDay && compareKeys(ownGpKeys[named]!, ownGpKeys[gp]!) < 0))) {
        gpDay = d;
        gp = named;
      }
    }
    let responsible = gp >= 0 ? ownGpPrescriber[gp]! : -1;
    if (responsible < 0) {
      for (const by of touched) {
        if (
          responsible < 0 ||
          perPrescriber[by]! > perPrescriber[responsible]! ||
          (perPrescriber[by] === perPrescriber[responsible] &&
            (lastDayOf[by]! > lastDayOf[responsible]! || (lastDayOf[by] === lastDayOf[responsible] && rank[by]! < rank[responsible]!)))
        ) {
          responsible = by;
        }
      }
    }
    for (const by of touched) perPrescriber[by] = 0;
    touched.length = 0;

    seen[responsible] = 1;
    const chronic = covered >= settings.chronicDays;
    const highDose = omeDays > 0 && omeSum >= highDoseMilli * omeDays;
    if (chronic) add(responsible, CH);
    if (highDose) add(responsible, HD);
    if (newUser) {
      add(responsible, NU);
      if (inPeriod >= settings.newUserMinDispensings) add(responsible, NO3);
      if (longStart) add(responsible, NLS);
      if (registry.prescribers[starter]!.practice < 0) add(responsible, NOS);
    }
    onPatient?.({
      patient: p,
      responsible,
      coveredDays: covered,
      chronic,
      newUser,
      dispensingsInPeriod: inPeriod,
      meanDailyOme: omeDays > 0 ? omeSum / 1000 / omeDays : null,
      highDose,
    });
  }
  return { values, seen, practiceBase, otherEntity, groupBase, allEntity };
}

export function valuesOf(tally: Tally, entity: number): Record<(typeof indicatorNames)[number], number> {
  const base = entity * INDICATOR_COUNT;
  return Object.fromEntries(indicatorNames.map((name, i) => [name, tally.values[base + i]!])) as Record<
    (typeof indicatorNames)[number],
    number
  >;
}

/**
 * Sorts order[from .. to) by day, ties in row order. A patient has a handful of rows, mostly in date
 * order already, so insertion sort; a long run (one key on many rows) is sorted in n log n.
 */
function sortByDay(order: Int32Array, from: number, to: number, day: Int32Array): void {
  if (to - from > 64) {
    order.subarray(from, to).sort((a, b) => day[a]! - day[b]! || a - b);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const row = order[k]!;
    const d = day[row]!;
    let j = k - 1;
    for (; j >= from && day[order[j]!]! > d; j--) order[j + 1] = order[j]!;
    order[j + 1] = row;
  }
}
