/**
 * The fast decimal path of tryParseNumber must give exactly what the regular expressions and Number() give (the
 * same double, -0 included, and null for the same cells), in both decimal-point and decimal-comma modes.
 */
import { describe, expect, it } from 'vitest';
import { isTrimmedSpace, parseDecimalFast, tryParseNumber } from '../../src/io/numbers.js';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_DECIMAL_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;

/** The definition before the fast path. */
function reference(cell: string, decimalComma: boolean): number | null {
  const s = cell.trim();
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  if (decimalComma && NUMBER_DECIMAL_COMMA.test(s)) return finite(Number(s.replace(',', '.')));
  return NUMBER.test(s) ? finite(Number(s)) : null;
}

const ODD = ['1e5', '-0', '-0.0e3', '.5', '5.', '1,5', ',5', '5,', ' 3 ', '0x10', '1e400', '0e999', '+.e1', '', ' ', '.', '-', '+3', '++3', '3e', 'e3', '3e+', '1.5,3', '1,5e3', 'NaN', '-Infinity', '1_000', '\u00a03\u00a0', '\ufeff7', '\u20035', '3\u2028', '12345678901234567890', '123456789012345', '1234567890123456', '9007199254740993', '0.1234567890123456789', '1e22', '1e23', '1e-22', '1e-23', '4.35', '0.000001', '00012.5000', '1e0000000000000000000001', '2.2250738585072014e-308', '5e-324', '1.7976931348623157e308', '0.1', '0.3', '123.456e-7'];

describe('tryParseNumber fast path', () => {
  it('agrees with the regular expressions and Number() on odd cells', () => {
    for (const cell of ODD) for (const decimalComma of [false, true]) expect(Object.is(tryParseNumber(cell, decimalComma), reference(cell, decimalComma)), `${JSON.stringify(cell)} ${decimalComma}`).toBe(true);
  });

  it('agrees on random number-shaped cells', () => {
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
    for (let k = 0; k < 20_000; k++) {
      const sign = random() < 0.3 ? (random() < 0.5 ? '-' : '+') : '';
      const point = random() < 0.7 ? (random() < 0.8 ? '.' : ',') + digits(Math.floor(random() * 18)) : '';
      const exponent = random() < 0.4 ? 'e' + (random() < 0.5 ? '-' : '') + digits(1 + Math.floor(random() * 2)) : '';
      const cell = sign + digits(Math.floor(random() * 18)) + point + exponent;
      for (const decimalComma of [false, true]) expect(Object.is(tryParseNumber(cell, decimalComma), reference(cell, decimalComma)), `${cell} ${decimalComma}`).toBe(true);
    }
  });

  it('answers NaN (not a wrong value) outside the exact range', () => {
    expect(parseDecimalFast('1234567890123456', 0, 16, false)).toBeNaN();
    expect(parseDecimalFast('1e23', 0, 4, false)).toBeNaN();
    expect(parseDecimalFast('x1.5y', 1, 4, false)).toBe(1.5);
  });

  it('treats as blank exactly what trim() removes', () => {
    for (let code = 0; code < 0x10000; code++) expect(isTrimmedSpace(code), code.toString(16)).toBe(String.fromCharCode(code).trim() === '');
  });
});
