/** The synthetic world of the regional summary tests (core and CLI). */
import { world, type World } from './fixtures';

/** Names that must never leave the group: patient keys, prescriber keys and names, practice names. */
export const SECRET = ['P-LIN-', 'P-ANK-', '11111111', '22222222', 'Albers', 'Bosman', 'Pijnpoli', 'De Linde', 'Het Anker', 'Zonnehof'];

/** A core on a new SQLite file holding the world below. */
export function regionalWorld() {
  const made = world();
  fillRegional(made.world);
  return made;
}

/** Two groups, three practices, a specialist; small and large counts side by side (all synthetic). */
export function fillRegional(w: World): void {
  w.practice('De Linde', 'FTO Noord', { 2024: 1000 });
  w.practice('Het Anker', 'FTO Noord');
  w.practice('Zonnehof', 'FTO Zuid');
  w.prescriber('11111111', 'De Linde', 'Dr. Albers');
  w.prescriber('22222222', 'Het Anker', 'Dr. Bosman');
  w.dispense(
    // De Linde: 12 short-acting dispensings to 3 patients.
    ...Array.from({ length: 12 }, (_, i) => ({
      patient: `P-LIN-${i % 3}`,
      date: `2024-0${1 + Math.floor(i / 3)}-1${i % 3}`,
      prescriber: '11111111',
    })),
    // Het Anker: 10 patients who each start on one long-acting dispensing.
    ...Array.from({ length: 10 }, (_, i) => ({ patient: `P-ANK-${i}`, date: '2024-06-01', prescriber: '22222222', long: true })),
    // A specialist outside any practice: one dispensing, the `other` row.
    { patient: 'P-LIN-0', date: '2024-11-01', prescriber: 'Pijnpoli Oost' },
  );
}
