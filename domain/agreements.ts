// Working agreements: their statuses, kinds and directions, spelled as the database stores them
// (agreement_review.status, agreement.kind), with their Dutch labels.

/** The review statuses, as stored; the newest review's status is the agreement's. */
export const AGREEMENT_STATUSES = ['open', 'done', 'partly', 'not_done', 'dropped'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** One word per status, in the app, the deck, the report, the sheets and the card. */
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  open: 'open',
  done: 'uitgevoerd',
  partly: 'deels uitgevoerd',
  not_done: 'niet uitgevoerd',
  dropped: 'vervallen',
};

/** Where an agreement is carried out, as stored. */
export const AGREEMENT_KINDS = ['praktijk', 'apotheek', 'ziekenhuis', 'regionaal'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** Lower case, as they stand in a sentence ("in de praktijk · wie trekt het: …"); the app's lists capitalise them. */
export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  praktijk: 'in de praktijk',
  apotheek: 'met de apotheek',
  ziekenhuis: 'met het ziekenhuis',
  regionaal: 'regionaal',
};

/** Which way an agreement wants its indicator to move. */
export const DIRECTIONS = ['down', 'up'] as const;
export type Direction = (typeof DIRECTIONS)[number];
