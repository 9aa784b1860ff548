/**
 * The plain data a report is drawn from: arrays of numbers with their units in the names, and labels. The chart and
 * page modules know only these types; adapters (from-*.ts) fill them from the JSON records, so a change in a record's
 * shape touches one adapter and no renderer.
 */

/** One isotherm branch, points in measurement order. */
export interface BranchSeries {
  relativePressure: number[];
  loadingCm3StpPerG: number[];
}

export interface IsothermPlot {
  adsorption: BranchSeries;
  desorption: BranchSeries;
  /** The p/p0 the total pore volume was read at, with the loading there; null when not computed. */
  poreVolume: { relativePressure: number; loadingCm3StpPerG: number; totalCm3PerG: number | null } | null;
}

export interface BetPlot {
  /** Adsorption points usable by BET (0 < p/p0 < 1), sorted. */
  relativePressure: number[];
  loadingCm3StpPerG: number[];
  /** The chosen range and its straight line y = intercept + slope · x; null when no range qualified. */
  fit: { relativePressureMin: number; relativePressureMax: number; slope: number; intercept: number; points: number } | null;
  /** How the range was chosen: auto | fixed | vendor. */
  rangeSelection: string;
}

export interface BjhPlot {
  branch: string;
  thicknessModel: string;
  /** Representative pore diameter of each group, nm, ascending. */
  diameterNm: number[];
  dvDlogDCm3PerG: number[];
  cumulativeVolumeCm3PerG: number[];
  /** Y: diameter of the maximum peak. */
  peak: { diameterNm: number; dvDlogDCm3PerG: number } | null;
  /** X (polymer fine-particle size) and A, the curve read there; null when X is not known or outside the data. */
  atDiameter: { diameterNm: number; dvDlogDCm3PerG: number | null } | null;
  totalCumulativeCm3PerG: number | null;
}

export interface SizeWindow {
  minNm: number;
  maxNm: number;
  /** Number fraction (0–1) of particles inside the window, null when it cannot be computed. */
  numberFraction: number | null;
}

export interface ParticleSizePlot {
  /** What was measured: an ink colour ("cyan"), "polymer particles", … */
  label: string;
  file: string;
  /** Bin edges of each bin, nm, and the number fraction (0–1) in it. */
  binMinNm: number[];
  binMaxNm: number[];
  numberFraction: number[];
  windows: SizeWindow[];
  /** Number-weighted mean diameter D[1,0] (X of the polymer-particle claims when not declared), marked on the chart. */
  numberMeanNm: number | null;
  notes: string[];
}

export type Verdict = 'met' | 'not_met' | 'undetermined';
export type ElementStatus = 'pass' | 'fail' | 'unknown';

/** One ink's verdict on a per-ink element (pigment windows). */
export interface InkRow {
  ink: string;
  status: ElementStatus;
  value: number | null;
  margin: number | null;
  marginal: boolean;
  missing: string[];
}

export interface ClaimElementRow {
  id: string;
  /** The claim's own words for this element. */
  text: string;
  kind: 'fact' | 'numeric';
  status: ElementStatus;
  /** What is tested: an expression ("A / B") or a fact test. */
  test: string | null;
  /** Numeric value in `unit`, or a declared fact as text. */
  value: number | string | null;
  uncertainty: number | null;
  unit: string | null;
  window: string | null;
  margin: number | null;
  marginal: boolean;
  missing: string[];
  source: string | null;
  inks: InkRow[];
  notes: string[];
}

export interface ClaimRow {
  set: string;
  claim: string;
  title: string | null;
  status: Verdict;
  marginal: boolean;
  parents: string[];
  /** 'any_one_of': "according to any one of claims …", one parent met suffices. */
  parentRule: 'all' | 'any_one_of';
  /** One sentence: why this verdict. */
  reason: string | null;
  missing: string[];
  elements: ClaimElementRow[];
}

/** A claim set as graded: its title, the settings it was read with, its notes. */
export interface ClaimSetRow {
  set: string;
  title: string | null;
  settings: string | null;
  notes: string[];
}

export interface InputFile {
  /** What the file is to the lot: "isotherm", "pigment_psd.cyan", "lot file". */
  role: string;
  file: string;
  sha256: string | null;
  format: string | null;
}

export interface Message {
  code: string | null;
  message: string;
}

export interface KeyValue {
  label: string;
  value: string;
}

export interface ReportModel {
  /** The lot id, or the input file name when there is no lot. */
  title: string;
  sampleName: string | null;
  /** The headline numbers: BET area, total pore volume, Y, A, … already formatted with units. */
  summary: KeyValue[];
  /** The same, as numbers, for the batch index. */
  numbers: { betAreaM2PerG: number | null; poreVolumeCm3PerG: number | null };
  /** Metadata from the instrument file (operator, instrument, date, …). */
  metadata: KeyValue[];
  isotherm: IsothermPlot | null;
  bet: BetPlot | null;
  /** BET fit details (C, n_m, R², criteria) already formatted. */
  betDetails: KeyValue[];
  bjh: BjhPlot | null;
  particleSizes: ParticleSizePlot[];
  claims: ClaimRow[] | null;
  claimSets: ClaimSetRow[];
  /** Every setting that shaped the numbers, flattened to dotted keys. */
  settings: KeyValue[];
  inputs: InputFile[];
  assumptions: string[];
  warnings: Message[];
  /** Sections that could not be drawn and why ("BJH: the record has no bjh object"). */
  omitted: string[];
  generator: { name: string; version: string; generatedAt: string | null };
}
