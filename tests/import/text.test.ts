import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunks, detectDelimiter, detectEncoding, encodeWindows1252, isUtf8File, parseCsv } from '../../db/import/text';

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
    expect(detectEncoding(utf8)).toEqual({ encoding: 'utf-8', bom: 0 });
    expect([...decodeChunks({ bytes: utf8 }, 'utf-8', 0, undefined, 7)].join('')).toBe(text);
    const cp1252 = encodeWindows1252('€ Patiëntnummer');
    expect(detectEncoding(cp1252)).toEqual({ encoding: 'windows-1252', bom: 0 });
    expect([...decodeChunks({ bytes: cp1252 }, 'windows-1252', 0)].join('')).toBe('€ Patiëntnummer');
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bom: 2 });
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
        expect(isUtf8File({ bytes }, size)).toBe(isUtf8(bytes));
        expect([...decodeChunks({ bytes }, 'utf-8', 0, undefined, size)].join('')).toBe(new TextDecoder().decode(bytes));
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
