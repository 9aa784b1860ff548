/**
 * UnquotedText (rows found by char codes, cells made on demand) must give the rows, lines, cells and separator that
 * splitting the text into lines and splitLine gave, and CellCursor the same cells and numbers.
 */
import { describe, expect, it } from 'vitest';
import { CellCursor, detectDelimiter, splitLine, UnquotedText } from '../../src/io/delimited.js';
import { tryParseNumber } from '../../src/io/numbers.js';

/** The definition before the index: split into lines, drop lines whose cells are all empty. */
function reference(text: string): { rows: { cells: string[]; line: number; source: string }[]; delimiter: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  const delimiter = detectDelimiter(lines);
  const rows: { cells: string[]; line: number; source: string }[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = splitLine(line, delimiter);
    if (!cells.every((c) => c === '')) rows.push({ cells, line: i + 1, source: line });
  });
  return { rows, delimiter };
}

const TEXTS = [
  'a,b\n1,2\n',
  '\ufeffp/p0;n (mmol/g)\r\n0,1;2,5\r\n\r\n;;\r\n 0,2 ; 3 \r',
  'x\ty\n\n\t\n1\t2\r3\t4\n \u00a0\n5\t6\u2028',
  ',,,\n,,\n1,,\n',
  '',
  '\n\n',
  'only',
  'a;b;c\n1;2\n1;2;3;4\n',
];

describe('UnquotedText', () => {
  it('gives the rows of splitting by lines and splitLine', () => {
    for (const text of TEXTS) {
      const indexed = UnquotedText.of(text)!;
      const expected = reference(text);
      expect(indexed.delimiter).toBe(expected.delimiter);
      expect(Array.from({ length: indexed.length }, (_, i) => indexed.at(i))).toEqual(expected.rows);
      expect(indexed.at(indexed.length)).toBeUndefined();
    }
  });

  it('leaves text with quotes to csv-parse', () => {
    expect(UnquotedText.of('"a,b",c\n1,2')).toBeNull();
  });

  it('reads cells and numbers with a cursor as the cells and tryParseNumber give them', () => {
    for (const text of TEXTS) {
      const indexed = UnquotedText.of(text)!;
      const cursor = new CellCursor();
      for (let r = 0; r < indexed.length; r++) {
        const cells = indexed.at(r)!.cells;
        expect(indexed.scanRow(r, cursor)).toBe(cells.length);
        for (let k = 0; k <= cells.length; k++) {
          expect(cursor.text(k)).toBe(cells[k] ?? '');
          expect(cursor.isEmpty(k)).toBe((cells[k] ?? '') === '');
          for (const decimalComma of [false, true]) expect(Object.is(cursor.number(k, decimalComma), tryParseNumber(cells[k] ?? '', decimalComma))).toBe(true);
        }
      }
    }
  });

  it('finds decimal commas only where the separator is not the comma', () => {
    expect(UnquotedText.of('a;b\n1,5;2')!.decimalComma).toBe(true);
    expect(UnquotedText.of('a;b\nx,y;2')!.decimalComma).toBe(false);
    expect(UnquotedText.of('a,b\n1,5')!.decimalComma).toBe(false);
  });
});
