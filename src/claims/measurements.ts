/**
 * What the analysis of one lot hands to the grader: each measured quantity with its value, unit, standard
 * uncertainty and where it came from, or why it is missing and which lot names would supply it. Grading reads
 * only this, so tests build LotMeasurements directly and the analysis (src/analysis/lot-analysis.ts) runs once
 * per lot whatever number of claims read it.
 *
 * Claim sets name measurements through MEASURED (the catalogue below), never through the fields directly.
 */

export type BjhBranch = 'adsorption' | 'desorption';
export const BJH_BRANCHES: readonly BjhBranch[] = ['desorption', 'adsorption'];

export type PoreVolumeBasis = 'gurvich' | 'bjh_cumulative';
export const PORE_VOLUME_BASES: readonly PoreVolumeBasis[] = ['gurvich', 'bjh_cumulative'];

export interface MeasuredValue {
  /** Finite. */
  readonly value: number;
  /** Any unit claims/units.ts parses; the grader converts it to the claim set's unit. */
  readonly unit: string;
  /** Standard uncertainty in `unit` (e.g. the BET standard error), or null when none is known. */
  readonly uncertainty: number | null;
  /** How it was obtained, for a reader of the verdict: method, range, file. */
  readonly source: string;
  readonly warnings: readonly string[];
  /** The value cannot be trusted near a limit (the PSD resolution warning): every verdict on it is marginal. */
  readonly resolution_warning?: boolean;
}

export interface MissingMeasurement {
  readonly value: null;
  /** Lot names that would supply it ("files.isotherm"); empty when the inputs are there but gave no value. */
  readonly missing: readonly string[];
  /** Why there is no value ("no isotherm file", "no BET range satisfies the criteria", …). */
  readonly reason: string;
  readonly warnings: readonly string[];
}

export type Measurement = MeasuredValue | MissingMeasurement;

/** A pigment measurement per ink colour ("pigment" when files.pigment_psd is a single file). */
export interface PerInk {
  readonly inks: Readonly<Record<string, Measurement>>;
}

/** One BJH branch, read at the lot's polymer particle size X. */
export interface BjhMeasurements {
  /** Y: diameter of the maximum of dV/dlogD, nm. */
  readonly peak_diameter: Measurement;
  /** Cumulative pore volume over the BJH diameter range, cm³/g. */
  readonly cumulative_pore_volume: Measurement;
  /**
   * dV/dlogD at D = X (interpolated on log D; missing outside the measured diameter range), cm³/g. X is
   * values.polymer_particle_size_nm when declared, else polymer_particle_number_mean; `source` names which, and X.
   */
  readonly dvdlogd_at_x: Measurement;
}

export interface LotMeasurements {
  /** BET area, m²/g; uncertainty = its standard error. */
  readonly bet_area: Measurement;
  /** Total pore volume by the Gurvich rule (liquid at p/p0 ≈ 0.99), cm³/g. */
  readonly total_pore_volume: Measurement;
  /** The branches the claim sets asked for (AnalysisSettings.bjh_branches); a branch not asked for is absent. */
  readonly bjh: Readonly<Partial<Record<BjhBranch, BjhMeasurements>>>;
  /** Number-weighted mean diameter of the polymer fine particles from files.polymer_particle_psd, nm. */
  readonly polymer_particle_number_mean: Measurement;
  /** Number fraction of pigment particles in [10, 500] nm, per ink. */
  readonly pigment_fraction_10_500nm: PerInk | MissingMeasurement;
  /** Number fraction of pigment particles in [300, 500] nm, per ink. */
  readonly pigment_fraction_300_500nm: PerInk | MissingMeasurement;
  /** Number-weighted mean diameter of the resin fine particles from files.resin_particle_psd. */
  readonly resin_particle_mean_diameter: Measurement;
  /** Anything else the analysis wants shown in the grade output's `analysis` (full BET report, …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface MeasuredEntry {
  /** The unit a claim set should declare for it (any unit of the same dimension is converted). */
  readonly unit: string;
  readonly description: string;
  readonly perInk: boolean;
  /** Lot names the analysis reads for it (for `lot template` and for recognising names). */
  readonly reads: readonly string[];
}

/** The lot names the analysis reads, and what each is (for templates and listings). */
export const ANALYSIS_INPUTS: Readonly<Record<string, string>> = {
  'files.isotherm': 'nitrogen isotherm export (BET, pore volume, BJH)',
  'values.sample_mass_g': 'sample mass in g; only needed when the isotherm gives total (not per-gram) amounts',
  'files.polymer_particle_psd': 'particle-size file of the polymer fine particles (its number mean is X)',
  'values.polymer_particle_size_nm': 'polymer particle size X in nm (overrides the number mean of files.polymer_particle_psd)',
  'files.pigment_psd': 'pigment particle-size file, or a map ink colour → file',
  'files.resin_particle_psd': 'particle-size file of the resin fine particles',
};

const ISOTHERM = ['files.isotherm', 'values.sample_mass_g'];
const AT_X = [...ISOTHERM, 'values.polymer_particle_size_nm', 'files.polymer_particle_psd'];

/** The measured quantities a claim set may name with {"measured": NAME}. */
export const MEASURED = {
  bet_area: { unit: 'm2/g', description: 'BET specific surface area (ISO 9277)', perInk: false, reads: ISOTHERM },
  total_pore_volume: { unit: 'cm3/g', description: 'total pore volume, Gurvich rule at p/p0 ≈ 0.99', perInk: false, reads: ISOTHERM },
  bjh_cumulative_pore_volume: { unit: 'cm3/g', description: 'BJH cumulative pore volume (branch per the bjh_branch setting)', perInk: false, reads: ISOTHERM },
  pore_volume: { unit: 'cm3/g', description: 'pore volume on the basis the pore_volume_basis setting chooses (gurvich or bjh_cumulative)', perInk: false, reads: ISOTHERM },
  bjh_peak_diameter: { unit: 'nm', description: 'BJH: diameter of the maximum of dV/dlogD', perInk: false, reads: ISOTHERM },
  bjh_dvdlogd_at_x: { unit: 'cm3/g', description: 'BJH: dV/dlogD at the polymer particle size X', perInk: false, reads: AT_X },
  polymer_particle_number_mean: { unit: 'nm', description: 'number mean diameter of the polymer fine particles from their particle-size file', perInk: false, reads: ['files.polymer_particle_psd'] },
  pigment_fraction_10_500nm: { unit: 'fraction', description: 'number fraction of pigment particles in [10, 500] nm', perInk: true, reads: ['files.pigment_psd'] },
  pigment_fraction_300_500nm: { unit: 'fraction', description: 'number fraction of pigment particles in [300, 500] nm', perInk: true, reads: ['files.pigment_psd'] },
  resin_particle_mean_diameter: { unit: 'nm', description: 'number mean diameter of the resin fine particles from their particle-size file', perInk: false, reads: ['files.resin_particle_psd'] },
} as const satisfies Record<string, MeasuredEntry>;

export type MeasuredName = keyof typeof MEASURED;

export function isMeasuredName(name: string): name is MeasuredName {
  return Object.hasOwn(MEASURED, name);
}

/** The settings that choose among measurements. */
export interface MeasurementChoice {
  readonly bjh_branch: BjhBranch;
  readonly pore_volume_basis: PoreVolumeBasis;
}

/** The measurement a name stands for under the set's settings, and the words that say which one was used. */
export function selectMeasurement(name: MeasuredName, m: LotMeasurements, choice: MeasurementChoice): { measurement: Measurement | PerInk; via: string } {
  const bjh = (pick: (b: BjhMeasurements) => Measurement): { measurement: Measurement; via: string } => {
    const branch = m.bjh[choice.bjh_branch];
    const via = `BJH ${choice.bjh_branch} branch`;
    if (branch === undefined) return { measurement: missing([], `the BJH ${choice.bjh_branch} branch was not analysed`), via };
    return { measurement: pick(branch), via };
  };
  switch (name) {
    case 'bet_area':
    case 'total_pore_volume':
    case 'polymer_particle_number_mean':
    case 'resin_particle_mean_diameter':
    case 'pigment_fraction_10_500nm':
    case 'pigment_fraction_300_500nm':
      return { measurement: m[name], via: '' };
    case 'pore_volume': {
      if (choice.pore_volume_basis === 'gurvich') return { measurement: m.total_pore_volume, via: 'pore_volume_basis gurvich: total pore volume (Gurvich)' };
      const cumulative = bjh((b) => b.cumulative_pore_volume);
      return { measurement: cumulative.measurement, via: `pore_volume_basis bjh_cumulative: ${cumulative.via}, cumulative volume` };
    }
    case 'bjh_cumulative_pore_volume':
      return bjh((b) => b.cumulative_pore_volume);
    case 'bjh_peak_diameter':
      return bjh((b) => b.peak_diameter);
    case 'bjh_dvdlogd_at_x':
      return bjh((b) => b.dvdlogd_at_x);
  }
}

export function missing(names: readonly string[], reason: string, warnings: readonly string[] = []): MissingMeasurement {
  return { value: null, missing: names, reason, warnings };
}

export function isPerInk(m: Measurement | PerInk): m is PerInk {
  return 'inks' in m;
}
