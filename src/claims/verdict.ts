/**
 * Verdicts on one element. Numeric: inside or outside the window with limits as printed (inclusive or strict), the
 * margin to the nearest limit, and `marginal` when the value's standard uncertainty reaches across a limit — in the
 * spirit of ISO 14253-1, where conformance is proven only outside the uncertainty zone around a limit, so such a
 * pass (or fail) is reported but not clean. Facts: a declared boolean, or terms a declared list must contain.
 */
import type { FactTest, Limit, Window } from './claim-set.js';
import type { FactValue } from './lot.js';

export type ElementStatus = 'pass' | 'fail' | 'unknown';

export interface NumericVerdict {
  readonly status: 'pass' | 'fail';
  /** Signed distance to the nearest limit in the window's unit: > 0 inside, < 0 outside, 0 on a limit. */
  readonly margin: number;
  readonly marginal: boolean;
}

/**
 * A value within this relative distance of a limit is on it. Converting a value printed in one unit to another
 * (30 % → 0.3, ml → cm³) can move it by a few units in the last place; without this, a value exactly on a printed
 * inclusive limit could fail by rounding.
 */
export const ON_LIMIT_RELATIVE_TOLERANCE = 1e-9;

function distanceTo(limit: Limit, value: number, side: 'lower' | 'upper'): number {
  const scale = Math.max(Math.abs(limit.value), Math.abs(value));
  if (Math.abs(value - limit.value) <= ON_LIMIT_RELATIVE_TOLERANCE * scale) return 0;
  return side === 'lower' ? value - limit.value : limit.value - value;
}

/** `uncertainty` is a standard uncertainty in the window's unit; `alwaysMarginal` for the PSD resolution warning. */
export function judgeNumeric(value: number, uncertainty: number | null, window: Window, alwaysMarginal = false): NumericVerdict {
  // Lower limit, then upper (the order matters only to Math.min's treatment of -0 and NaN, kept as it was).
  let inside = true;
  let margin = Infinity;
  let withinUncertainty = false;
  const side = (limit: Limit, d: number): void => {
    if (!(d > 0 || (d === 0 && limit.inclusive))) inside = false;
    margin = Math.min(margin, d);
    if (uncertainty !== null && uncertainty > 0 && Math.abs(d) <= uncertainty) withinUncertainty = true;
  };
  if (window.lower) side(window.lower, distanceTo(window.lower, value, 'lower'));
  if (window.upper) side(window.upper, distanceTo(window.upper, value, 'upper'));
  return { status: inside ? 'pass' : 'fail', margin, marginal: alwaysMarginal || withinUncertainty };
}

/**
 * Terms compare case-insensitively, with hyphens, underscores and runs of spaces alike: "High-boiling organic
 * solvent" matches "high boiling organic solvent".
 */
export function normaliseTerm(term: string): string {
  return term.toLowerCase().replace(/[-_\s]+/g, ' ').trim();
}

/** pass/fail of a fact test on a value of the right type (a string counts as a list of one). */
export function judgeFact(test: FactTest, value: FactValue): 'pass' | 'fail' {
  if (test.kind === 'is') return value === test.value ? 'pass' : 'fail';
  const lacking = missingTerms(test, value).length;
  return (test.kind === 'includes_all' ? lacking === 0 : lacking < test.values.length) ? 'pass' : 'fail';
}

/** The wanted terms a list fact lacks. */
export function missingTerms(test: FactTest, value: FactValue): string[] {
  if (test.kind === 'is') return [];
  const have = new Set((typeof value === 'string' ? [value] : Array.isArray(value) ? value : []).map(normaliseTerm));
  return test.values.filter((w) => !have.has(normaliseTerm(w)));
}
