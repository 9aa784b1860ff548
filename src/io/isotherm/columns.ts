/**
 * Recognising isotherm columns by their header text, as instrument and spreadsheet exports name them
 * ("Relative Pressure (P/Po)", "Absolute Pressure (mmHg)", "P0/kPa", "Quantity Adsorbed (cm³/g STP)",
 * "quantity_adsorbed_cm3_g_STP", "n [mmol/g]", "Branch"). Shared by the generic text and spreadsheet readers.
 */
import { parseLoadingUnit, pressureUnitToKpa, type LoadingUnit } from '../units.js';

export type ColumnRole = 'relativePressure' | 'pressure' | 'p0' | 'loading' | 'branch';

export interface RecognisedColumn {
  role: ColumnRole;
  index: number;
  header: string;
  /** The unit text found in the header, if any. */
  unitText: string | null;
}

/** Unit text in (…) or […], after " in ", after a slash ("P/kPa"), or an underscore suffix ("..._cm3_g_STP"). */
export function headerUnit(header: string): string | null {
  // Short symbol before a slash: "P0/kPa", "Pe/kPa", "V/ml(STP) g-1".
  const symbol = /^\s*[A-Za-z][A-Za-z0-9]{0,3}\s*\/\s*(.+?)\s*$/.exec(header);
  if (symbol && !/^p[o0°]?$/i.test(symbol[1]!)) return symbol[1]!;
  const bracket = [...header.matchAll(/[([]\s*([^()[\]]+?)\s*[)\]]/g)].map((m) => m[1]!).filter((u) => !/^(p\s*\/\s*p[o0°]|stp)$/i.test(u));
  if (bracket.length > 0) return bracket[bracket.length - 1]!;
  const inUnit = /\bin\s+(\S+(?:\s*STP)?)\s*$/i.exec(header);
  if (inUnit) return inUnit[1]!;
  const underscore = /_((?:cm3|cc|ml|mmol|mol|umol)_(?:g|kg)(?:_stp)?|kpa|pa|mmhg|torr|bar|mbar)$/i.exec(header);
  if (underscore) return underscore[1]!.replace(/_(g|kg)(?=_|$)/i, '/$1').replace(/_stp$/i, ' STP');
  const trailing = /((?:cm3|cm³|cc|ml|mmol|mol|µmol|umol)\s*\/\s*k?g)(?:\s*stp)?\s*$/i.exec(header);
  if (trailing) return trailing[1]!;
  return null;
}

function squash(header: string): string {
  return header.toLowerCase().replace(/[\s_.]+/g, ' ').trim();
}

/** The role a header plays, or null. Order matters: relative pressure and p0 before plain pressure. */
export function headerRole(header: string): ColumnRole | null {
  const h = squash(header);
  if (/relative pressure|\bp ?\/ ?p[o0°]\b|\bp ?\/ ?p ?sat|\bp rel\b|\bprel\b|^x$|^rp$/.test(h)) return 'relativePressure';
  if (/^(p[o0]|p ?sat|saturation pressure)\b|\bp0\b|saturation/.test(h)) return 'p0';
  if (/branch|ads ?\/ ?des|^direction$|^mode$/.test(h)) return 'branch';
  if (/pressure|^p\b|^pe\b|^press\b/.test(h)) return 'pressure';
  if (/quantity adsorbed|adsorbed|loading|amount|uptake|^volume|^v\b|^n\b|^q\b|^na\b|^va\b/.test(h)) return 'loading';
  return null;
}

export function recogniseColumns(headers: readonly string[]): Map<ColumnRole, RecognisedColumn> {
  const found = new Map<ColumnRole, RecognisedColumn>();
  headers.forEach((header, index) => {
    const role = isNumberLike(header) ? null : headerRole(header);
    if (role && !found.has(role)) found.set(role, { role, index, header, unitText: headerUnit(header) });
  });
  return found;
}

/**
 * A cell of digits, signs, points, commas, exponent letters and blanks (a data cell) names no column: every pattern
 * of headerRole needs a letter other than e. Header detection looks at the row below each header candidate, and
 * lower-casing and matching its numbers was most of the cost of finding the header.
 */
function isNumberLike(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const code = cell.charCodeAt(i);
    const numeric = (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e || code === 0x2c || code === 0x65 || code === 0x45 || code === 0x20 || code === 0x09;
    if (!numeric) return false;
  }
  return true;
}

export function loadingUnitOf(column: RecognisedColumn): LoadingUnit | null {
  return column.unitText ? parseLoadingUnit(column.unitText) : null;
}

export function pressureFactorOf(column: RecognisedColumn): number | null {
  return column.unitText ? pressureUnitToKpa(column.unitText) : null;
}

const BRANCH_LABELS: ReadonlyMap<string, 0 | 1> = new Map([
  ...['ads', 'adsorption', 'a', '0', 'adsorb'].map((label) => [label, 0] as const),
  ...['des', 'desorption', 'd', '1', 'desorb'].map((label) => [label, 1] as const),
]);

/**
 * Branch labels: ads/adsorption/a/0 and des/desorption/d/1, in any case. A label already in lower case is looked up
 * as it is: trimming and lower-casing every row's label allocated ~110 bytes a row.
 */
export function parseBranchLabel(text: string): 0 | 1 | null {
  return BRANCH_LABELS.get(text) ?? BRANCH_LABELS.get(text.trim().toLowerCase()) ?? null;
}
