/**
 * Units of claim quantities, as a small dimension algebra: a unit is a scale factor to coherent base units
 * (g, m, s) and a vector of exponents. That is enough to check that "A / B" has the dimension of the window it is
 * compared with, and to convert a window printed in ml/g, µm, %, MPa or "1e-5 ml/cm2/µm" to the unit of the value.
 *
 * Temperatures in °C are a base dimension of their own, not kelvin: the claims use °C values and °C differences
 * ((T − Tg)·t), and converting an absolute °C value to K needs an offset that a scale factor cannot express, so a
 * window in K on a °C quantity is refused rather than silently wrong.
 */

const BASES = ['g', 'm', 's', 'degC', 'K'] as const;
type Base = (typeof BASES)[number];
export type Dimension = Readonly<Record<Base, number>>;

export interface Unit {
  /** As written in the claim set or lot. */
  readonly text: string;
  /** Multiply a value in this unit by `factor` to get coherent base units. */
  readonly factor: number;
  readonly dimension: Dimension;
}

export class UnitError extends Error {}

export const DIMENSIONLESS: Dimension = { g: 0, m: 0, s: 0, degC: 0, K: 0 };

function dim(parts: Partial<Record<Base, number>>): Dimension {
  return { ...DIMENSIONLESS, ...parts };
}

const LENGTH = dim({ m: 1 });
const VOLUME = dim({ m: 3 });
const MASS = dim({ g: 1 });
/** Pa = kg·m⁻¹·s⁻² = 1000 g·m⁻¹·s⁻². */
const PRESSURE = dim({ g: 1, m: -1, s: -2 });

/** Unit symbols (case-sensitive: mPa is not MPa), with their factor to base units. µ may be µ, μ or u. */
const SYMBOLS: Readonly<Record<string, { factor: number; dimension: Dimension }>> = {
  m: { factor: 1, dimension: LENGTH },
  cm: { factor: 1e-2, dimension: LENGTH },
  mm: { factor: 1e-3, dimension: LENGTH },
  um: { factor: 1e-6, dimension: LENGTH },
  nm: { factor: 1e-9, dimension: LENGTH },
  ml: { factor: 1e-6, dimension: VOLUME },
  mL: { factor: 1e-6, dimension: VOLUME },
  cc: { factor: 1e-6, dimension: VOLUME },
  l: { factor: 1e-3, dimension: VOLUME },
  L: { factor: 1e-3, dimension: VOLUME },
  g: { factor: 1, dimension: MASS },
  mg: { factor: 1e-3, dimension: MASS },
  kg: { factor: 1e3, dimension: MASS },
  s: { factor: 1, dimension: dim({ s: 1 }) },
  ms: { factor: 1e-3, dimension: dim({ s: 1 }) },
  min: { factor: 60, dimension: dim({ s: 1 }) },
  Pa: { factor: 1e3, dimension: PRESSURE },
  kPa: { factor: 1e6, dimension: PRESSURE },
  MPa: { factor: 1e9, dimension: PRESSURE },
  '°C': { factor: 1, dimension: dim({ degC: 1 }) },
  degC: { factor: 1, dimension: dim({ degC: 1 }) },
  K: { factor: 1, dimension: dim({ K: 1 }) },
  '%': { factor: 0.01, dimension: DIMENSIONLESS },
  fraction: { factor: 1, dimension: DIMENSIONLESS },
};

const SUPERSCRIPTS: Readonly<Record<string, string>> = { '⁻': '-', '¹': '1', '²': '2', '³': '3' };
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/**
 * Parses "cm3/g", "m²/g", "1e-5 ml/cm2/µm", "g/100g", "°C·s", "%". Factors are separated by spaces, "·" or "*";
 * everything after the first "/" is in the denominator ("a/b/c" = a/(b·c)); an exponent follows its symbol as
 * digits, "^n" or superscripts. A bare number is a scale factor.
 */
export function parseUnit(text: string): Unit {
  const cleaned = text.trim().replace(/[⁻¹²³]/g, (c) => SUPERSCRIPTS[c] ?? c).replace(/[µμ]/g, 'u');
  if (cleaned === '') throw new UnitError('a unit is required (write "1" for a plain number)');
  let factor = 1;
  let dimension = DIMENSIONLESS;
  const groups = cleaned.split('/');
  groups.forEach((group, index) => {
    const sign = index === 0 ? 1 : -1;
    const tokens = group.split(/[\s·*]+/).filter((t) => t !== '');
    if (tokens.length === 0) throw new UnitError(`"${text}" has an empty ${index === 0 ? 'numerator' : 'denominator'}`);
    for (const token of tokens) {
      const term = parseTerm(token, text);
      factor *= term.factor ** sign;
      dimension = combine(dimension, term.dimension, sign);
    }
  });
  if (!Number.isFinite(factor) || factor <= 0) throw new UnitError(`"${text}" has an impossible scale factor`);
  return { text: text.trim(), factor, dimension };
}

function parseTerm(token: string, whole: string): { factor: number; dimension: Dimension } {
  const numberMatch = NUMBER.exec(token);
  const scale = numberMatch ? Number(numberMatch[0]) : 1;
  const rest = numberMatch ? token.slice(numberMatch[0].length) : token;
  if (rest === '') return { factor: scale, dimension: DIMENSIONLESS };
  const m = /^([a-zA-Z°%]+)(?:\^?([+-]?\d+))?$/.exec(rest);
  const symbol = m?.[1] === undefined || !Object.hasOwn(SYMBOLS, m[1]) ? undefined : SYMBOLS[m[1]];
  if (!m || symbol === undefined) {
    throw new UnitError(`unknown unit "${rest}" in "${whole}" (known: ${Object.keys(SYMBOLS).join(', ')}; µ may be written u; a plain number is "1")`);
  }
  const exponent = m[2] === undefined ? 1 : Number(m[2]);
  return { factor: scale * symbol.factor ** exponent, dimension: combine(DIMENSIONLESS, symbol.dimension, exponent) };
}

/** a + sign·b, exponent-wise: multiplying (sign 1) or dividing (sign −1) units. */
export function combine(a: Dimension, b: Dimension, sign: number): Dimension {
  const out = { ...a };
  for (const base of BASES) out[base] = a[base] + sign * b[base];
  return out;
}

export function sameDimension(a: Dimension, b: Dimension): boolean {
  // A loop, not BASES.every: grading converts every measured value, and this is on that path.
  for (const base of BASES) if (a[base] !== b[base]) return false;
  return true;
}

export function isDimensionless(d: Dimension): boolean {
  return sameDimension(d, DIMENSIONLESS);
}

/** "g·m^-2", or "1" for a plain number: for messages about mismatched units. */
export function formatDimension(d: Dimension): string {
  const parts = BASES.filter((b) => d[b] !== 0).map((b) => {
    const name = b === 'degC' ? '°C' : b;
    return d[b] === 1 ? name : `${name}^${d[b]}`;
  });
  return parts.length === 0 ? '1 (a plain number)' : parts.join('·');
}

/** Converts a value from one unit to another of the same dimension; throws UnitError otherwise. */
export function convert(value: number, from: Unit, to: Unit): number {
  if (!sameDimension(from.dimension, to.dimension)) {
    throw new UnitError(`cannot convert ${from.text} (${formatDimension(from.dimension)}) to ${to.text} (${formatDimension(to.dimension)})`);
  }
  return from.factor === to.factor ? value : (value * from.factor) / to.factor;
}
