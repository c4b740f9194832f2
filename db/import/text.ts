/**
 * Text exports (.csv, .txt): decoding and a small CSV parser of our own, so that no library guesses
 * types ("01234567" stays text, "1,5" is not split on a comma inside quotes, dates stay as written).
 */
import type { TableRow } from './table';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le';

/** UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Dutch Windows systems write Windows-1252 (ANSI).
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

const DELIMITERS = ['\t', ';', ','] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter that splits the most of the first lines into the same number of fields. Title rows
 * (no delimiters) and decimal commas (varying counts) do not disturb it.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').slice(0, 60);
  let best: { delimiter: Delimiter; score: number; fields: number } = { delimiter: ';', score: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const count = countOutsideQuotes(line, delimiter);
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    for (const [fields, score] of frequency) {
      if (score > best.score || (score === best.score && fields > best.fields)) best = { delimiter, score, fields };
    }
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into rows: quoted fields ("" inside quotes is one quote; delimiters and line
 * breaks inside quotes are kept), LF, CRLF or CR line ends. `row` is the line on which a row starts.
 * `position` reports how far the parser is (0..1), for progress.
 */
export function* parseCsv(text: string, delimiter: Delimiter, position?: { fraction: number }): Generator<TableRow> {
  const delim = delimiter.charCodeAt(0);
  const length = text.length;
  let i = 0;
  let line = 1;
  let rowCount = 0;
  while (i < length) {
    const startLine = line;
    const cells: string[] = [];
    // One row: fields until an unquoted line end or the end of the text.
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) {
            // An unclosed quote takes the rest of the file; the importer then reports the huge cell.
            value += text.slice(from);
            line += countLines(text, from, length);
            i = length;
            break;
          }
          value += text.slice(from, quote);
          line += countLines(text, from, quote);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += '"';
            from = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheet programs do.
        let end = i;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === delim || c === LF || c === CR) break;
          end++;
        }
        cells.push(end > i ? value + text.slice(i, end) : value);
        i = end;
      } else {
        let end = i;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === delim || c === LF || c === CR) break;
          end++;
        }
        cells.push(text.slice(i, end));
        i = end;
      }
      if (i < length && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      break;
    }
    if (i < length) {
      if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else i++;
      line++;
    }
    if (position && (++rowCount & 0x3fff) === 0) position.fraction = i / length;
    yield { row: startLine, cells };
  }
  if (position) position.fraction = 1;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) lines++;
  }
  return lines;
}

/** Windows-1252 bytes 0x80-0x9F; the rest of 0xA0-0xFF equals Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Text -> Windows-1252 bytes (characters it cannot hold become "?"), for export files in that dialect. */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[k] = code;
    else {
      const high = CP1252_HIGH.indexOf(text[k]!);
      bytes[k] = high >= 0 ? 0x80 + high : 0x3f;
    }
  }
  return bytes;
}
