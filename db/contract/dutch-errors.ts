/**
 * zod's messages in plain Dutch, for every schema of the contract: most fields carry their own
 * message, and this covers the rest (a wrong type, a missing field, an unknown option), so that no
 * English default reaches the user through any door.
 */
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'ja of nee',
  array: 'een lijst',
  object: 'een groep velden',
  date: 'een datum',
  bigint: 'een getal',
};

const count = (n: number | bigint) => Number(n).toLocaleString('nl-NL');

export function dutchError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Dit veld ontbreekt; vul het in.';
      return `Hier hoort ${TYPE_NAMES[issue.expected] ?? 'een andere waarde'}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'Vul dit veld in.' : `Vul minstens ${count(issue.minimum)} tekens in.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Kies er minstens ${count(issue.minimum)}.`;
      return issue.inclusive
        ? `De waarde moet minstens ${count(issue.minimum)} zijn.`
        : `De waarde moet groter zijn dan ${count(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Dit mag hoogstens ${count(issue.maximum)} tekens lang zijn.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Kies er hoogstens ${count(issue.maximum)}.`;
      return issue.inclusive
        ? `De waarde mag hoogstens ${count(issue.maximum)} zijn.`
        : `De waarde moet kleiner zijn dan ${count(issue.maximum)}.`;
    case 'invalid_value':
      return `Kies een van: ${issue.values.map((v: unknown) => String(v)).join(', ')}.`;
    case 'invalid_format':
      return 'Dit heeft niet de juiste vorm.';
    case 'not_multiple_of':
      return `De waarde moet een veelvoud van ${String(issue.divisor)} zijn.`;
    case 'unrecognized_keys':
      return `Onbekend veld: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'Deze waarde is niet geldig.';
    default:
      return 'Ongeldige invoer.';
  }
}

z.config({ customError: dutchError });
