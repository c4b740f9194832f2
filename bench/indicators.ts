// Time to compute every indicator at every level for one year over 10k, 100k and 1M dispensings.
// The rows go straight into a temporary database (no import), spread over the year and the year
// before it, so that the whole window the calculation reads is filled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { doseClass } from '../db/import/dose';
import { patientNumbers, productNumbers } from '../db/import/numbers';
import { computeIndicators } from '../db/indicators/compute';
import { openDatabase, type Db } from '../db/open';
import { peakMemoryMb, type Bench, type BenchFigure } from './report';

const SIZES = [10_000, 100_000, 1_000_000];
const TARGET_MS_1M = 1500;

/** A small deterministic generator (mulberry32), so that every run measures the same data. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fillDatabase(db: Db, dispensings: number): void {
  const rnd = random(dispensings);
  const pick = (n: number) => Math.floor(rnd() * n);
  db.transaction(() => {
    const groups = [1, 2].map((g) => Number(db.prepare('INSERT INTO fto_group (name) VALUES (?)').run(`Bench-groep ${g}`).lastInsertRowid));
    const practices = Array.from({ length: 12 }, (_, p) => {
      const id = Number(
        db.prepare('INSERT INTO practice (group_id, name) VALUES (?, ?)').run(groups[p % 2], `Bench-praktijk ${p + 1}`).lastInsertRowid,
      );
      db.prepare('INSERT INTO practice_list_size (practice_id, year, size) VALUES (?, 2024, ?)').run(id, 3000 + p * 250);
      return id;
    });
    const insertPrescriber = db.prepare('INSERT INTO prescriber (key, name, agb, practice_id, practice_source) VALUES (?, ?, ?, ?, ?)');
    const prescribers = Array.from({ length: 80 }, (_, i) => {
      const agb = String(10_000_000 + i);
      const practice = i < 48 ? practices[i % practices.length]! : null; // the rest: specialists, locums, out-of-hours
      return {
        key: agb,
        id: Number(insertPrescriber.run(agb, `Voorschrijver ${i + 1}`, agb, practice, practice ? 'manual' : null).lastInsertRowid),
      };
    });
    const batch = Number(
      db
        .prepare(
          `INSERT INTO import_batch (file_name, file_sha256, mapping, read_rows, imported_rows, already_present_rows, not_opioid_rows, rejected_rows, empty_rows)
           VALUES ('bench.csv', 'bench', '{}', ?, ?, 0, 0, 0, 0)`,
        )
        .run(dispensings, dispensings).lastInsertRowid,
    );
    const patientId = patientNumbers(db);
    const productId = productNumbers(db);
    const insert = db.prepare(
      `INSERT INTO dispensing (batch_id, identity, patient_id, dispense_date, product_id, prescriber_id, days_of_use, own_gp_key, days_source, route,
                               daily_ome, dose_class)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const start = Date.UTC(2023, 0, 1);
    const patients = Math.max(10, Math.floor(dispensings / 8));
    for (let i = 0; i < dispensings; i++) {
      const patient = pick(patients);
      const prescriber = prescribers[pick(rnd() < 0.7 ? 48 : 80)]!;
      const strong = rnd() < 0.6;
      const long = rnd() < 0.4;
      const date = new Date(start + pick(731) * 86_400_000).toISOString().slice(0, 10);
      const atc = strong ? ['N02AA05', 'N02AA05', 'N02AA01', 'N02AA55', 'N02AB03'][pick(5)]! : 'N02AX02';
      const daysSource = (1 + pick(3)) as 1 | 2 | 3;
      const route = rnd() < 0.05 ? 'transmucosal' : 'oral';
      insert.run(
        batch,
        i + 1,
        patientId(`P${patient}`),
        date,
        productId({
          atc,
          product: long ? 'OXYCODON 10MG TABLET MGA' : 'OXYCODON 5MG CAPSULE',
          formCode: null,
          opioidClass: strong ? 'strong' : 'weak',
          longActing: long ? 1 : 0,
          actingRule: 'text',
        }),
        prescriber.id,
        [7, 14, 28, 30, 90][pick(5)],
        // Most exports that name the patient's own GP name the same one on every row of that patient.
        patient % 10 < 7 ? prescribers[patient % 48]!.key : null,
        daysSource,
        route,
        // Spec §9: most dispensings have a daily OME, some none.
        rnd() < 0.85 ? [15, 30, 45, 60, 90, 120, 180][pick(7)]! : null,
        doseClass(atc, route, daysSource),
      );
    }
  })();
}

const bench: Bench = async () => {
  const figures: BenchFigure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fto-bench-indicators-'));
  try {
    for (const size of SIZES) {
      const file = path.join(dir, `bench-${size}.sqlite`);
      const filling = openDatabase(file);
      fillDatabase(filling, size);
      filling.close(); // as when the app is opened on an existing database: everything checkpointed into the file
      const db = openDatabase(file);
      computeIndicators(db, { year: 2024 }); // warm-up: page cache and JIT, as in an app that has been used
      const runs: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        computeIndicators(db, { year: 2024 });
        runs.push(performance.now() - started);
      }
      db.close();
      const ms = runs.sort((a, b) => a - b)[1]!; // the median of three
      const label = size.toLocaleString('nl-NL');
      figures.push({
        name: `Alle indicatoren, alle niveaus, één jaar, ${label} uitgiften`,
        value: Math.round(ms),
        unit: 'ms',
        ...(size === 1_000_000 ? { target: `≤ ${TARGET_MS_1M / 1000} s`, met: ms <= TARGET_MS_1M } : {}),
      });
    }
    figures.push({
      name: 'Piekgeheugen na de indicatorbenchmark',
      value: peakMemoryMb(),
      unit: 'MB',
      target: '< 700 MB',
      met: peakMemoryMb() < 700,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
};

export default bench;
