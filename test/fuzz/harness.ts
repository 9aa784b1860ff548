/**
 * Fuzzing every reader and the analysis behind it: random bytes and mutated real instrument files. A case passes
 * when it ends in a result whose JSON holds no NaN/Infinity, or in a typed PoregradeError (a clear user error); any
 * other exception is a crash, and a case slower than the time limit is a hang.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BJH_DEFAULTS, bjhReport } from '../../src/analysis/bjh-report.js';
import { analyzeIsotherm, ISOTHERM_DEFAULTS } from '../../src/analysis/isotherm-analysis.js';
import { PoregradeError } from '../../src/errors.js';
import { SPREADSHEET_PARSE_LIMIT_MS } from '../../src/io/bounded-sheetjs.js';
import { RawInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { analyzeRecord } from '../../src/output/analyze-record.js';
import { jsonReplacer } from '../../src/output/json.js';
import { seededRandom as seeded } from '../../samples/math.js';

export interface FuzzFailure {
  name: string;
  kind: 'crash' | 'hang' | 'non-finite';
  detail: string;
  bytes: Uint8Array;
}

/** Collects every file under `dir` up to `maxBytes` each. */
export function corpus(dir: string, maxBytes = 2_000_000): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && statSync(path).size <= maxBytes && !/^(README|LICENSE|INDEX)/i.test(entry.name)) out.push({ name: path, bytes: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}

/** Non-finite numbers survive JSON.stringify as null, so look for them before serialising. */
function findNonFinite(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value && typeof value === 'object') {
    if (ArrayBuffer.isView(value)) {
      const arr = value as unknown as ArrayLike<number>;
      for (let i = 0; i < arr.length; i++) if (!Number.isFinite(arr[i]!)) return `${path}[${i}]`;
      return null;
    }
    for (const [k, v] of Object.entries(value)) {
      const found = findNonFinite(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

/** A case is a hang when it takes longer than this; a .xls whose parse the reader stops at its own limit is not one. */
const HANG_MS = SPREADSHEET_PARSE_LIMIT_MS + 1000;

export function fuzzOnce(name: string, bytes: Uint8Array, timeLimitMs = HANG_MS): FuzzFailure | null {
  const started = performance.now();
  try {
    const input = new RawInput(name, bytes);
    const isotherm = readIsotherm(input, {});
    const analysis = analyzeIsotherm(isotherm, ISOTHERM_DEFAULTS);
    const bjh = bjhReport(isotherm, BJH_DEFAULTS);
    const record = analyzeRecord(input, isotherm, { ...analysis, warnings: [...analysis.warnings, ...bjh.warnings] }, {}, { bjh: bjh.bjh });
    const bad = findNonFinite(record);
    if (bad) return { name, kind: 'non-finite', detail: bad, bytes };
    JSON.stringify(record, jsonReplacer);
  } catch (error) {
    if (!(error instanceof PoregradeError)) {
      return { name, kind: 'crash', detail: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n')}` : String(error), bytes };
    }
  }
  const elapsed = performance.now() - started;
  return elapsed > timeLimitMs ? { name, kind: 'hang', detail: `${elapsed.toFixed(0)} ms`, bytes } : null;
}

/** Byte- and text-level mutations that mimic broken exports. */
export function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(random() * n);
  const copy = Buffer.from(bytes);
  const text = (): string => copy.toString('latin1');
  switch (pick(10)) {
    case 0: // truncate anywhere (mid-row, mid-UTF-16 character)
      return copy.subarray(0, pick(copy.length + 1));
    case 1: { // flip bytes
      for (let k = 0; k < 1 + pick(8); k++) if (copy.length) copy[pick(copy.length)] = pick(256);
      return copy;
    }
    case 2: { // delete a span
      const at = pick(copy.length + 1);
      return Buffer.concat([copy.subarray(0, at), copy.subarray(Math.min(copy.length, at + 1 + pick(64)))]);
    }
    case 3: { // duplicate a line
      const lines = text().split('\n');
      const i = pick(lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 4: { // poison a number
      const poison = ['NaN', 'Infinity', '-1', '1e999', '-0', '1e-320', '', 'abc', '0', '1.5', '99999999', '1,5'][pick(12)]!;
      return Buffer.from(text().replace(/-?\d+\.?\d*(e[+-]?\d+)?/i, (m) => (random() < 0.5 ? poison : m)), 'latin1');
    }
    case 5: // swap separators (a spreadsheet in another locale)
      return Buffer.from(text().replace(/,/g, ';').replace(/\./g, ','), 'latin1');
    case 6: { // shuffle lines
      const lines = text().split('\n');
      for (let i = lines.length - 1; i > 0; i--) {
        const j = pick(i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 7: // concatenate with itself (scripts that append)
      return Buffer.concat([copy, copy]);
    case 8: { // insert random bytes
      const at = pick(copy.length + 1);
      return Buffer.concat([copy.subarray(0, at), Buffer.from(Array.from({ length: 1 + pick(32) }, () => pick(256))), copy.subarray(at)]);
    }
    default: // change line endings
      return Buffer.from(text().replace(/\r?\n/g, random() < 0.5 ? '\r' : '\r\n'), 'latin1');
  }
}


/** Runs `cases` fuzz cases over the corpus; returns the failures (at most `maxFailures`). */
/** `before` sees each case before it runs, so a run that hangs can say on which input. */
export function fuzz(files: { name: string; bytes: Uint8Array }[], cases: number, seed: number, maxFailures = 10, before?: (k: number, name: string, bytes: Uint8Array) => void): FuzzFailure[] {
  const random = seeded(seed);
  const failures: FuzzFailure[] = [];
  for (let k = 0; k < cases && failures.length < maxFailures; k++) {
    let failure: FuzzFailure | null;
    if (k % 10 === 0 || files.length === 0) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 2048) }, () => Math.floor(random() * 256));
      before?.(k, `random-${k}`, bytes);
      failure = fuzzOnce(`random-${k}`, bytes);
    } else {
      const base = files[Math.floor(random() * files.length)]!;
      let bytes: Uint8Array = base.bytes;
      for (let m = 0; m < 1 + Math.floor(random() * 3); m++) bytes = mutate(bytes, random);
      before?.(k, `${base.name} (mutated, case ${k})`, bytes);
      failure = fuzzOnce(`${base.name} (mutated, case ${k})`, bytes);
    }
    if (failure) failures.push(failure);
  }
  return failures;
}
