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

/** Points as buildIsotherm reads them: a PointList, or the typed arrays of a PointBuffer. */
export interface PointColumns {
  relativePressure: ArrayLike<number>;
  loadingCm3StpPerG: ArrayLike<number>;
  branch: ArrayLike<number>;
  line: ArrayLike<number | undefined>;
}

/**
 * Points in typed arrays: a point costs 21 bytes and no boxed number, where four JS arrays grew one push at a time
 * (the generic text reader's point lists were ~10 % of the garbage of reading an isotherm). The four columns share
 * one ArrayBuffer sized for the rows to read: every typed array over 64 bytes gets a backing store of its own, and
 * allocating those cost more than filling them.
 */
export class PointBuffer {
  relativePressure!: Float64Array;
  loadingCm3StpPerG!: Float64Array;
  line!: Int32Array;
  /** -1 until a branch is known, then ADSORPTION or DESORPTION. */
  branch!: Int8Array;
  length = 0;

  constructor(capacity: number) {
    this.allocate(Math.max(1, capacity));
  }

  push(relativePressure: number, loadingCm3StpPerG: number, branch: number, line: number): void {
    if (this.length === this.line.length) this.grow();
    const k = this.length++;
    this.relativePressure[k] = relativePressure;
    this.loadingCm3StpPerG[k] = loadingCm3StpPerG;
    this.branch[k] = branch;
    this.line[k] = line;
  }

  private allocate(capacity: number): void {
    const bytes = new ArrayBuffer(capacity * (8 + 8 + 4 + 1));
    this.relativePressure = new Float64Array(bytes, 0, capacity);
    this.loadingCm3StpPerG = new Float64Array(bytes, 8 * capacity, capacity);
    this.line = new Int32Array(bytes, 16 * capacity, capacity);
    this.branch = new Int8Array(bytes, 20 * capacity, capacity);
  }

  /** More points than rows were foreseen: double the room (not needed by the readers here, kept for safety). */
  private grow(): void {
    const { relativePressure, loadingCm3StpPerG, line, branch } = this;
    this.allocate(2 * line.length);
    this.relativePressure.set(relativePressure);
    this.loadingCm3StpPerG.set(loadingCm3StpPerG);
    this.line.set(line);
    this.branch.set(branch);
  }

  /** The filled part, as views. */
  columns(): { relativePressure: Float64Array; loadingCm3StpPerG: Float64Array; branch: Int8Array; line: Int32Array } {
    const n = this.length;
    return { relativePressure: this.relativePressure.subarray(0, n), loadingCm3StpPerG: this.loadingCm3StpPerG.subarray(0, n), branch: this.branch.subarray(0, n), line: this.line.subarray(0, n) };
  }
}

export interface IsothermParts {
  file: string;
  format: string;
  points: PointColumns;
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
  const relativePressure = new Float64Array(n);
  const loading = new Float64Array(n);
  const branch = new Uint8Array(n);
  const repeated = new RepeatedPressure(relativePressure, (j) => points.line[order[j]!] ?? j + 1);
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
    if (k === 0 || b !== branch[k - 1]) repeated.startBranch(k);
    const previous = repeated.lineOf(p, k);
    if (previous !== undefined) {
      throw new InputError('E_DUPLICATE_PRESSURE', `relative pressure ${p} appears twice in the ${b === ADSORPTION ? 'adsorption' : 'desorption'} branch (also at line ${previous})`, { file, line }, 'remove the repeated row');
    }
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

/**
 * The earlier line of a relative pressure met before in the current branch. While a branch's pressures run strictly
 * one way (as measured isotherms do) no value can repeat, so no Map is needed; at the first step that breaks the run,
 * the branch's points so far go into a Map (SameValueZero: 0 and -0 are one pressure) and later points are looked
 * up there. A Map per branch was ~8 % of the garbage of reading an isotherm.
 */
class RepeatedPressure {
  private start = 0;
  /** +1 rising, -1 falling, 0 not yet known. */
  private direction = 0;
  private seen: Map<number, number> | null = null;

  constructor(
    /** Output pressures, filled up to the point being checked. */
    private readonly pressures: Float64Array,
    /** The line reported for output point j. */
    private readonly lineAt: (j: number) => number,
  ) {}

  /** The branch's points begin at output index `start`. */
  startBranch(start: number): void {
    this.start = start;
    this.direction = 0;
    this.seen = null;
  }

  /** For point k of value p: the line of an equal value earlier in the branch, or undefined (p then counts as seen). */
  lineOf(p: number, k: number): number | undefined {
    const { pressures, lineAt } = this;
    if (k === this.start) return undefined;
    if (this.seen === null) {
      const last = pressures[k - 1]!;
      const step = p > last ? 1 : p < last ? -1 : 0;
      if (step !== 0 && (this.direction === 0 || this.direction === step)) {
        this.direction = step;
        return undefined;
      }
      this.seen = new Map<number, number>();
      for (let j = this.start; j < k; j++) this.seen.set(pressures[j]!, lineAt(j));
    }
    const previous = this.seen.get(p);
    if (previous === undefined) this.seen.set(p, lineAt(k));
    return previous;
  }
}
