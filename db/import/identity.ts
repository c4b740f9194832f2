/**
 * The identity of a dispensing (spec §7) as a 64-bit hash, stored in dispensing.identity (UNIQUE).
 * Two 32-bit lanes mixed into each other: fast enough for a million rows a second. With 64 bits the
 * chance that any two of a million different dispensings collide is about n^2 / 2^65, i.e. 3 in 10^8.
 */

export interface Hash {
  hi: number;
  lo: number;
}

export function hash64(text: string): Hash {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { hi: h1 >>> 0, lo: h2 >>> 0 };
}

/** As a signed 64-bit integer, the form SQLite stores. */
export function hashToInt64({ hi, lo }: Hash): bigint {
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

/** 53 of the 64 bits as a plain number: a cheap Map key. */
export function hashToKey({ hi, lo }: Hash): number {
  return hi * 0x200000 + (lo & 0x1fffff);
}

/** The fields of spec §7 except n, joined by a separator that never occurs in exports. */
export function identityText(fields: {
  pharmacy: string;
  patientKey: string;
  date: string;
  atc: string;
  product: string;
  prescriberKey: string;
  quantity: number | null;
}): string {
  return [fields.pharmacy, fields.patientKey, fields.date, fields.atc, fields.product, fields.prescriberKey, fields.quantity ?? ''].join('\u001f');
}

/**
 * Spec §7's identity with n: n numbers identical rows within one file. `seen` counts the rows of
 * this file per identity, so the second identical row gets n = 2 and a different hash.
 */
export function identityWithN(text: string, seen: Map<number, number>): bigint {
  const base = hash64(text);
  const key = hashToKey(base);
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return hashToInt64(n === 1 ? base : hash64(`${text}\u001f${n}`));
}
