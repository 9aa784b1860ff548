/**
 * The last step of every isotherm reader: checks the points (finite, 0 ≤ p/p0 ≤ 1.1, loading ≥ 0, no repeated
 * pressure within a branch) and assembles the Isotherm. Errors name the file and the line of the offending point.
 */
import { InputError } from '../../errors.js';
import { ADSORPTION, DESORPTION, type Isotherm, type IsothermMetadata, type VendorResults } from '../../model/isotherm.js';

export const MAX_RELATIVE_PRESSURE = 1.1;

/** No instrument measures this many points on one isotherm; a file that claims to is broken or hostile. */
export const MAX_ISOTHERM_POINTS = 100_000;

export interface PointList {
  relativePressure: number[];
  loadingCm3StpPerG: number[];
  branch: number[];
  /** Source line (or spreadsheet row) of each point, for error messages. */
  line: (number | undefined)[];
}

export function emptyPoints(): PointList {
  return { relativePressure: [], loadingCm3StpPerG: [], branch: [], line: [] };
}

export interface IsothermParts {
  file: string;
  format: string;
  points: PointList;
  adsorbate: string;
  temperatureK: number | null;
  sampleMassG: number | null;
  metadata?: IsothermMetadata;
  assumptions?: string[];
  vendor?: VendorResults;
}

export function buildIsotherm(parts: IsothermParts): Isotherm {
  const { file, points } = parts;
  const n = points.relativePressure.length;
  if (n === 0) throw new InputError('E_NO_DATA', 'no data points were found', { file });
  if (n > MAX_ISOTHERM_POINTS) throw new InputError('E_TOO_MANY_POINTS', `${n} points is more than the limit of ${MAX_ISOTHERM_POINTS} for one isotherm`, { file }, 'split the file into one isotherm per file');
  // Adsorption points first, then desorption, each in measurement order.
  const order: number[] = [];
  for (const want of [ADSORPTION, DESORPTION]) for (let i = 0; i < n; i++) if (points.branch[i] === want) order.push(i);
  const seen = [new Map<number, number>(), new Map<number, number>()];
  const relativePressure = new Float64Array(n);
  const loading = new Float64Array(n);
  const branch = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const src = order[k]!;
    const p = points.relativePressure[src]!;
    const q = points.loadingCm3StpPerG[src]!;
    const b = points.branch[src] === DESORPTION ? DESORPTION : ADSORPTION;
    const line = points.line[src];
    if (!Number.isFinite(p) || !Number.isFinite(q)) throw new InputError('E_BAD_NUMBER', 'a pressure or loading is not a finite number', { file, line });
    if (p < 0 || p > MAX_RELATIVE_PRESSURE) {
      throw new InputError('E_PRESSURE_RANGE', `relative pressure ${p} is outside 0–${MAX_RELATIVE_PRESSURE}`, { file, line, field: 'p/p0' }, 'check the pressure column, its unit and p0');
    }
    if (q < 0) throw new InputError('E_NEGATIVE_LOADING', `amount adsorbed ${q} is negative`, { file, line, field: 'loading' }, 'check the loading column; drop points below the instrument\'s resolution');
    const previous = seen[b]!.get(p);
    if (previous !== undefined) {
      throw new InputError('E_DUPLICATE_PRESSURE', `relative pressure ${p} appears twice in the ${b === ADSORPTION ? 'adsorption' : 'desorption'} branch (also at line ${previous})`, { file, line }, 'remove the repeated row');
    }
    seen[b]!.set(p, line ?? k + 1);
    relativePressure[k] = p;
    loading[k] = q;
    branch[k] = b;
  }
  return {
    relativePressure,
    loadingCm3StpPerG: loading,
    branch,
    adsorbate: parts.adsorbate,
    temperatureK: parts.temperatureK,
    sampleMassG: parts.sampleMassG,
    source: { file, format: parts.format },
    metadata: parts.metadata ?? {},
    assumptions: parts.assumptions ?? [],
    ...(parts.vendor ? { vendor: parts.vendor } : {}),
  };
}
