/**
 * The normalised particle-size distribution every PSD reader produces and every PSD analysis consumes: bin edges in
 * nm and the fraction of the input's basis in each bin, so the numeric core never sees units, densities or
 * cumulative curves. ../shared/docs/science.md, "Particle-size distributions (ISO 9276-1, -2)".
 */

/** What a fraction counts: ISO 9276-1 types r = 0…3, plus the DLS intensity (Rayleigh weight d⁶). */
export type Basis = 'number' | 'length' | 'area' | 'volume' | 'intensity';

export const BASES: readonly Basis[] = ['number', 'length', 'area', 'volume', 'intensity'];

/**
 * The power of the diameter each basis weights a particle by: ISO 9276-1 type r for number…volume; 6 for the
 * intensity of Rayleigh scatterers (particles much smaller than the wavelength), the only intensity→number model
 * that needs no optical constants (../shared/data/psd/INDEX.md).
 */
export const BASIS_POWER: Readonly<Record<Basis, number>> = { number: 0, length: 1, area: 2, volume: 3, intensity: 6 };

/** Another distribution of the same sample that the instrument itself reported on the same bins. */
export interface MeasuredDistribution {
  basis: Basis;
  /** Per-bin fraction, sums to 1, same bins as the primary distribution. */
  fraction: Float64Array;
  /** The column it came from, as named in the file. */
  column: string;
}

/** A statistic the instrument software printed in the file, for reconciliation with ours. */
export interface VendorStatistic {
  quantity: 'd10' | 'd50' | 'd90' | 'mean' | 'd32' | 'd43' | 'span';
  /** The basis the statistic refers to; null for basis-free quantities (D[3,2], D[4,3]). */
  basis: Basis | null;
  /** nm for diameters; dimensionless for span. */
  value: number;
  /** The label in the file, e.g. "D [4, 3] - Volume weighted mean" or "Number Mean (d.nm)". */
  label: string;
}

export interface DistributionMetadata {
  sampleName?: string;
  instrument?: string;
  date?: string;
  /** Which record of a multi-record file this is, e.g. "2 of 3" or "mean of 3 records". */
  record?: string;
  /** Anything else a reader found worth echoing (string values only). */
  extra?: Record<string, string>;
}

export interface DistributionWarning {
  code: string;
  message: string;
}

export interface Distribution {
  /** n + 1 bin edges, nm, strictly ascending and positive. */
  edgesNm: Float64Array;
  /** n per-bin fractions of `basis`, non-negative, summing to 1. */
  fraction: Float64Array;
  basis: Basis;
  /** Distributions by other bases that the file itself holds for the same bins (never computed by us). */
  alsoMeasured: MeasuredDistribution[];
  source: { file: string; format: string };
  metadata: DistributionMetadata;
  /** Things the reader had to assume, stated in the output (e.g. "class points taken as geometric bin centres"). */
  assumptions: string[];
  /** Things the reader saw that weaken the answer (e.g. a cumulative curve that stops at 92 %). */
  warnings: DistributionWarning[];
  vendor?: VendorStatistic[];
}
