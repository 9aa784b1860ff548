/**
 * BJH mesopore size distribution (Barrett, Joyner & Halenda, J. Am. Chem. Soc. 73 (1951) 373; ISO 15901-2) on the
 * points of one isotherm branch, stepped from the highest pressure down as the vendors do for either branch.
 *
 * Each pressure step empties the liquid cores of a new group of pores and thins the film in the pores emptied
 * before. The bookkeeping follows Micromeritics (its open-source report models, micromeritics/bjh.py, completed where
 * they differ from the instrument reports by matching the Sample_A, G and L report tables group by group):
 * - points that do not continue a strictly decreasing run of pressure and amount from the top are left out;
 * - a group's mean core radius is the weighted mean r1·r2·(r1 + r2)/(r1² + r2²) of the Kelvin radii at the step's
 *   ends, its pore radius that core plus the film t at the pressure of that core;
 * - each group is a set of cylinders of a length chosen so that its core holds the liquid it released; the film
 *   thinning in earlier groups is the annulus between their current core radius and that radius + Δt;
 * - "standard": a step that released less than the thinning of earlier groups finds no new pores and is merged with
 *   the next (the group then spans both); volume and area are those of the full pores (radius r_core + t);
 * - "faas": such a step finds no new pores and its film thinning is rescaled to the liquid actually released; new
 *   cores also thin within their own step; after the last point the film thins to zero where the liquid left allows
 *   it; volume, area and diameter are those of the cores so widened (the pore radius, less any thinning the data did
 *   not release);
 * - a group straddling a diameter limit is kept or left out whole: on its smaller bound (standard), on its average
 *   diameter (Faas).
 * Each group is reported at the geometric mean of its bounds, a mid-interval diameter (pyGAPS reports the lower end,
 * which biases its peak low by up to one step).
 */
import { interpolateOnLogAxis, refinedPeak } from './curve-reading.js';
import { kelvinRadiusNm, relativePressureAtKelvinRadius, type KelvinOptions } from './kelvin.js';
import type { ThicknessFunction } from './thickness.js';

export type BjhCorrection = 'standard' | 'faas';
export type PsdBasis = 'dlogd' | 'dd';

export interface BjhOptions extends KelvinOptions {
  thicknessA: ThicknessFunction;
  correction: BjhCorrection;
  /** cm³ of liquid per cm³(STP) of gas (0.0015468 for N2, Micromeritics' "density conversion factor"). */
  liquidVolumeFactor: number;
  minDiameterNm: number;
  maxDiameterNm: number;
}

export interface BjhWarning {
  code: string;
  message: string;
}

/** One row per pore group, largest pores first; cumulative values run from the largest pores down. */
export interface BjhDistribution {
  /** Representative diameter: geometric mean of the group's bounds, nm. */
  diameterNm: Float64Array;
  diameterMaxNm: Float64Array;
  diameterMinNm: Float64Array;
  /** The group's own 4ΔV/ΔA diameter (Micromeritics' "average diameter"), nm. */
  averageDiameterNm: Float64Array;
  volumeCm3PerG: Float64Array;
  areaM2PerG: Float64Array;
  dvDdCm3PerGNm: Float64Array;
  dvDlogdCm3PerG: Float64Array;
  cumulativeVolumeCm3PerG: Float64Array;
  cumulativeAreaM2PerG: Float64Array;
}

export interface BjhResult {
  distribution: BjhDistribution;
  /** Totals over the groups within the diameter limits; null when there are none. */
  totalVolumeCm3PerG: number | null;
  totalAreaM2PerG: number | null;
  /** 4V/A, nm. */
  averageDiameterNm: number | null;
  /** Branch points whose pore diameter lies within the limits. */
  pointsInRange: number;
  /** Steps that released less liquid than the film thinning in earlier groups (merged or rescaled). */
  negativeSteps: number;
  warnings: BjhWarning[];
}

/** Fewer points than this within the diameter limits: no distribution. */
export const MIN_POINTS_IN_RANGE = 3;
/** Fewer points than this in the IUPAC mesopore range 2–50 nm: the distribution is coarse (a warning). */
export const SPARSE_MESOPORE_POINTS = 8;

/** Prepared branch: points with 0 < p/p0 < 1 in descending pressure, with their Kelvin radius, film and diameter. */
interface Steps {
  relativePressure: Float64Array;
  liquidCm3PerG: Float64Array;
  kelvinRadiusNm: Float64Array;
  thicknessNm: Float64Array;
  poreDiameterNm: Float64Array;
}

/**
 * The pore groups before the limits, one entry per group in each array (arrays rather than an object per group, which
 * cost three heap numbers each): the group's interval (indices into Steps), radius for volume and area, and length.
 */
interface PoreGroups {
  upper: number[];
  lower: number[];
  /** Radius of the cylinders whose volume and area are reported, nm. */
  radiusNm: number[];
  /** Shift of the reported diameters from the pore diameters 2(r_K + t) at the interval's ends, nm. */
  diameterShiftNm: number[];
  /** Core volume released per unit core radius², cm³/g/nm² (π·length, so that volume = radius²·lengthTerm). */
  lengthTerm: number[];
}

function noGroups(): PoreGroups {
  return { upper: [], lower: [], radiusNm: [], diameterShiftNm: [], lengthTerm: [] };
}

function addGroup(groups: PoreGroups, upper: number, lower: number, radiusNm: number, lengthTerm: number): void {
  groups.upper.push(upper);
  groups.lower.push(lower);
  groups.radiusNm.push(radiusNm);
  groups.diameterShiftNm.push(0);
  groups.lengthTerm.push(lengthTerm);
}

/** m²/g per (cm³/g / nm): 1e-6 m³ / 1e-9 m. */
const AREA_PER_VOLUME_OVER_RADIUS = 1000;

export function bjh(relativePressure: Float64Array, loadingCm3StpPerG: Float64Array, options: BjhOptions): BjhResult {
  const warnings: BjhWarning[] = [];
  const steps = prepareSteps(relativePressure, loadingCm3StpPerG, options, warnings);
  const n = steps.relativePressure.length;
  let pointsInRange = 0;
  let mesoporePoints = 0;
  for (let i = 0; i < n; i++) {
    const d = steps.poreDiameterNm[i]!;
    if (d >= options.minDiameterNm && d <= options.maxDiameterNm) pointsInRange++;
    if (d >= 2 && d <= 50) mesoporePoints++;
  }
  if (pointsInRange < MIN_POINTS_IN_RANGE) {
    warnings.push({
      code: 'BJH_TOO_FEW_POINTS',
      message: `only ${pointsInRange} point(s) of the branch have pore diameters within ${options.minDiameterNm}–${options.maxDiameterNm} nm (at least ${MIN_POINTS_IN_RANGE} are needed): no BJH distribution; measure the branch up to p/p0 ≈ 0.99`,
    });
    return emptyResult(pointsInRange, warnings);
  }
  if (mesoporePoints < SPARSE_MESOPORE_POINTS) {
    warnings.push({
      code: 'BJH_SPARSE_POINTS',
      message: `only ${mesoporePoints} point(s) of the branch lie in the mesopore range 2–50 nm: the distribution is coarse and its peak uncertain; measure more points between p/p0 0.4 and 0.96`,
    });
  }
  const { groups, negativeSteps } = options.correction === 'faas' ? faasGroups(steps, options) : standardGroups(steps, options);
  reportNegativeSteps(negativeSteps, steps, options, warnings);
  const distribution = limitedDistribution(groups, steps, options);
  const count = distribution.diameterNm.length;
  const totalVolume = count > 0 ? distribution.cumulativeVolumeCm3PerG[count - 1]! : null;
  const totalArea = count > 0 ? distribution.cumulativeAreaM2PerG[count - 1]! : null;
  const averageDiameterNm = totalVolume !== null && totalArea !== null && totalArea > 0 ? (4 * AREA_PER_VOLUME_OVER_RADIUS * totalVolume) / totalArea : null;
  if (count === 0) {
    warnings.push({ code: 'BJH_NO_PORES', message: `no pore group was found within ${options.minDiameterNm}–${options.maxDiameterNm} nm` });
  }
  return { distribution, totalVolumeCm3PerG: totalVolume, totalAreaM2PerG: totalArea, averageDiameterNm, pointsInRange, negativeSteps: negativeSteps.length, warnings };
}

function prepareSteps(relativePressure: Float64Array, loading: Float64Array, options: BjhOptions, warnings: BjhWarning[]): Steps {
  let kept: number[] = [];
  let outside = 0;
  for (let i = 0; i < relativePressure.length; i++) {
    if (relativePressure[i]! > 0 && relativePressure[i]! < 1 && Number.isFinite(loading[i]!)) kept.push(i);
    else outside++;
  }
  if (outside > 0) {
    warnings.push({ code: 'BJH_POINTS_SKIPPED', message: `${outside} point(s) at p/p0 ≤ 0 or ≥ 1 have no Kelvin radius and were left out of BJH` });
  }
  const p = (k: number): number => relativePressure[k]!;
  let decreasing = true;
  let increasing = true;
  for (let j = 1; j < kept.length; j++) {
    if (!(p(kept[j]!) < p(kept[j - 1]!))) decreasing = false;
    if (!(p(kept[j]!) > p(kept[j - 1]!))) increasing = false;
  }
  if (increasing && !decreasing) kept.reverse();
  else if (!decreasing) {
    kept.sort((a, b) => p(b) - p(a));
    warnings.push({
      code: 'BJH_UNSORTED_BRANCH',
      message: 'the branch\'s pressures do not run one way (a point was measured out of order): the points were taken in order of pressure; check the export',
    });
  }
  // Micromeritics omits points that do not continue a strictly decreasing sequence (in pressure and amount) from the
  // highest pressure down; a rise in the amount as pressure falls would otherwise be a negative pore volume.
  const monotone: number[] = [];
  for (const k of kept) {
    const previous = monotone.length > 0 ? monotone[monotone.length - 1]! : -1;
    if (previous < 0 || (p(k) < p(previous) && loading[k]! < loading[previous]!)) monotone.push(k);
  }
  if (monotone.length < kept.length) warnings.push(omittedPointsWarning(kept, monotone, relativePressure));
  kept = monotone;
  const n = kept.length;
  const array = arraysOfOneBuffer(5, n);
  const stepPressure = array();
  const liquid = array();
  const kelvinRadius = array();
  const thickness = array();
  const poreDiameter = array();
  for (let j = 0; j < n; j++) {
    const k = kept[j]!;
    stepPressure[j] = p(k);
    liquid[j] = loading[k]! * options.liquidVolumeFactor;
    kelvinRadius[j] = kelvinRadiusNm(p(k), options);
    thickness[j] = options.thicknessA(p(k)) / 10;
    poreDiameter[j] = 2 * (kelvinRadius[j]! + thickness[j]!);
  }
  return { relativePressure: stepPressure, liquidCm3PerG: liquid, kelvinRadiusNm: kelvinRadius, thicknessNm: thickness, poreDiameterNm: poreDiameter };
}

/**
 * The warning for the points left out of the strictly decreasing run (`run`, a subsequence of `kept`), naming the
 * pressures of the first five. A third of the lots have such points, so the left-out ones are found by walking both
 * lists together rather than through a Set, and only the five named are formatted.
 */
function omittedPointsWarning(kept: number[], run: number[], relativePressure: Float64Array): BjhWarning {
  const named: string[] = [];
  let omitted = 0;
  for (let j = 0, r = 0; j < kept.length; j++) {
    if (r < run.length && run[r] === kept[j]) {
      r++;
      continue;
    }
    omitted++;
    if (named.length < 5) named.push(relativePressure[kept[j]!]!.toPrecision(3));
  }
  return {
    code: 'BJH_POINTS_OMITTED',
    message: `${omitted} point(s) (p/p0 ${named.join(', ')}${omitted > 5 ? ', …' : ''}) do not continue a strictly decreasing run of pressure and amount from the top of the branch and were left out, as Micromeritics does`,
  };
}

/**
 * Hands out up to `count` arrays of `length` numbers, each a view of one shared buffer. A typed array of more than
 * 64 bytes keeps its storage outside the JavaScript heap, which is slow to allocate and to free: one buffer per call
 * rather than one per array saved a measurable share of the BJH time. The views read and write like any array
 * (nothing here hands on their `.buffer`).
 */
function arraysOfOneBuffer(count: number, length: number): () => Float64Array {
  const storage = new Float64Array(count * length);
  let used = 0;
  return () => storage.subarray(used, (used += length));
}

/** Micromeritics' interval-average Kelvin radius r1·r2·(r1 + r2)/(r1² + r2²). */
export function intervalKelvinRadius(r1: number, r2: number): number {
  return (r1 * r2 * (r1 + r2)) / (r1 * r1 + r2 * r2);
}

/** Film thickness (nm) on the walls of pores whose core radius is r: t at the pressure where r is the Kelvin radius. */
function thicknessAtCoreNm(coreRadiusNm: number, options: BjhOptions): number {
  return options.thicknessA(relativePressureAtKelvinRadius(coreRadiusNm, options)) / 10;
}

/**
 * Liquid lost from the films of a set of groups when their cores, of radius r − offset, widen by Δt:
 * Σ L·((r − offset + Δt)² − (r − offset)²), from the running sums ΣL and ΣL·r (so that a step costs O(1)).
 */
function filmLoss(sumLength: number, sumLengthRadius: number, offsetNm: number, dtNm: number): number {
  return 2 * dtNm * (sumLengthRadius - offsetNm * sumLength) + dtNm * dtNm * sumLength;
}

function standardGroups(steps: Steps, options: BjhOptions): { groups: PoreGroups; negativeSteps: number[] } {
  const { liquidCm3PerG: v, thicknessNm: t, kelvinRadiusNm: rk } = steps;
  const groups = noGroups();
  const negativeSteps: number[] = [];
  let sumLength = 0;
  let sumLengthRadius = 0;
  let upper = 0;
  for (let lower = 1; lower < v.length; lower++) {
    // Standard groups keep their pore radius; their cores are that less the film at the step's upper pressure.
    const core = v[upper]! - v[lower]! - filmLoss(sumLength, sumLengthRadius, t[upper]!, t[upper]! - t[lower]!);
    if (core < 0) {
      negativeSteps.push(lower);
      continue;
    }
    const coreRadius = intervalKelvinRadius(rk[upper]!, rk[lower]!);
    const poreRadius = coreRadius + thicknessAtCoreNm(coreRadius, options);
    const lengthTerm = core / coreRadius ** 2;
    addGroup(groups, upper, lower, poreRadius, lengthTerm);
    sumLength += lengthTerm;
    sumLengthRadius += lengthTerm * poreRadius;
    upper = lower;
  }
  return { groups, negativeSteps };
}

function faasGroups(steps: Steps, options: BjhOptions): { groups: PoreGroups; negativeSteps: number[] } {
  const { liquidCm3PerG: v, thicknessNm: t, kelvinRadiusNm: rk } = steps;
  // Every earlier group's core widens by the same Δt each step, so a group's core radius is its radius at creation
  // plus the thinning since: radiusNm holds the former, thinnedAtCreation[j] the running total when it was created.
  const groups = noGroups();
  const poreRadius: number[] = [];
  const thinnedAtCreation: number[] = [];
  const negativeSteps: number[] = [];
  let thinned = 0;
  let sumLength = 0;
  let sumLengthRadius = 0; // over current core radii
  for (let i = 0; i + 1 < v.length; i++) {
    let dt = t[i]! - t[i + 1]!;
    const released = v[i]! - v[i + 1]!;
    const core = released - filmLoss(sumLength, sumLengthRadius, 0, dt);
    const meanCore = intervalKelvinRadius(rk[i]!, rk[i + 1]!);
    const pore = meanCore + thicknessAtCoreNm(meanCore, options);
    // New cores evaporate at the film of their mean radius, then thin with the others to t at the step's end.
    const coreRadius = pore - t[i + 1]!;
    let lengthTerm = 0;
    if (core > 0) lengthTerm = core / coreRadius ** 2;
    else {
      negativeSteps.push(i + 1);
      // No new pores: the film thins only as far as the liquid released allows (to first order in Δt).
      if (sumLengthRadius > 0) dt = released / (2 * sumLengthRadius);
    }
    sumLengthRadius += dt * sumLength;
    thinned += dt;
    // A step without new pores still gets an (empty) group, which keeps the curve at zero over its diameters.
    addGroup(groups, i, i + 1, coreRadius, lengthTerm);
    poreRadius.push(pore);
    thinnedAtCreation.push(thinned);
    sumLength += lengthTerm;
    sumLengthRadius += lengthTerm * coreRadius;
  }
  const { radiusNm, lengthTerm, diameterShiftNm } = groups;
  for (let j = 0; j < radiusNm.length; j++) radiusNm[j] = radiusNm[j]! + (thinned - thinnedAtCreation[j]!);
  // Final step from the last point to zero pressure, where the film vanishes: the liquid still held is the film of the
  // emptied pores (and finer pores). Where it is less than that film, the thinning is rescaled to it over the walls of
  // the groups within the diameter limits. This is what makes the Micromeritics Faas tables come out (Sample_L and
  // Sample_G reports, to 5 digits); the published Python model (micromeritics/bjh.py) stops at the last point.
  const last = v.length - 1;
  let limitLength = 0;
  let limitLengthRadius = 0;
  for (let j = 0; j < radiusNm.length; j++) {
    if (!(2 * radiusNm[j]! >= options.minDiameterNm && 2 * radiusNm[j]! <= options.maxDiameterNm)) continue;
    limitLength += lengthTerm[j]!;
    limitLengthRadius += lengthTerm[j]! * radiusNm[j]!;
  }
  let dtFinal = t[last]!;
  if (v[last]! < filmLoss(limitLength, limitLengthRadius, 0, dtFinal) && limitLengthRadius > 0) dtFinal = v[last]! / (2 * limitLengthRadius);
  for (let j = 0; j < radiusNm.length; j++) {
    radiusNm[j] = radiusNm[j]! + dtFinal;
    diameterShiftNm[j] = 2 * (radiusNm[j]! - poreRadius[j]!);
  }
  return { groups, negativeSteps };
}

function reportNegativeSteps(negativeSteps: number[], steps: Steps, options: BjhOptions, warnings: BjhWarning[]): void {
  // Only steps that reach into the diameter limits matter to the result.
  let relevant = 0;
  let first = -1;
  let last = -1;
  for (const i of negativeSteps) {
    if (!(steps.poreDiameterNm[i - 1]! >= options.minDiameterNm && steps.poreDiameterNm[i]! <= options.maxDiameterNm)) continue;
    relevant++;
    if (first < 0) first = i;
    last = i;
  }
  if (relevant === 0) return;
  const pHigh = steps.relativePressure[first - 1]!;
  const pLow = steps.relativePressure[last]!;
  const what =
    options.correction === 'standard'
      ? 'each was merged with the next step (standard correction); where no later step made up the difference, no pores were counted'
      : 'no new pores were counted there and the film thinning was rescaled to the liquid released (Faas correction)';
  warnings.push({
    code: 'BJH_NEGATIVE_INCREMENTS',
    message: `${relevant} of ${steps.relativePressure.length - 1} pressure steps (between p/p0 ${pHigh.toPrecision(3)} and ${pLow.toPrecision(3)}) released less liquid than the film thinning in pores already emptied: ${what}`,
  });
}

function limitedDistribution(groups: PoreGroups, steps: Steps, options: BjhOptions): BjhDistribution {
  const { upper, lower, radiusNm, diameterShiftNm, lengthTerm } = groups;
  // A group straddling a limit is kept or left out whole, by Micromeritics' rule (which reproduces its reports'
  // cumulative values, Samples A, G and L): on the group's smaller bound for the standard correction, on its
  // average diameter for Faas.
  const kept: number[] = [];
  for (let g = 0; g < upper.length; g++) {
    const min = steps.poreDiameterNm[lower[g]!]! + diameterShiftNm[g]!;
    const d = options.correction === 'standard' ? min : 2 * radiusNm[g]!;
    if (min > 0 && d >= options.minDiameterNm && d <= options.maxDiameterNm) kept.push(g);
  }
  const out = emptyDistribution(kept.length);
  let volume = 0;
  let area = 0;
  for (let i = 0; i < kept.length; i++) {
    const g = kept[i]!;
    const max = steps.poreDiameterNm[upper[g]!]! + diameterShiftNm[g]!;
    const min = steps.poreDiameterNm[lower[g]!]! + diameterShiftNm[g]!;
    const groupVolume = radiusNm[g]! ** 2 * lengthTerm[g]!;
    const groupArea = (2 * AREA_PER_VOLUME_OVER_RADIUS * groupVolume) / radiusNm[g]!;
    volume += groupVolume;
    area += groupArea;
    out.diameterNm[i] = Math.sqrt(max * min);
    out.diameterMaxNm[i] = max;
    out.diameterMinNm[i] = min;
    out.averageDiameterNm[i] = 2 * radiusNm[g]!;
    out.volumeCm3PerG[i] = groupVolume;
    out.areaM2PerG[i] = groupArea;
    out.dvDdCm3PerGNm[i] = groupVolume / (max - min);
    out.dvDlogdCm3PerG[i] = groupVolume / Math.log10(max / min);
    out.cumulativeVolumeCm3PerG[i] = volume;
    out.cumulativeAreaM2PerG[i] = area;
  }
  return out;
}

function emptyDistribution(n: number): BjhDistribution {
  const array = arraysOfOneBuffer(10, n);
  return {
    diameterNm: array(),
    diameterMaxNm: array(),
    diameterMinNm: array(),
    averageDiameterNm: array(),
    volumeCm3PerG: array(),
    areaM2PerG: array(),
    dvDdCm3PerGNm: array(),
    dvDlogdCm3PerG: array(),
    cumulativeVolumeCm3PerG: array(),
    cumulativeAreaM2PerG: array(),
  };
}

function emptyResult(pointsInRange: number, warnings: BjhWarning[]): BjhResult {
  return {
    distribution: emptyDistribution(0),
    totalVolumeCm3PerG: null,
    totalAreaM2PerG: null,
    averageDiameterNm: null,
    pointsInRange,
    negativeSteps: 0,
    warnings,
  };
}

function basisCurve(distribution: BjhDistribution, basis: PsdBasis): Float64Array {
  return basis === 'dlogd' ? distribution.dvDlogdCm3PerG : distribution.dvDdCm3PerGNm;
}

export interface BjhPeak {
  /** Diameter of the maximum of the basis curve, refined by a parabola in log D, nm. */
  diameterNm: number;
  /** The highest group's representative diameter, nm. */
  gridDiameterNm: number;
  /** dV/dlogD and dV/dD at the peak: the parabola's apex for the basis curve, the other curve read at that diameter. */
  dvDlogdCm3PerG: number;
  dvDdCm3PerGNm: number;
  refined: boolean;
}

export function bjhPeak(distribution: BjhDistribution, basis: PsdBasis): BjhPeak | null {
  const peak = refinedPeak(distribution.diameterNm, basisCurve(distribution, basis));
  if (peak === null) return null;
  const other = basis === 'dlogd' ? distribution.dvDdCm3PerGNm : distribution.dvDlogdCm3PerG;
  // The vertex lies between the top point's neighbours, so the reading is always inside the curve.
  const otherValue = interpolateOnLogAxis(distribution.diameterNm, other, peak.x)!;
  return {
    diameterNm: peak.x,
    gridDiameterNm: peak.gridX,
    dvDlogdCm3PerG: basis === 'dlogd' ? peak.y : otherValue,
    dvDdCm3PerGNm: basis === 'dd' ? peak.y : otherValue,
    refined: peak.refined,
  };
}

/** Both curves at a diameter (log-D interpolation between representative diameters); null outside the groups. */
export function bjhValueAt(distribution: BjhDistribution, diameterNm: number): { dvDlogdCm3PerG: number; dvDdCm3PerGNm: number } | null {
  const dlogd = interpolateOnLogAxis(distribution.diameterNm, distribution.dvDlogdCm3PerG, diameterNm);
  const dd = interpolateOnLogAxis(distribution.diameterNm, distribution.dvDdCm3PerGNm, diameterNm);
  return dlogd === null || dd === null ? null : { dvDlogdCm3PerG: dlogd, dvDdCm3PerGNm: dd };
}
