/**
 * A user thickness curve (like Micromeritics' *.THK reference curves) as delimited text: two columns, p/p0 and the
 * statistical thickness t in Å (or nm when the header says so), one pair a line, optional header lines first.
 */
import { InputError } from '../errors.js';
import { parseDelimited } from './delimited.js';
import { readInput, DEFAULT_MAX_FILE_BYTES } from './input.js';
import { tryParseNumber } from './numbers.js';

export interface ThicknessTableFile {
  file: string;
  relativePressure: Float64Array;
  thicknessA: Float64Array;
}

export function readThicknessTable(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ThicknessTableFile {
  return parseThicknessTable(readInput(file, maxBytes).text, file);
}

export function parseThicknessTable(text: string, file: string): ThicknessTableFile {
  const { rows, decimalComma } = parseDelimited(text, file);
  const p: number[] = [];
  const t: number[] = [];
  let header = '';
  for (const row of rows) {
    const x = tryParseNumber(row.cells[0] ?? '', decimalComma);
    const y = tryParseNumber(row.cells[1] ?? '', decimalComma);
    if (x === null || y === null) {
      // Text before the first pair is a header; text after it is a broken row.
      if (p.length === 0) {
        header += ` ${row.cells.join(' ')}`;
        continue;
      }
      throw new InputError('E_BAD_NUMBER', `expected two numbers (p/p0, t), found "${row.cells.slice(0, 2).join(', ')}"`, { file, line: row.line });
    }
    const where = { file, line: row.line };
    if (!(x > 0 && x < 1)) throw new InputError('E_THICKNESS_TABLE', `p/p0 ${x} is outside (0, 1)`, { ...where, field: 'p/p0' });
    if (!(y >= 0)) throw new InputError('E_THICKNESS_TABLE', `thickness ${y} is negative`, { ...where, field: 't' });
    if (p.length > 0 && !(x > p[p.length - 1]!)) {
      throw new InputError('E_THICKNESS_TABLE', `p/p0 ${x} does not increase on the previous line's ${p[p.length - 1]}`, { ...where, field: 'p/p0' });
    }
    if (t.length > 0 && y < t[t.length - 1]!) {
      throw new InputError('E_THICKNESS_TABLE', `thickness ${y} is less than the previous line's ${t[t.length - 1]}: a film cannot thin as pressure rises`, { ...where, field: 't' });
    }
    p.push(x);
    t.push(y);
  }
  if (p.length < 2) throw new InputError('E_TOO_FEW_POINTS', `a thickness table needs at least 2 (p/p0, t) pairs, found ${p.length}`, { file });
  const toAngstrom = /\bnm\b/i.test(header) ? 10 : 1;
  return { file, relativePressure: Float64Array.from(p), thicknessA: Float64Array.from(t, (v) => v * toAngstrom) };
}
