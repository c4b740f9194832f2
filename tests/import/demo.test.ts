import { describe, expect, it } from 'vitest';
import { DEMO_PHARMACIES, DEMO_PRACTICES, generateDispensings } from '../../db/demo/generate';
import { expectOk, tempCore } from '../helpers/temp';

describe('demo data', () => {
  it('the generator is deterministic and scales to any number of rows', () => {
    const a = [...generateDispensings({ count: 2000, seed: 5 })];
    expect([...generateDispensings({ count: 2000, seed: 5 })]).toEqual(a);
    expect([...generateDispensings({ count: 2000, seed: 6 })]).not.toEqual(a);
    expect([...generateDispensings({ count: 50_000 })]).toHaveLength(50_000);
    const kinds = new Set(a.map((r) => r.atc));
    for (const atc of ['N02AA05', 'N02AB03', 'N02AX02', 'N02BE01']) expect(kinds).toContain(atc);
  });

  it('demo.load fills an empty database through the real importer', async () => {
    const { core } = tempCore();
    expect(expectOk(await core.call('database.info', {})).isEmpty).toBe(true);
    const result = expectOk(await core.call('demo.load', {}));
    expect(result.files.map((f) => f.file)).toEqual([
      'vijzel-uitgiften.csv',
      'mortier-export.csv',
      'retort-uitgiften.xlsx',
      'spatel-uitgiften.txt',
    ]);
    for (const file of result.files) {
      expect(file.imported).toBeGreaterThan(1000);
      expect(file.read).toBe(file.imported + file.alreadyPresent + file.notOpioid + file.rejected + file.empty);
      expect(file.rejectedRows.every((r) => r.reason === 'Dit is een totaalregel, geen uitgifte.')).toBe(true);
    }
    expect(expectOk(await core.call('database.info', {})).isEmpty).toBe(false);
    const practices = expectOk(await core.call('practices.list', {}));
    expect(practices.map((p) => p.name).sort()).toEqual(DEMO_PRACTICES.map((p) => p.name).sort());
    expect(practices.every((p) => p.listSizes.length === 5 && p.prescriberCount === 3)).toBe(true);
    expect(
      expectOk(await core.call('pharmacies.list', {}))
        .map((p) => p.name)
        .sort(),
    ).toEqual([...DEMO_PHARMACIES].sort());
    const unassigned = expectOk(await core.call('prescribers.list', {})).filter((p) => p.practiceId === null);
    expect(unassigned.map((p) => p.name).sort()).toEqual([
      'Huisartsenpost Demostad',
      'dr. C. Rugsteun (pijnpoli)',
      'dr. O. Groeiman (oncologie)',
      'dr. P. Slaapwel (anesthesiologie)',
      'dr. R. Scharnier (orthopedie)',
      'waarnemer S. Tijdelijk',
      'waarnemer T. Invaller',
    ]);
    expect(await core.call('demo.load', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
