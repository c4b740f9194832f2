import type { z } from 'zod';
import type { dosingContract, dosingEntry, unreadDosing } from '../contract/dosing';
import type { CoreContext, Handlers } from '../handler';
import { normaliseDosing } from '../dosing';
import { AppError } from '../errors';
import { loadDoseTables, productDose, recomputeDispensings, textUnits } from '../import/dose';
import type { Db } from '../open';
import { needsStrength, productRows, requireProduct } from './products';
import { queryAll, queryOne } from '../query';

type Entry = z.infer<typeof dosingEntry>;

/** The stored dosing texts (as written) grouped by their normalised text, the key of the user's table (spec §4.4). */
function textsByKey(db: Db): Map<string, { texts: string[]; example: string; dispensings: number }> {
  const rows = queryAll<{ dosing: string; n: number }>(
    db,
    "SELECT dosing, count(*) AS n FROM dispensing WHERE dosing IS NOT NULL AND trim(dosing) <> '' GROUP BY dosing ORDER BY n DESC, dosing",
  );
  const byKey = new Map<string, { texts: string[]; example: string; dispensings: number }>();
  for (const { dosing, n } of rows) {
    const key = normaliseDosing(dosing);
    const entry = byKey.get(key) ?? { texts: [], example: dosing, dispensings: 0 };
    entry.texts.push(dosing);
    entry.dispensings += n;
    byKey.set(key, entry);
  }
  return byKey;
}

function listEntries(db: Db, only: string | null = null): Entry[] {
  const byKey = textsByKey(db);
  const rows = queryAll<{
    text: string;
    units_num: number;
    units_den: number;
    updated_at: string;
  }>(db, 'SELECT text, units_num, units_den, updated_at FROM dosing_units WHERE ? IS NULL OR text = ? ORDER BY text', only, only);
  return rows.map((row) => ({
    text: row.text,
    units: { num: row.units_num, den: row.units_den },
    example: byKey.get(row.text)?.example ?? null,
    dispensings: byKey.get(row.text)?.dispensings ?? 0,
    updatedAt: row.updated_at,
  }));
}

/** Recomputes every dispensing whose dosing text has this normalised form, in the caller's transaction. */
function recomputeText(db: Db, key: string) {
  const texts = textsByKey(db).get(key)?.texts ?? [];
  return texts.length === 0 ? { dispensings: 0, changedDaysOfUse: 0 } : recomputeDispensings(db, loadDoseTables(db), { dosings: texts });
}

/** Dosing texts the grammar could not read (with the product's strength and the user's table), most dispensings first. */
function unread(db: Db): z.infer<typeof unreadDosing>[] {
  const tables = loadDoseTables(db);
  const rows = queryAll<{ dosing: string; product: string; n: number; guessed: number }>(
    db,
    `SELECT d.dosing, p.product, count(*) AS n, sum(d.days_supply IS NULL) AS guessed FROM dispensing d JOIN dispensed_product p ON p.id = d.product_id
       WHERE d.dosing IS NOT NULL AND trim(d.dosing) <> '' GROUP BY d.dosing, p.product`,
  );
  const byKey = new Map<string, { examples: Map<string, number>; dispensings: number; guessed: number }>();
  for (const row of rows) {
    const { strength } = productDose(row.product, tables);
    if (textUnits(row.dosing, strength, tables) !== null) continue;
    // A dose in mg/µg for a product without a strength is the product's problem (listed there), not the text's.
    if (strength === null && needsStrength(row.dosing)) continue;
    const key = normaliseDosing(row.dosing);
    if (key === '') continue;
    const entry = byKey.get(key) ?? { examples: new Map<string, number>(), dispensings: 0, guessed: 0 };
    entry.examples.set(row.dosing, (entry.examples.get(row.dosing) ?? 0) + row.n);
    entry.dispensings += row.n;
    entry.guessed += row.guessed;
    byKey.set(key, entry);
  }
  return [...byKey]
    .map(([text, entry]) => ({
      text,
      example: [...entry.examples].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      dispensings: entry.dispensings,
      guessed: entry.guessed,
    }))
    .sort((a, b) => b.dispensings - a.dispensings || (a.text < b.text ? -1 : 1));
}

/** Gegevens → Doseringen and a product's strength and route (spec §4.3, §4.4, §9). */
export function dosingHandlers({ db }: CoreContext): Handlers<keyof typeof dosingContract> {
  return {
    'dosing.unread': () => unread(db),
    'dosing.list': () => listEntries(db),
    'dosing.set': ({ text, units }) => {
      const key = normaliseDosing(text);
      if (key === '') throw new AppError('validation', 'Deze doseringstekst is leeg; kies een tekst met inhoud.', 'text');
      return db.transaction(() => {
        db.prepare(
          `INSERT INTO dosing_units (text, units_num, units_den) VALUES (?, ?, ?)
           ON CONFLICT (text) DO UPDATE SET units_num = excluded.units_num, units_den = excluded.units_den, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
        ).run(key, units.num, units.den);
        const counts = recomputeText(db, key);
        return { entry: listEntries(db, key)[0]!, ...counts };
      })();
    },
    'dosing.remove': ({ text }) => {
      const key = normaliseDosing(text);
      return db.transaction(() => {
        if (db.prepare('DELETE FROM dosing_units WHERE text = ?').run(key).changes === 0) {
          throw new AppError('not_found', `"${text}" staat niet in uw tabel met doseringen.`, 'text');
        }
        return recomputeText(db, key);
      })();
    },
    'products.setDose': ({ product, strength, route }) => {
      requireProduct(db, product);
      return db.transaction(() => {
        const current = queryOne<{
          strength_num: number | null;
          strength_den: number | null;
          strength_unit: string | null;
          route: string | null;
        }>(db, 'SELECT strength_num, strength_den, strength_unit, route FROM product_dose WHERE product = ?', product);
        const next = {
          num: strength === undefined ? (current?.strength_num ?? null) : (strength?.value.num ?? null),
          den: strength === undefined ? (current?.strength_den ?? null) : (strength?.value.den ?? null),
          unit: strength === undefined ? (current?.strength_unit ?? null) : (strength?.unit ?? null),
          route: route === undefined ? (current?.route ?? null) : route,
        };
        if (next.num === null && next.route === null) db.prepare('DELETE FROM product_dose WHERE product = ?').run(product);
        else {
          db.prepare(
            `INSERT INTO product_dose (product, strength_num, strength_den, strength_unit, route) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (product) DO UPDATE SET strength_num = excluded.strength_num, strength_den = excluded.strength_den,
               strength_unit = excluded.strength_unit, route = excluded.route, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
          ).run(product, next.num, next.den, next.unit, next.route);
        }
        const tables = loadDoseTables(db);
        const counts = recomputeDispensings(db, tables, { products: [product] });
        return { product: productRows(db, product, tables)[0]!, ...counts };
      })();
    },
  };
}
