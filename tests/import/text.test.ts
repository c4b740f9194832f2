import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeChunks,
  detectDelimiter,
  byteOrderMark,
  encodeWindows1252,
  firstCharacterEncoding,
  fixWindows1252,
  parseCsv,
} from '../../db/import/text';

const rowsOf = (pieces: string[], delimiter: ';' | ',' | '\t' = ';') => [...parseCsv(pieces, delimiter)].map((r) => [r.row, r.cells]);

describe('CSV parsing', () => {
  it('quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF/LF/CR, row numbers as in the file', () => {
    const text = 'a;"b;c";"d ""e"""\r\n"f\ng";h\rx;;\n"k"l;m';
    expect(rowsOf([text])).toEqual([
      [1, ['a', 'b;c', 'd "e"']],
      [2, ['f\ng', 'h']],
      [4, ['x', '', '']],
      [5, ['kl', 'm']],
    ]);
  });

  it('gives the same rows however the text is cut into pieces', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ,]{0,6}$/),
      fc.stringMatching(/^[a-z;\r\n"]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(';'));
    const text = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
      .map(([lines, end]) => lines.join(end) + end);
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (whole, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...points].map((from, k) => whole.slice(from, points[k] ?? whole.length));
        expect(rowsOf(pieces)).toEqual(rowsOf([whole]));
      }),
    );
  });

  it('decodes in chunks without breaking characters, and detects the encoding', () => {
    const text = 'Patiëntnummer;Afleverdatum\n'.repeat(50);
    const utf8 = Buffer.from(text, 'utf8');
    expect(byteOrderMark(utf8)).toEqual({ encoding: null, bom: 0 });
    expect(firstCharacterEncoding(utf8, true)).toBe('utf-8');
    expect([...decodeChunks({ bytes: utf8 }, 'utf-8', 0, undefined, 7)].join('')).toBe(text);
    const cp1252 = encodeWindows1252('€ Patiëntnummer');
    expect(firstCharacterEncoding(cp1252, true)).toBe('windows-1252');
    expect([...decodeChunks({ bytes: cp1252 }, 'windows-1252', 0)].join('')).toBe('€ Patiëntnummer');
    expect(byteOrderMark(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(byteOrderMark(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bom: 2 });
  });

  it('decides a text without byte order mark by its first character beyond ASCII, as it reads', () => {
    const utf8 = Buffer.from(`${'a;b\n'.repeat(40)}Patiënt;ë\n`, 'utf8');
    const cp1252 = encodeWindows1252(`${'a;b\n'.repeat(40)}Patiënt;€\n`);
    for (const size of [1, 2, 3, 7, 1000]) {
      expect([...decodeChunks({ bytes: utf8 }, null, 0, undefined, size)].join('')).toBe(utf8.toString('utf8'));
      expect([...decodeChunks({ bytes: cp1252 }, null, 0, undefined, size)].join('')).toBe(`${'a;b\n'.repeat(40)}Patiënt;€\n`);
    }
    // A file that mixes them is read by its first such character: a stray Windows-1252 byte later in a
    // UTF-8 file becomes one replacement character, and the UTF-8 before and after it stays readable.
    const mixed = Buffer.concat([Buffer.from('Patiënt;ë\n', 'utf8'), encodeWindows1252('café\n'), Buffer.from('Patiënt\n', 'utf8')]);
    expect([...decodeChunks({ bytes: mixed }, null, 0, undefined, 4)].join('')).toBe('Patiënt;ë\ncaf\ufffd\nPatiënt\n');
    expect(firstCharacterEncoding(mixed, true)).toBe('utf-8');
    expect(firstCharacterEncoding(Buffer.from('abc'), true)).toBeNull();
    // A first character cut off: undecided until the rest is read, Windows-1252 when nothing follows.
    expect(firstCharacterEncoding(Buffer.from([0x61, 0xc3]), false)).toBeNull();
    expect(firstCharacterEncoding(Buffer.from([0x61, 0xc3]), true)).toBe('windows-1252');
  });

  it('finishes rows that pieces cut, also rows longer than the part of the next piece it joins first', () => {
    const long = 'y'.repeat(70_000);
    const whole = `a;"${long}\n${long}";b\r\nc;${long}\rd;e\n`;
    for (const cuts of [[5], [5, 40_000], [70_010, 140_020], [140_010], [whole.length - 3], [70_000, 70_001, 70_002]]) {
      const pieces = [0, ...cuts].map((from, k) => whole.slice(from, cuts[k] ?? whole.length));
      expect(rowsOf(pieces)).toEqual(rowsOf([whole]));
    }
  });

  it('checks and decodes UTF-8 (and Windows-1252) in pieces exactly as in one go, valid or not, wherever the pieces are cut', () => {
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x80, max: 0xff }),
      fc.constantFrom(0xc3, 0xab, 0xe2, 0x82, 0xac, 0xf0, 0x9f),
    );
    const text = fc.oneof(
      fc.array(byte, { maxLength: 40 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => Buffer.from(s, 'utf8')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 9 }), (bytes, size) => {
        expect([...decodeChunks({ bytes }, 'utf-8', 0, undefined, size)].join('')).toBe(new TextDecoder().decode(bytes));
        // Undecided: the first character beyond ASCII of the whole text decides, wherever the pieces are cut.
        const decided = firstCharacterEncoding(bytes, true) ?? 'utf-8';
        expect([...decodeChunks({ bytes }, null, 0, undefined, size)].join('')).toBe(
          decided === 'utf-8' ? new TextDecoder().decode(bytes) : fixWindows1252(new TextDecoder('windows-1252').decode(bytes)),
        );
        if (isUtf8(bytes)) expect(decided).toBe('utf-8');
        expect([...decodeChunks({ bytes }, 'windows-1252', 0, undefined, size)].join('')).toBe(
          [...decodeChunks({ bytes }, 'windows-1252', 0)].join(''),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the delimiter past title rows and decimal commas', () => {
    expect(detectDelimiter('Overzicht, 2024\n\na;b;c;d\n1,5;2;3,25;4\n2;3;4;5\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a,b,c\n1,2,3\n"x;y",2,3\n')).toBe(',');
  });
});
