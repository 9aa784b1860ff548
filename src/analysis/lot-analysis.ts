/**
 * One lot's analysis: the isotherm (BET, Gurvich pore volume, BJH on each branch asked for, read at X) and the
 * particle-size files (pigment number fractions per ink, polymer and resin means), run once per lot whatever number
 * of claims read the results. The grader (src/claims/grade.ts) reads only the LotMeasurements this returns.
 *
 * A file that cannot be read is an error (the lot gets an error record); an analysis that gives no value (no BET
 * range, X outside the measured diameters) is a missing measurement with the reason, so the claim is undetermined.
 */
import { bjhReport, BJH_DEFAULTS, type BjhJson, type BjhSettings } from './bjh-report.js';
import { analyzeIsotherm, ISOTHERM_DEFAULTS, parseBetRange, type IsothermAnalysis, type IsothermSettings } from './isotherm-analysis.js';
import { analyzeDistribution, PSD_DEFAULTS, type PsdResult } from './psd-analysis.js';
import { missing, type BjhBranch, type BjhMeasurements, type LotMeasurements, type Measurement, type PerInk, type MissingMeasurement } from '../claims/measurements.js';
import type { LotFile, LotFileRef } from '../claims/lot.js';
import { withFile } from '../errors.js';
import { isThicknessModelName } from '../core/thickness.js';
import type { Isotherm } from '../model/isotherm.js';
import { readInput, type RawInput } from '../io/input.js';
import type { Distribution } from '../model/distribution.js';
import { readIsotherm } from '../io/isotherm/registry.js';
import { readDistribution } from '../io/psd/registry.js';

export interface AnalysisSettings {
  /** Each BJH branch some claim set is graded under (claims/settings.ts analysisSettingsFor). */
  readonly bjh_branches: readonly BjhBranch[];
}

/** Names of `analysis` in a lot file that the analysis or the grader reads; others draw a warning. */
export const LOT_ANALYSIS_SETTINGS: readonly string[] = ['bjh_branch', 'pore_volume_basis', 'thickness_model', 'bet_range', 'pore_volume_at'];

/**
 * What analyzeLot read and computed on its way to the measurements, kept only when a caller asks (a report draws the
 * isotherm, the BJH curves and the particle-size histograms; the grader needs none of it).
 */
export interface LotArtefacts {
  isotherm: { ref: LotFileRef; input: RawInput; isotherm: Isotherm; analysis: IsothermAnalysis; bjh: Partial<Record<BjhBranch, BjhJson>> } | null;
  /** Every particle-size file, in the order read; `label` is the ink colour, or what the particles are. */
  psd: { ref: LotFileRef; label: string; input: RawInput; distribution: Distribution; result: PsdResult }[];
}

export function emptyLotArtefacts(): LotArtefacts {
  return { isotherm: null, psd: [] };
}

const X_NAMES = 'values.polymer_particle_size_nm or files.polymer_particle_psd';

function value(v: number, unit: string, uncertainty: number | null, source: string, warnings: readonly string[] = [], resolutionWarning = false): Measurement {
  return { value: v, unit, uncertainty, source, warnings, ...(resolutionWarning ? { resolution_warning: true } : {}) };
}

function describeFile(ref: LotFileRef): string {
  return `${ref.field} = ${ref.given}`;
}

/** Per-lot isotherm settings from the lot's `analysis` block (bet_range, pore_volume_at). */
function isothermSettingsFor(lot: LotFile): IsothermSettings {
  const betRange = lot.analysis.get('bet_range');
  const poreVolumeAt = lot.analysis.get('pore_volume_at');
  return {
    ...ISOTHERM_DEFAULTS,
    ...(typeof betRange === 'string' ? { betRange: withFile(lot.file, () => parseBetRange(betRange)) } : {}),
    ...(typeof poreVolumeAt === 'number' ? { poreVolumeAt } : {}),
  };
}

function psdOf(ref: LotFileRef, label: string, artefacts: LotArtefacts | undefined): PsdResult {
  const input = readInput(ref.path);
  const distribution = withFile(ref.path, () => readDistribution(input));
  const result = analyzeDistribution(distribution, PSD_DEFAULTS);
  artefacts?.psd.push({ ref, label, input, distribution, result });
  return result;
}

function numberMean(ref: LotFileRef | undefined, field: string, what: string, label: string, artefacts: LotArtefacts | undefined): { measurement: Measurement; nm: number | null } {
  if (!ref) return { measurement: missing([field], `no ${what} (${field})`), nm: null };
  const result = psdOf(ref, label, artefacts);
  const mean = result.number.mean_nm;
  if (mean === null) return { measurement: missing([], `the number mean of ${describeFile(ref)} cannot be computed`, result.warnings.map((w) => w.message)), nm: null };
  const unresolved = result.warnings.some((w) => w.code === 'W_UNRESOLVED_FINES');
  return { measurement: value(mean, 'nm', null, `number-weighted mean of ${describeFile(ref)}`, result.warnings.map((w) => w.message), unresolved), nm: mean };
}

function pigmentFractions(lot: LotFile, artefacts: LotArtefacts | undefined): { inRange: PerInk | MissingMeasurement; coarse: PerInk | MissingMeasurement } {
  const files = lot.files.pigment_psd;
  if (!files) {
    const none = missing(['files.pigment_psd'], 'no pigment particle-size file (files.pigment_psd)');
    return { inRange: none, coarse: none };
  }
  const inRange: Record<string, Measurement> = {};
  const coarse: Record<string, Measurement> = {};
  for (const [ink, ref] of Object.entries(files)) {
    const result = psdOf(ref, ink, artefacts);
    const unresolved = result.warnings.some((w) => w.code === 'W_UNRESOLVED_FINES');
    const warnings = result.warnings.map((w) => w.message);
    const fraction = (min: number, max: number): Measurement => {
      const window = result.fractions.find((f) => f.min_nm === min && f.max_nm === max);
      const n = window?.number_fraction ?? null;
      return n === null ? missing([], `no number fraction in ${min}–${max} nm from ${describeFile(ref)}`, warnings) : value(n, '1', null, `number fraction in [${min}, ${max}] nm of ${describeFile(ref)}`, warnings, unresolved);
    };
    inRange[ink] = fraction(10, 500);
    coarse[ink] = fraction(300, 500);
  }
  return { inRange: { inks: inRange }, coarse: { inks: coarse } };
}

function bjhSettingsFor(lot: LotFile, branch: BjhBranch, atDiameterNm: number | null): BjhSettings {
  const model = lot.analysis.get('thickness_model');
  return {
    ...BJH_DEFAULTS,
    branch,
    ...(typeof model === 'string' && isThicknessModelName(model) ? { thicknessModel: model } : {}),
    atDiameterNm,
  };
}

function bjhMeasurements(isotherm: Isotherm, ref: LotFileRef, lot: LotFile, branch: BjhBranch, x: { nm: number; source: string } | null, artefacts: LotArtefacts | undefined): BjhMeasurements {
  const { bjh, warnings } = bjhReport(isotherm, bjhSettingsFor(lot, branch, x?.nm ?? null));
  if (artefacts?.isotherm) artefacts.isotherm.bjh[branch] = bjh;
  const messages = warnings.map((w) => w.message);
  const method = `BJH ${bjh.branch}, ${bjh.thickness_model}, ${bjh.correction}, ${describeFile(ref)}`;
  const orMissing = (v: number | null, unit: string, what: string): Measurement => (v === null ? missing([], `${what}: not computable (${messages.join('; ') || 'no pores in range'})`, messages) : value(v, unit, null, `${what} (${method})`, messages));
  let atX: Measurement;
  if (!x) atX = missing([X_NAMES], 'no polymer particle size X');
  else if (bjh.at_diameter?.dv_dlogd_cm3_g == null) atX = missing([], `X = ${x.nm} nm (${x.source}) lies outside the measured pore diameters`, messages);
  else atX = value(bjh.at_diameter.dv_dlogd_cm3_g, 'cm3/g', null, `dV/dlogD at X = ${x.nm} nm (${x.source}); ${method}`, messages);
  return {
    peak_diameter: orMissing(bjh.peak_diameter_nm, 'nm', 'peak of dV/dlogD'),
    cumulative_pore_volume: orMissing(bjh.cumulative_volume_cm3_g, 'cm3/g', 'BJH cumulative pore volume'),
    dvdlogd_at_x: atX,
  };
}

/** `artefacts`, when given, receives what was read and computed on the way (for reports). */
export function analyzeLot(lot: LotFile, settings: AnalysisSettings, artefacts?: LotArtefacts): LotMeasurements {
  const polymer = numberMean(lot.files.polymer_particle_psd, 'files.polymer_particle_psd', 'polymer particle-size file', 'polymer fine particles', artefacts);
  const declaredX = lot.values.get('polymer_particle_size_nm');
  const x = declaredX ? { nm: declaredX.value, source: 'values.polymer_particle_size_nm' } : polymer.nm !== null ? { nm: polymer.nm, source: 'number mean of files.polymer_particle_psd' } : null;
  const pigments = pigmentFractions(lot, artefacts);
  const resin = numberMean(lot.files.resin_particle_psd, 'files.resin_particle_psd', 'resin particle-size file', 'resin fine particles', artefacts);

  const ref = lot.files.isotherm;
  let betArea: Measurement = missing(['files.isotherm'], 'no isotherm file (files.isotherm)');
  let poreVolume: Measurement = betArea;
  const bjh: Partial<Record<BjhBranch, BjhMeasurements>> = {};
  let analysis: IsothermAnalysis | null = null;
  if (ref) {
    const massG = lot.values.get('sample_mass_g')?.value;
    const input = readInput(ref.path);
    const isotherm = withFile(ref.path, () => readIsotherm(input, massG !== undefined ? { massG } : {}));
    analysis = withFile(ref.path, () => analyzeIsotherm(isotherm, isothermSettingsFor(lot)));
    if (artefacts) artefacts.isotherm = { ref, input, isotherm, analysis, bjh: {} };
    const fit = analysis.betFit;
    const warnings = analysis.warnings.map((w) => w.message);
    betArea = fit
      ? value(fit.areaM2PerG, 'm2/g', fit.areaStderrM2PerG, `BET ${analysis.bet.range_selection} range p/p0 ${fit.relativePressureMin.toPrecision(3)}–${fit.relativePressureMax.toPrecision(3)}, ${fit.points} points, C ${fit.c.toPrecision(4)} (${describeFile(ref)})`, warnings)
      : missing([], 'no BET range satisfies the consistency criteria', warnings);
    const pv = analysis.poreVolume as { total_cm3_g: number | null; relative_pressure: number | null };
    poreVolume = pv.total_cm3_g === null ? missing([], 'the isotherm does not reach the pore-volume pressure', warnings) : value(pv.total_cm3_g, 'cm3/g', null, `Gurvich at p/p0 ${pv.relative_pressure} (${describeFile(ref)})`, warnings);
    for (const branch of settings.bjh_branches) bjh[branch] = withFile(ref.path, () => bjhMeasurements(isotherm, ref, lot, branch, x, artefacts));
  } else {
    for (const branch of settings.bjh_branches) {
      const none = missing(['files.isotherm'], 'no isotherm file (files.isotherm)');
      bjh[branch] = { peak_diameter: none, cumulative_pore_volume: none, dvdlogd_at_x: x ? none : missing(['files.isotherm', X_NAMES], 'no isotherm file and no polymer particle size X') };
    }
  }
  return {
    bet_area: betArea,
    total_pore_volume: poreVolume,
    bjh,
    polymer_particle_number_mean: polymer.measurement,
    pigment_fraction_10_500nm: pigments.inRange,
    pigment_fraction_300_500nm: pigments.coarse,
    resin_particle_mean_diameter: resin.measurement,
    ...(analysis ? { details: { bet: analysis.bet, pore_volume: analysis.poreVolume } } : {}),
  };
}
