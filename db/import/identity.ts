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

const int64 = new DataView(new ArrayBuffer(8));

/** As a signed 64-bit integer, the form SQLite stores (made in one step: one BigInt, not four). */
export function hashToInt64({ hi, lo }: Hash): bigint {
  int64.setUint32(0, hi);
  int64.setUint32(4, lo);
  return int64.getBigInt64(0);
}

/**
 * hash64 of the fields of IdentityFields other than the patient: `pharmacy` '' when none, `quantity` as
 * identityQuantity writes it. The validator works them out once per distinct text.
 */
export interface IdentityHashes {
  pharmacy: Hash;
  date: Hash;
  atc: Hash;
  product: Hash;
  prescriberKey: Hash;
  quantity: Hash;
}

/** A quantity's text as the identity hashes it. */
export const identityQuantity = (quantity: number | null) => (quantity === null ? '' : String(quantity));

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
 * hashed once per file. n numbers identical rows: `seen` counts them by 53 of the 64 bits, so the second
 * identical row gets n = 2 and so a different identity.
 */
export class IdentityHasher {
  private readonly cache = new Map<string, Hash>();
  private readonly seen = new KeyCounts();
  /** The hash being mixed, kept here so that mixing needs no object or closure per row. */
  private hi = 0;
  private lo = 0;

  private cached(text: string): Hash {
    let hash = this.cache.get(text);
    if (!hash) {
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(text, (hash = hash64(text)));
    }
    return hash;
  }

  private mix(h: Hash): void {
    this.hi = Math.imul(this.hi ^ h.hi, 2654435761) ^ (this.lo >>> 15);
    this.lo = Math.imul(this.lo ^ h.lo, 1597334677) ^ (this.hi >>> 13);
  }

  identity(fields: IdentityFields): bigint {
    return this.identityOf(fields.patientKey, {
      pharmacy: this.cached(fields.pharmacy),
      date: this.cached(fields.date),
      atc: this.cached(fields.atc),
      product: this.cached(fields.product),
      prescriberKey: this.cached(fields.prescriberKey),
      quantity: hash64(identityQuantity(fields.quantity)),
    });
  }

  /** The same, for a caller that has the hashes of the fields that repeat already (validate.ts). */
  identityOf(patientKey: string, hashes: IdentityHashes): bigint {
    ({ hi: this.hi, lo: this.lo } = hashes.pharmacy);
    this.mix(hash64(patientKey));
    this.mix(hashes.date);
    this.mix(hashes.atc);
    this.mix(hashes.product);
    this.mix(hashes.prescriberKey);
    this.mix(hashes.quantity);
    const n = this.seen.add(this.hi, this.lo & 0x1fffff);
    if (n > 1) this.mix(hash64(String(n)));
    return hashToInt64({ hi: this.hi >>> 0, lo: this.lo >>> 0 });
  }
}

/**
 * How often each 53-bit key (`hi` and the low 21 bits of `lo`; which 53 bits decides which rows count as
 * identical, so they never change) was added: open addressing in one typed array, a slot being [hi,
 * lo21, count] (count 0: free). A Map of a million such keys holds a million heap numbers for the
 * garbage collector; here a lookup reads one cache line.
 */
class KeyCounts {
  private slots = new Int32Array(3 << 12);
  private size = 0;

  /** Counts the key (`hi` as a signed 32-bit integer) once more; returns its count. */
  add(hi: number, lo21: number): number {
    if (6 * this.size >= this.slots.length) this.grow();
    const at = this.find(this.slots, hi, lo21);
    if (this.slots[at + 2] === 0) {
      this.slots[at] = hi;
      this.slots[at + 1] = lo21;
      this.size++;
    }
    return ++this.slots[at + 2]!;
  }

  /** Where the key is in `slots`, or the free slot where it goes. */
  private find(slots: Int32Array, hi: number, lo21: number): number {
    const mask = slots.length / 3 - 1;
    let slot = (hi ^ Math.imul(lo21, 0x9e3779b1)) & mask;
    while (slots[3 * slot + 2] !== 0 && (slots[3 * slot] !== hi || slots[3 * slot + 1] !== lo21)) slot = (slot + 1) & mask;
    return 3 * slot;
  }

  private grow(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2));
    for (let from = 0; from < old.length; from += 3) {
      if (old[from + 2] === 0) continue;
      const to = this.find(slots, old[from]!, old[from + 1]!);
      slots[to] = old[from]!;
      slots[to + 1] = old[from + 1]!;
      slots[to + 2] = old[from + 2]!;
    }
  }
}
