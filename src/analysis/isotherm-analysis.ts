/**
 * Isotherm → analysis record: BET (fixed, automatic or the vendor's points) and the Gurvich total pore volume,
 * with every setting echoed and every non-computable value null with a warning. Pure: no I/O.
 */
import { betAuto, betCriteria, betFit, MAX_SEARCH_POINTS, type BetAutoResult, type BetCriteria, type BetFit } from '../core/bet.js';
import { LIQUID_VOLUME_FACTOR_N2 } from '../core/constants.js';
import { gurvichPoreVolume } from '../core/pore-volume.js';
import { AnalysisError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { ADSORBATES } from '../model/adsorbates.js';
import { ADSORPTION, branchPoints, type BranchData, type Isotherm } from '../model/isotherm.js';
import { sig } from '../output/json.js';
import { compareWithVendor, poregradeResults, type ComparisonRow } from './vendor-comparison.js';
import { matchVendorPoints } from './vendor-points.js';
import type { Warning } from './warnings.js';

export type BetRange = { mode: 'auto' } | { mode: 'vendor' } | { mode: 'fixed'; min: number; max: number };

export interface IsothermSettings {
  betRange: BetRange;
  betMinPoints: number;
  betMinR2: number;
  betTolerance: number;
  /** nm²; null = from the adsorbate (N2 0.162, Ar 0.142, Kr 0.202). */
  crossSectionNm2: number | null;
  poreVolumeAt: number;
  liquidVolumeFactor: number;
}

export const ISOTHERM_DEFAULTS: IsothermSettings = {
  betRange: { mode: 'auto' },
  betMinPoints: 5,
  betMinR2: 0.995,
  betTolerance: 0.2,
  crossSectionNm2: null,
  poreVolumeAt: 0.99,
  liquidVolumeFactor: LIQUID_VOLUME_FACTOR_N2,
};

/** Parses `auto`, `vendor` or `LO:HI`. */
export function parseBetRange(text: string): BetRange {
  const t = text.trim().toLowerCase();
  if (t === 'auto') return { mode: 'auto' };
  if (t === 'vendor') return { mode: 'vendor' };
  const m = /^([0-9.eE+-]+)\s*[:,-]\s*([0-9.eE+-]+)$/.exec(t);
  const min = m ? Number(m[1]) : NaN;
  const max = m ? Number(m[2]) : NaN;
  if (!(min >= 0 && max > min && max < 1)) throw new UsageError(`--bet-range "${text}" is not auto, vendor or LO:HI with 0 ≤ LO < HI < 1`, '--bet-range', 'e.g. --bet-range 0.05:0.30');
  return { mode: 'fixed', min, max };
}

export function formatBetRange(range: BetRange): string {
  return range.mode === 'fixed' ? `${range.min}:${range.max}` : range.mode;
}

/** Adsorption points sorted by pressure (stable), keeping those BET can use (0 < p/p0 < 1, n > 0). */
function sortedAdsorption(isotherm: Isotherm): BranchData {
  const ads = branchPoints(isotherm, ADSORPTION);
  const x = ads.relativePressure;
  const q = ads.loadingCm3StpPerG;
  const usable = (i: number): boolean => x[i]! > 0 && x[i]! < 1 && q[i]! > 0;
  let sorted = true;
  for (let i = 1; i < x.length && sorted; i++) sorted = x[i - 1]! <= x[i]!;
  // Readers already put adsorption in measurement order, which is nearly always rising: sort only when it is not.
  if (!sorted) return pointsAt(ads, Array.from(x.keys()).sort((a, b) => x[a]! - x[b]! || a - b).filter(usable));
  // Sorted and every point usable (the usual case): the branch as it is, without copying it.
  let usableCount = 0;
  for (let i = 0; i < x.length; i++) if (usable(i)) usableCount++;
  if (usableCount === x.length) return ads;
  return pointsAt(ads, Array.from(x.keys()).filter(usable));
}

function pointsAt(points: BranchData, indices: number[]): BranchData {
  return {
    relativePressure: Float64Array.from(indices, (i) => points.relativePressure[i]!),
    loadingCm3StpPerG: Float64Array.from(indices, (i) => points.loadingCm3StpPerG[i]!),
  };
}

function criteriaJson(c: BetCriteria) {
  return {
    rouquerol_increasing: c.rouquerolIncreasing,
    positive_c: c.positiveC,
    monolayer_in_range: c.monolayerInRange,
    monolayer_relative_pressure: sig(c.monolayerRelativePressure),
    monolayer_consistent: c.monolayerConsistent,
    monolayer_pressure_error: sig(c.monolayerPressureError, 6),
  };
}

/** The failure counts in the record's snake_case, the same names as `criteria` (core/bet.ts counts them in camelCase). */
function failuresJson(f: BetAutoResult['failures']) {
  return {
    r2: f.r2,
    rouquerol_increasing: f.rouquerolIncreasing,
    positive_c: f.positiveC,
    monolayer_in_range: f.monolayerInRange,
    monolayer_consistent: f.monolayerConsistent,
  };
}

function fitJson(fit: BetFit) {
  return {
    area_m2_g: sig(fit.areaM2PerG),
    area_stderr_m2_g: sig(fit.areaStderrM2PerG),
    c: sig(fit.c),
    monolayer_cm3_stp_g: sig(fit.monolayerCm3StpPerG),
    slope: sig(fit.slope),
    intercept: sig(fit.intercept),
    relative_pressure_min: sig(fit.relativePressureMin),
    relative_pressure_max: sig(fit.relativePressureMax),
    points: fit.points,
    r2: sig(fit.r2, 12),
  };
}

const NULL_FIT = {
  area_m2_g: null,
  area_stderr_m2_g: null,
  c: null,
  monolayer_cm3_stp_g: null,
  slope: null,
  intercept: null,
  relative_pressure_min: null,
  relative_pressure_max: null,
  points: 0,
  r2: null,
};

/**
 * The record's `bet` object, built as one literal in the record's key order: the fit's numbers (null without a fit,
 * the area null without a cross-section), the settings, the criteria, and the search for an automatic range.
 * Spreading the fit's object into it, as before, cost ~6 µs per isotherm.
 */
function betJson(fit: BetFit | null, knownCrossSection: number | null, criteria: BetCriteria | null, search: BetAutoResult | null, settings: IsothermSettings): Record<string, unknown> {
  const fitted = fit ? fitJson(fit) : NULL_FIT;
  const areaKnown = knownCrossSection !== null;
  const bet: Record<string, unknown> = {
    area_m2_g: areaKnown ? fitted.area_m2_g : null,
    area_stderr_m2_g: areaKnown ? fitted.area_stderr_m2_g : null,
    c: fitted.c,
    monolayer_cm3_stp_g: fitted.monolayer_cm3_stp_g,
    slope: fitted.slope,
    intercept: fitted.intercept,
    relative_pressure_min: fitted.relative_pressure_min,
    relative_pressure_max: fitted.relative_pressure_max,
    points: fitted.points,
    r2: fitted.r2,
    cross_section_nm2: knownCrossSection,
    range_selection: settings.betRange.mode,
    criteria: criteria ? criteriaJson(criteria) : null,
  };
  if (search) {
    bet.search = {
      windows_tried: search.windowsTried,
      min_points: settings.betMinPoints,
      min_r2: settings.betMinR2,
      failures: failuresJson(search.failures),
      nearest: search.nearest.map((w) => ({ ...fitJson(w.fit), criteria: criteriaJson(w.criteria), failed: describeCriteria(w.criteria, w.fit.r2, settings.betMinR2) })),
    };
  }
  return bet;
}

function describeCriteria(c: BetCriteria, r2: number, minR2: number): string[] {
  const failed: string[] = [];
  if (r2 < minR2) failed.push(`R² ${r2.toFixed(5)} < ${minR2}`);
  if (!c.rouquerolIncreasing) failed.push('1: n(1−p/p0) or the BET transform does not rise throughout');
  if (!c.positiveC) failed.push('2: C ≤ 0 (negative intercept)');
  if (!c.monolayerInRange) failed.push(c.monolayerRelativePressure === null ? '3: the isotherm never reaches n_m' : `3: n_m is reached at p/p0 ${c.monolayerRelativePressure.toPrecision(3)}, outside the range`);
  if (!c.monolayerConsistent) failed.push(c.monolayerPressureError === null ? '4: 1/(√C+1) undefined' : `4: p(n_m) differs from 1/(√C+1) by ${(c.monolayerPressureError * 100).toFixed(0)} %`);
  return failed;
}

export interface IsothermAnalysis {
  /** The bet and pore_volume objects of the JSON record. */
  bet: Record<string, unknown>;
  poreVolume: Record<string, unknown>;
  warnings: Warning[];
  /** The fit used (for reports and claims), or null. */
  betFit: BetFit | null;
  /** EXIT.NO_BET_RANGE when no range qualified, else EXIT.OK. */
  exitCode: number;
  /** Adsorption points used (sorted), for plots. */
  adsorption: BranchData;
  /** The instrument's own results beside poregrade's, when the file carries them. */
  vendorComparison: ComparisonRow[];
}

/** σ from the option or the adsorbate table (ISO 9277), or null when neither knows it. */
export function crossSectionFor(isotherm: Isotherm, settings: IsothermSettings): number | null {
  return settings.crossSectionNm2 ?? ADSORBATES[isotherm.adsorbate]?.crossSectionNm2 ?? null;
}

export function analyzeIsotherm(isotherm: Isotherm, settings: IsothermSettings): IsothermAnalysis {
  const warnings: Warning[] = [];
  const file = isotherm.source.file;
  const knownCrossSection = crossSectionFor(isotherm, settings);
  if (knownCrossSection === null) {
    warnings.push({ code: 'W_BET_NO_CROSS_SECTION', message: `no molecular cross-section is known for ${isotherm.adsorbate}: C and n_m are computed, the area is not (pass --cross-section NM2)` });
  }
  // The fit does not depend on σ; with none known the area is withheld below.
  const crossSection = knownCrossSection ?? 1;
  const ads = sortedAdsorption(isotherm);
  const x = ads.relativePressure;
  const q = ads.loadingCm3StpPerG;
  let fit: BetFit | null = null;
  let criteria: BetCriteria | null = null;
  let search: BetAutoResult | null = null;
  let exitCode: number = EXIT.OK;
  const range = settings.betRange;

  if (range.mode === 'auto') {
    if (x.length < settings.betMinPoints) {
      throw new AnalysisError('E_TOO_FEW_POINTS', `the adsorption branch has ${x.length} usable points (0 < p/p0 < 1), automatic BET needs at least ${settings.betMinPoints}`, { file }, 'measure more points, lower --bet-min-points, or give a fixed --bet-range');
    }
    search = betAuto(x, q, { crossSectionNm2: crossSection, minPoints: settings.betMinPoints, minR2: settings.betMinR2, pressureTolerance: settings.betTolerance });
    if (search.thinnedFrom !== null) {
      warnings.push({ code: 'W_BET_SEARCH_THINNED', message: `the automatic BET search ran on every ${Math.ceil(search.thinnedFrom / MAX_SEARCH_POINTS)}th of ${search.thinnedFrom} adsorption points; the chosen range was then fitted on all the points inside it` });
    }
    if (search.chosen) {
      fit = search.chosen.fit;
      criteria = search.chosen.criteria;
    } else {
      exitCode = EXIT.NO_BET_RANGE;
      const nearest = search.nearest[0];
      const why = nearest ? ` The closest window, p/p0 ${x[nearest.start]!.toPrecision(3)}–${x[nearest.end]!.toPrecision(3)} (${nearest.fit.points} points), fails: ${describeCriteria(nearest.criteria, nearest.fit.r2, settings.betMinR2).join('; ')}.` : '';
      warnings.push({ code: 'W_NO_BET_RANGE', message: `no window of ≥ ${settings.betMinPoints} points satisfies R² ≥ ${settings.betMinR2} and consistency criteria 1–4 (${search.windowsTried} windows tried).${why} A fixed --bet-range gives an area regardless.` });
    }
  } else {
    let indices: number[];
    if (range.mode === 'fixed') {
      indices = Array.from(x.keys()).filter((i) => x[i]! >= range.min && x[i]! <= range.max);
    } else {
      const vendor = isotherm.vendor?.bet;
      const listed = vendor?.relativePressures;
      if (listed && listed.length > 0) {
        indices = matchVendorPoints(x, listed, file);
      } else if (vendor?.relativePressureMin !== undefined && vendor.relativePressureMax !== undefined) {
        const tolerance = 5e-4;
        indices = Array.from(x.keys()).filter((i) => x[i]! >= vendor.relativePressureMin! - tolerance && x[i]! <= vendor.relativePressureMax! + tolerance);
      } else {
        throw new AnalysisError('E_NO_VENDOR_BET', `--bet-range vendor: the file (${isotherm.source.format}) carries no vendor BET points`, { file, field: '--bet-range' });
      }
    }
    if (indices.length < 3) {
      throw new AnalysisError('E_BET_RANGE', `the BET range ${formatBetRange(range)} holds ${indices.length} adsorption points; at least 3 are needed`, { file, field: '--bet-range' });
    }
    const start = indices[0]!;
    const end = indices[indices.length - 1]!;
    const px = Float64Array.from(indices, (i) => x[i]!);
    const pq = Float64Array.from(indices, (i) => q[i]!);
    fit = betFit(px, pq, crossSection);
    criteria = betCriteria(x, q, start, end, fit, settings.betTolerance);
    const failed = describeCriteria(criteria, fit.r2, settings.betMinR2);
    if (failed.length > 0) warnings.push({ code: 'W_BET_CRITERIA', message: `the ${range.mode} BET range fails consistency checks: ${failed.join('; ')}` });
  }

  if (fit) {
    if (fit.c < 0 || fit.intercept <= 0) {
      warnings.push({ code: 'W_BET_NEGATIVE_C', message: `C = ${fit.c.toPrecision(4)} is negative: the range is not a BET range, the area is meaningless` });
    } else if (fit.c < 50) {
      warnings.push({ code: 'W_BET_LOW_C', message: `C = ${fit.c.toPrecision(4)} is below 50: the monolayer point is ill defined (IUPAC 2015)` });
    } else if (fit.c > 150) {
      warnings.push({ code: 'W_BET_HIGH_C', message: `C = ${fit.c.toPrecision(4)} is above 150: micropore filling likely, the number is an apparent "BET area" (IUPAC 2015)` });
    }
    if (fit.points < 5) warnings.push({ code: 'W_BET_FEW_POINTS', message: `only ${fit.points} points in the BET range (ISO 9277 asks for at least 5)` });
  }

  const pv = gurvichPoreVolume(x, q, settings.poreVolumeAt, settings.liquidVolumeFactor);
  if (pv.method === 'unavailable') {
    warnings.push({ code: 'W_PORE_VOLUME_UNAVAILABLE', message: `the adsorption branch ends at p/p0 ${x.length ? x[x.length - 1]!.toPrecision(4) : '–'}, too far below ${settings.poreVolumeAt} for a total pore volume (never extrapolated)` });
  } else if (pv.method === 'highest-point') {
    warnings.push({ code: 'W_PORE_VOLUME_HIGHEST_POINT', message: `the isotherm ends below p/p0 ${settings.poreVolumeAt}: total pore volume taken at its highest point, p/p0 ${pv.relativePressure!.toPrecision(4)}` });
  }

  const bet = betJson(fit, knownCrossSection, criteria, search, settings);
  const poreVolume = {
    total_cm3_g: sig(pv.totalCm3PerG),
    relative_pressure: sig(pv.relativePressure),
    loading_cm3_stp_g: sig(pv.loadingCm3StpPerG),
    method: pv.method,
    liquid_volume_factor: settings.liquidVolumeFactor,
  };
  const vendorComparison = compareWithVendor(isotherm, poregradeResults({ betFit: fit, bet }, settings));
  return { bet, poreVolume, warnings, betFit: knownCrossSection === null ? null : fit, exitCode, adsorption: ads, vendorComparison };
}
