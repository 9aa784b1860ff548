/**
 * JSON output. Numbers that are not finite never reach the output: the analysis sets them to null with a warning,
 * and this last guard turns any that slipped through into null rather than emitting invalid JSON.
 */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, jsonReplacer, indent);
}

export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}

/** Rounds to `digits` significant digits for display-stable JSON (avoids 0.30000000000000004 noise). */
export function sig(x: number | null | undefined, digits = 10): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  if (x === 0) return 0;
  return Number(x.toPrecision(digits));
}
