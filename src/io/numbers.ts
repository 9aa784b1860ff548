/** Strict number parsing for instrument cells: no NaN, no Infinity, no silent zero. */
import { InputError, type ErrorLocation } from '../errors.js';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_DECIMAL_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a cell as a finite number, or returns null when it is not one. */
export function tryParseNumber(cell: string, decimalComma = false): number | null {
  return tryParseNumberIn(cell, 0, cell.length, decimalComma);
}

/** tryParseNumber(text.slice(start, end)), without making the string when the cell is a plain decimal. */
export function tryParseNumberIn(text: string, start: number, end: number, decimalComma: boolean): number | null {
  const fast = parseDecimalFast(text, start, end, decimalComma);
  return fast === fast ? fast : tryParseNumberSlow(text.slice(start, end), decimalComma);
}

/** The reference definition: what parseDecimalFast must agree with wherever it answers. */
function tryParseNumberSlow(cell: string, decimalComma: boolean): number | null {
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

/** Code units that String.prototype.trim removes: ECMA-262 WhiteSpace (TAB, VT, FF, ZWNBSP, Zs) and LineTerminator. */
export function isTrimmedSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** 10^k for k = 0…22: every one is exact in a double (10^22 = 2^22·5^22 and 5^22 < 2^53). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Significant digits whose integer is exact in a double (10^15 < 2^53). */
const MAX_EXACT_DIGITS = 15;
const CODE_0 = 0x30;
const CODE_9 = 0x39;
const CODE_PLUS = 0x2b;
const CODE_MINUS = 0x2d;
const CODE_POINT = 0x2e;
const CODE_COMMA = 0x2c;
const CODE_E_UPPER = 0x45;
const CODE_E_LOWER = 0x65;

/**
 * The number written in text[start, end) (surrounding blanks ignored, as trim() does) when it is a plain decimal
 * that one IEEE operation gives exactly, else NaN: then the caller asks the regular expressions and Number().
 *
 * The syntax is that of NUMBER (and NUMBER_DECIMAL_COMMA, where the point may also be a comma). The digits are
 * read as an integer mantissa m with a decimal exponent e; with at most 15 significant digits m is exact, and for
 * |e| ≤ 22 so is 10^|e|, so m·10^e or m/10^-e is one correctly rounded operation — the double nearest the decimal,
 * which is what Number() returns (Clinger, "How to read floating point numbers accurately", PLDI 1990). Anything
 * else (more digits, larger exponents, other syntax) answers NaN, so results stay those of Number().
 */
export function parseDecimalFast(text: string, start: number, end: number, decimalComma: boolean): number {
  while (start < end && isTrimmedSpace(text.charCodeAt(start))) start++;
  while (end > start && isTrimmedSpace(text.charCodeAt(end - 1))) end--;
  let i = start;
  let code = i < end ? text.charCodeAt(i) : -1;
  const negative = code === CODE_MINUS;
  if (negative || code === CODE_PLUS) code = ++i < end ? text.charCodeAt(i) : -1;
  let mantissa = 0;
  let significantDigits = 0;
  let digits = 0;
  let fractionDigits = 0;
  for (; code >= CODE_0 && code <= CODE_9; code = ++i < end ? text.charCodeAt(i) : -1) {
    digits++;
    if (mantissa !== 0 || code !== CODE_0) significantDigits++;
    mantissa = mantissa * 10 + (code - CODE_0);
  }
  if (code === CODE_POINT || (decimalComma && code === CODE_COMMA)) {
    for (code = ++i < end ? text.charCodeAt(i) : -1; code >= CODE_0 && code <= CODE_9; code = ++i < end ? text.charCodeAt(i) : -1) {
      digits++;
      fractionDigits++;
      if (mantissa !== 0 || code !== CODE_0) significantDigits++;
      mantissa = mantissa * 10 + (code - CODE_0);
    }
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (code === CODE_E_LOWER || code === CODE_E_UPPER) {
    code = ++i < end ? text.charCodeAt(i) : -1;
    const negativeExponent = code === CODE_MINUS;
    if (negativeExponent || code === CODE_PLUS) code = ++i < end ? text.charCodeAt(i) : -1;
    let exponentDigits = 0;
    for (; code >= CODE_0 && code <= CODE_9; code = ++i < end ? text.charCodeAt(i) : -1) {
      exponentDigits++;
      // Capped: any exponent this large is out of the fast range anyway.
      if (exponent < 100_000) exponent = exponent * 10 + (code - CODE_0);
    }
    if (exponentDigits === 0) return NaN;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end || significantDigits > MAX_EXACT_DIGITS) return NaN;
  const decimalExponent = exponent - fractionDigits;
  if (decimalExponent < -22 || decimalExponent > 22) return NaN;
  const value = decimalExponent < 0 ? mantissa / EXACT_POWERS_OF_TEN[-decimalExponent]! : mantissa * EXACT_POWERS_OF_TEN[decimalExponent]!;
  return negative ? -value : value;
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
