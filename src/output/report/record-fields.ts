/**
 * Defensive reading of JSON records whose shapes the report does not own (analyze, BJH, PSD, grade): every field is
 * checked for its type, and anything unexpected reads as null, so a record from an older or newer poregrade (or a
 * hand-edited one) degrades the report instead of crashing it.
 */

export type JsonObject = Record<string, unknown>;

export function objectOrNull(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

export function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function arrayOrEmpty(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringList(value: unknown): string[] {
  return arrayOrEmpty(value).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'number' ? [String(v)] : []));
}

/** A column of numbers from an array of row objects; non-finite cells become NaN (charts drop them). */
export function column(rows: readonly unknown[], key: string): number[] {
  return rows.map((row) => finiteOrNull(objectOrNull(row)?.[key]) ?? NaN);
}

/** Flattens nested settings to dotted keys with printable values, in their order. */
export function flatten(value: unknown, prefix = ''): { key: string; value: string }[] {
  const object = objectOrNull(value);
  if (!object) return prefix ? [{ key: prefix, value: printable(value) }] : [];
  const out: { key: string; value: string }[] = [];
  for (const [key, v] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (objectOrNull(v)) out.push(...flatten(v, path));
    else out.push({ key: path, value: printable(v) });
  }
  return out;
}

function printable(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
