/**
 * The identity hash decides what counts as "already present" (spec §7), so it must neither collide on
 * realistic exports nor change between versions: a changed hash would import every stored dispensing
 * a second time on the next overlapping export.
 */
import { describe, expect, it } from 'vitest';
import { hash64, hashToInt64, IdentityHasher } from '../../db/import/identity';

describe('identity hash', () => {
  it('gives the same values as in every earlier version (stored databases depend on them)', () => {
    expect(hashToInt64(hash64(''))).toBe(1940644084440620216n);
    expect(hashToInt64(hash64('N02AA05'))).toBe(1222256428352809241n);
    const hasher = new IdentityHasher();
    const row = {
      pharmacy: 'Apotheek De Brug',
      patientKey: 'P000123',
      date: '2024-03-01',
      atc: 'N02AA05',
      product: 'OXYCODON HCL 10MG TABLET MGA',
      prescriberKey: '01234567',
      quantity: 56,
    };
    expect(hasher.identity(row)).toBe(-3960541746211462569n);
    // The second identical row in one file is n = 2: another identity, stable too.
    expect(hasher.identity(row)).toBe(2646604326616683413n);
  });

  it('has no collisions over three million identities shaped like real exports', () => {
    const hasher = new IdentityHasher();
    const seen = new Set<bigint>();
    const products = [
      'OXYCODON HCL 10MG TABLET MGA',
      'OXYCODON HCL 5MG CAPSULE',
      'MORFINE HCL 10MG TABLET',
      'FENTANYL 25UG/UUR PLEISTER',
      'TRAMADOL HCL 50MG CAPSULE',
    ];
    const atcs = ['N02AA05', 'N02AA05', 'N02AA01', 'N02AB03', 'N02AX02'];
    let n = 0;
    // Near neighbours on purpose: consecutive patient keys, adjacent dates and quantities, two pharmacies.
    for (let patient = 0; patient < 15_000; patient++) {
      for (let k = 0; k < 200; k++) {
        const product = k % products.length;
        seen.add(
          hasher.identity({
            pharmacy: patient % 2 ? 'Apotheek Noord' : 'Apotheek Zuid',
            patientKey: `P${String(patient).padStart(7, '0')}`,
            date: `20${20 + (k % 6)}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`,
            atc: atcs[product]!,
            product: products[product]!,
            prescriberKey: String(10_000_000 + (k % 37)).padStart(8, '0'),
            quantity: 10 + (k % 90),
          }),
        );
        n++;
      }
    }
    expect(seen.size).toBe(n);
  });
});
