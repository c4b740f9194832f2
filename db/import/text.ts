/**
 * Text exports (.csv, .txt): decoding and a small CSV parser of our own, so that no library guesses
 * types ("01234567" stays text, "1,5" is not split on a comma inside quotes, dates stay as written).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { AppError } from '../errors';
import type { TableRow } from './table';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le';

/** The encoding a byte order mark names, and the mark's length; null without one (the text decides, see firstCharacterEncoding). */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName | null; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  return { encoding: null, bom: 0 };
}

/**
 * Without a byte order mark the first character beyond ASCII decides: UTF-8 when it is valid UTF-8,
 * otherwise Windows-1252 (ANSI, what Dutch Windows systems write). Up to there both read the same, so
 * a file is decoded as it is read, without reading it all first. Null while `bytes` hold no such
 * character whole (`complete`: no bytes follow, so a cut-off character is no UTF-8).
 */
export function firstCharacterEncoding(bytes: Uint8Array, complete: boolean): TextEncodingName | null {
  const at = firstBeyondAscii(bytes);
  if (at < 0) return null;
  const lead = bytes[at]!;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0) return 'windows-1252';
  if (at + length > bytes.length) return complete ? 'windows-1252' : null;
  return isUtf8(bytes.subarray(at, at + length)) ? 'utf-8' : 'windows-1252';
}

function firstBeyondAscii(bytes: Uint8Array): number {
  if (isAscii(bytes)) return -1;
  return bytes.findIndex((byte) => byte >= 0x80);
}

/** The bytes in pieces: of a buffer, or read from a file one piece at a time. */
export type ByteSource = { bytes: Uint8Array } | { path: string; size: number };

export function* byteChunks(source: ByteSource, from = 0, size = 4 << 20): Generator<Uint8Array> {
  if ('bytes' in source) {
    for (let offset = from; offset < source.bytes.length; offset += size) yield source.bytes.subarray(offset, offset + size);
    return;
  }
  const fd = fs.openSync(source.path, 'r');
  try {
    for (let offset = from; offset < source.size;) {
      const buffer = Buffer.allocUnsafe(Math.min(size, source.size - offset));
      const n = fs.readSync(fd, buffer, 0, buffer.length, offset);
      if (n <= 0) return;
      offset += n;
      yield buffer.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Where the last UTF-8 character of `bytes` that is all there ends: before a lead byte that misses bytes. */
function wholeCharactersEnd(bytes: Uint8Array): number {
  for (let k = bytes.length - 1; k >= 0 && k >= bytes.length - 4; k--) {
    const byte = bytes[k]!;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return bytes.length - k < length ? k : bytes.length;
    }
  }
  return bytes.length;
}

/**
 * The text in pieces of about 4 MB: a large file never becomes one huge string (a single "ë" makes
 * V8 store a whole string at two bytes per character).
 */
export function* decodeChunks(
  source: ByteSource,
  /** Null: decided by the first character beyond ASCII (firstCharacterEncoding). */
  encoding: TextEncodingName | null,
  bom: number,
  position?: { fraction: number },
  size?: number,
): Generator<string> {
  let decided = encoding;
  let decoder = new TextDecoder(decided ?? 'utf-8');
  const total = 'bytes' in source ? source.bytes.length : source.size;
  let done = bom;
  // UTF-8 is decoded piece by piece in one go, up to the piece's last whole character (the bytes of a
  // character cut off go with the next piece): Node's one-shot decoding is several times faster than a
  // streaming decoder, which never takes that path. Undecided, the bytes from a cut-off first
  // character beyond ASCII wait the same way.
  let cutOff: Uint8Array = new Uint8Array(0);
  // Windows-1252 exports are mostly plain ASCII: such a piece is decoded as UTF-8, one-shot too.
  const ascii = new TextDecoder('utf-8');
  for (const chunk of byteChunks(source, bom, size)) {
    done += chunk.length;
    let piece = cutOff.length === 0 ? chunk : Buffer.concat([cutOff, chunk]);
    cutOff = new Uint8Array(0);
    if (decided === null) {
      decided = firstCharacterEncoding(piece, done >= total);
      if (decided === null) {
        // Plain ASCII so far, perhaps up to a character the next piece completes.
        const at = firstBeyondAscii(piece);
        cutOff = at < 0 ? cutOff : piece.slice(at);
        yield ascii.decode(at < 0 ? piece : piece.subarray(0, at));
        if (position) position.fraction = done / total;
        continue;
      }
      decoder = new TextDecoder(decided);
    }
    if (decided === 'utf-8') {
      const end = done < total ? wholeCharactersEnd(piece) : piece.length;
      cutOff = piece.subarray(end);
      piece = piece.subarray(0, end);
      yield decoder.decode(piece);
    } else if (decided === 'windows-1252' && isAscii(piece)) {
      yield ascii.decode(piece); // one byte per character: the streaming decoder holds nothing between pieces
    } else {
      const text = decoder.decode(piece, { stream: done < total });
      yield decided === 'windows-1252' ? fixWindows1252(text) : text;
    }
    if (position) position.fraction = done / total;
  }
}

const C1_CONTROLS = /[\u0080-\u009f]/g;
/** Node decodes "windows-1252" as Latin-1, so bytes 0x80-0x9F (€, ‘, ’, …) come out as control characters. */
export function fixWindows1252(text: string): string {
  C1_CONTROLS.lastIndex = 0;
  return C1_CONTROLS.test(text) ? text.replace(C1_CONTROLS, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

const DELIMITERS = ['\t', ';', ','] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter that splits the most of the first lines into the same number of fields. Title rows
 * (no delimiters) and decimal commas (varying counts) do not disturb it.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 60);
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

/** A real export has a few dozen columns of short values; a wider or longer row is no export. */
export const MAX_ROW_CELLS = 1_000;
export const MAX_ROW_CHARS = 2_000_000;

/**
 * Splits CSV text, given in pieces, into rows: quoted fields ("" inside quotes is one quote;
 * delimiters and line breaks inside quotes are kept), LF, CRLF or CR line ends. `row` is the line on
 * which a row starts. A row cut off by the end of a piece is finished with the next piece. A row of
 * more than MAX_ROW_CELLS cells or MAX_ROW_CHARS characters stops the reading with a Dutch error,
 * before it can fill the memory.
 */
export function* parseCsv(pieces: Iterable<string>, delimiter: Delimiter, name = 'het bestand'): Generator<TableRow> {
  let carry = '';
  let line = 1;
  const limits = { name, line: () => line };
  const iterator = pieces[Symbol.iterator]();
  for (let piece = iterator.next(); ;) {
    const next = piece.done ? piece : iterator.next();
    const final = piece.done || next.done === true;
    let text = piece.done ? carry : piece.value;
    let i = 0;
    if (!piece.done && carry !== '') {
      // The row the last piece cut off is finished on a short joined string, so that the long piece stays
      // a flat string (a joined one is slower to read, character by character); a longer row joins all.
      const head = carry + text.slice(0, JOIN_CHARS);
      const parsed = parseRow(head, 0, delimiter.charCodeAt(0), final && text.length <= JOIN_CHARS, limits);
      if (parsed) {
        yield { row: line, cells: parsed.cells };
        line += parsed.lines;
        i = parsed.next - carry.length;
      } else text = carry + text;
    }
    while (i < text.length) {
      const parsed = parseRow(text, i, delimiter.charCodeAt(0), final, limits);
      if (!parsed) break;
      yield { row: line, cells: parsed.cells };
      line += parsed.lines;
      i = parsed.next;
    }
    if (final) return;
    carry = text.slice(i);
    if (carry.length > MAX_ROW_CHARS) throw rowTooLong(limits);
    piece = next;
  }
}

/** Enough for any real row: a row cut off by the end of a piece is finished on this much of the next piece. */
const JOIN_CHARS = 64 * 1024;

type RowLimits = { name: string; line: () => number };

function rowTooLong({ name, line }: RowLimits): AppError {
  return new AppError(
    'import',
    `${name}, regel ${line()}: deze regel is langer dan ${MAX_ROW_CHARS.toLocaleString('nl-NL')} tekens. Dit lijkt geen apotheekexport (of er ontbreekt een afsluitend aanhalingsteken); er is niets geïmporteerd.`,
  );
}

/**
 * One row from offset `i`: its cells, where the next row starts and how many line ends it spans.
 * Null when the text ends inside the row and more text may follow.
 */
function parseRow(
  text: string,
  i: number,
  delim: number,
  final: boolean,
  limits: RowLimits,
): { cells: string[]; next: number; lines: number } | null {
  const length = text.length;
  const start = i;
  const cells: string[] = [];
  let lines = 0;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        // An unclosed quote: wait for more text, or at the very end take the rest of the file (the
        // importer then reports the huge cell).
        if (quote === -1 || (quote === length - 1 && !final)) {
          if (!final) return null;
          value += text.slice(from);
          lines += countLines(text, from, length);
          i = length;
          break;
        }
        value += text.slice(from, quote);
        lines += countLines(text, from, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheet programs do.
      const end = fieldEnd(text, i, delim);
      cells.push(end > i ? value + text.slice(i, end) : value);
      i = end;
    } else {
      const end = fieldEnd(text, i, delim);
      cells.push(text.slice(i, end));
      i = end;
    }
    if (i < length && text.charCodeAt(i) === delim) {
      if (cells.length >= MAX_ROW_CELLS) {
        throw new AppError(
          'import',
          `${limits.name}, regel ${limits.line()}: deze regel heeft meer dan ${MAX_ROW_CELLS.toLocaleString('nl-NL')} kolommen. Dit lijkt geen apotheekexport; er is niets geïmporteerd.`,
        );
      }
      if (i - start > MAX_ROW_CHARS) throw rowTooLong(limits);
      i++;
      continue;
    }
    break;
  }
  if (i - start > MAX_ROW_CHARS) throw rowTooLong(limits);
  if (i >= length) return final ? { cells, next: length, lines } : null;
  if (text.charCodeAt(i) === CR) {
    if (i + 1 >= length && !final) return null; // a CR at the end of a piece may be half of CRLF
    i += text.charCodeAt(i + 1) === LF ? 2 : 1;
  } else i++;
  return { cells, next: i, lines: lines + 1 };
}

function fieldEnd(text: string, from: number, delim: number): number {
  let end = from;
  const length = text.length;
  while (end < length) {
    const c = text.charCodeAt(end);
    if (c === delim || c === LF || c === CR) break;
    end++;
  }
  return end;
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
