/**
 * Values as instrument reports print them in text cells: `1,596.4627 m²/g` (English), `1.589,6174 m²/g` and
 * `0,0908 g` (German), `935.5162 ± 32.5347 m²/g`, `-195.780 °C`. Which of `.` and `,` is the decimal mark is a
 * property of the whole report (the locale of the PC that exported it), so it is decided once per file from fields
 * that are always printed with decimals (sample mass, bath temperature, free space) and then applied everywhere.
 */

/** Thousands groups: 1,596 / 1.589 / 1 596 (space, no-break space, narrow no-break space). */
const POINT_DECIMAL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d*)?(?:[eE][+-]?\d+)?$/;

/** Parses a printed number in the report's locale; null when it is not one (e.g. `-1.#IND`, `N/A`). */
export function parsePrintedNumber(text: string, decimalComma: boolean): number | null {
  const s = text.trim();
  if (s === '' || !(decimalComma ? COMMA_DECIMAL : POINT_DECIMAL).test(s)) return null;
  const plain = decimalComma ? s.replace(/[.\s\u00a0\u202f]/g, '').replace(',', '.') : s.replace(/[,\s\u00a0\u202f]/g, '');
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

export interface PrintedQuantity {
  value: number;
  /** The ± term, when printed. */
  uncertainty?: number;
  /** What follows the number(s), trimmed: `m²/g`, `cm³/g STP`, `°C`, '' when none. */
  unit: string;
}

/** `935.5162 ± 32.5347 m²/g` → {value, uncertainty, unit}; `0.1013 g` → {value, unit}; null if no leading number. */
export function parsePrintedQuantity(text: string, decimalComma: boolean): PrintedQuantity | null {
  const m = /^\s*([+-]?[\d.,\u00a0\u202f ]*\d(?:[eE][+-]?\d+)?)\s*(?:±\s*([+-]?[\d.,\u00a0\u202f ]*\d(?:[eE][+-]?\d+)?))?\s*(.*?)\s*$/.exec(text);
  if (!m) return null;
  const value = parsePrintedNumber(m[1]!, decimalComma);
  if (value === null) return null;
  const quantity: PrintedQuantity = { value, unit: m[3] ?? '' };
  if (m[2] !== undefined) {
    const uncertainty = parsePrintedNumber(m[2], decimalComma);
    if (uncertainty === null) return null;
    quantity.uncertainty = uncertainty;
  }
  return quantity;
}

/**
 * Decides the decimal mark from texts that each start with a number printed with decimals. A number with both
 * marks (1,596.4627) or with a group that is not three digits long (0,0908; 77.300 is ambiguous, 0.1013 is not)
 * casts a vote; the majority wins. Returns null when nothing decides (the caller then assumes a decimal point).
 */
export function detectDecimalComma(texts: Iterable<string>): boolean | null {
  let comma = 0;
  let point = 0;
  for (const text of texts) {
    const m = /^\s*[+-]?(\d[\d.,]*\d)/.exec(text);
    if (!m) continue;
    const token = m[1]!;
    const lastComma = token.lastIndexOf(',');
    const lastPoint = token.lastIndexOf('.');
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma++;
      else point++;
      continue;
    }
    const mark = lastComma >= 0 ? ',' : lastPoint >= 0 ? '.' : null;
    if (mark === null) continue;
    const parts = token.split(mark);
    if (parts.length > 2) {
      // The mark repeats: it groups thousands, so the other one is the decimal mark.
      if (mark === ',') point++;
      else comma++;
    } else if (parts[1]!.length !== 3 || parts[0] === '0') {
      if (mark === ',') comma++;
      else point++;
    }
  }
  if (comma === point) return null;
  return comma > point;
}

/** The text inside the last pair of parentheses: `Quantity Adsorbed (cm³/g STP)` → `cm³/g STP`. */
export function unitInParentheses(header: string): string | null {
  const m = /\(([^()]*)\)\s*$/.exec(header);
  return m ? m[1]!.trim() : null;
}
