/**
 * A particle-size distribution → the numbers the psd command reports and the lot grader reads: statistics by number
 * and by volume (each from the file's own column of that basis when it has one, else converted, ISO 9276-1), the
 * fractions in size windows, the size range the input resolves, and warnings wherever a number answer rests on
 * classes the input does not resolve. Pure: no I/O; the CLI adds `schema` and `input`.
 */
import { UsageError } from '../errors.js';
import { binDiametersNm, gridPowers, sameValues, type GridPowers } from '../core/psd/bins.js';
import { convertBasis } from '../core/psd/convert.js';
import { percentileNm, windowFraction } from '../core/psd/cumulative.js';
import { momentDiameterNm } from '../core/psd/moments.js';
import { resolvedRange, shareOutside, type ResolvedRange } from '../core/psd/resolved.js';
import { BASIS_POWER, type Basis, type Distribution, type DistributionWarning, type VendorStatistic } from '../model/distribution.js';
import { formatSize } from '../model/size-text.js';
import { sig } from '../output/json.js';

export interface PsdSettings {
  /** Size windows [min, max] in nm whose number and volume fractions are reported. */
  windowsNm: [number, number][];
  /** Where the number and volume distributions come from: 'auto' = the file's own column of each basis when it has one, else converted from its primary column; a basis = converted from that column. */
  from: 'auto' | Basis;
  /** A class holding at least this % of the input's basis counts as resolved. */
  resolvedThresholdPercent: number;
}

/**
 * Lab defaults. The windows are the pigment claim's: 10–500 nm ("substantially within") and 300–500 nm (at most
 * 30 % by number) (../shared/docs/claims.md). 0.1 % is the resolution rule of issue 5.
 */
export const PSD_DEFAULTS: Readonly<PsdSettings> = {
  windowsNm: [
    [10, 500],
    [300, 500],
  ],
  from: 'auto',
  resolvedThresholdPercent: 0.1,
};

/** Warnings the analysis can raise, with what each means (readers add W_SUM_NOT_TOTAL). */
export const PSD_WARNING_CODES = {
  W_UNRESOLVED_FINES: 'a number (or other lower-power) answer draws on classes below the finest class holding the resolution threshold of the input basis',
  W_UNRESOLVED_COARSE: 'a volume (or other higher-power) answer draws on classes above the coarsest class holding the resolution threshold of the input basis',
  W_RAYLEIGH_APPROXIMATE: 'a distribution was converted from DLS intensity with the Rayleigh weight d⁶, which holds only for particles much smaller than the wavelength',
  W_WINDOW_OUTSIDE_DATA: 'a size window reaches beyond the sizes the file covers; the part outside counts as empty',
  W_SUM_NOT_TOTAL: 'a column of percentages does not sum to 100 %; it was rescaled',
  W_NOT_COMPUTED: 'a distribution could not be derived, so its statistics are null',
} as const;

export interface BasisStatistics {
  /** "measured (column …)" or "converted from volume", with the approximation named. */
  source: string;
  d10_nm: number | null;
  d50_nm: number | null;
  d90_nm: number | null;
  /** Arithmetic mean weighted by this basis: number mean D[1,0]; for volume D[4,3]. */
  mean_nm: number | null;
  d32_nm?: number | null;
  d43_nm?: number | null;
  span: number | null;
}

export interface WindowFraction {
  min_nm: number;
  max_nm: number;
  number_fraction: number | null;
  volume_fraction: number | null;
}

export interface VendorComparison {
  quantity: VendorStatistic['quantity'];
  basis: Basis | null;
  label: string;
  file_value: number;
  computed: number | null;
  relative_difference: number | null;
}

export interface PsdBin {
  lower_nm: number;
  upper_nm: number;
  diameter_nm: number;
  number: number | null;
  volume: number | null;
  /** The fraction of the input's own basis, when it is neither number nor volume. */
  input?: number | null;
}

export interface PsdResult {
  settings: { windows_nm: [number, number][]; from: string; resolved_threshold_percent: number };
  number: BasisStatistics;
  volume: BasisStatistics;
  /** Statistics of the input's own basis when it is neither number nor volume (e.g. DLS intensity). */
  input_basis?: BasisStatistics & { basis: Basis };
  fractions: WindowFraction[];
  resolved_range_nm: { min: number; max: number; basis: Basis; threshold_percent: number } | null;
  vendor_comparison: VendorComparison[];
  bins: PsdBin[];
  assumptions: string[];
  warnings: DistributionWarning[];
}

interface Derived {
  fraction: Float64Array;
  /** The basis it was measured in or converted from. */
  from: Basis;
  source: string;
}

export function analyzeDistribution(dist: Distribution, settings: PsdSettings = PSD_DEFAULTS): PsdResult {
  const warnings: DistributionWarning[] = [...dist.warnings];
  const assumptions = [...dist.assumptions];
  const diametersNm = binDiametersNm(dist.edgesNm);
  // Up to eight powers of the class diameters serve the conversions and moments below: the grid is checked once.
  const powers = gridPowers(diametersNm);
  const threshold = settings.resolvedThresholdPercent / 100;
  const columns = new Map<Basis, { fraction: Float64Array; column: string | null }>([[dist.basis, { fraction: dist.fraction, column: null }]]);
  for (const m of dist.alsoMeasured) if (!columns.has(m.basis)) columns.set(m.basis, { fraction: m.fraction, column: m.column });
  if (settings.from !== 'auto' && !columns.has(settings.from)) {
    throw new UsageError(`--from ${settings.from}: the file holds no ${settings.from} distribution (it holds ${[...columns.keys()].join(', ')})`, '--from');
  }
  const rangeBasis = settings.from === 'auto' ? dist.basis : settings.from;
  const range = resolvedRange(dist.edgesNm, columns.get(rangeBasis)!.fraction, threshold);

  const derive = (target: Basis): Derived | null => {
    const own = columns.get(target);
    if (own && (settings.from === 'auto' || settings.from === target)) {
      return { fraction: own.fraction, from: target, source: own.column ? `measured (the file's column "${own.column}")` : 'measured' };
    }
    const from = settings.from === 'auto' ? dist.basis : settings.from;
    const fraction = convertBasis(columns.get(from)!.fraction, diametersNm, BASIS_POWER[from], BASIS_POWER[target], powers);
    if (!fraction) return null;
    const rayleigh = from === 'intensity';
    return { fraction, from, source: `converted from ${from}${rayleigh ? ' with the Rayleigh weight d⁶ (approximate)' : ''}` };
  };

  const derived = { number: derive('number'), volume: derive('volume') };
  for (const target of ['number', 'volume'] as const) {
    const d = derived[target];
    if (!d) {
      warnings.push({ code: 'W_NOT_COMPUTED', message: `the ${target} distribution could not be derived (the conversion left no mass); its statistics are null` });
      continue;
    }
    if (d.from === target) continue;
    if (d.from === 'intensity') {
      warnings.push({ code: 'W_RAYLEIGH_APPROXIMATE', message: `the ${target} distribution was converted from DLS intensity with the Rayleigh weight d⁶ (no optical constants); it holds only for particles much smaller than the laser wavelength and is approximate` });
    }
    const w = range ? resolutionWarning(target, d, range, threshold) : null;
    if (w) warnings.push(w);
  }

  const statistics = (basis: Basis, fraction: Float64Array | undefined, source: string, moments = true): BasisStatistics =>
    basisStatistics(dist.edgesNm, diametersNm, powers, basis, fraction, source, moments);
  const number = statistics('number', derived.number?.fraction, derived.number?.source ?? 'not available');
  const volume = statistics('volume', derived.volume?.fraction, derived.volume?.source ?? 'not available');
  const otherBasis = dist.basis !== 'number' && dist.basis !== 'volume' ? dist.basis : null;
  const inputBasis = otherBasis ? { basis: otherBasis, ...statistics(otherBasis, dist.fraction, 'measured', false) } : undefined;

  const lowest = dist.edgesNm[0]!;
  const highest = dist.edgesNm[dist.edgesNm.length - 1]!;
  const fractions = settings.windowsNm.map(([minNm, maxNm]): WindowFraction => {
    if (minNm < lowest || maxNm > highest) {
      warnings.push({ code: 'W_WINDOW_OUTSIDE_DATA', message: `window ${formatSize(minNm)} – ${formatSize(maxNm)} reaches beyond the sizes in the file (${formatSize(lowest)} – ${formatSize(highest)}); the part outside counts as holding nothing` });
    }
    const share = (d: Derived | null): number | null => (d ? sig(windowFraction(dist.edgesNm, d.fraction, minNm, maxNm)) : null);
    return { min_nm: minNm, max_nm: maxNm, number_fraction: share(derived.number), volume_fraction: share(derived.volume) };
  });

  const byBasis: Partial<Record<Basis, BasisStatistics>> = { number, volume, ...(inputBasis ? { [inputBasis.basis]: inputBasis } : {}) };
  const vendor_comparison = (dist.vendor ?? []).map((v): VendorComparison => {
    const stats = byBasis[v.basis ?? 'volume'];
    const computed = stats ? pick(stats, v.quantity) : null;
    return {
      quantity: v.quantity,
      basis: v.basis,
      label: v.label,
      file_value: v.value,
      computed,
      relative_difference: computed === null ? null : sig((computed - v.value) / v.value, 4),
    };
  });

  const bins = psdBins(dist.edgesNm, diametersNm, derived.number?.fraction, derived.volume?.fraction, otherBasis ? dist.fraction : undefined);

  return {
    settings: { windows_nm: settings.windowsNm, from: settings.from, resolved_threshold_percent: settings.resolvedThresholdPercent },
    number,
    volume,
    ...(inputBasis ? { input_basis: inputBasis } : {}),
    fractions,
    resolved_range_nm: range ? { min: sig(range.minNm)!, max: sig(range.maxNm)!, basis: rangeBasis, threshold_percent: settings.resolvedThresholdPercent } : null,
    vendor_comparison,
    bins,
    assumptions,
    warnings,
  };
}

/** The per-bin table. */
function psdBins(edgesNm: Float64Array, diametersNm: Float64Array, number: Float64Array | undefined, volume: Float64Array | undefined, input: Float64Array | undefined): PsdBin[] {
  const grid = printedGrid(edgesNm, diametersNm);
  const bins: PsdBin[] = [];
  for (let i = 0; i < diametersNm.length; i++) {
    const bin: PsdBin = {
      lower_nm: grid.edgesNm[i]!,
      upper_nm: grid.edgesNm[i + 1]!,
      diameter_nm: grid.diametersNm[i]!,
      number: number ? sig(number[i]!) : null,
      volume: volume ? sig(volume[i]!) : null,
    };
    if (input) bin.input = sig(input[i]!);
    bins.push(bin);
  }
  return bins;
}

/** A class grid as the bins table prints it: the edges and the geometric-mean diameters, rounded by sig(). */
interface PrintedGrid {
  /** The edges it was printed from, to recognise the grid again. */
  fromNm: Float64Array;
  edgesNm: number[];
  diametersNm: number[];
}

/**
 * The last grid printed. Rounding costs about 0.1 µs a number, a bin table of 100 classes prints 201 of them for
 * its grid alone, and the files of a batch from one instrument share one grid: print it once.
 */
let lastGrid: PrintedGrid | undefined;

function printedGrid(edgesNm: Float64Array, diametersNm: Float64Array): PrintedGrid {
  if (lastGrid && sameValues(lastGrid.fromNm, edgesNm)) return lastGrid;
  // `!` as in the bins before: finite edges round to numbers (an overflowing diameter prints null either way).
  lastGrid = { fromNm: edgesNm.slice(), edgesNm: Array.from(edgesNm, (x) => sig(x)!), diametersNm: Array.from(diametersNm, (x) => sig(x)!) };
  return lastGrid;
}

function basisStatistics(edgesNm: Float64Array, diametersNm: Float64Array, powers: GridPowers, basis: Basis, fraction: Float64Array | undefined, source: string, moments: boolean): BasisStatistics {
  if (!fraction) {
    return { source, d10_nm: null, d50_nm: null, d90_nm: null, mean_nm: null, ...(moments ? { d32_nm: null, d43_nm: null } : {}), span: null };
  }
  const r = BASIS_POWER[basis];
  const d10 = percentileNm(edgesNm, fraction, 0.1);
  const d50 = percentileNm(edgesNm, fraction, 0.5);
  const d90 = percentileNm(edgesNm, fraction, 0.9);
  return {
    source,
    d10_nm: sig(d10),
    d50_nm: sig(d50),
    d90_nm: sig(d90),
    mean_nm: sig(momentDiameterNm(diametersNm, fraction, r, r + 1, r, powers)),
    ...(moments ? { d32_nm: sig(momentDiameterNm(diametersNm, fraction, r, 3, 2, powers)), d43_nm: sig(momentDiameterNm(diametersNm, fraction, r, 4, 3, powers)) } : {}),
    span: d10 !== null && d50 !== null && d90 !== null && d50 > 0 ? sig((d90 - d10) / d50) : null,
  };
}

function pick(stats: BasisStatistics, quantity: VendorStatistic['quantity']): number | null {
  switch (quantity) {
    case 'd10':
      return stats.d10_nm;
    case 'd50':
      return stats.d50_nm;
    case 'd90':
      return stats.d90_nm;
    case 'mean':
      return stats.mean_nm;
    case 'd32':
      return stats.d32_nm ?? null;
    case 'd43':
      return stats.d43_nm ?? null;
    case 'span':
      return stats.span;
  }
}

const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶'];

/**
 * A conversion to a lower power (volume → number) amplifies the classes below the resolved range, one to a higher
 * power (number → volume) those above it: warn when the converted distribution puts at least the threshold share
 * there, naming how much of the answer rests on them.
 */
function resolutionWarning(target: Basis, d: Derived, range: ResolvedRange, threshold: number): DistributionWarning | null {
  const { below, above } = shareOutside(d.fraction, range);
  const percent = (x: number): string => `${sig(x * 100, 3)} %`;
  const thresholdText = `${sig(threshold * 100, 3)} %`;
  if (BASIS_POWER[target] < BASIS_POWER[d.from] && below >= threshold) {
    return {
      code: 'W_UNRESOLVED_FINES',
      message: `${percent(below)} of the ${target} distribution lies in classes below ${formatSize(range.minNm)}, the finest class holding ${thresholdText} of the ${d.from} distribution: ${target} answers (D10/D50/D90, mean, window fractions) depend on classes the ${d.from} data do not resolve, where converting divides by d${SUPERSCRIPT[BASIS_POWER[d.from] - BASIS_POWER[target]]} and amplifies rounding and noise`,
    };
  }
  if (BASIS_POWER[target] > BASIS_POWER[d.from] && above >= threshold) {
    return {
      code: 'W_UNRESOLVED_COARSE',
      message: `${percent(above)} of the ${target} distribution lies in classes above ${formatSize(range.maxNm)}, the coarsest class holding ${thresholdText} of the ${d.from} distribution: ${target} answers depend on a few coarse particles the ${d.from} data barely resolve`,
    };
  }
  return null;
}
