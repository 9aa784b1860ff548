/**
 * An analyze record as UTF-8 JSON, byte for byte what JSON.stringify gives, made fast for batches: the BJH
 * distribution (most of a record's numbers: 10 a row, tens of rows) is written straight from its Float64Array
 * columns by writeSigJson, and only the rest of the record goes through JSON.stringify. Turning those numbers into
 * their shortest round-trip text was most of the cost of serialising a record.
 */
import { DISTRIBUTION_COLUMNS, unbuiltDistribution } from '../analysis/bjh-report.js';
import type { BjhDistribution } from '../core/bjh.js';
import { writeSigJson } from './json.js';
import { Utf8Builder } from './utf8-builder.js';

const ENCODER = new TextEncoder();

/** What stands before each number of a row: `{"diameter_nm":`, then `,"diameter_min_nm":`, … (keys are ASCII). */
const KEY_BYTES = DISTRIBUTION_COLUMNS.map(([key], i) => ENCODER.encode(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`));
const KEY_LENGTH = KEY_BYTES.reduce((sum, bytes) => sum + bytes.length, 0);
/**
 * The same bytes as little-endian 32-bit words, zero-padded to a whole word: copied a word at a time, since a key is
 * most of a row's bytes and copying it byte by byte cost as much as formatting the numbers. The padding written past
 * a key's end is overwritten by what follows it, or lies beyond the record's end.
 */
const KEY_WORDS = KEY_BYTES.map((bytes) => {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  return Uint32Array.from({ length: padded.length / 4 }, (_, w) => view.getUint32(4 * w, true));
});
/** At most this many bytes per number: the longest JSON number text is 24 bytes ("-2.2250738585072014e-308"). */
const MOST_PER_NUMBER = 32;

/**
 * The distribution's rows as JSON, `[{…},{…}]`, exactly as JSON.stringify writes the rows that bjhReport's getter
 * builds: the same keys in the same order (DISTRIBUTION_COLUMNS), each value sig() of the same column entry. Needs
 * 3 bytes of room past its end (a key's padding).
 */
function writeDistribution(out: Uint8Array, at: number, d: BjhDistribution): number {
  const columns = DISTRIBUTION_COLUMNS.map(([, column]) => d[column]);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const rows = d.diameterNm.length;
  out[at++] = 0x5b;
  for (let row = 0; row < rows; row++) {
    if (row > 0) out[at++] = 0x2c;
    for (let c = 0; c < columns.length; c++) {
      const words = KEY_WORDS[c]!;
      for (let w = 0; w < words.length; w++) view.setUint32(at + 4 * w, words[w]!, true);
      at = writeSigJson(out, at + KEY_BYTES[c]!.length, columns[c]![row]!);
    }
    out[at++] = 0x7d;
  }
  out[at++] = 0x5d;
  return at;
}

/**
 * The distribution stands in one JSON.stringify of the record as this string, then is replaced by its bytes. A
 * string value elsewhere (a file name, a vendor file's metadata) could hold it too; the marker is then found twice
 * and the record is written by JSON.stringify alone.
 */
const MARKER_VALUE = '\u0001';
const MARKER = JSON.stringify(MARKER_VALUE);

const builder = new Utf8Builder();

/** Lets the next records overwrite the bytes of all earlier ones (call once those have been copied or written). */
export function reuseAnalyzeRecordBytes(): void {
  builder.reset();
}

/**
 * The record's JSON followed by `lineEnd`, as UTF-8; the bytes are a view that stays valid until
 * reuseAnalyzeRecordBytes() is called. Records without a BJH distribution in columns (error records, a `bjh` whose
 * rows some reader has already built) go through JSON.stringify whole.
 */
export function analyzeRecordJson(record: Readonly<Record<string, unknown>>, lineEnd = ''): Uint8Array {
  const bjh = record.bjh;
  const distribution = typeof bjh === 'object' && bjh !== null ? unbuiltDistribution(bjh) : undefined;
  if (distribution) {
    // Copied key by key, not spread: a spread would read the `distribution` getter and build the rows.
    const mirror: Record<string, unknown> = {};
    for (const key of Object.keys(bjh as object)) mirror[key] = key === 'distribution' ? MARKER_VALUE : (bjh as Record<string, unknown>)[key];
    // Spreading the record keeps each key in its place, `bjh` included (an existing key keeps its position).
    const json = JSON.stringify({ ...record, bjh: mirror });
    const at = json.indexOf(MARKER);
    if (at >= 0 && json.indexOf(MARKER, at + 1) < 0) {
      builder.text(json.slice(0, at));
      builder.direct(2 + distribution.diameterNm.length * (KEY_LENGTH + 1 + DISTRIBUTION_COLUMNS.length * MOST_PER_NUMBER) + 3, (out, from) => writeDistribution(out, from, distribution));
      builder.text(json, at + MARKER.length);
      if (lineEnd) builder.text(lineEnd);
      return builder.take();
    }
  }
  builder.text(JSON.stringify(record) + lineEnd);
  return builder.take();
}
