/** Strict number parsing for instrument cells: no NaN, no Infinity, no silent zero. */
import { InputError, type ErrorLocation } from '../errors.js';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_DECIMAL_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a cell as a finite number, or returns null when it is not one. */
export function tryParseNumber(cell: string, decimalComma = false): number | null {
  const s = cell.trim();
  if (decimalComma) {
    if (!NUMBER_DECIMAL_COMMA.test(s)) return NUMBER.test(s) ? finiteOrNull(Number(s)) : null;
    return finiteOrNull(Number(s.replace(',', '.')));
  }
  return NUMBER.test(s) ? finiteOrNull(Number(s)) : null;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Parses a cell that must be a finite number; the error names the place and the offending text. */
export function parseNumber(cell: string, where: ErrorLocation, decimalComma = false): number {
  const value = tryParseNumber(cell, decimalComma);
  if (value === null) {
    const shown = cell.length > 40 ? cell.slice(0, 40) + '…' : cell;
    const why = /^\s*[+-]?(nan|inf|infinity)\s*$/i.test(cell)
      ? 'is not a finite number'
      : /^[+-]?\d*\.?\d+e[+-]?\d{3,}$/i.test(cell.trim())
        ? 'overflows a double'
        : 'is not a number';
    throw new InputError('E_BAD_NUMBER', `"${shown}" ${why}`, where, 'correct the cell (decimal point, no text or units in number cells)');
  }
  return value;
}
