/**
 * A deliberately slow, direct transcription of spec §4, §5 and §9, sharing no code with db/indicators
 * or db/import: dates stay ISO strings, covered days are a set of dates, and every level re-filters all
 * rows. Days of use, their rule and the daily OME are worked out again here from the raw columns; only
 * the spec's text readers (db/dosing: daily units, strength, route, the factor table) are shared. The
 * property tests compare the real engine against it on random data.
 */
import { normaliseDosing, omeFactor, readDailyUnits, readRoute, readStrength, type Route, type Strength } from '../../db/dosing';
import type { Db } from '../../db/open';

export interface RefSettings {
  chronicDays: number;
  lookbackDays: number;
  newUserMinDispensings: number;
  startLimitDays: number;
  highDoseOme: number;
}

interface Row {
  patient: string;
  date: string;
  strong: boolean;
  long: boolean;
  prescriber: string;
  days: number;
  /** Days of use from the 14-day default (spec §4 rule 3). */
  guessed: boolean;
  atc: string;
  route: Route;
  /** Daily OME in 0.001 mg (spec §9, rounded as the app keeps it), null when unknown. */
  omeMilli: number | null;
  ownGp: string | null;
  /** Spec §5 "Group scope": the group of the dispensing's pharmacy; without a pharmacy, its import's group. */
  group: string | null;
}

type Exact = { num: bigint; den: bigint };

/** Spec §4 and §9 for one dispensing, from its raw columns and the user's tables. */
function doseFromRaw(
  raw: { product: string; atc: string; dosing: string | null; quantity: number | null; days_supply: number | null },
  userUnits: Map<string, Exact>,
  userProducts: Map<string, { strength: Strength | null; route: Route | null }>,
): { days: number; guessed: boolean; route: Route; omeMilli: number | null } {
  const own = userProducts.get(raw.product);
  const strength = own?.strength ?? readStrength(raw.product);
  const route = own?.route ?? readRoute(raw.product, strength);
  let units: Exact | null = null;
  if (raw.dosing !== null && raw.dosing.trim() !== '')
    units = userUnits.get(normaliseDosing(raw.dosing)) ?? readDailyUnits(raw.dosing, strength);
  if (units && !(units.num > 0n)) units = null;
  // The quantity as written: a decimal, exactly.
  const quantity: Exact | null = raw.quantity === null ? null : decimal(String(raw.quantity));
  let days = 14;
  let guessed = true;
  if (raw.days_supply !== null && raw.days_supply > 0) {
    days = raw.days_supply;
    guessed = false;
  } else if (quantity !== null && units !== null) {
    // The smallest whole number of days d with d × U ≥ quantity, at least 1.
    days = 1;
    while (BigInt(days) * units.num * quantity.den < quantity.num * units.den) days++;
    guessed = false;
  }
  const perDay: Exact | null =
    quantity !== null && raw.days_supply !== null && raw.days_supply > 0
      ? { num: quantity.num, den: quantity.den * BigInt(raw.days_supply) }
      : units;
  const factor = omeFactor(raw.atc, route);
  let ome: number | null = null;
  if (factor !== null && strength !== null) {
    const value = Number(strength.value.num) / Number(strength.value.den);
    if (route === 'transdermal') ome = strength.unit === 'ug/h' ? value * factor : null;
    else if (perDay !== null && strength.unit !== 'ug/h') ome = (Number(perDay.num) / Number(perDay.den)) * value * factor;
  }
  return { days, guessed, route, omeMilli: ome === null ? null : Math.round(ome * 1000) };
}

function decimal(text: string): Exact {
  const [whole, fraction = ''] = text.split('.');
  return { num: BigInt(whole! + fraction), den: 10n ** BigInt(fraction.length) };
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
    (
      db
        .prepare(
          'SELECT f.key AS from_key, t.key AS into_key FROM prescriber_merge m JOIN prescriber f ON f.id = m.from_id JOIN prescriber t ON t.id = m.into_id',
        )
        .all() as {
        from_key: string;
        into_key: string;
      }[]
    ).map((m) => [m.from_key, m.into_key]),
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
  const practices = db.prepare('SELECT p.name, g.name AS grp FROM practice p JOIN fto_group g ON g.id = p.group_id').all() as {
    name: string;
    grp: string;
  }[];
  const groups = db.prepare('SELECT name FROM fto_group').all() as { name: string }[];
  const userUnits = new Map(
    (
      db.prepare('SELECT text, units_num, units_den FROM dosing_units').all() as { text: string; units_num: number; units_den: number }[]
    ).map((u) => [u.text, { num: BigInt(u.units_num), den: BigInt(u.units_den) }]),
  );
  const userProducts = new Map(
    (
      db.prepare('SELECT * FROM product_dose').all() as {
        product: string;
        strength_num: number | null;
        strength_den: number | null;
        strength_unit: Strength['unit'] | null;
        route: Route | null;
      }[]
    ).map((p) => [
      p.product,
      {
        strength:
          p.strength_num === null ? null : { value: { num: BigInt(p.strength_num), den: BigInt(p.strength_den!) }, unit: p.strength_unit! },
        route: p.route,
      },
    ]),
  );
  const rows: Row[] = (
    db
      .prepare(
        `SELECT pt.key AS patient_key, d.dispense_date, p.opioid_class, p.long_acting_by_rule, c.long_acting AS override,
                r.key AS prescriber, d.own_gp_key, p.product, p.atc, d.dosing, d.quantity, d.days_supply,
                CASE WHEN d.pharmacy_key = '' THEN (SELECT g.name FROM import_batch b JOIN fto_group g ON g.id = b.group_id WHERE b.id = d.batch_id)
                     ELSE (SELECT g.name FROM pharmacy a JOIN fto_group g ON g.id = a.group_id WHERE a.name = d.pharmacy_key) END AS grp
         FROM dispensing d JOIN patient pt ON pt.id = d.patient_id JOIN dispensed_product p ON p.id = d.product_id
           JOIN prescriber r ON r.id = d.prescriber_id LEFT JOIN product_class c ON c.product = p.product`,
      )
      .all() as {
      patient_key: string;
      dispense_date: string;
      opioid_class: string;
      long_acting_by_rule: number;
      override: number | null;
      prescriber: string;
      own_gp_key: string | null;
      product: string;
      atc: string;
      dosing: string | null;
      quantity: number | null;
      days_supply: number | null;
      grp: string | null;
    }[]
  )
    .map((r) => {
      const dose = doseFromRaw(r, userUnits, userProducts);
      return {
        patient: r.patient_key,
        date: r.dispense_date,
        strong: r.opioid_class === 'strong',
        long: (r.override ?? r.long_acting_by_rule) === 1,
        prescriber: keyOf(r.prescriber),
        days: dose.days,
        guessed: dose.guessed,
        atc: r.atc,
        route: dose.route,
        omeMilli: dose.omeMilli,
        ownGp: r.own_gp_key === null ? null : keyOf(r.own_gp_key),
        group: r.grp,
      };
    })
    .filter((r) => onlyGroup === null || r.group === onlyGroup);

  const inP = (r: Row) => r.date >= from && r.date <= to;
  const strongInP = rows.filter((r) => r.strong && inP(r));
  const patients = [...new Set(strongInP.map((r) => r.patient))];
  const practiceOf = new Map(prescribers.map((p) => [p.key, p.practice]));

  const responsible = new Map<string, string>();
  const outcome = new Map<
    string,
    {
      covered: number;
      chronic: boolean;
      isNew: boolean;
      over: boolean;
      longStart: boolean;
      otherStart: boolean;
      firstDay: string;
      highDose: boolean;
      meanOme: number | null;
    }
  >();
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
        return {
          key,
          count: theirs.length,
          last: theirs
            .map((r) => r.date)
            .sort()
            .at(-1)!,
        };
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
    const before = rows.filter(
      (r) => r.strong && r.patient === patient && r.date < first && r.date >= addDays(first, -settings.lookbackDays),
    );
    const onFirst = mine.filter((r) => r.date === first);
    const starter = onFirst.map((r) => r.prescriber).reduce((a, b) => (smaller(b, a) ? b : a));
    // Spec §9 mean daily OME: known-OME dispensings in P, Σ OME × days over the days their coverage holds (not clipped).
    const known = mine.filter((r) => r.omeMilli !== null);
    const omeCovered = new Set<string>();
    for (const r of known) for (let i = 0; i < r.days; i++) omeCovered.add(addDays(r.date, i));
    const omeSum = known.reduce((sum, r) => sum + r.omeMilli! * r.days, 0);
    outcome.set(patient, {
      firstDay: first,
      highDose: omeCovered.size > 0 && omeSum >= settings.highDoseOme * 1000 * omeCovered.size,
      meanOme: omeCovered.size > 0 ? omeSum / 1000 / omeCovered.size : null,
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
    // Start prescribers: every member with a strong dispensing to a new user on that user's first day in P.
    const startRows = (patient: string) => strong.filter((r) => r.patient === patient && r.date === outcome.get(patient)!.firstDay);
    const newcomers = patients.filter((p) => outcome.get(p)!.isNew);
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
      starts: newcomers.filter((p) => startRows(p).length > 0).length,
      startsOverLimit: newcomers.filter((p) => startRows(p).some((r) => !r.guessed && r.days > settings.startLimitDays)).length,
      patientsOxycodone: distinct(strong.filter((r) => r.atc === 'N02AA05' || r.atc === 'N02AA55')),
      patientsMorphine: distinct(strong.filter((r) => r.atc === 'N02AA01')),
      patientsFentanylRapid: distinct(strong.filter((r) => r.atc === 'N02AB03' && r.route === 'transmucosal')),
      patientsWeak: distinct(theirs.filter((r) => !r.strong)),
      highDoseUsers: attributed.filter((o) => o.highDose).length,
      dispensingsOmeUnknown: strong.filter((r) => r.omeMilli === null).length,
    };
  };

  const result: RefRow[] = [];
  const withRow = prescribers.filter(
    (p) => rows.some((r) => inP(r) && r.prescriber === p.key) || [...responsible.values()].includes(p.key),
  );
  for (const p of withRow)
    result.push({ level: 'prescriber', key: p.key, practice: p.practice, group: p.grp, ...valuesFor(new Set([p.key])) });
  for (const q of practices) {
    result.push({
      level: 'practice',
      key: q.name,
      group: q.grp,
      ...valuesFor(new Set(prescribers.filter((p) => p.practice === q.name).map((p) => p.key))),
    });
  }
  if (withRow.some((p) => p.practice === null)) {
    result.push({
      level: 'practice',
      key: 'other',
      group: null,
      ...valuesFor(new Set(prescribers.filter((p) => p.practice === null).map((p) => p.key))),
    });
  }
  for (const g of groups)
    result.push({ level: 'group', key: g.name, ...valuesFor(new Set(prescribers.filter((p) => p.grp === g.name).map((p) => p.key))) });
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
    patients: Object.fromEntries(
      patients.map((p) => [
        p,
        {
          responsible: responsible.get(p)!,
          covered: outcome.get(p)!.covered,
          isNew: outcome.get(p)!.isNew,
          meanOme: outcome.get(p)!.meanOme,
        },
      ]),
    ),
    /** Per dispensing (patient, date, product order is free): the days of use worked out here. */
    days: rows.map((r) => ({ patient: r.patient, date: r.date, days: r.days, guessed: r.guessed, omeMilli: r.omeMilli })),
  };
}
