/** Which dispensings count (spec §2) and short- or long-acting by rules 2-3 (spec §3). */

export const STRONG_OPIOIDS: ReadonlySet<string> = new Set([
  'N02AA01', // morfine
  'N02AA03', // hydromorfon
  'N02AA04', // nicomorfine
  'N02AA05', // oxycodon
  'N02AA55', // oxycodon/naloxon
  'N02AB02', // pethidine
  'N02AB03', // fentanyl
  'N02AD01', // pentazocine
  'N02AE01', // buprenorfine
  'N02AF02', // nalbufine
  'N02AX06', // tapentadol
]);

export const WEAK_OPIOIDS: ReadonlySet<string> = new Set([
  'N02AX02', // tramadol
  'N02AJ13', // tramadol/paracetamol
  'N02AJ14', // tramadol/dexketoprofen
  'N02AA08', // dihydrocodeïne
  'N02AA59', // codeïne combinaties
  'N02AJ06', // codeïne/paracetamol
  'R05DA04', // codeïne
]);

export type OpioidClass = 'strong' | 'weak';

/** Upper case without spaces or dots: "n02aa 05" and "N02AA05" are the same code. */
export function normaliseAtc(text: string): string {
  return text.toUpperCase().replace(/[\s.]/g, '');
}

export function opioidClass(atc: string): OpioidClass | null {
  if (STRONG_OPIOIDS.has(atc)) return 'strong';
  if (WEAK_OPIOIDS.has(atc)) return 'weak';
  return null;
}

/** G-Standaard form codes of modified-release oral forms (310, 350, 375, 905) and patches (751, 752). */
export const LONG_ACTING_FORM_CODES: ReadonlySet<number> = new Set([310, 350, 375, 905, 751, 752]);

const LONG_TOKENS = new Set(['mga', 'mva', 'retard', 'pleister', 'matrixpleister', 'tts', 'depot', 'pr', 'sr', 'cr', 'xr', 'er']);
/** Two-word long-acting phrases, by their first word. */
const LONG_PHRASES = new Map([
  ['gereguleerde', 'afgifte'],
  ['verlengde', 'afgifte'],
]);
/** A strength per hour, as patches state it: "25MCG/UUR", "12 µg/u", "50 mcg/h". */
const PER_HOUR = /\/\s*(?:uur|u|h)(?![\p{L}\p{N}])/u;

export interface ActingDecision {
  longActing: boolean;
  rule: 'form' | 'text';
}

/** Rule 2: a G-Standaard code of a modified-release form or a patch; any other value decides nothing. */
export function formCodeSaysLong(formCode: string | null): boolean {
  const code = formCode?.trim() ?? '';
  return /^\d+$/.test(code) && LONG_ACTING_FORM_CODES.has(Number(code));
}

/** Rule 2 (a long-acting form code) and otherwise rule 3 (the product text). */
export function actingByRule(product: string, formCode: string | null): ActingDecision {
  if (formCodeSaysLong(formCode)) return { longActing: true, rule: 'form' };
  return { longActing: longActingByText(product), rule: 'text' };
}

/** For the review list (§3): the form code says long while the product text says short. */
export function formAndTextDisagree(product: string, formCode: string | null): boolean {
  return formCodeSaysLong(formCode) && !longActingByText(product);
}

export function longActingByText(product: string): boolean {
  const lower = product.toLowerCase();
  if (PER_HOUR.test(lower)) return true;
  const tokens = lower.split(/[^\p{L}\p{N}]+/u);
  for (let i = 0; i < tokens.length; i++) {
    if (LONG_TOKENS.has(tokens[i]!)) return true;
    const phraseEnd = LONG_PHRASES.get(tokens[i]!);
    if (phraseEnd !== undefined && phraseEnd === tokens[i + 1]) return true;
  }
  return false;
}
