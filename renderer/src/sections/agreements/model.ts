import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  STRONG_INDICATOR_NAMES,
  type AgreementKind,
  type AgreementStatus,
  type StrongIndicatorName as AgreementIndicator,
} from '../../../../domain';
import type { MethodOutput } from '../../api';
import type { Key } from '../../i18n';

export type { AgreementIndicator, AgreementKind, AgreementStatus };
export type Agreement = MethodOutput<'agreements.list'>[number];
export type EvaluatedAgreement = MethodOutput<'agreements.evaluateMany'>[number];
export type Evaluation = NonNullable<EvaluatedAgreement['evaluation']>;
export type Suggestion = MethodOutput<'agreements.suggestions'>[number];

// The lists the contract's enums are made of (domain/: plain data, no zod in the page).
export const statuses = AGREEMENT_STATUSES;
export const kinds = AGREEMENT_KINDS;
/** The strong-opioid indicators an agreement can be linked to. */
export const agreementIndicators = STRONG_INDICATOR_NAMES;

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
