/**
 * The normalised isotherm every reader produces and every analysis consumes. Loading is always cm³(STP)/g and
 * pressure always relative (p/p0), so the numeric core never sees units.
 */

export const ADSORPTION = 0;
export const DESORPTION = 1;
export type BranchCode = typeof ADSORPTION | typeof DESORPTION;
export type BranchName = 'adsorption' | 'desorption';

export interface IsothermMetadata {
  sampleName?: string;
  materialName?: string;
  instrument?: string;
  date?: string;
  operator?: string;
  /** Saturation pressure as found in the file (first value if per point), with its unit. */
  p0?: { value: number; unit: string };
  /** Anything else a reader found worth echoing (string values only). */
  extra?: Record<string, string>;
}

/** The instrument software's own results, when the file carries them (issue 3: vendor reconciliation). */
export interface VendorResults {
  bet?: {
    areaM2PerG?: number;
    areaStderrM2PerG?: number;
    c?: number;
    monolayerCm3StpPerG?: number;
    /** The relative pressures of the points the vendor used. */
    relativePressures?: Float64Array;
    relativePressureMin?: number;
    relativePressureMax?: number;
    /** Slope and intercept of 1/[n(p0/p − 1)] against p/p0, g/cm³(STP). */
    slopeGPerCm3Stp?: number;
    interceptGPerCm3Stp?: number;
    correlationCoefficient?: number;
    /** The adsorbate cross-section the vendor used (Micromeritics prints it; 0.162 nm² for N2). */
    crossSectionNm2?: number;
    singlePointAreaM2PerG?: number;
    singlePointRelativePressure?: number;
  };
  totalPoreVolume?: { cm3PerG: number; relativePressure?: number; branch?: BranchName };
  bjh?: {
    adsorption?: { cumulativeVolumeCm3PerG?: number; cumulativeAreaM2PerG?: number; averageDiameterNm?: number };
    desorption?: { cumulativeVolumeCm3PerG?: number; cumulativeAreaM2PerG?: number; averageDiameterNm?: number };
    settings?: Record<string, string>;
  };
}

export interface Isotherm {
  /** p/p0 of every point, in measurement order: adsorption points first, then desorption points. */
  relativePressure: Float64Array;
  /** Amount adsorbed, cm³(STP)/g, same order. */
  loadingCm3StpPerG: Float64Array;
  /** ADSORPTION or DESORPTION for each point. */
  branch: Uint8Array;
  /** Lower-case adsorptive name: 'nitrogen', 'argon', 'krypton', 'carbon dioxide', … or 'unknown'. */
  adsorbate: string;
  temperatureK: number | null;
  sampleMassG: number | null;
  source: { file: string; format: string };
  metadata: IsothermMetadata;
  /** Things the reader had to assume, stated in the output (e.g. "p0 taken as 101.325 kPa"). */
  assumptions: string[];
  vendor?: VendorResults;
}

export interface BranchData {
  relativePressure: Float64Array;
  loadingCm3StpPerG: Float64Array;
}

/**
 * The points of one branch, in measurement order (adsorption rising, desorption falling). When the branch's points
 * are one contiguous run, as every reader gives them, the arrays are views of the isotherm's own rather than copies
 * (a copy was two off-heap allocations, several per analysis): read them, never write to them.
 */
export function branchPoints(isotherm: Isotherm, branch: BranchCode): BranchData {
  let count = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < isotherm.branch.length; i++) {
    if (isotherm.branch[i] !== branch) continue;
    count++;
    if (first < 0) first = i;
    last = i;
  }
  if (count > 0 && last - first + 1 === count) {
    return { relativePressure: isotherm.relativePressure.subarray(first, last + 1), loadingCm3StpPerG: isotherm.loadingCm3StpPerG.subarray(first, last + 1) };
  }
  const relativePressure = new Float64Array(count);
  const loadingCm3StpPerG = new Float64Array(count);
  for (let i = 0, j = 0; i < isotherm.branch.length; i++) {
    if (isotherm.branch[i] !== branch) continue;
    relativePressure[j] = isotherm.relativePressure[i]!;
    loadingCm3StpPerG[j] = isotherm.loadingCm3StpPerG[i]!;
    j++;
  }
  return { relativePressure, loadingCm3StpPerG };
}

export function countBranch(isotherm: Isotherm, branch: BranchCode): number {
  let count = 0;
  for (let i = 0; i < isotherm.branch.length; i++) if (isotherm.branch[i] === branch) count++;
  return count;
}

/**
 * Labels points with no explicit branch: adsorption up to and including the highest pressure, desorption after it
 * (the convention of Quantachrome raw exports and of most generic CSVs).
 */
export function branchesByTurningPoint(relativePressure: Float64Array): Uint8Array {
  const branch = new Uint8Array(relativePressure.length);
  let top = 0;
  for (let i = 1; i < relativePressure.length; i++) if (relativePressure[i]! > relativePressure[top]!) top = i;
  for (let i = top + 1; i < relativePressure.length; i++) branch[i] = DESORPTION;
  return branch;
}
