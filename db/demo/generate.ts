/**
 * A deterministic, wholly fictional FTO group and its opioid dispensings: the demo data, and the
 * test and benchmark data at any size. Same seed, same rows.
 */

/** One dispensing as a pharmacy export holds it (dates ISO; the export writer formats them). */
export interface DispensingRecord {
  patientKey: string;
  dispenseDate: string;
  atc: string;
  product: string;
  prescriberName: string;
  prescriberAgb: string | null;
  quantity: number;
  daysSupply: number | null;
  dosing: string;
  ownGp: string | null;
  practice: string | null;
  pharmacy: string;
  formCode: string | null;
}

export interface DemoPrescriber {
  name: string;
  agb: string | null;
  /** The practice for GPs; null for specialists, locums and the out-of-hours post. */
  practice: string | null;
  kind: 'gp' | 'specialist' | 'locum' | 'out-of-hours';
}

export interface DemoPractice {
  name: string;
  listSizes: { year: number; size: number }[];
}

export const DEMO_GROUP = 'FTO Demo Rivierenland';
export const DEMO_YEARS = { from: 2021, to: 2025 } as const;

const PRACTICE_BASE: [string, number][] = [
  ['Demopraktijk De Linde', 4200],
  ['Demopraktijk Het Anker', 6100],
  ['Demopraktijk De Meander', 3300],
  ['Demopraktijk Zonnehoek', 5200],
  ['Demopraktijk Het Veerhuis', 2600],
];

export const DEMO_PRACTICES: DemoPractice[] = PRACTICE_BASE.map(([name, size], p) => ({
  name,
  listSizes: Array.from({ length: DEMO_YEARS.to - DEMO_YEARS.from + 1 }, (_, k) => ({
    year: DEMO_YEARS.from + k,
    size: size + k * (40 + p * 15),
  })),
}));

const GP_NAMES = [
  'A. Appelboom',
  'B. Beukenhout',
  'C. Kastanjelaar',
  'D. Lindeboom',
  'E. Wilgenroos',
  'F. Merelsloot',
  'G. Vinkenveld',
  'H. Zwaluwstaart',
  'I. Reigersbos',
  'J. Klaprooswijk',
  'K. Korenbloem',
  'L. Distelvink',
  'M. Hazelnoot',
  'N. Vlierbes',
  'O. Bremstruik',
];

/** AGB codes starting with 0, so that spreadsheets that store them as numbers lose the zero. */
const agb = (base: number, k: number) => String(base + k).padStart(8, '0');

export const DEMO_PRESCRIBERS: DemoPrescriber[] = [
  ...GP_NAMES.map((name, k) => ({ name: `dr. ${name}`, agb: agb(1_990_101, k), practice: PRACTICE_BASE[k % 5]![0], kind: 'gp' as const })),
  { name: 'dr. R. Scharnier (orthopedie)', agb: agb(3_990_201, 0), practice: null, kind: 'specialist' },
  { name: 'dr. P. Slaapwel (anesthesiologie)', agb: agb(3_990_201, 1), practice: null, kind: 'specialist' },
  { name: 'dr. O. Groeiman (oncologie)', agb: agb(3_990_201, 2), practice: null, kind: 'specialist' },
  { name: 'dr. C. Rugsteun (pijnpoli)', agb: agb(3_990_201, 3), practice: null, kind: 'specialist' },
  { name: 'waarnemer T. Invaller', agb: null, practice: null, kind: 'locum' },
  { name: 'waarnemer S. Tijdelijk', agb: null, practice: null, kind: 'locum' },
  { name: 'Huisartsenpost Demostad', agb: agb(5_990_301, 0), practice: null, kind: 'out-of-hours' },
];

export const DEMO_PHARMACIES = [
  'Demo-apotheek De Vijzel',
  'Demo-apotheek Het Mortier',
  'Demo-apotheek De Retort',
  'Demo-apotheek Het Spatel',
];

interface Product {
  atc: string;
  product: string;
  formCode: string | null;
  quantity: number[];
  dosing: string[];
}

const SHORT_OXY: Product = {
  atc: 'N02AA05',
  product: 'OXYCODON HCL 5MG CAPSULE',
  formCode: '200',
  quantity: [10, 20, 30],
  dosing: [
    'zo nodig 3 dd 1',
    'z.n. max 4 dd 1',
    '1-2 tablet zo nodig max 4 dd 1',
    'bij pijn 1 capsule, max 6 per dag',
    'om de 4-6 uur 1 capsule',
  ],
};
const SHORT_MORPHINE: Product = {
  atc: 'N02AA01',
  product: 'MORFINE HCL 10MG/ML DRANK',
  formCode: null,
  quantity: [20, 30],
  dosing: ['zo nodig 4 dd 5 mg', '3 x per dag 1 ml', 'zo nodig 1 ml, maximaal 6 maal per dag'],
};
const SHORT_TAPENTADOL: Product = {
  atc: 'N02AX06',
  product: 'TAPENTADOL 50MG TABLET',
  formCode: '100',
  quantity: [20, 30],
  dosing: ['2 dd 1', 'zo nodig 3 dd 1', 'volgens schema'],
};
const LONG_OXY: Product = {
  atc: 'N02AA05',
  product: 'OXYCODON HCL 10MG TABLET MGA',
  formCode: '310',
  quantity: [56, 60],
  dosing: ['2dd1', '2 dd 1 tablet', '2 maal daags 10 mg', "'s ochtends en 's avonds 1 tablet", 'Twee maal daags 1 tablet'],
};
const LONG_OXYNAL: Product = {
  atc: 'N02AA55',
  product: 'OXYCODON/NALOXON 10/5MG TABLET MGA',
  formCode: null,
  quantity: [56, 60],
  dosing: ['2 maal per dag 1', '2 dd 10/5 mg'],
};
const LONG_FENTANYL: Product = {
  atc: 'N02AB03',
  product: 'FENTANYL 25MCG/UUR PLEISTER',
  formCode: '752',
  quantity: [10],
  dosing: ['1 pleister per 3 dagen', 'elke 3 dagen 1', 'Elke 72 uur 1 pleister', 'iedere 72 uur 1 pleister vervangen'],
};
const LONG_BUPRENORPHINE: Product = {
  atc: 'N02AE01',
  product: 'BUPRENORFINE 10MCG/UUR MATRIXPLEISTER',
  formCode: null,
  quantity: [4, 8],
  dosing: ['om de 7 dagen 1', '1 pleister per week', 'elke week 1 pleister'],
};
const LONG_TAPENTADOL: Product = {
  atc: 'N02AX06',
  product: 'TAPENTADOL 50MG TABLET RETARD',
  formCode: null,
  quantity: [56, 60],
  dosing: ['2 keer per dag 1', '1-0-1'],
};
// A higher dose (2 dd 40 mg oxycodone is 120 mg oral morphine a day) and rapid-onset fentanyl, which the module's agreements are about.
const LONG_OXY_HIGH: Product = {
  atc: 'N02AA05',
  product: 'OXYCODON HCL 40MG TABLET MGA',
  formCode: '310',
  quantity: [56, 60],
  dosing: ['2dd1', '2 maal daags 40 mg'],
};
const RAPID_FENTANYL: Product = {
  atc: 'N02AB03',
  product: 'ABSTRAL 100MCG SUBLINGUALE TABLET',
  formCode: null,
  quantity: [10, 30],
  dosing: ['zo nodig 1 tablet, max 4 per dag', 'bij doorbraakpijn 1 tablet'],
};
const WEAK_TRAMADOL: Product = {
  atc: 'N02AX02',
  product: 'TRAMADOL HCL 50MG CAPSULE',
  formCode: '200',
  quantity: [20, 30, 60],
  dosing: ['3 dd 1', 'zo nodig 4 dd 1'],
};
const WEAK_CODEINE: Product = {
  atc: 'R05DA04',
  product: 'CODEINEFOSFAAT 10MG TABLET',
  formCode: '100',
  quantity: [20, 30],
  dosing: ['3 dd 1'],
};
const WEAK_TRAMACET: Product = {
  atc: 'N02AJ13',
  product: 'TRAMADOL/PARACETAMOL 37,5/325MG TABLET',
  formCode: '100',
  quantity: [20, 30],
  dosing: ['zo nodig 3 dd 1-2'],
};
const NOT_OPIOID: Product[] = [
  { atc: 'N02BE01', product: 'PARACETAMOL 500MG TABLET', formCode: '100', quantity: [50, 100], dosing: ['zo nodig 4 dd 2'] },
  { atc: 'N07BC02', product: 'METHADON HCL 5MG TABLET', formCode: '100', quantity: [30], dosing: ['1 dd 1'] },
];

/** Mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

export interface GenerateOptions {
  /** Stop after this many rows (default: the natural size of the demo group, about 16,000). */
  count?: number;
  seed?: number;
  fromYear?: number;
  toYear?: number;
}

/**
 * Dispensings of fictional patients with acute, post-operative, chronic and weak-opioid patterns,
 * plus some rows that are no opioid. Patients keep coming until `count` rows are made.
 */
export function* generateDispensings(options: GenerateOptions = {}): Generator<DispensingRecord> {
  const random = seededRandom(options.seed ?? 20_250_101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const first = dayOf(`${options.fromYear ?? DEMO_YEARS.from}-01-01`);
  const last = dayOf(`${options.toYear ?? DEMO_YEARS.to}-12-31`);
  const limit = options.count ?? Number.POSITIVE_INFINITY;
  const naturalPatients = options.count === undefined ? 5_200 : Number.POSITIVE_INFINITY;

  const gps = DEMO_PRESCRIBERS.filter((p) => p.kind === 'gp');
  const specialists = DEMO_PRESCRIBERS.filter((p) => p.kind === 'specialist');
  const others = DEMO_PRESCRIBERS.filter((p) => p.kind === 'locum' || p.kind === 'out-of-hours');
  const totalSize = PRACTICE_BASE.reduce((sum, [, size]) => sum + size, 0);

  let made = 0;
  for (let patient = 0; patient < naturalPatients && made < limit; patient++) {
    // The patient's practice by list size, own GP within it, and a pharmacy near the practice.
    let draw = random() * totalSize;
    let practiceIndex = 0;
    while (draw >= PRACTICE_BASE[practiceIndex]![1]) draw -= PRACTICE_BASE[practiceIndex++]![1];
    const practice = PRACTICE_BASE[practiceIndex]![0];
    const ownGp = pick(gps.filter((g) => g.practice === practice));
    const pharmacy = random() < 0.8 ? DEMO_PHARMACIES[practiceIndex % 4]! : pick(DEMO_PHARMACIES);
    const patientKey = String(1_000_000 + patient * 7 + between(0, 6));
    // About one in four patients' rows name their own GP, as some pharmacy systems export it.
    const namesGp = random() < 0.25;

    const rows: { day: number; product: Product; prescriber: DemoPrescriber; daysSupply: number | null }[] = [];
    const dispense = (day: number, product: Product, prescriber: DemoPrescriber) => {
      if (day <= last) rows.push({ day, product, prescriber, daysSupply: random() < 0.1 ? between(7, 30) : null });
    };
    const start = between(first, last);
    const profile = random();
    if (profile < 0.42) {
      // Acute pain: one or two short courses from the GP, a locum or the out-of-hours post.
      const prescriber = random() < 0.7 ? ownGp : pick(others);
      const product = random() < 0.04 ? RAPID_FENTANYL : pick([SHORT_OXY, SHORT_OXY, SHORT_MORPHINE, SHORT_TAPENTADOL]);
      dispense(start, product, prescriber);
      if (random() < 0.3) dispense(start + between(5, 20), product, ownGp);
    } else if (profile < 0.6) {
      // After an operation: the specialist starts, the GP sometimes continues for a while.
      const surgeon = pick(specialists);
      dispense(start, SHORT_OXY, surgeon);
      if (random() < 0.35) dispense(start + between(7, 14), SHORT_OXY, ownGp);
      if (random() < 0.15) for (let k = 1; k <= between(2, 5); k++) dispense(start + 14 + k * 28, LONG_OXY, ownGp);
    } else if (profile < 0.72) {
      // Chronic use: months to years of long-acting opioid, sometimes with short-acting rescue doses.
      const product = pick([LONG_OXY, LONG_OXY, LONG_FENTANYL, LONG_OXYNAL, LONG_BUPRENORPHINE, LONG_TAPENTADOL, LONG_OXY_HIGH]);
      const starter = random() < 0.3 ? pick(specialists) : ownGp;
      const courses = between(4, 40);
      let day = start;
      for (let k = 0; k < courses; k++) {
        dispense(day, product, k === 0 ? starter : ownGp);
        if (random() < 0.2) dispense(day, SHORT_OXY, ownGp);
        day += between(24, 35);
      }
    } else if (profile < 0.94) {
      // Weak opioids only: context for the strong-opioid figures.
      const product = pick([WEAK_TRAMADOL, WEAK_TRAMADOL, WEAK_CODEINE, WEAK_TRAMACET]);
      const courses = between(1, 4);
      for (let k = 0; k < courses; k++) dispense(start + k * between(20, 60), product, random() < 0.85 ? ownGp : pick(others));
    } else {
      dispense(start, pick(NOT_OPIOID), ownGp);
    }

    for (const row of rows) {
      const record: DispensingRecord = {
        patientKey,
        dispenseDate: toIso(row.day),
        atc: row.product.atc,
        product: row.product.product,
        prescriberName: row.prescriber.name,
        prescriberAgb: row.prescriber.agb,
        quantity: pick(row.product.quantity),
        daysSupply: row.daysSupply,
        dosing: pick(row.product.dosing),
        ownGp: namesGp ? ownGp.agb : null,
        practice: row.prescriber.practice,
        pharmacy,
        formCode: row.product.formCode,
      };
      yield record;
      if (++made >= limit) return;
      // Now and then the same dispensing twice on one day (spec §7's n = 2).
      if (random() < 0.002) {
        yield { ...record };
        if (++made >= limit) return;
      }
    }
  }
}
