/**
 * One lot's analysis: the isotherm (BET, Gurvich pore volume, BJH on each branch asked for, read at X) and the
 * particle-size files (pigment number fractions per ink, polymer and resin means), run once per lot whatever number
 * of claims read the results. The grader (src/claims/grade.ts) reads only the LotMeasurements this returns.
 *
 * STUB: the file-based measurements are not wired yet; each is reported missing with the reason, so grading runs
 * end to end and says what it could not decide.
 */
import { missing, type BjhBranch, type BjhMeasurements, type LotMeasurements, type Measurement } from '../claims/measurements.js';
import type { LotFile } from '../claims/lot.js';

export interface AnalysisSettings {
  /** Each BJH branch some claim set is graded under (claims/settings.ts analysisSettingsFor). */
  readonly bjh_branches: readonly BjhBranch[];
}

/** Names of `analysis` in a lot file that the analysis or the grader reads; others draw a warning. */
export const LOT_ANALYSIS_SETTINGS: readonly string[] = ['bjh_branch', 'pore_volume_basis', 'thickness_model', 'bet_range'];

const NOT_WIRED = 'measurement not wired yet';
const X_NAMES = 'values.polymer_particle_size_nm or files.polymer_particle_psd';

export function analyzeLot(lot: LotFile, settings: AnalysisSettings): LotMeasurements {
  const fromFile = (present: boolean, field: string, what: string): Measurement =>
    present ? missing([], NOT_WIRED) : missing([field], `no ${what} (${field})`);
  const isotherm = (): Measurement => fromFile(lot.files.isotherm !== undefined, 'files.isotherm', 'isotherm file');

  const polymerMean = fromFile(lot.files.polymer_particle_psd !== undefined, 'files.polymer_particle_psd', 'polymer particle-size file');
  // X for dV/dlogD at X: the declared size wins over the number mean, as in the polymer-particle-voids set.
  const haveX = lot.values.has('polymer_particle_size_nm') || lot.files.polymer_particle_psd !== undefined;
  const atX = (): Measurement => {
    const needs = [...(lot.files.isotherm ? [] : ['files.isotherm']), ...(haveX ? [] : [X_NAMES])];
    return needs.length > 0 ? missing(needs, 'no isotherm file, or no polymer particle size X') : missing([], NOT_WIRED);
  };
  const bjh: Partial<Record<BjhBranch, BjhMeasurements>> = {};
  for (const branch of settings.bjh_branches) bjh[branch] = { peak_diameter: isotherm(), cumulative_pore_volume: isotherm(), dvdlogd_at_x: atX() };

  const pigmentFiles = lot.files.pigment_psd;
  const pigment = () =>
    pigmentFiles ? { inks: Object.fromEntries(Object.keys(pigmentFiles).map((ink) => [ink, missing([], NOT_WIRED)])) } : missing(['files.pigment_psd'], 'no pigment particle-size file (files.pigment_psd)');

  return {
    bet_area: isotherm(),
    total_pore_volume: isotherm(),
    bjh,
    polymer_particle_number_mean: polymerMean,
    pigment_fraction_10_500nm: pigment(),
    pigment_fraction_300_500nm: pigment(),
    resin_particle_mean_diameter: fromFile(lot.files.resin_particle_psd !== undefined, 'files.resin_particle_psd', 'resin particle-size file'),
  };
}
