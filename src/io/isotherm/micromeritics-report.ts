/**
 * What a Micromeritics report says, independent of how it was exported. MicroActive, 3Flex, TriStar, ASAP 2020 and
 * Gemini software print the same report sections (../shared/docs/formats.md, "Micromeritics"): a page header
 * (sample, operator, dates, adsorptive, bath temperature, mass), then titled sections — "Summary Report",
 * "Isotherm Tabular Report", "BET Report", "BJH Adsorption Pore Distribution Report", … — made of `Label:` / value
 * pairs and tables whose units live only inside the column headers (`Quantity Adsorbed (cm³/g STP)`).
 *
 * The .xls reader (column blocks separated by `|`) and the text reader (UTF-16 pages) each turn their layout into
 * rows of cells; this module finds the sections, reads the isotherm from the tabular report and the instrument's
 * own results into `vendor`.
 */
import { DEFAULT_N2_TEMPERATURE_K } from '../../core/constants.js';
import { InputError, type ErrorLocation } from '../../errors.js';
import { branchesByTurningPoint, type Isotherm, type IsothermMetadata, type VendorResults } from '../../model/isotherm.js';
import { detectDecimalComma, parsePrintedNumber, parsePrintedQuantity, unitInParentheses, type PrintedQuantity } from '../printed-values.js';
import { normaliseAdsorbate, parseLoadingUnit, pressureUnitToKpa, temperatureToK } from '../units.js';
import { buildIsotherm, emptyPoints } from './build.js';
import type { IsothermReadOptions } from './reader.js';

/** A cell: text ('' when empty) or a number. */
export type ReportCell = string | number;

export interface ReportRow {
  cells: readonly ReportCell[];
  /** Where cell `index` is, for error messages. */
  where(index: number, what?: string): ErrorLocation;
}

export interface ReportSection {
  title: string;
  rows: ReportRow[];
}

export interface MicromeriticsReport {
  file: string;
  /** The page header above the first section title: sample, operator, dates, adsorptive, mass… */
  header: ReportRow[];
  sections: ReportSection[];
}

/** A section title: a lone text in the first cell ending in Report(s) or Plot ("t-Plot", "BET Surface Area Plot"). */
export function isSectionTitle(row: ReportRow): boolean {
  const first = row.cells[0];
  if (typeof first !== 'string' || !/(Report|Reports|Plot)$/.test(first.trim())) return false;
  return row.cells.every((c, i) => i === 0 || cellText(c) === '');
}

/** Splits rows into the header (above the first title) and titled sections. */
export function splitSections(rows: ReportRow[]): { header: ReportRow[]; sections: ReportSection[] } {
  const header: ReportRow[] = [];
  const sections: ReportSection[] = [];
  for (const row of rows) {
    if (isSectionTitle(row)) sections.push({ title: cellText(row.cells[0]!), rows: [] });
    else if (sections.length === 0) header.push(row);
    else sections[sections.length - 1]!.rows.push(row);
  }
  return { header, sections };
}

export function cellText(cell: ReportCell | undefined): string {
  return cell === undefined ? '' : typeof cell === 'number' ? String(cell) : cell.trim();
}

const ISOTHERM_TITLE = /^isotherm tabular report$/i;

/** True when the rows hold an isotherm tabular report with a quantity-adsorbed column (detection). */
export function hasIsothermTable(sections: readonly ReportSection[]): boolean {
  const section = sections.find((s) => ISOTHERM_TITLE.test(s.title));
  return section !== undefined && findTable(section.rows, isIsothermHeader) !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// Label: value fields

export interface ReportField {
  /** Lower case, single spaces, without the trailing colon; a label printed over two lines is joined. */
  label: string;
  text: string;
  row: ReportRow;
  index: number;
}

function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim().replace(/:$/, '').trim();
}

/**
 * `Label:` cells followed by a value cell. A label printed over two rows ("BJH Adsorption cumulative volume of
 * pores" / "between 17.000 Å and 3,000.000 Å diameter:") is joined; `Comments: text` in one cell is split.
 */
export function fieldsOf(rows: readonly ReportRow[]): ReportField[] {
  const fields: ReportField[] = [];
  let pending = '';
  for (const row of rows) {
    const texts = row.cells.map(cellText);
    const filled = texts.filter((t) => t !== '').length;
    let labelled = false;
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!;
      if (!t.endsWith(':') || typeof row.cells[i] !== 'string') continue;
      let j = i + 1;
      while (j < texts.length && texts[j] === '') j++;
      if (j >= texts.length || texts[j]!.endsWith(':')) continue;
      fields.push({ label: normaliseLabel((pending ? pending + ' ' : '') + t), text: texts[j]!, row, index: j });
      pending = '';
      labelled = true;
      i = j;
    }
    if (labelled) continue;
    const only = texts.find((t) => t !== '');
    if (filled === 1 && only !== undefined && typeof row.cells[texts.indexOf(only)] === 'string') {
      const inline = /^([A-Za-z][^:]{1,40}):\s+(\S.*)$/.exec(only);
      if (inline) fields.push({ label: normaliseLabel(inline[1]!), text: inline[2]!.trim(), row, index: texts.indexOf(only) });
      pending = inline || only.endsWith(':') ? '' : only;
    } else {
      pending = '';
    }
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

export interface ReportTable {
  header: ReportRow;
  headers: string[];
  /** Cell index of each header. */
  columns: number[];
  rows: ReportRow[];
}

/** The first table whose header row passes `test`; its rows run until the first row empty in every column. */
export function findTable(rows: readonly ReportRow[], test: (headers: string[]) => boolean): ReportTable | null {
  for (let i = 0; i < rows.length; i++) {
    const texts = rows[i]!.cells.map(cellText);
    if (!test(texts)) continue;
    const columns = texts.map((t, k) => (t === '' ? -1 : k)).filter((k) => k >= 0);
    const body: ReportRow[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j]!;
      if (columns.every((k) => cellText(row.cells[k]) === '')) break;
      body.push(row);
    }
    return { header: rows[i]!, headers: columns.map((k) => texts[k]!), columns, rows: body };
  }
  return null;
}

const RELATIVE = /^relative pressure/i;
const ABSOLUTE = /^absolute pressure/i;
const QUANTITY = /^quantity adsorbed/i;
const SATURATION = /^saturation pressure/i;
const BET_TRANSFORM = /^1\/\[q\(/i;

function isIsothermHeader(headers: string[]): boolean {
  return headers.some((h) => QUANTITY.test(h)) && headers.some((h) => RELATIVE.test(h) || ABSOLUTE.test(h));
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

interface Context {
  file: string;
  decimalComma: boolean;
}

/** A number cell, or a text cell holding a number printed in the report's locale; null when empty. */
function numberAt(row: ReportRow, index: number, what: string, ctx: Context): number | null {
  const cell = row.cells[index];
  if (cell === undefined || cell === '') return null;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new InputError('E_BAD_NUMBER', `${what} is not a finite number`, row.where(index, what));
    return cell;
  }
  if (cell.trim() === '') return null;
  const value = parsePrintedNumber(cell, ctx.decimalComma);
  if (value === null) {
    const shown = cell.length > 40 ? cell.slice(0, 40) + '…' : cell;
    throw new InputError('E_BAD_NUMBER', `${what} "${shown}" is not a number`, row.where(index, what), 'correct the cell, or export the report again');
  }
  return value;
}

/** Reads the report into a normalised isotherm, with the instrument's own results in `vendor`. */
export function buildMicromeriticsIsotherm(report: MicromeriticsReport, format: string, options: IsothermReadOptions): Isotherm {
  const { file } = report;
  const header = new Map<string, ReportField>();
  for (const f of fieldsOf(report.header)) if (!header.has(f.label)) header.set(f.label, f);
  const summary = fieldsOfSection(report.sections, /^summary report$/i);
  const bet = fieldsOfSection(report.sections, /^bet (surface area )?report$/i);

  // The decimal mark: fields always printed with decimals decide (dates and times excluded).
  const evidence = [...header.values()].filter((f) => !/started|completed|report time|date/.test(f.label)).map((f) => f.text);
  const decimalComma = detectDecimalComma([...evidence, ...summary.map((f) => f.text), ...bet.map((f) => f.text)]) ?? false;
  const ctx: Context = { file, decimalComma };
  const assumptions: string[] = [];

  const section = report.sections.find((s) => ISOTHERM_TITLE.test(s.title));
  const table = section ? findTable(section.rows, isIsothermHeader) : null;
  if (!table) {
    throw new InputError('E_MISSING_COLUMN', 'no "Isotherm Tabular Report" with Relative/Absolute Pressure and Quantity Adsorbed columns was found', { file }, 'export the report with the Isotherm Tabular Report selected');
  }

  // Sample mass, adsorptive, bath temperature from the page header.
  const massField = header.get('sample mass');
  let sampleMassG: number | null = null;
  if (massField) sampleMassG = massInGrams(massField, ctx);
  if (options.massG !== undefined) sampleMassG = options.massG;
  const adsorptiveText = header.get('analysis adsorptive')?.text;
  const adsorbate = adsorptiveText ? normaliseAdsorbate(adsorptiveText) : options.adsorbate ? normaliseAdsorbate(options.adsorbate) : 'unknown';
  const bathField = header.get('analysis bath temp.') ?? header.get('analysis bath temperature');
  let temperatureK = bathField ? temperatureInKelvin(bathField, ctx) : null;
  if (temperatureK === null && adsorbate === 'nitrogen') {
    // Gemini reports print no bath temperature (the instrument measures p0 instead).
    temperatureK = DEFAULT_N2_TEMPERATURE_K;
    assumptions.push(`bath temperature taken as ${DEFAULT_N2_TEMPERATURE_K} K: the report does not give it`);
  }

  const headerP0 = header.get('sat. pressure') ?? header.get('saturation pressure');
  const isotherm = readIsothermTable(table, ctx, { sampleMassG, headerP0, options, assumptions });

  const metadata: IsothermMetadata = { ...pageMetadata(report.header, header) };
  if (isotherm.p0) metadata.p0 = isotherm.p0;
  return buildIsotherm({
    file,
    format,
    points: isotherm.points,
    adsorbate,
    temperatureK,
    sampleMassG,
    metadata,
    assumptions,
    ...withVendor(vendorResults(report.sections, summary, bet, ctx)),
  });
}

function withVendor(vendor: VendorResults): { vendor?: VendorResults } {
  return Object.keys(vendor).length > 0 ? { vendor } : {};
}

function fieldsOfSection(sections: readonly ReportSection[], title: RegExp): ReportField[] {
  const section = sections.find((s) => title.test(s.title));
  return section ? fieldsOf(section.rows) : [];
}

function massInGrams(field: ReportField, ctx: Context): number {
  const q = parsePrintedQuantity(field.text, ctx.decimalComma);
  const unit = q?.unit.toLowerCase();
  const factor = unit === 'g' ? 1 : unit === 'mg' ? 1e-3 : null;
  if (!q || factor === null || !(q.value > 0)) {
    throw new InputError('E_BAD_NUMBER', `sample mass "${field.text}" is not a positive mass in g or mg`, field.row.where(field.index, 'Sample mass'), 'correct the sample mass, or pass --mass GRAMS');
  }
  return q.value * factor;
}

function temperatureInKelvin(field: ReportField, ctx: Context): number {
  const q = parsePrintedQuantity(field.text, ctx.decimalComma);
  const kelvin = q ? temperatureToK(q.value, q.unit) : null;
  if (kelvin === null || !(kelvin > 0)) {
    throw new InputError('E_BAD_NUMBER', `bath temperature "${field.text}" is not a temperature in K or °C`, field.row.where(field.index, 'Analysis bath temp.'));
  }
  return kelvin;
}

/** Sample, operator, dates as printed; the instrument from the row that carries "Page N". */
function pageMetadata(rows: readonly ReportRow[], header: Map<string, ReportField>): IsothermMetadata {
  const metadata: IsothermMetadata = {};
  const extra: Record<string, string> = {};
  const text = (label: string): string | undefined => {
    const t = header.get(label)?.text;
    return t ? t : undefined;
  };
  const sample = text('sample');
  if (sample) metadata.sampleName = sample;
  const operator = text('operator');
  if (operator) metadata.operator = operator;
  const started = text('started');
  if (started) metadata.date = started;
  const pageRow = rows.findIndex((r) => r.cells.some((c) => /^page\s*\d+$/i.test(cellText(c))));
  if (pageRow >= 0) {
    const parts = rows[pageRow]!.cells.map(cellText).filter((t) => t !== '' && !/^page\s*\d+$/i.test(t));
    if (parts[0]) metadata.instrument = parts[0];
    const details = [...parts.slice(1), ...(rows[pageRow + 1]?.cells.map(cellText).filter((t) => t !== '') ?? [])];
    if (details.length > 0) extra.instrumentDetails = details.join(', ');
  }
  const echoed: [string, string][] = [
    ['submitter', 'submitter'],
    ['file', 'file'],
    ['completed', 'completed'],
    ['report time', 'reportTime'],
    ['comments', 'comments'],
    ['analysis bath temp.', 'bathTemperature'],
    ['sample mass', 'sampleMass'],
    ['analysis adsorptive', 'adsorptive'],
  ];
  for (const [label, key] of echoed) {
    const t = text(label);
    if (t) extra[key] = t;
  }
  if (Object.keys(extra).length > 0) metadata.extra = extra;
  return metadata;
}

interface TableOptions {
  sampleMassG: number | null;
  headerP0: ReportField | undefined;
  options: IsothermReadOptions;
  assumptions: string[];
}

/**
 * Points from the isotherm tabular report. The relative-pressure column is used as printed; without it,
 * absolute pressure is divided by the saturation pressure of its row (p0 is measured on rows of its own, which
 * carry only p0 and the time, so the latest value carries forward), else by the header's "Sat. pressure".
 * Adsorption runs up to the highest pressure, desorption after it.
 */
function readIsothermTable(table: ReportTable, ctx: Context, o: TableOptions): { points: ReturnType<typeof emptyPoints>; p0?: { value: number; unit: string } } {
  const col = (re: RegExp): number => table.headers.findIndex((h) => re.test(h));
  const iRel = col(RELATIVE);
  const iAbs = col(ABSOLUTE);
  const iQ = col(QUANTITY);
  const iP0 = col(SATURATION);
  const unitOf = (i: number): string | null => (i >= 0 ? unitInParentheses(table.headers[i]!) : null);

  const loadingUnitText = unitOf(iQ) ?? o.options.loadingUnit ?? null;
  const loadingUnit = loadingUnitText ? parseLoadingUnit(loadingUnitText) : null;
  if (!loadingUnit) {
    throw new InputError('E_UNKNOWN_UNIT', `the loading unit "${loadingUnitText ?? ''}" of "${table.headers[iQ]}" is not recognised`, table.header.where(table.columns[iQ]!, table.headers[iQ]), 'pass --loading-unit (e.g. cm3/g, mmol/g)');
  }
  if (!loadingUnit.perGram && o.sampleMassG === null) {
    throw new InputError('E_MISSING_MASS', `"${table.headers[iQ]}" is a total amount and the report gives no sample mass`, { file: ctx.file });
  }
  const absUnit = unitOf(iAbs);
  const p0Unit = unitOf(iP0);
  const absToKpa = absUnit ? pressureUnitToKpa(absUnit) : null;
  const p0ToKpa = p0Unit ? pressureUnitToKpa(p0Unit) : null;

  let p0Found: { value: number; unit: string } | undefined;
  let currentP0Kpa: number | null = null;
  if (o.headerP0) {
    const q = parsePrintedQuantity(o.headerP0.text, ctx.decimalComma);
    const f = q ? pressureUnitToKpa(q.unit) : null;
    if (q && f !== null && q.value > 0) {
      currentP0Kpa = q.value * f;
      p0Found = { value: q.value, unit: q.unit };
    }
  }
  if (iRel < 0 && o.options.p0Kpa !== undefined) {
    currentP0Kpa = o.options.p0Kpa;
    o.assumptions.push(`p0 = ${o.options.p0Kpa} kPa from --p0`);
  }

  const points = emptyPoints();
  const relative: number[] = [];
  for (const row of table.rows) {
    const at = (i: number): number => table.columns[i]!;
    const p0Here = iP0 >= 0 ? numberAt(row, at(iP0), table.headers[iP0]!, ctx) : null;
    if (p0Here !== null) {
      if (!(p0Here > 0)) throw new InputError('E_BAD_NUMBER', `saturation pressure ${p0Here} is not positive`, row.where(at(iP0), table.headers[iP0]));
      if (!p0Found) p0Found = { value: p0Here, unit: p0Unit ?? '' };
      if (p0ToKpa !== null) currentP0Kpa = p0Here * p0ToKpa;
    }
    const rel = iRel >= 0 ? numberAt(row, at(iRel), table.headers[iRel]!, ctx) : null;
    const abs = iAbs >= 0 ? numberAt(row, at(iAbs), table.headers[iAbs]!, ctx) : null;
    const q = numberAt(row, at(iQ), table.headers[iQ]!, ctx);
    if (rel === null && abs === null && q === null) continue; // a row that only records p0 (and the time)
    if (q === null) throw new InputError('E_BAD_NUMBER', 'the quantity adsorbed is missing', row.where(at(iQ), table.headers[iQ]));
    let p: number;
    if (rel !== null) {
      p = rel;
    } else if (iRel >= 0) {
      throw new InputError('E_BAD_NUMBER', 'the relative pressure is missing', row.where(at(iRel), table.headers[iRel]));
    } else {
      if (abs === null) throw new InputError('E_BAD_NUMBER', 'the absolute pressure is missing', row.where(at(iAbs), table.headers[iAbs]));
      if (absToKpa === null) throw new InputError('E_UNKNOWN_UNIT', `pressure unit "${absUnit ?? ''}" is not recognised`, row.where(at(iAbs), table.headers[iAbs]), 'use mmHg, Torr, kPa, Pa, bar or mbar');
      if (currentP0Kpa === null) throw new InputError('E_MISSING_P0', 'absolute pressures without a saturation pressure', row.where(at(iAbs), table.headers[iAbs]));
      p = (abs * absToKpa) / currentP0Kpa;
    }
    const loading = loadingUnit.perGram ? q * loadingUnit.toCm3Stp : (q * loadingUnit.toCm3Stp) / o.sampleMassG!;
    relative.push(p);
    points.relativePressure.push(p);
    points.loadingCm3StpPerG.push(loading);
    points.line.push(row.where(at(iQ)).line);
  }
  const branch = branchesByTurningPoint(Float64Array.from(relative));
  for (const b of branch) points.branch.push(b);
  return p0Found ? { points, p0: p0Found } : { points };
}

// ---------------------------------------------------------------------------------------------------------------
// The instrument's own results

const CM3_PER_MMOL = parseLoadingUnit('mmol/g')!.toCm3Stp;
const P_OVER_P0 = /p\/p(?:o|°|0)\s*=\s*([-+]?[\d.,]+)/;

function vendorResults(sections: readonly ReportSection[], summary: ReportField[], bet: ReportField[], ctx: Context): VendorResults {
  const vendor: VendorResults = {};
  const quantity = (f: ReportField | undefined): PrintedQuantity | null => (f ? parsePrintedQuantity(f.text, ctx.decimalComma) : null);
  const find = (fields: ReportField[], re: RegExp): ReportField | undefined => fields.find((f) => re.test(f.label));

  // BET: the BET report, else the summary's one line.
  const b: NonNullable<VendorResults['bet']> = {};
  const area = quantity(find(bet, /^bet surface area$/)) ?? quantity(find(summary, /^bet surface area$/));
  if (area && /^m²\/g$/.test(area.unit)) {
    b.areaM2PerG = area.value;
    if (area.uncertainty !== undefined) b.areaStderrM2PerG = area.uncertainty;
  }
  const c = quantity(find(bet, /^c$/));
  if (c) b.c = c.value;
  const qm = quantity(find(bet, /^qm$/));
  const qmUnit = qm ? parseLoadingUnit(qm.unit) : null;
  if (qm && qmUnit?.perGram) b.monolayerCm3StpPerG = qm.value * qmUnit.toCm3Stp;
  // Slope and intercept of 1/[Q(p0/p − 1)] are printed in g/cm³ STP or g/mmol.
  for (const [re, key] of [[/^slope$/, 'slopeGPerCm3Stp'], [/^y-intercept$/, 'interceptGPerCm3Stp']] as const) {
    const q = quantity(find(bet, re));
    if (!q) continue;
    if (/^g\/mmol$/i.test(q.unit)) b[key] = q.value / CM3_PER_MMOL;
    else if (/^g\/cm³ ?stp$/i.test(q.unit)) b[key] = q.value;
  }
  const r = quantity(find(bet, /^correlation coefficient$/));
  if (r) b.correlationCoefficient = r.value;
  const sigma = quantity(find(bet, /^molecular cross-sectional area$/));
  if (sigma && sigma.unit === 'nm²') b.crossSectionNm2 = sigma.value;
  const single = find(summary, /^single point surface area at /);
  const singleArea = quantity(single);
  const singleP = single ? P_OVER_P0.exec(single.label) : null;
  if (singleArea && singleP) {
    const p = parsePrintedNumber(singleP[1]!, ctx.decimalComma);
    if (p !== null && p > 0 && p < 1) {
      b.singlePointAreaM2PerG = singleArea.value;
      b.singlePointRelativePressure = p;
    }
  }
  const betSection = sections.find((s) => /^bet (surface area )?report$/i.test(s.title));
  const points = betSection ? findTable(betSection.rows, (h) => h.some((x) => RELATIVE.test(x)) && h.some((x) => BET_TRANSFORM.test(x))) : null;
  if (points) {
    const iRel = points.headers.findIndex((h) => RELATIVE.test(h));
    const list: number[] = [];
    for (const row of points.rows) {
      const p = numberAt(row, points.columns[iRel]!, points.headers[iRel]!, ctx);
      if (p !== null) list.push(p);
    }
    if (list.length > 0) {
      b.relativePressures = Float64Array.from(list);
      b.relativePressureMin = Math.min(...list);
      b.relativePressureMax = Math.max(...list);
    }
  }
  if (Object.keys(b).length > 0) vendor.bet = b;

  // Total pore volume (Gurvich) at the printed p/p0: adsorption preferred, as ISO 15901-2 reads it.
  for (const branch of ['adsorption', 'desorption'] as const) {
    const f = find(summary, new RegExp(`^single point ${branch} total pore volume of pores .* at p/p(?:o|°|0) = `));
    const v = quantity(f);
    const pm = f ? P_OVER_P0.exec(f.label) : null;
    const p = pm ? parsePrintedNumber(pm[1]!, ctx.decimalComma) : null;
    // Gemini prints "-1.#IND nm … p/p° = -1.000000000" when it could not compute one: not a result.
    if (v && /^cm³\/g$/.test(v.unit) && p !== null && p > 0 && p <= 1) {
      vendor.totalPoreVolume = { cm3PerG: v.value, relativePressure: p, branch };
      break;
    }
  }

  // BJH totals from the summary, settings from each branch's pore distribution report.
  const bjh: NonNullable<VendorResults['bjh']> = {};
  for (const branch of ['adsorption', 'desorption'] as const) {
    const totals: NonNullable<NonNullable<VendorResults['bjh']>['adsorption']> = {};
    const volume = quantity(find(summary, new RegExp(`^bjh ${branch} cumulative volume of pores`)));
    if (volume && volume.unit === 'cm³/g') totals.cumulativeVolumeCm3PerG = volume.value;
    const areaB = quantity(find(summary, new RegExp(`^bjh ${branch} cumulative surface area of pores`)));
    if (areaB && areaB.unit === 'm²/g') totals.cumulativeAreaM2PerG = areaB.value;
    const diameter = quantity(find(summary, new RegExp(`^bjh ${branch} average pore (?:diameter|width) \\(4v/a\\)$`)));
    const nm = diameter ? lengthInNm(diameter) : null;
    if (nm !== null) totals.averageDiameterNm = nm;
    if (Object.keys(totals).length > 0) bjh[branch] = totals;
    const report = sections.find((s) => new RegExp(`^bjh ${branch} pore distribution report$`, 'i').test(s.title));
    if (report) {
      const settings = bjhSettings(report.rows);
      if (Object.keys(settings).length > 0) bjh.settings = { ...bjh.settings, ...prefixKeys(settings, branch) };
    }
  }
  if (Object.keys(bjh).length > 0) vendor.bjh = bjh;
  return vendor;
}

function lengthInNm(q: PrintedQuantity): number | null {
  if (q.unit === 'Å') return q.value / 10;
  if (q.unit === 'nm') return q.value;
  return null;
}

function prefixKeys(record: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix} ${k}`, v]));
}

/**
 * The settings printed above a BJH table: the lone lines name the correction ("Standard", "Faas Correction") and
 * the thickness curve ("Halsey", "Harkins and Jura" with its equation, or "Reference Curve:SIO2OH.THK"); then
 * diameter range, adsorbate property factor, density conversion factor, fraction of pores open at both ends.
 */
function bjhSettings(rows: readonly ReportRow[]): Record<string, string> {
  const settings: Record<string, string> = {};
  const lone: string[] = [];
  for (const row of rows) {
    const texts = row.cells.map(cellText);
    if (texts.some((t) => /^pore (diameter|width) range/i.test(t))) break; // the table starts
    const filled = texts.filter((t) => t !== '');
    if (filled.length === 1 && !filled[0]!.endsWith(':')) lone.push(filled[0]!);
  }
  for (const f of fieldsOf(rows)) {
    if (/^(diameter|width) range$|^adsorbate property factor$|^density conversion factor$|^fraction of pores open at both ends$/.test(f.label)) {
      settings[f.label] = f.text;
    }
  }
  const correction = lone.find((t) => /^(standard|faas correction|kruk-jaroniec-sayari.*)$/i.test(t));
  if (correction) settings.correction = correction;
  const equation = lone.find((t) => /^t\s*=/.test(t));
  if (equation) settings['thickness equation'] = equation;
  const curve = lone.find((t) => t !== correction && t !== equation && !/^user-defined$/i.test(t));
  if (curve) settings['thickness curve'] = curve.replace(/^reference curve:\s*/i, '');
  return settings;
}
