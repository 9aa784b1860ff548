/**
 * Statistical thickness t(p/p0) of the adsorbed N2 film on a non-porous reference surface, in Å. BJH subtracts the
 * film from the pore radius and accounts for its thinning as pressure falls. Each model is one small function; the
 * registry chooses one by name. Equations and constants as printed in the Micromeritics reports and their
 * open-source report models (micromeritics/thickness.py), cross-checked with ../shared/docs/science.md.
 */
import { akimaInterpolant } from './akima.js';

/** t(relativePressure) in Å. Defined for 0 < relativePressure < 1. */
export type ThicknessFunction = (relativePressure: number) => number;

export interface ThicknessModel {
  /** Registry name, echoed in the output. */
  name: string;
  /** The equation as a user would recognise it in a vendor report. */
  equation: string;
  /** Where the equation comes from. */
  source: string;
  thicknessA: ThicknessFunction;
  /** For tabulated curves: the p/p0 span the table covers (outside it the end values are used). */
  tableRange?: { relativePressureMin: number; relativePressureMax: number };
}

/** Harkins & Jura, J. Am. Chem. Soc. 66 (1944) 1366: t = [13.99 / (0.034 − log10 x)]^0.5. */
export function harkinsJuraA(relativePressure: number): number {
  return Math.sqrt(13.99 / (0.034 - Math.log10(relativePressure)));
}

/** Halsey, J. Chem. Phys. 16 (1948) 931, N2 form: t = 3.54 · [−5 / ln x]^0.333 (exponent as the vendors print it). */
export function halseyA(relativePressure: number): number {
  return 3.54 * Math.pow(-5 / Math.log(relativePressure), 0.333);
}

/** Kruk, Jaroniec & Sayari, Langmuir 13 (1997) 6267, fitted on MCM-41: t = [60.65 / (0.03071 − log10 x)]^0.3968. */
export function krukJaroniecSayariA(relativePressure: number): number {
  return Math.pow(60.65 / (0.03071 - Math.log10(relativePressure)), 0.3968);
}

/**
 * Broekhoff & de Boer, J. Catal. 9 (1967) 8: log10 x = −16.11/t² + 0.1682·exp(−0.1137·t). The right side rises
 * monotonically with t towards 0, so t(x) is found by bisection on log t (to 1e-12 relative).
 */
export function broekhoffDeBoerA(relativePressure: number): number {
  const target = Math.log10(relativePressure);
  const rhs = (t: number): number => -16.11 / (t * t) + 0.1682 * Math.exp(-0.1137 * t);
  let low = 0.1;
  let high = 1e6;
  if (!(target > rhs(low))) return low;
  if (!(target < rhs(high))) return high;
  for (let i = 0; i < 200 && high / low > 1 + 1e-12; i++) {
    const mid = Math.sqrt(low * high);
    if (rhs(mid) < target) low = mid;
    else high = mid;
  }
  return Math.sqrt(low * high);
}

/** ASTM D6556 statistical thickness surface area (STSA) curve for carbon blacks: t = 2.98 + 6.45x + 0.88x². */
export function carbonBlackStsaA(relativePressure: number): number {
  return 2.98 + 6.45 * relativePressure + 0.88 * relativePressure * relativePressure;
}

export const THICKNESS_MODELS = {
  'harkins-jura': { name: 'harkins-jura', equation: 't = [13.99 / (0.034 − log10(p/p0))]^0.5 Å', source: 'Harkins & Jura 1944', thicknessA: harkinsJuraA },
  halsey: { name: 'halsey', equation: 't = 3.54 · [−5 / ln(p/p0)]^0.333 Å', source: 'Halsey 1948', thicknessA: halseyA },
  'kruk-jaroniec-sayari': { name: 'kruk-jaroniec-sayari', equation: 't = [60.65 / (0.03071 − log10(p/p0))]^0.3968 Å', source: 'Kruk, Jaroniec & Sayari 1997', thicknessA: krukJaroniecSayariA },
  'broekhoff-de-boer': { name: 'broekhoff-de-boer', equation: 'log10(p/p0) = −16.11/t² + 0.1682·exp(−0.1137·t), t in Å', source: 'Broekhoff & de Boer 1967', thicknessA: broekhoffDeBoerA },
  'carbon-black': { name: 'carbon-black', equation: 't = 2.98 + 6.45·(p/p0) + 0.88·(p/p0)² Å', source: 'ASTM D6556 (STSA)', thicknessA: carbonBlackStsaA },
} as const satisfies Record<string, ThicknessModel>;

export type ThicknessModelName = keyof typeof THICKNESS_MODELS;
export const THICKNESS_MODEL_NAMES = Object.keys(THICKNESS_MODELS) as ThicknessModelName[];

export function isThicknessModelName(name: string): name is ThicknessModelName {
  return Object.hasOwn(THICKNESS_MODELS, name);
}

/**
 * A user's tabulated thickness curve (e.g. Micromeritics' SIO2OH.THK), interpolated by Akima's spline in p/p0 — what
 * Micromeritics does: it reproduces the t its Sample_A report prints from that table to 3e-5 Å, where straight lines
 * between the points are off by up to 0.03 Å. Outside the table the end values are used (clamped, never
 * extrapolated: the last cubic runs away near p/p0 = 1); `tableRange` lets the caller warn when data fall outside.
 * The table must have at least two points, strictly increasing p/p0 in (0, 1) and t that never decreases; the
 * reader (io/thickness-table.ts) reports violations with file and line, here they are asserted.
 */
export function tableThickness(relativePressure: Float64Array, thicknessA: Float64Array): ThicknessModel {
  const n = relativePressure.length;
  if (n < 2 || thicknessA.length !== n) throw new RangeError('a thickness table needs at least two (p/p0, t) pairs of equal length');
  for (let i = 1; i < n; i++) {
    if (!(relativePressure[i]! > relativePressure[i - 1]!) || !(thicknessA[i]! >= thicknessA[i - 1]!)) {
      throw new RangeError('thickness table p/p0 must increase strictly and t must not decrease');
    }
  }
  const p = Float64Array.from(relativePressure);
  const t = Float64Array.from(thicknessA);
  const spline = akimaInterpolant(p, t);
  return {
    name: 'table',
    equation: `tabulated t(p/p0), ${n} points, Akima interpolation, end values outside`,
    source: 'user thickness table',
    thicknessA: (x: number): number => (x <= p[0]! ? t[0]! : x >= p[n - 1]! ? t[n - 1]! : spline(x)),
    tableRange: { relativePressureMin: p[0]!, relativePressureMax: p[n - 1]! },
  };
}
