/**
 * A deliberately slow, direct transcription of spec §5, sharing no code with db/indicators: dates
 * stay ISO strings, covered days are a set of dates, and every level re-filters all rows. The
 * property tests compare the real engine against it on random data.
 */
import type { Db } from '../../db/open';

export interface RefSettings {
  chronicDays: number;
  lookbackDays: number;
  newUserMinDispensings: number;
}

interface Row {
  patient: string;
  date: string;
  strong: boolean;
  long: boolean;
  prescriber: string;
  days: number;
  ownGp: string | null;
  /** Spec §5 "Group scope": the group of the dispensing's pharmacy; without a pharmacy, its import's group. */
  group: string | null;
}

export type RefRow = { level: string; key: string } & Record<string, string | number | null>;

/** Rows in a fixed order, for comparing two results whose row order is free (spec §8). */
export function byLevelAndKey<T extends { level: string; key: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => `${a.level}|${a.key}`.localeCompare(`${b.level}|${b.key}`));
}

function addDays(iso: string, n: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Code point order, spelled out. */
function smaller(a: string, b: string): boolean {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return x.length < y.length;
}

/** `onlyGroup`: compute as if the database held only that group's dispensings (for its groupOther row). */
export function referenceIndicators(db: Db, from: string, to: string, settings: RefSettings, onlyGroup: string | null = null) {
  // A merged prescriber's key is the target's key, for its dispensings and where it is named as own GP.
  const merged = new Map(
    (db.prepare('SELECT f.key AS from_key, t.key AS into_key FROM prescriber_merge m JOIN prescriber f ON f.id = m.from_id JOIN prescriber t ON t.id = m.into_id').all() as {
      from_key: string; into_key: string;
    }[]).map((m) => [m.from_key, m.into_key]),
  );
  const keyOf = (key: string): string => (merged.has(key) ? keyOf(merged.get(key)!) : key);
  const prescribers = (
    db
      .prepare(
        `SELECT r.key, p.name AS practice, g.name AS grp FROM prescriber r
         LEFT JOIN practice p ON p.id = r.practice_id LEFT JOIN fto_group g ON g.id = p.group_id`,
      )
      .all() as { key: string; practice: string | null; grp: string | null }[]
  ).filter((p) => !merged.has(p.key));
  const practices = db.prepare('SELECT p.name, g.name AS grp FROM practice p JOIN fto_group g ON g.id = p.group_id').all() as { name: string; grp: string }[];
  const groups = db.prepare('SELECT name FROM fto_group').all() as { name: string }[];
  const rows: Row[] = (
    db
      .prepare(
        `SELECT d.patient_key, d.dispense_date, d.opioid_class, d.long_acting_by_rule, c.long_acting AS override,
                r.key AS prescriber, d.days_of_use, d.own_gp_key,
                CASE WHEN d.pharmacy_key = '' THEN (SELECT g.name FROM import_batch b JOIN fto_group g ON g.id = b.group_id WHERE b.id = d.batch_id)
                     ELSE (SELECT g.name FROM pharmacy a JOIN fto_group g ON g.id = a.group_id WHERE a.name = d.pharmacy_key) END AS grp
         FROM dispensing d JOIN prescriber r ON r.id = d.prescriber_id LEFT JOIN product_class c ON c.product = d.product`,
      )
      .all() as { patient_key: string; dispense_date: string; opioid_class: string; long_acting_by_rule: number; override: number | null; prescriber: string; days_of_use: number; own_gp_key: string | null; grp: string | null }[]
  ).map((r) => ({
    patient: r.patient_key,
    date: r.dispense_date,
    strong: r.opioid_class === 'strong',
    long: (r.override ?? r.long_acting_by_rule) === 1,
    prescriber: keyOf(r.prescriber),
    days: r.days_of_use,
    ownGp: r.own_gp_key === null ? null : keyOf(r.own_gp_key),
    group: r.grp,
  })).filter((r) => onlyGroup === null || r.group === onlyGroup);

  const inP = (r: Row) => r.date >= from && r.date <= to;
  const strongInP = rows.filter((r) => r.strong && inP(r));
  const patients = [...new Set(strongInP.map((r) => r.patient))];
  const practiceOf = new Map(prescribers.map((p) => [p.key, p.practice]));

  const responsible = new Map<string, string>();
  const outcome = new Map<string, { covered: number; chronic: boolean; isNew: boolean; over: boolean; longStart: boolean; otherStart: boolean }>();
  for (const patient of patients) {
    const mine = strongInP.filter((r) => r.patient === patient);
    // Responsible prescriber.
    let chosen: string | null = null;
    const naming = mine.filter((r) => r.ownGp !== null && r.ownGp !== '');
    if (naming.length > 0) {
      const latest = naming.reduce((a, b) => (b.date > a.date || (b.date === a.date && smaller(b.ownGp!, a.ownGp!)) ? b : a));
      if (practiceOf.has(latest.ownGp!)) chosen = latest.ownGp!;
    }
    if (chosen === null) {
      const candidates = [...new Set(mine.map((r) => r.prescriber))].map((key) => {
        const theirs = mine.filter((r) => r.prescriber === key);
        return { key, count: theirs.length, last: theirs.map((r) => r.date).sort().at(-1)! };
      });
      candidates.sort((a, b) => b.count - a.count || (a.last === b.last ? (smaller(a.key, b.key) ? -1 : 1) : a.last > b.last ? -1 : 1));
      chosen = candidates[0]!.key;
    }
    responsible.set(patient, chosen);

    const covered = new Set<string>();
    for (const r of rows.filter((r) => r.strong && r.patient === patient)) {
      for (let i = 0; i < r.days; i++) {
        const day = addDays(r.date, i);
        if (day >= from && day <= to) covered.add(day);
      }
    }
    const first = mine.map((r) => r.date).sort()[0]!;
    const before = rows.filter((r) => r.strong && r.patient === patient && r.date < first && r.date >= addDays(first, -settings.lookbackDays));
    const onFirst = mine.filter((r) => r.date === first);
    const starter = onFirst.map((r) => r.prescriber).reduce((a, b) => (smaller(b, a) ? b : a));
    outcome.set(patient, {
      covered: covered.size,
      chronic: covered.size >= settings.chronicDays,
      isNew: before.length === 0,
      over: mine.length >= settings.newUserMinDispensings,
      longStart: onFirst.some((r) => r.long),
      otherStart: practiceOf.get(starter) === null,
    });
  }

  const valuesFor = (members: Set<string>) => {
    const theirs = rows.filter((r) => inP(r) && members.has(r.prescriber));
    const strong = theirs.filter((r) => r.strong);
    const attributed = patients.filter((p) => members.has(responsible.get(p)!)).map((p) => outcome.get(p)!);
    const distinct = (list: Row[]) => new Set(list.map((r) => r.patient)).size;
    return {
      dispensingsShort: strong.filter((r) => !r.long).length,
      dispensingsLong: strong.filter((r) => r.long).length,
      patientsShort: distinct(strong.filter((r) => !r.long)),
      patientsLong: distinct(strong.filter((r) => r.long)),
      patientsAny: distinct(strong),
      chronicUsers: attributed.filter((o) => o.chronic).length,
      newUsers: attributed.filter((o) => o.isNew).length,
      newUsersOver3: attributed.filter((o) => o.isNew && o.over).length,
      newUsersLongStart: attributed.filter((o) => o.isNew && o.longStart).length,
      newUsersOtherStart: attributed.filter((o) => o.isNew && o.otherStart).length,
      dispensingsWeak: theirs.filter((r) => !r.strong).length,
    };
  };

  const result: RefRow[] = [];
  const withRow = prescribers.filter((p) => rows.some((r) => inP(r) && r.prescriber === p.key) || [...responsible.values()].includes(p.key));
  for (const p of withRow) result.push({ level: 'prescriber', key: p.key, practice: p.practice, group: p.grp, ...valuesFor(new Set([p.key])) });
  for (const q of practices) {
    result.push({ level: 'practice', key: q.name, group: q.grp, ...valuesFor(new Set(prescribers.filter((p) => p.practice === q.name).map((p) => p.key))) });
  }
  if (withRow.some((p) => p.practice === null)) {
    result.push({ level: 'practice', key: 'other', group: null, ...valuesFor(new Set(prescribers.filter((p) => p.practice === null).map((p) => p.key))) });
  }
  for (const g of groups) result.push({ level: 'group', key: g.name, ...valuesFor(new Set(prescribers.filter((p) => p.grp === g.name).map((p) => p.key))) });
  result.push({ level: 'all', key: 'all', ...valuesFor(new Set(prescribers.map((p) => p.key))) });
  if (onlyGroup === null) {
    for (const g of groups) {
      const other = referenceIndicators(db, from, to, settings, g.name).rows.find((r) => r.level === 'practice' && r.key === 'other');
      const { level: _l, key: _k, group: _g, ...values } = other ?? { level: '', key: '', group: null, ...valuesFor(new Set()) };
      result.push({ level: 'groupOther', key: g.name, group: g.name, ...values });
    }
  }

  const dates = rows.map((r) => r.date).sort();
  const earliest = dates[0];
  const dataEnd = dates.at(-1) ?? null;
  return {
    from,
    to,
    lookbackComplete: earliest !== undefined && earliest <= addDays(from, -settings.lookbackDays),
    dataEnd,
    periodComplete: dataEnd !== null && to <= dataEnd,
    settings,
    rows: result,
    /** Per patient with a strong-opioid dispensing in P: the responsible prescriber, covered days, new user or not. */
    patients: Object.fromEntries(patients.map((p) => [p, { responsible: responsible.get(p)!, covered: outcome.get(p)!.covered, isNew: outcome.get(p)!.isNew }])),
  };
}
