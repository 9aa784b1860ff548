/**
 * Units and the safe evaluator: conversions checked against hand arithmetic (1 ml = 1 cm³, 1 µm = 1000 nm,
 * 1 MPa = 1000 kPa, 1 cm³/m² = 1e-4 ml/cm² = 10 × 1e-5 ml/cm²), and GUM first-order propagation for y = a/b:
 * u(y)/y = sqrt((u(a)/a)² + (u(b)/b)²) (JCGM 100:2008, 5.1.6).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionError, parseExpression, propagatedUncertainty } from '../../src/claims/expression.js';
import { convert, DIMENSIONLESS, parseUnit, UnitError } from '../../src/claims/units.js';

const conv = (value: number, from: string, to: string): number => convert(value, parseUnit(from), parseUnit(to));

describe('units', () => {
  it.each([
    [0.5, 'ml/g', 'cm³/g', 0.5],
    [0.5, 'cm3/g', 'cc/g', 0.5],
    [0.2, 'µm', 'nm', 200],
    [0.2, 'μm', 'nm', 200],
    [200, 'nm', 'um', 0.2],
    [30, '%', 'fraction', 0.3],
    [0.3, 'fraction', '%', 30],
    [0.6, 'MPa', 'kPa', 600],
    [1, 'cm3/m2', '1e-5 ml/cm²', 10],
    [4, 'g/100g', 'fraction', 0.04],
    [2, '1e-5 ml/cm²/µm', '1', 0.2],
    [450, 'm²/g', 'm2/g', 450],
  ])('%d %s = %d %s', (value, from, to, expected) => {
    expect(conv(value, from, to)).toBeCloseTo(expected, 12);
  });

  it('refuses conversions between dimensions, and °C to K (an offset, not a factor)', () => {
    expect(() => conv(1, 'nm', 'cm3/g')).toThrow(UnitError);
    expect(() => conv(20, '°C', 'K')).toThrow(/cannot convert °C/);
  });

  it('refuses unknown units and an empty unit, and tells MPa from mPa', () => {
    expect(() => parseUnit('furlong')).toThrow(/unknown unit "furlong"/);
    expect(() => parseUnit('')).toThrow(/a unit is required/);
    expect(() => parseUnit('mPa')).toThrow(UnitError);
  });
});

describe('expressions', () => {
  const plain = (values: Record<string, number>) => (name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`unexpected name ${name}`);
    return { value, dimension: DIMENSIONLESS };
  };
  const value = (text: string, values: Record<string, number> = {}) => evaluate(parseExpression(text), plain(values)).value;

  it('does arithmetic with the usual precedence, parentheses and unary minus', () => {
    expect(value('2 + 3 * 4')).toBe(14);
    expect(value('(2 + 3) * 4')).toBe(20);
    expect(value('2 - -3')).toBe(5);
    expect(value('-x / 4', { x: 2 })).toBe(-0.5);
    expect(value('3/7')).toBeCloseTo(0.428571428571, 12);
  });

  it('reads the typographic ×, ÷ and − of claim texts', () => {
    expect(value('(T − Tg) × t', { T: 130, Tg: 80, t: 0.2 })).toBeCloseTo(10, 12);
    expect(value('Y ÷ X', { Y: 40, X: 50 })).toBeCloseTo(0.8, 12);
  });

  it.each(['alert(1)', 'a.b', 'a[0]', 'this', 'true', '"x"', 'a = 1', 'a ? b : c', '!a', 'a % b', '[1]', '', '   ', 'a; b', 'x'.repeat(501)])('refuses %j', (text) => {
    expect(() => parseExpression(text)).toThrow(ExpressionError);
  });

  it('never resolves names through the object prototype', () => {
    const lookup = (name: string) => {
      throw new ExpressionError(`unknown ${name}`);
    };
    expect(() => evaluate(parseExpression('constructor'), lookup)).toThrow('unknown constructor');
    expect(() => evaluate(parseExpression('__proto__'), lookup)).toThrow('unknown __proto__');
  });

  it('propagates uncorrelated standard uncertainties to first order (GUM)', () => {
    // y = a / b with a = 10 ± 0.1, b = 5 ± 0.05: y = 2, u(y) = 2 · sqrt(0.01² + 0.01²) = 0.0282843
    const result = evaluate(parseExpression('a / b'), plain({ a: 10, b: 5 }));
    const u = propagatedUncertainty(result.sensitivity, (name) => ({ a: 0.1, b: 0.05 })[name] ?? null);
    expect(result.value).toBe(2);
    expect(u).toBeCloseTo(0.0282843, 6);
    // (T − Tg)·t with T = 130 ± 1, Tg = 80 ± 1, t = 0.2 exact: u = 0.2 · sqrt(2) = 0.282843
    const heat = evaluate(parseExpression('(T - Tg) * t'), plain({ T: 130, Tg: 80, t: 0.2 }));
    expect(propagatedUncertainty(heat.sensitivity, (name) => ({ T: 1, Tg: 1 })[name] ?? null)).toBeCloseTo(0.282843, 6);
    expect(propagatedUncertainty(heat.sensitivity, () => null)).toBeNull();
  });
});
