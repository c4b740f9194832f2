// Who attends an FTO meeting, as stored (attendee.role and the register), with the Dutch label.

export const PERSON_ROLES = ['huisarts', 'apotheker', 'poh', 'aios', 'anders'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  huisarts: 'Huisarts',
  apotheker: 'Apotheker',
  poh: 'POH',
  aios: 'AIOS',
  anders: 'Anders',
};

/** Spec §5: the AGB code when known, otherwise the name trimmed with runs of spaces made one. */
export function prescriberKey(name: string, agb: string | null): string {
  return agb ?? name.trim().replace(/\s+/g, ' ');
}
