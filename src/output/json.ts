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

/** 10^0 … 10^300, computed as `10 ** i` so that the scales are exactly those the exponentiation gave. */
const POWERS_OF_TEN = Float64Array.from({ length: 301 }, (_, i) => 10 ** i);

/**
 * Rounds to `digits` significant digits for display-stable JSON (no 0.30000000000000004 noise). Scaling by a power
 * of ten is ~10× faster than a toPrecision round trip, and a table of the powers halves it again (90 → 41 ns a call):
 * records hold hundreds of numbers.
 */
export function sig(x: number | null | undefined, digits = 10): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  if (x === 0) return 0;
  const exponent = digits - 1 - Math.floor(Math.log10(Math.abs(x)));
  if (exponent > 300 || exponent < -300) return Number(x.toPrecision(digits));
  return exponent >= 0 ? Math.round(x * POWERS_OF_TEN[exponent]!) / POWERS_OF_TEN[exponent]! : Math.round(x / POWERS_OF_TEN[-exponent]!) * POWERS_OF_TEN[-exponent]!;
}
