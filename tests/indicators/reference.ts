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

export function referenceIndicators(db: Db, from: string, to: string, settings: RefSettings) {
  const prescribers = db
    .prepare(
      `SELECT r.key, p.name AS practice, g.name AS grp FROM prescriber r
       LEFT JOIN practice p ON p.id = r.practice_id LEFT JOIN fto_group g ON g.id = p.group_id`,
    )
    .all() as { key: string; practice: string | null; grp: string | null }[];
  const practices = db.prepare('SELECT p.name, g.name AS grp FROM practice p JOIN fto_group g ON g.id = p.group_id').all() as { name: string; grp: string }[];
  const groups = db.prepare('SELECT name FROM fto_group').all() as { name: string }[];
  const rows: Row[] = (
    db
      .prepare(
        `SELECT d.patient_key, d.dispense_date, d.opioid_class, d.long_acting_by_rule, c.long_acting AS override,
                r.key AS prescriber, d.days_of_use, d.own_gp_key
         FROM dispensing d JOIN prescriber r ON r.id = d.prescriber_id LEFT JOIN product_class c ON c.product = d.product`,
      )
      .all() as { patient_key: string; dispense_date: string; opioid_class: string; long_acting_by_rule: number; override: number | null; prescriber: string; days_of_use: number; own_gp_key: string | null }[]
  ).map((r) => ({
    patient: r.patient_key,
    date: r.dispense_date,
    strong: r.opioid_class === 'strong',
    long: (r.override ?? r.long_acting_by_rule) === 1,
    prescriber: r.prescriber,
    days: r.days_of_use,
    ownGp: r.own_gp_key,
  }));

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

  const earliest = rows.map((r) => r.date).sort()[0];
  return {
    from,
    to,
    lookbackComplete: earliest !== undefined && earliest <= addDays(from, -settings.lookbackDays),
    settings,
    rows: result,
    /** Per patient with a strong-opioid dispensing in P: the responsible prescriber, covered days, new user or not. */
    patients: Object.fromEntries(patients.map((p) => [p, { responsible: responsible.get(p)!, covered: outcome.get(p)!.covered, isNew: outcome.get(p)!.isNew }])),
  };
}
