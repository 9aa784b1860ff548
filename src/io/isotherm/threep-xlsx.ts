/**
 * 3P Instruments (3P micro, 3P sync) .xlsx exports (../shared/docs/formats.md, "3P Instruments"). A sheet of
 * sample information and results ("Info" in older versions, "Summary" in newer ones: `Label | value | unit`
 * rows), a sheet "Isotherm" with columns `ID | p (kPa) | p/p0 | V (cm³/g STP) | p0 (kPa) | Time` (the header on
 * row 1, or on row 2 under a "Charge Number…" title), adsorption then desorption separated by a row of `---`, and
 * a sheet "BET Surface Area" listing the points of the vendor's BET fit by ID. Decimal commas occur, in text cells.
 * The file does not state the bath temperature: for nitrogen 77.35 K is assumed, and said so.
 */
import { DEFAULT_N2_TEMPERATURE_K } from '../../core/constants.js';
import { InputError } from '../../errors.js';
import { ADSORPTION, DESORPTION, type IsothermMetadata, type Isotherm, type VendorResults } from '../../model/isotherm.js';
import type { RawInput } from '../input.js';
import { detectDecimalComma, parsePrintedNumber, parsePrintedQuantity, unitInParentheses } from '../printed-values.js';
import { normaliseAdsorbate, parseLoadingUnit, pressureUnitToKpa } from '../units.js';
import { openWorkbook, type SheetGrid, type Workbook } from '../workbook.js';
import { buildIsotherm, emptyPoints } from './build.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

/** The header row is row 1 or 2 in the versions seen; allow a few more title rows. */
const HEADER_SEARCH_ROWS = 10;

export const threepXlsxReader: IsothermReader = {
  id: 'threep-xlsx',
  description: '3P Instruments .xlsx export (sheets Info or Summary, Isotherm, BET Surface Area): the isotherm, with the BET area, BET points, total pore volume and BJH totals it prints',
  extensions: ['.xlsx'],
  detect(input: RawInput): Detection {
    if (!input.isSpreadsheet) return { score: 0, reason: 'not a spreadsheet' };
    const book = openWorkbook(input);
    const name = isothermSheetName(book);
    if (name === undefined) return { score: 0, reason: 'no sheet named "Isotherm"' };
    if (!findHeader(book.heads([name])[0]!)) return { score: 0, reason: `sheet "${name}" has no header row with "p/p0" or "p (unit)" and "V (unit)"` };
    return { score: 85, reason: `sheet "${name}" with the 3P isotherm columns` };
  },
  read(input: RawInput, options: IsothermReadOptions): Isotherm {
    const book = openWorkbook(input);
    const file = input.file;
    const isothermName = isothermSheetName(book);
    const infoName = book.sheetNames.find((n) => /^(info|summary)$/i.test(n)) ?? book.sheetNames[0]!;
    const betName = book.sheetNames.find((n) => /^bet/i.test(n.trim()));
    // One read for the three sheets (each read of an xlsx inflates the whole archive).
    book.sheets([infoName, ...(isothermName === undefined ? [] : [isothermName]), ...(betName === undefined ? [] : [betName])]);
    const grid = isothermName === undefined ? undefined : book.sheet(isothermName);
    const header = grid ? findHeader(grid) : null;
    if (!grid || !header) throw new InputError('E_MISSING_COLUMN', 'no "Isotherm" sheet with the 3P columns (p (kPa), p/p0, V (cm³/g STP), p0 (kPa))', { file });

    const info = infoFields(book.sheet(infoName));
    const decimalComma = detectDecimalComma([...info.values()].map((f) => f.text)) ?? false;
    const number = (label: string): number | null => {
      const f = info.get(label);
      return f ? (typeof f.value === 'number' ? f.value : parsePrintedNumber(f.text, decimalComma)) : null;
    };

    let sampleMassG: number | null = null;
    const mass = info.get('sample weight');
    if (mass) {
      const q = typeof mass.value === 'number' ? { value: mass.value, unit: mass.unit || 'g' } : parsePrintedQuantity(mass.text.replace(/[()]/g, ' '), decimalComma);
      const factor = q && /^g$/i.test(q.unit.trim()) ? 1 : q && /^mg$/i.test(q.unit.trim()) ? 1e-3 : null;
      if (!q || factor === null || !(q.value > 0)) throw new InputError('E_BAD_NUMBER', `sample weight "${mass.text}" is not a positive mass in g or mg`, mass.where, 'correct the sample weight, or pass --mass GRAMS');
      sampleMassG = q.value * factor;
    }
    if (options.massG !== undefined) sampleMassG = options.massG;
    const adsorbateText = info.get('adsorbate')?.text;
    const adsorbate = normaliseAdsorbate(adsorbateText || options.adsorbate || '');

    const { points, p0 } = readPoints(grid, header, decimalComma, sampleMassG, options);
    const metadata: IsothermMetadata = { instrument: '3P Instruments' };
    const sample = info.get('sample')?.text;
    const charge = info.get('charge name')?.text;
    if (sample || charge) metadata.sampleName = sample || charge!;
    if (charge && sample) metadata.materialName = charge;
    const started = info.get('started time')?.text;
    if (started) metadata.date = started;
    if (p0) metadata.p0 = p0;
    const extra: Record<string, string> = {};
    for (const [label, key] of [['project', 'project'], ['stoped time', 'stoppedTime'], ['sample weight', 'sampleWeight']] as const) {
      const t = info.get(label)?.text;
      if (t) extra[key] = t;
    }
    if (Object.keys(extra).length > 0) metadata.extra = extra;

    const assumptions: string[] = [];
    const temperatureK = adsorbate === 'nitrogen' ? DEFAULT_N2_TEMPERATURE_K : null;
    if (temperatureK !== null) assumptions.push(`bath temperature taken as ${DEFAULT_N2_TEMPERATURE_K} K: the 3P export does not give it`);
    const vendor = vendorResults(info, number, decimalComma, book, points);
    return buildIsotherm({
      file,
      format: threepXlsxReader.id,
      points,
      adsorbate,
      temperatureK,
      sampleMassG,
      metadata,
      assumptions,
      ...(Object.keys(vendor).length > 0 ? { vendor } : {}),
    });
  },
};

function isothermSheetName(book: Workbook): string | undefined {
  return book.sheetNames.find((n) => /^isotherm/i.test(n.trim()));
}

interface Header {
  row: number;
  id: number;
  pressure: number;
  relative: number;
  loading: number;
  p0: number;
}

function findHeader(grid: SheetGrid): Header | null {
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rowCount); r++) {
    const texts = Array.from({ length: grid.columnCount }, (_, c) => grid.text(r, c).toLowerCase());
    const find = (re: RegExp): number => texts.findIndex((t) => re.test(t));
    const header = { row: r, id: find(/^id$/), pressure: find(/^p \(/), relative: find(/^p\/p0$/), loading: find(/^(v|n) \(/), p0: find(/^p0 \(/) };
    if (header.loading >= 0 && (header.relative >= 0 || header.pressure >= 0)) return header;
  }
  return null;
}

interface InfoField {
  value: string | number;
  text: string;
  /** Column C: the unit, in parentheses or not. */
  unit: string;
  where: ReturnType<SheetGrid['where']>;
}

/** `Label | value | unit` rows; a label that repeats keeps the value printed with more digits. */
function infoFields(grid: SheetGrid): Map<string, InfoField> {
  const fields = new Map<string, InfoField>();
  for (let r = 0; r < grid.rowCount; r++) {
    const label = grid.text(r, 0).toLowerCase().replace(/\s+/g, ' ').replace(/:$/, '').trim();
    const value = grid.value(r, 1);
    if (!label || value === null || typeof value === 'boolean') continue;
    const text = String(value).trim();
    const field: InfoField = { value, text, unit: grid.text(r, 2).replace(/[()]/g, '').trim(), where: grid.where(r, 1, label) };
    const previous = fields.get(label);
    if (!previous || text.replace(/\D/g, '').length > previous.text.replace(/\D/g, '').length) fields.set(label, field);
  }
  return fields;
}

/**
 * The points. Relative pressure is p / p0 from the kPa columns when both are there: the p/p0 column is rounded to
 * eight decimals, which near 1e-7 is a 10 % rounding and makes neighbouring points of a microporous solid equal.
 */
function readPoints(grid: SheetGrid, h: Header, decimalComma: boolean, sampleMassG: number | null, options: IsothermReadOptions) {
  const headerText = (c: number): string => grid.text(h.row, c);
  const loadingText = unitInParentheses(headerText(h.loading)) ?? options.loadingUnit ?? '';
  const loadingUnit = parseLoadingUnit(loadingText);
  if (!loadingUnit) throw new InputError('E_UNKNOWN_UNIT', `the loading unit "${loadingText}" is not recognised`, grid.where(h.row, h.loading, headerText(h.loading)), 'pass --loading-unit');
  if (!loadingUnit.perGram && sampleMassG === null) throw new InputError('E_MISSING_MASS', 'total amounts without a sample weight', grid.where(h.row, h.loading));
  const pUnit = h.pressure >= 0 ? unitInParentheses(headerText(h.pressure)) : null;
  const p0Unit = h.p0 >= 0 ? unitInParentheses(headerText(h.p0)) : null;
  const pToKpa = pUnit ? pressureUnitToKpa(pUnit) : null;
  const p0ToKpa = p0Unit ? pressureUnitToKpa(p0Unit) : null;
  const useAbsolute = h.pressure >= 0 && h.p0 >= 0 && pToKpa !== null && p0ToKpa !== null;
  if (h.relative < 0 && !useAbsolute) {
    throw new InputError('E_MISSING_P0', 'no p/p0 column and no p and p0 columns in a known unit', grid.where(h.row, Math.max(h.pressure, 0)));
  }

  const num = (r: number, c: number, what: string): number => {
    const v = grid.value(r, c);
    const x = typeof v === 'number' ? v : typeof v === 'string' ? parsePrintedNumber(v, decimalComma) : null;
    if (x === null || !Number.isFinite(x)) {
      throw new InputError('E_BAD_NUMBER', `${what} "${grid.text(r, c)}" is not a number`, grid.where(r, c, what), 'correct the cell');
    }
    return x;
  };
  const points = emptyPoints();
  const ids: (number | null)[] = [];
  let branch = ADSORPTION;
  let p0: { value: number; unit: string } | undefined;
  for (let r = h.row + 1; r < grid.rowCount; r++) {
    const first = grid.text(r, h.relative >= 0 ? h.relative : h.pressure);
    const loadingCell = grid.text(r, h.loading);
    if (first === '' && loadingCell === '') {
      // A blank row ends the table, unless more rows follow (some versions leave one before the desorption).
      if (grid.text(r + 1, h.loading) === '') break;
      continue;
    }
    if (/^-+$/.test(first) || /^-+$/.test(loadingCell)) {
      branch = DESORPTION;
      continue;
    }
    let relative: number;
    if (useAbsolute) {
      const pKpa = num(r, h.pressure, headerText(h.pressure)) * pToKpa!;
      const p0Value = num(r, h.p0, headerText(h.p0));
      if (!(p0Value > 0)) throw new InputError('E_BAD_NUMBER', `p0 ${p0Value} is not positive`, grid.where(r, h.p0, headerText(h.p0)));
      p0 ??= { value: p0Value, unit: p0Unit! };
      relative = pKpa / (p0Value * p0ToKpa!);
    } else {
      relative = num(r, h.relative, 'p/p0');
    }
    const q = num(r, h.loading, headerText(h.loading));
    points.relativePressure.push(relative);
    points.loadingCm3StpPerG.push(loadingUnit.perGram ? q * loadingUnit.toCm3Stp : (q * loadingUnit.toCm3Stp) / sampleMassG!);
    points.branch.push(branch);
    points.line.push(r + 1);
    const id = h.id >= 0 ? grid.value(r, h.id) : null;
    ids.push(branch === ADSORPTION && typeof id === 'number' ? id : null);
  }
  return { points: Object.assign(points, { ids }), ...(p0 ? { p0 } : {}) };
}

type Points = ReturnType<typeof readPoints>['points'];

function vendorResults(info: Map<string, InfoField>, number: (label: string) => number | null, decimalComma: boolean, book: Workbook, points: Points): VendorResults {
  const vendor: VendorResults = {};
  const bet: NonNullable<VendorResults['bet']> = {};
  const area = number('bet surface area');
  if (area !== null) bet.areaM2PerG = area;
  const c = number('c');
  if (c !== null) bet.c = c;
  const vm = number('vm');
  const vmUnit = parseLoadingUnit(info.get('vm')?.unit ?? '');
  if (vm !== null && vmUnit?.perGram) bet.monolayerCm3StpPerG = vm * vmUnit.toCm3Stp;
  const r = number('correlation coefficient');
  if (r !== null) bet.correlationCoefficient = r;
  for (const [label, field] of info) {
    const m = /^single point bet surface area at p\/p0 ?= ?([\d.,]+)$/.exec(label);
    const p = m ? parsePrintedNumber(m[1]!, decimalComma) : null;
    const value = m ? number(label) : null;
    if (p !== null && value !== null && field) {
      bet.singlePointAreaM2PerG = value;
      bet.singlePointRelativePressure = p;
    }
  }
  const listed = betPoints(book, decimalComma, points);
  if (listed.length > 0) {
    bet.relativePressures = Float64Array.from(listed);
    bet.relativePressureMin = Math.min(...listed);
    bet.relativePressureMax = Math.max(...listed);
  }
  if (Object.keys(bet).length > 0) vendor.bet = bet;

  for (const [label] of info) {
    const m = /^total pore volume at p\/p0 ?= ?([\d.,]+)$/.exec(label);
    const p = m ? parsePrintedNumber(m[1]!, decimalComma) : null;
    const v = m ? number(label) : null;
    if (p !== null && v !== null) vendor.totalPoreVolume = { cm3PerG: v, relativePressure: p };
  }

  const bjh: NonNullable<VendorResults['bjh']> = {};
  for (const branch of ['adsorption', 'desorption'] as const) {
    const totals: NonNullable<NonNullable<VendorResults['bjh']>['adsorption']> = {};
    const volume = number(`bjh ${branch} cumulative pore volume`);
    if (volume !== null) totals.cumulativeVolumeCm3PerG = volume;
    const areaB = number(`bjh ${branch} cumulative surface area`);
    if (areaB !== null) totals.cumulativeAreaM2PerG = areaB;
    const diameter = number(`bjh ${branch} average pore diameter (4v/a)`);
    if (diameter !== null && /^nm$/i.test(info.get(`bjh ${branch} average pore diameter (4v/a)`)?.unit ?? '')) totals.averageDiameterNm = diameter;
    if (Object.keys(totals).length > 0) bjh[branch] = totals;
  }
  if (Object.keys(bjh).length > 0) vendor.bjh = bjh;
  return vendor;
}

/**
 * The relative pressures of the vendor's BET points. The sheet prints p/p0 to five decimals but also the point's
 * ID, so each point is replaced by the isotherm's own value for that ID — provided the two agree to the printed
 * precision (otherwise the printed value stands).
 */
function betPoints(book: Workbook, decimalComma: boolean, points: Points): number[] {
  const name = book.sheetNames.find((n) => /^bet/i.test(n.trim()));
  if (name === undefined) return [];
  const grid = book.sheet(name);
  const header = findHeader(grid);
  if (!header || header.relative < 0) return [];
  const list: number[] = [];
  for (let r = header.row + 1; r < grid.rowCount; r++) {
    const v = grid.value(r, header.relative);
    const printed = typeof v === 'number' ? v : typeof v === 'string' ? parsePrintedNumber(v, decimalComma) : null;
    if (printed === null) break;
    const id = header.id >= 0 ? grid.value(r, header.id) : null;
    const k = typeof id === 'number' ? points.ids.indexOf(id) : -1;
    const own = k >= 0 ? points.relativePressure[k]! : null;
    list.push(own !== null && Math.abs(own - printed) <= 0.5e-5 * 1.0001 ? own : printed);
  }
  return list;
}
