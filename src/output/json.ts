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

/**
 * The largest e for which POWERS_OF_TEN[e] is exactly 10^e: checked against the decimal parse (correctly rounded, and
 * 10^0 … 10^22 are representable) rather than assumed, since `**` is not required to be correctly rounded.
 */
const EXACT_POWER_LIMIT = (() => {
  let e = 0;
  while (e < 22 && POWERS_OF_TEN[e + 1] === Number(`1e${e + 1}`)) e++;
  return e;
})();

/** "00" … "99" as ASCII pairs: a digit pair per integer division halves the divisions. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 0x30 + (i & 1 ? (i >> 1) % 10 : ((i >> 1) / 10) | 0));

/**
 * Writes the bytes of `JSON.stringify(sig(x))` into `out` at `at` and returns the offset after them, without the
 * double-to-shortest-string conversion that dominated the cost of serialising a record (~120 ns a number).
 *
 * Why the digits of the scaled integer are the digits JSON.stringify prints: for a scale exponent e in
 * [0, EXACT_POWER_LIMIT], sig(x) is N / 10^e with N = Math.round(x · 10^e) an integer below 2^53 and 10^e exact, so
 * sig(x) is the double nearest the decimal D = N · 10^−e, and D round-trips. Two distinct decimals of at most 10
 * significant digits differ by at least 10^−10 of their size, far more than a double's spacing (2^−52 of its size),
 * so no other decimal that short rounds to the same double: D, trailing zeros dropped, is the shortest round-trip
 * decimal, and it is the digit string Number::toString lays out (plain for 1e-6 ≤ |D| < 1e21, else with an exponent).
 * N is computed by sig's own operations (same exponent, same table, same Math.round, including its rounding of
 * negative halves towards +∞), so it is the very N that sig divides; anything else (0, −0, non-finite, scales outside
 * the exact range) is written from JSON.stringify(sig(x)) itself.
 */
export function writeSigJson(out: Uint8Array, at: number, x: number): number {
  // `x - x === 0` holds exactly for the finite numbers.
  if (x !== 0 && x - x === 0) {
    const exponent = 9 - decade(Math.abs(x));
    if (exponent >= 0 && exponent <= EXACT_POWER_LIMIT) {
      const scaled = Math.round(x * POWERS_OF_TEN[exponent]!);
      if (scaled !== 0) return writeScaled(out, at, scaled, exponent);
    }
  }
  return writeAscii(out, at, JSON.stringify(sig(x)));
}

/** Decades 10^−DECADE_BIAS … 10^(TABLE_DECADES − DECADE_BIAS − 1) are looked up; the rest ask Math.log10. */
const DECADE_BIAS = 16;
const TABLE_DECADES = 32;
/**
 * [lowest, highest] of the numbers in each decade that lie 1e-12 (relative) or more inside it. There log10 lies at
 * least 4e-13 from an integer, a thousand times the error of any Math.log10 near 1-ulp accurate (log10 below 32 has
 * an ulp of at most 7e-15), so Math.floor(Math.log10(a)) is that decade for certain: the lookup gives sig's exponent
 * without calling Math.log10, which took a third of the time per number. Closer to a power of ten, Math.log10 decides.
 */
const DECADE_INSIDE = Float64Array.from({ length: 2 * TABLE_DECADES }, (_, i) => (i & 1 ? (1 - 1e-12) * 10 ** ((i >> 1) - DECADE_BIAS + 1) : (1 + 1e-12) * 10 ** ((i >> 1) - DECADE_BIAS)));
/** The binary exponent of a double, read from its bits (the high word is the second on little-endian machines). */
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOG10_2 = Math.log10(2);

/** Math.floor(Math.log10(a)) for a finite a > 0, by table where that is certain (see DECADE_INSIDE). */
function decade(a: number): number {
  BITS[0] = a;
  const binary = ((WORDS[HIGH_WORD]! >>> 20) & 0x7ff) - 1023;
  // 2^binary ≤ a < 2^(binary + 1) puts log10(a) in [binary · log10 2, (binary + 1) · log10 2): this decade or the next.
  let index = Math.floor(binary * LOG10_2) + DECADE_BIAS;
  if (index >= 0 && index < TABLE_DECADES - 1) {
    if (a > DECADE_INSIDE[2 * index + 1]!) index++;
    if (a >= DECADE_INSIDE[2 * index]! && a <= DECADE_INSIDE[2 * index + 1]!) return index - DECADE_BIAS;
  }
  return Math.floor(Math.log10(a));
}

/** Writes the JSON number N · 10^−exponent (N a nonzero integer, |N| < 2^53) as Number::toString lays it out. */
function writeScaled(out: Uint8Array, at: number, scaled: number, exponent: number): number {
  if (scaled < 0) {
    out[at++] = 0x2d;
    scaled = -scaled;
  }
  // N = high · 10^lowWidth + low in int32 halves (|N| < 2^53, so high < 2^31), so that the divisions stay in int32
  // arithmetic. The quotient is exact: a nonzero remainder leaves the fraction at least 1e-8 below the next integer.
  let high = Math.floor(scaled / 1e8) | 0;
  let low = (scaled - high * 1e8) | 0;
  let lowWidth = 8;
  if (low === 0) {
    low = high;
    high = 0;
    exponent -= 8;
  }
  // Trailing zeros go (Number::toString prints the fewest digits); each one taken off lowers the exponent.
  while (low % 10 === 0) {
    low = (low / 10) | 0;
    lowWidth--;
    exponent--;
  }
  const digits = high > 0 ? decimalLength(high) + lowWidth : decimalLength(low);
  // Number::toString's n: the decimal point sits after the first n digits (n ≤ 0: −n zeros stand before them).
  const point = digits - exponent;
  if (point >= digits) {
    // An integer: its digits, then the zeros taken off.
    at = writeDigits(out, at + digits, high, low, lowWidth);
    for (let i = digits; i < point; i++) out[at++] = 0x30;
  } else if (point > 0) {
    // Digits written one place to the right, then the integer part moved back over the point's place.
    const end = writeDigits(out, at + 1 + digits, high, low, lowWidth);
    for (let i = 0; i < point; i++) out[at + i] = out[at + 1 + i]!;
    out[at + point] = 0x2e;
    at = end;
  } else if (point > -6) {
    out[at++] = 0x30;
    out[at++] = 0x2e;
    for (let i = point; i < 0; i++) out[at++] = 0x30;
    at = writeDigits(out, at + digits, high, low, lowWidth);
  } else {
    // Below 1e-6: d.ddde-p. The first digit is written one place to the left, over the point's place, then the point.
    at = writeDigits(out, at + 1 + digits, high, low, lowWidth);
    const first = at - digits;
    out[first - 1] = out[first]!;
    if (digits > 1) out[first] = 0x2e;
    else at--;
    out[at++] = 0x65;
    out[at++] = 0x2d;
    // point ≤ −6 with N ≥ 1 and exponent ≤ 22: the power 1 − point has one or two digits.
    const power = 1 - point;
    if (power >= 10) out[at++] = 0x30 + ((power / 10) | 0);
    out[at++] = 0x30 + (power % 10);
  }
  return at;
}

/** Digits of a positive int32. */
function decimalLength(n: number): number {
  let length = 1;
  while (n >= 10) {
    n = (n / 10) | 0;
    length++;
  }
  return length;
}

/**
 * Writes the digits of high · 10^lowWidth + low so that they end just before `end` (low padded to lowWidth digits
 * when high is nonzero) and returns `end`.
 */
function writeDigits(out: Uint8Array, end: number, high: number, low: number, lowWidth: number): number {
  let at = end;
  if (high > 0) {
    let width = lowWidth;
    for (; width >= 2; width -= 2) {
      const rest = (low / 100) | 0;
      const pair = 2 * (low - 100 * rest);
      out[--at] = DIGIT_PAIRS[pair + 1]!;
      out[--at] = DIGIT_PAIRS[pair]!;
      low = rest;
    }
    if (width === 1) out[--at] = 0x30 + low;
    low = high;
  }
  for (; low >= 100; ) {
    const rest = (low / 100) | 0;
    const pair = 2 * (low - 100 * rest);
    out[--at] = DIGIT_PAIRS[pair + 1]!;
    out[--at] = DIGIT_PAIRS[pair]!;
    low = rest;
  }
  if (low >= 10) {
    out[--at] = DIGIT_PAIRS[2 * low + 1]!;
    out[--at] = DIGIT_PAIRS[2 * low]!;
  } else {
    out[--at] = 0x30 + low;
  }
  return end;
}

function writeAscii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}
