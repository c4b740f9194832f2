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

export interface IdentityFields {
  pharmacy: string;
  patientKey: string;
  date: string;
  atc: string;
  product: string;
  prescriberKey: string;
  quantity: number | null;
}

/**
 * Spec §7's identity with n, for the rows of one file. Each field is hashed on its own and the field
 * hashes are mixed in order; fields that repeat a lot (pharmacy, date, ATC, product, prescriber) are
 * hashed once per file. n numbers identical rows: `seen` counts them, so the second identical row
 * gets n = 2 and so a different identity.
 */
export class IdentityHasher {
  private readonly cache = new Map<string, Hash>();
  private readonly seen = new Map<number, number>();

  private cached(text: string): Hash {
    let hash = this.cache.get(text);
    if (!hash) {
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(text, (hash = hash64(text)));
    }
    return hash;
  }

  identity(fields: IdentityFields): bigint {
    // Mixed inline (no closure per row: a million of them cost more than the hashing).
    let { hi, lo } = this.cached(fields.pharmacy);
    for (const h of [
      hash64(fields.patientKey),
      this.cached(fields.date),
      this.cached(fields.atc),
      this.cached(fields.product),
      this.cached(fields.prescriberKey),
      hash64(fields.quantity === null ? '' : String(fields.quantity)),
    ]) {
      hi = Math.imul(hi ^ h.hi, 2654435761) ^ (lo >>> 15);
      lo = Math.imul(lo ^ h.lo, 1597334677) ^ (hi >>> 13);
    }
    const key = hashToKey({ hi: hi >>> 0, lo: lo >>> 0 });
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    if (n > 1) {
      const h = hash64(String(n));
      hi = Math.imul(hi ^ h.hi, 2654435761) ^ (lo >>> 15);
      lo = Math.imul(lo ^ h.lo, 1597334677) ^ (hi >>> 13);
    }
    return hashToInt64({ hi: hi >>> 0, lo: lo >>> 0 });
  }
}
