/**
 * The fast analyze-record writer (src/output/analyze-json.ts) writes the BJH distribution from its columns with its
 * own number formatter (writeSigJson in src/output/json.ts); its bytes must be exactly what JSON.stringify makes of the
 * same record. The formatter is checked against JSON.stringify(sig(x)) on a few hundred thousand seeded values over
 * every magnitude and sign (near powers of ten, near rounding halves, integers, subnormals, non-finite), the records on
 * the sample isotherms and the real instrument files, with several BJH options.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BJH_DEFAULTS, DISTRIBUTION_COLUMNS, type BjhJson, type BjhSettings } from '../../src/analysis/bjh-report.js';
import { ISOTHERM_DEFAULTS } from '../../src/analysis/isotherm-analysis.js';
import { analyzeFileOrThrow, type AnalyzeTask } from '../../src/batch/analyze-task.js';
import { analyzeRecordJson, reuseAnalyzeRecordBytes } from '../../src/output/analyze-json.js';
import { sig, writeSigJson } from '../../src/output/json.js';
import { describeWithSharedData, PROJECT_ROOT, shared } from '../helpers/shared-data.js';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** xorshift64: the same values on every run. */
function seeded(seed: bigint): { bits: () => bigint; unit: () => number } {
  let state = seed | 1n;
  const bits = (): bigint => {
    state ^= (state << 13n) & 0xffffffffffffffffn;
    state ^= state >> 7n;
    state ^= (state << 17n) & 0xffffffffffffffffn;
    return state;
  };
  return { bits, unit: () => Number(bits() >> 11n) / 2 ** 53 };
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
function fromBits(bits: bigint): number {
  u64[0] = BigInt.asUintN(64, bits);
  return f64[0]!;
}
function bitsOf(x: number): bigint {
  f64[0] = x;
  return u64[0]!;
}

function formatted(x: number): string {
  const out = new Uint8Array(64);
  return decode(out.subarray(0, writeSigJson(out, 0, x)));
}

describe('writeSigJson', () => {
  it('writes exactly JSON.stringify(sig(x)) on edge values', () => {
    const edges = [0, -0, NaN, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2.5, -2.5, 1e-6, -1e-6, 9.99999999995e-7, 1e-7, 5e-324, -5e-324, 2.2250738585072014e-308];
    edges.push(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 9.9999999999, -9.9999999999, 9.99999999995, 999999999.95, 9999999999.5, -9999999999.5, 1e21, 1e22, 1e-13, 1e-14, 123456789012);
    for (let p = -330; p <= 310; p++) {
      for (const m of [1, 9.9999999995, 9.99999999949, 5, 1.00000000005, 0.99999999995]) edges.push(m * 10 ** p, -m * 10 ** p, Number(`${m}e${p}`));
    }
    for (const x of edges) expect(formatted(x), String(x)).toBe(JSON.stringify(sig(x)));
  });

  it('writes exactly JSON.stringify(sig(x)) on 300,000 seeded values of every magnitude and sign', () => {
    const { bits, unit } = seeded(20260521n);
    const sign = (): number => (unit() < 0.5 ? -1 : 1);
    const generators: (() => number)[] = [
      () => fromBits(bits()),
      () => sign() * 10 ** (unit() * 44 - 22),
      () => sign() * 10 ** (unit() * 16 - 10),
      // within a thousand ulps of a power of ten, where Math.log10 decides the scale
      () => sign() * fromBits(bitsOf(10 ** (Math.floor(unit() * 50) - 25)) + BigInt(Math.floor(unit() * 2001) - 1000)),
      // within a few ulps of a rounding half of the 10th digit
      () => sign() * fromBits(bitsOf((Math.floor(unit() * 9e9) + 1e9 + 0.5) / 10 ** (Math.floor(unit() * 30) - 11)) + BigInt(Math.floor(unit() * 9) - 4)),
      () => sign() * Math.floor(unit() * 10 ** Math.floor(unit() * 17)),
      () => sign() * ((Math.floor(unit() * 9e9) + 1e9) / 10 ** (Math.floor(unit() * 40) - 15)),
      () => sign() * (1 - unit() * 1e-9) * 10 ** (Math.floor(unit() * 30) - 15),
      () => sign() * fromBits(bits() & 0x000fffffffffffffn),
    ];
    let mismatches = 0;
    const first: string[] = [];
    for (let i = 0; i < 300_000; i++) {
      const x = generators[i % generators.length]!();
      const got = formatted(x);
      const want = JSON.stringify(sig(x));
      if (got !== want) {
        mismatches++;
        if (first.length < 5) first.push(`${x}: ${got} ≠ ${want}`);
      }
    }
    expect(first).toEqual([]);
    expect(mismatches).toBe(0);
  });
});

function task(file: string, bjh: Partial<BjhSettings> = {}): AnalyzeTask {
  return { kind: 'analyze', file, maxFileBytes: 64 << 20, readOptions: {}, settings: ISOTHERM_DEFAULTS, bjh: { ...BJH_DEFAULTS, ...bjh }, settingsJson: { file } };
}

/** The writer's text, then JSON.stringify's of the same record (which builds the rows: so in that order). */
function bothTexts(record: Record<string, unknown>, lineEnd = ''): [string, string] {
  const fast = decode(analyzeRecordJson(record, lineEnd));
  return [fast, JSON.stringify(record) + lineEnd];
}

const SETTINGS: Partial<BjhSettings>[] = [{}, { branch: 'adsorption' }, { psdBasis: 'dd', atDiameterNm: 20 }, { correction: 'faas', kjs: true, atDiameterNm: 5 }];

describe('the fast analyze-record writer', () => {
  it('keeps the distribution rows in DISTRIBUTION_COLUMNS order', () => {
    const { record } = analyzeFileOrThrow(task(join(PROJECT_ROOT, 'samples', 'isotherms', 'silica-gel-layer.csv')));
    const rows = (record.bjh as BjhJson).distribution;
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toEqual(DISTRIBUTION_COLUMNS.map(([key]) => key));
  });

  it.each(readdirSync(join(PROJECT_ROOT, 'samples', 'isotherms')))('writes %s exactly as JSON.stringify, with every BJH setting', (name) => {
    for (const settings of SETTINGS) {
      const { record } = analyzeFileOrThrow(task(join(PROJECT_ROOT, 'samples', 'isotherms', name), settings));
      const [fast, reference] = bothTexts(record, '\n');
      expect(fast).toContain('"distribution":[{');
      expect(fast).toBe(reference);
    }
    reuseAnalyzeRecordBytes();
  });

  it('writes a record whose rows were already read through JSON.stringify, and the same bytes', () => {
    const { record } = analyzeFileOrThrow(task(join(PROJECT_ROOT, 'samples', 'isotherms', 'alumina-hydrate-layer.csv')));
    const before = decode(analyzeRecordJson(record));
    expect((record.bjh as BjhJson).distribution.length).toBeGreaterThan(0);
    expect(decode(analyzeRecordJson(record))).toBe(before);
    expect(before).toBe(JSON.stringify(record));
  });

  it('falls back to JSON.stringify when a string elsewhere holds the marker', () => {
    const { record } = analyzeFileOrThrow(task(join(PROJECT_ROOT, 'samples', 'isotherms', 'polymer-particle-layer.csv')));
    const tricky = { ...record, settings: { note: '\u0001', 'distribution"': '\u0001' } };
    const [fast, reference] = bothTexts(tricky);
    expect(fast).toBe(reference);
  });

  it('writes many records into one reused buffer, each still exact until the reset', () => {
    const records = SETTINGS.flatMap((settings) => readdirSync(join(PROJECT_ROOT, 'samples', 'isotherms')).map((name) => analyzeFileOrThrow(task(join(PROJECT_ROOT, 'samples', 'isotherms', name), settings)).record));
    const views = records.map((record) => analyzeRecordJson(record, '\n'));
    expect(views.map(decode)).toEqual(records.map((record) => JSON.stringify(record) + '\n'));
    reuseAnalyzeRecordBytes();
  });
});

function isothermFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return isothermFiles(path);
    return name === 'INDEX.md' ? [] : [path];
  });
}

describeWithSharedData('the fast analyze-record writer on the real instrument files', () => {
  it('writes every readable file exactly as JSON.stringify, with every BJH setting', () => {
    let written = 0;
    for (const file of isothermFiles(shared('isotherms'))) {
      for (const settings of [SETTINGS[0]!, SETTINGS[2]!]) {
        let record: Record<string, unknown>;
        try {
          record = analyzeFileOrThrow(task(file, settings)).record;
        } catch {
          continue; // not an isotherm poregrade reads, or no such branch: no record to write
        }
        const [fast, reference] = bothTexts(record, '\n');
        expect(fast, file).toBe(reference);
        written++;
      }
      reuseAnalyzeRecordBytes();
    }
    expect(written).toBeGreaterThan(50);
  });
});
