/**
 * What the three MicrotracBEL (BELSORP / BELMaster) exports share: the Japanese edition's Shift-JIS text, header keys
 * in English or Japanese, column names like "Pe/kPa" or "Va/cm^3(STP) g^-1", dates written yy/mm/dd, and the mapping
 * of header fields to metadata. Layouts: ../shared/docs/formats.md ("MicrotracBEL"); Japanese key spellings from the
 * *_jis files of ../shared/data/isotherms/parser-conformance/bel.
 */
import { InputError, type ErrorLocation } from '../../errors.js';
import type { IsothermMetadata } from '../../model/isotherm.js';
import type { RawInput } from '../input.js';
import { parseLoadingUnit, pressureUnitToKpa, temperatureToK, type LoadingUnit } from '../units.js';

/** Words of the Japanese BELSORP exports (sections and keys); their presence confirms a Shift-JIS decoding. */
const JAPANESE_BEL_WORDS = /吸着|脱着|試料|装置|測定|コメント|サンプル/;

/**
 * The text of a BEL export. The Japanese edition writes Shift-JIS, which the generic decoder would read as CP1252
 * and turn every key into mojibake; it is tried when the bytes are not UTF-8 and accepted only if the result holds
 * BEL's Japanese words (CP1252 text such as "150°C" can also decode as Shift-JIS, into half-width katakana).
 */
export function belText(input: RawInput): { text: string; shiftJis: boolean } {
  const generic = input.text;
  if (input.encoding !== 'windows-1252') return { text: generic, shiftJis: false };
  let japanese: string;
  try {
    japanese = new TextDecoder('shift_jis', { fatal: true }).decode(input.bytes);
  } catch {
    return { text: generic, shiftJis: false };
  }
  return JAPANESE_BEL_WORDS.test(japanese) ? { text: japanese, shiftJis: true } : { text: generic, shiftJis: false };
}

/** A header key as written ("\"Sample weight/g:\"", "試料重量／g：", "COMMENT1") → comparable form. */
export function normaliseBelKey(key: string): string {
  return key
    .normalize('NFKC') // full-width Ｓ／Ｎ, １, ： → S/N, 1, :
    .replace(/^"|"$/g, '')
    .trim()
    .replace(/\s*:$/, '')
    .trim()
    .toLowerCase();
}

export type BelField =
  | 'serial'
  | 'software'
  | 'fileName'
  | 'adsorptive'
  | 'temperature'
  | 'mass'
  | 'saturationPressure'
  | 'comment1'
  | 'comment2'
  | 'comment3'
  | 'comment4'
  | 'date'
  | 'duration';

/** Keys of the .DAT ("Meas. Temp./K"), .csv/.xls ("Adsorption temperature" + "[K]") and Japanese editions. */
const KEY_PATTERNS: readonly { field: BelField; pattern: RegExp }[] = [
  { field: 'serial', pattern: /^(instrument s\/n|s\/n|serial number|装置s\/n|シリアルナンバー)$/ },
  { field: 'software', pattern: /^(software version|version|バージョン)$/ },
  { field: 'fileName', pattern: /^(file name|ファイル名)$/ },
  { field: 'adsorptive', pattern: /^(adsorptive|吸着質名称)$/ },
  { field: 'temperature', pattern: /^(meas\. temp\.|adsorption temperature|吸着温度)(\/.+)?$/ },
  { field: 'mass', pattern: /^(sample weight|試料重量|サンプル質量)(\/.+)?$/ },
  { field: 'saturationPressure', pattern: /^(saturated vapor pressure|飽和蒸気圧)(\/.+)?$/ },
  { field: 'comment1', pattern: /^(comment|コメント)1$/ },
  { field: 'comment2', pattern: /^(comment|コメント)2$/ },
  { field: 'comment3', pattern: /^(comment|コメント)3$/ },
  { field: 'comment4', pattern: /^(comment|コメント)4$/ },
  { field: 'date', pattern: /^(date of measurement|測定開始日|測定日)$/ },
  { field: 'duration', pattern: /^(time of measurement|測定時間)$/ },
];

/** One header entry: its value, the unit written in the key ("/g") or beside it ("[g]"), and where it was. */
export interface BelHeaderEntry {
  key: string;
  value: string | number;
  unit: string | null;
  where: ErrorLocation;
}

export type BelHeader = Map<BelField, BelHeaderEntry>;

/** Records a header key/value if it is one of the known fields (first occurrence wins). */
export function addHeaderEntry(header: BelHeader, rawKey: string, value: string | number, unitCell: string | null, where: ErrorLocation): void {
  const key = normaliseBelKey(rawKey);
  const known = KEY_PATTERNS.find((k) => k.pattern.test(key));
  if (!known || header.has(known.field)) return;
  const keyUnit = /\/([^/]+)$/.exec(key)?.[1];
  const unit = unitCell ? unitCell.replace(/^\[|\]$/g, '').trim() : known.field === 'serial' ? null : (keyUnit ?? null);
  header.set(known.field, { key: rawKey.replace(/^"|"$/g, '').trim(), value: typeof value === 'string' ? value.replace(/^"|"$/g, '').trim() : value, unit, where });
}

/** Where an entry is, for errors: the spreadsheet cell when known, else the key on its line. */
export function whereOf(entry: BelHeaderEntry): ErrorLocation {
  return { ...entry.where, field: entry.where.field ?? entry.key };
}

function text(entry: BelHeaderEntry | undefined): string | undefined {
  if (!entry) return undefined;
  const s = String(entry.value).trim();
  return s === '' ? undefined : s;
}

/** A numeric header entry with its unit, or null when absent or empty; a present but broken value is an error. */
function headerNumber(entry: BelHeaderEntry | undefined): number | null {
  const s = text(entry);
  if (s === undefined || !entry) return null;
  if (typeof entry.value === 'number') return entry.value;
  const value = Number(s);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || !Number.isFinite(value)) {
    throw new InputError('E_BAD_NUMBER', `"${s}" is not a number`, whereOf(entry), 'correct the header value');
  }
  return value;
}

/** Sample mass in g from the header, or null when the file does not state one (or states 0). */
export function headerMassG(header: BelHeader): number | null {
  const entry = header.get('mass');
  const value = headerNumber(entry);
  if (value === null || !entry) return null;
  const unit = (entry.unit ?? 'g').toLowerCase();
  const factor = unit === 'g' ? 1 : unit === 'mg' ? 1e-3 : null;
  if (factor === null) throw new InputError('E_UNKNOWN_UNIT', `sample mass unit "${entry.unit}" is not g or mg`, whereOf(entry));
  if (value < 0) throw new InputError('E_BAD_NUMBER', `sample mass ${value} is negative`, whereOf(entry));
  return value === 0 ? null : value * factor;
}

/** Adsorption temperature in K, or null when absent. */
export function headerTemperatureK(header: BelHeader): number | null {
  const entry = header.get('temperature');
  const value = headerNumber(entry);
  if (value === null || !entry) return null;
  const kelvin = temperatureToK(value, entry.unit ?? 'K');
  if (kelvin === null) throw new InputError('E_UNKNOWN_UNIT', `temperature unit "${entry.unit}" is not K or °C`, whereOf(entry));
  if (kelvin <= 0) throw new InputError('E_BAD_NUMBER', `temperature ${value} ${entry.unit ?? 'K'} is not above absolute zero`, whereOf(entry));
  return kelvin;
}

/** Saturation pressure stated in the header (csv/xls), in kPa, or null. */
export function headerSaturationPressureKpa(header: BelHeader): number | null {
  const entry = header.get('saturationPressure');
  const value = headerNumber(entry);
  if (value === null || !entry) return null;
  const factor = pressureUnitToKpa(entry.unit ?? 'kPa');
  if (factor === null) throw new InputError('E_UNKNOWN_UNIT', `pressure unit "${entry.unit}" is not recognised`, whereOf(entry));
  return value * factor;
}

/**
 * ISO date from BEL's spellings. The .DAT and most .csv write yy/mm/dd (Japanese order: "20/06/03" is 2020-06-03,
 * "12/05/29" shows the order); some .csv write dd.mm.yyyy or yyyy-mm-dd. Anything else is echoed unchanged.
 */
export function belDate(value: string): string {
  const s = value.trim();
  let m = /^(\d{2})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return isoDate(2000 + Number(m[1]), Number(m[2]), Number(m[3])) ?? s;
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? s;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? s;
  return s;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A table column name split into quantity and unit: "Pe/kPa" → pe, kPa; " pi /kPa"; "Va/cm^3(STP) g^-1". */
export function splitColumnName(name: string): { quantity: string; unit: string } {
  const s = name.replace(/^"|"$/g, '').trim();
  if (/^p\s*\/\s*p0$/i.test(s)) return { quantity: 'p/p0', unit: '' };
  const slash = s.indexOf('/');
  if (slash < 0) return { quantity: s.toLowerCase(), unit: '' };
  return { quantity: s.slice(0, slash).trim().toLowerCase(), unit: s.slice(slash + 1).trim() };
}

/** BEL's loading units ("ml(STP) g-1", "cm^3(STP) g^-1", "mol g^-1") as poregrade units. */
export function belLoadingUnit(unit: string): LoadingUnit | null {
  return parseLoadingUnit(unit.replace(/\^/g, ''));
}

/** The table columns every BEL reader needs, located by quantity. */
export interface BelColumns {
  pressure: number;
  saturationPressure: number;
  loading: number;
  /** The unit of Pe and P0 as written ("kPa"). */
  pressureUnit: string;
  pressureKpaPerUnit: number;
  loadingUnit: LoadingUnit;
  names: string[];
}

/** Finds Pe, P0 and the amount column (V, Va or na) in a header row; errors name what is missing. */
export function locateColumns(names: string[], where: ErrorLocation): BelColumns {
  const parts = names.map(splitColumnName);
  const find = (test: (q: string) => boolean): number => parts.findIndex((p) => test(p.quantity));
  const pressure = find((q) => q === 'pe');
  const saturationPressure = find((q) => q === 'p0');
  const loading = find((q) => q === 'v' || q === 'va' || q === 'na' || q === 'n');
  const missing = [pressure < 0 ? 'Pe (equilibrium pressure)' : null, saturationPressure < 0 ? 'P0 (saturation pressure)' : null, loading < 0 ? 'V, Va or na (amount adsorbed)' : null].filter(Boolean);
  if (missing.length) {
    throw new InputError('E_MISSING_COLUMN', `the data table has no ${missing.join(', ')} column (columns: ${names.join(', ')})`, where, 'export the isotherm table from BELMaster/BEL software unchanged');
  }
  const pressureUnit = parts[pressure]!.unit;
  const pressureKpaPerUnit = pressureUnitToKpa(pressureUnit);
  if (pressureKpaPerUnit === null || pressureUnitToKpa(parts[saturationPressure]!.unit) !== pressureKpaPerUnit) {
    throw new InputError('E_UNKNOWN_UNIT', `pressure units "${pressureUnit}" and "${parts[saturationPressure]!.unit}" are not a known, common unit`, { ...where, field: names[pressure] });
  }
  const loadingUnit = belLoadingUnit(parts[loading]!.unit);
  if (!loadingUnit) throw new InputError('E_UNKNOWN_UNIT', `amount unit "${parts[loading]!.unit}" is not recognised`, { ...where, field: names[loading] });
  return { pressure, saturationPressure, loading, pressureUnit, pressureKpaPerUnit, loadingUnit, names };
}

/** The cells of a text table row split on `separator`; a row short of the header's columns is a truncated table. */
export function tableRowCells(line: string, separator: string, columns: BelColumns, lineNo: number): string[] {
  const cells = line.split(separator).map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  if (cells.length < columns.names.length) {
    throw new InputError('E_ROW_LENGTH', `the row has ${cells.length} of the ${columns.names.length} cells of the table (the table is truncated)`, { line: lineNo, field: columns.names[cells.length] }, 'export the file again, or delete the incomplete row');
  }
  return cells;
}

/**
 * The metadata every BEL reader reports: from the header, and p0 as found in the first table row. Comment 1 is where
 * BEL software asks for the sample name and Comment 2 for the operator.
 */
export function belMetadata(header: BelHeader, software: string | undefined, firstP0: number, columns: BelColumns): IsothermMetadata {
  const serial = text(header.get('serial'));
  const version = software ?? text(header.get('software'));
  // The .DAT's "System property" line names the model and software ("BELSORP-max Ver1.3.2t") or only "Ver1.2.6".
  const model = version === undefined ? 'BELSORP' : /^BEL/i.test(version) ? version : `BELSORP ${version}`;
  const extra: Record<string, string> = {};
  for (const field of ['fileName', 'comment3', 'comment4', 'duration'] as const) {
    const value = text(header.get(field));
    if (value !== undefined) extra[field === 'duration' ? 'measurementDuration' : field] = value;
  }
  // The *_jis .csv files keep a fictive header p0 (8.13E+05 kPa) while the table uses 6098 kPa: echo the difference.
  const headerP0 = headerSaturationPressureKpa(header);
  if (headerP0 !== null && headerP0 !== firstP0 * columns.pressureKpaPerUnit) extra.headerSaturationPressureKpa = String(headerP0);
  const date = text(header.get('date'));
  const sampleName = text(header.get('comment1')) ?? text(header.get('fileName'));
  const operator = text(header.get('comment2'));
  return {
    ...(sampleName !== undefined ? { sampleName } : {}),
    instrument: serial ? `${model}, S/N ${serial}` : model,
    ...(date !== undefined ? { date: belDate(date) } : {}),
    ...(operator !== undefined ? { operator } : {}),
    p0: { value: firstP0, unit: columns.pressureUnit },
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

/** The adsorptive as poregrade names it, or 'unknown'. */
export function headerAdsorptive(header: BelHeader): string | undefined {
  return text(header.get('adsorptive'));
}
