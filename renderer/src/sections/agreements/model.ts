import type { AgreementIndicator, AgreementKind, AgreementStatus } from '../../../../db/contract/agreements';
import { STRONG_INDICATOR_NAMES } from '../../../../slides/data';
import type { MethodOutput } from '../../api';
import type { Key } from '../../i18n';

export type { AgreementIndicator, AgreementKind, AgreementStatus };
export type Agreement = MethodOutput<'agreements.list'>[number];
export type EvaluatedAgreement = MethodOutput<'agreements.evaluateMany'>[number];
export type Evaluation = NonNullable<EvaluatedAgreement['evaluation']>;
export type Suggestion = MethodOutput<'agreements.suggestions'>[number];

// Mirrors of the contract's lists (the contract itself would bundle zod into the page); the compiler checks them.
export const statuses = ['open', 'done', 'partly', 'not_done', 'dropped'] as const satisfies readonly AgreementStatus[];
export const kinds = ['praktijk', 'apotheek', 'ziekenhuis', 'regionaal'] as const satisfies readonly AgreementKind[];
/** The strong-opioid indicators an agreement can be linked to (plain data, no zod). */
export const agreementIndicators = STRONG_INDICATOR_NAMES;
type MustBeNever<T extends never> = T;
export type UnlistedStatuses = MustBeNever<Exclude<AgreementStatus, (typeof statuses)[number]>>;
export type UnlistedKinds = MustBeNever<Exclude<AgreementKind, (typeof kinds)[number]>>;

/** "Te evalueren" looks this far ahead. */
export const DUE_WITHIN_DAYS = 60;

export const statusKey = (status: AgreementStatus) => `agreement.status.${status}` as Key;
export const kindKey = (kind: AgreementKind) => `agreement.kind.${kind}` as Key;

/** Who an agreement is for, as one select value: a practice, a pharmacy or the whole group. */
export type Scope = { practiceId: number | null; pharmacyId: number | null };

export function scopeValue(scope: Scope): string {
  if (scope.practiceId !== null) return `practice:${scope.practiceId}`;
  if (scope.pharmacyId !== null) return `pharmacy:${scope.pharmacyId}`;
  return 'group';
}

export function scopeFromValue(value: string): Scope {
  const [kind, id] = value.split(':');
  return { practiceId: kind === 'practice' ? Number(id) : null, pharmacyId: kind === 'pharmacy' ? Number(id) : null };
}
