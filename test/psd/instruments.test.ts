/**
 * Real instrument files in ../shared/data/psd against the figures their instruments printed
 * (../shared/data/psd/INDEX.md and the files themselves).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyzeDistribution, PSD_DEFAULTS, type PsdSettings } from '../../src/analysis/psd-analysis.js';
import { windowFraction } from '../../src/core/psd/cumulative.js';
import { readInput } from '../../src/io/input.js';
import type { PsdReadOptions } from '../../src/io/psd/reader.js';
import { readDistribution } from '../../src/io/psd/registry.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';

function analyzeFile(parts: string[], options: PsdReadOptions = {}, settings: Partial<PsdSettings> = {}) {
  const dist = readDistribution(readInput(shared('psd', ...parts)), options);
  return { dist, result: analyzeDistribution(dist, { ...PSD_DEFAULTS, ...settings }) };
}

const within = (value: number | null | undefined, reference: number, relative: number): void => {
  expect(value ?? null).not.toBeNull();
  expect(Math.abs(value! / reference - 1)).toBeLessThanOrEqual(relative);
};

describeWithSharedData('Mastersizer 2000 (example1.csv)', () => {
  it("D[4,3], D[3,2], d(0.1), d(0.5), d(0.9) within 0.5 % of the instrument's 77.278, 72.289, 53.5, 74.796, 104.309 µm", () => {
    const { dist, result } = analyzeFile(['mastersizer2000', 'example1.csv']);
    expect(dist.source.format).toBe('mastersizer2000');
    expect(dist.basis).toBe('volume');
    expect(dist.edgesNm.length).toBe(101);
    within(result.volume.d43_nm, 77_278, 0.005);
    within(result.volume.d32_nm, 72_289, 0.005);
    within(result.volume.d10_nm, 53_500, 0.005);
    within(result.volume.d50_nm, 74_796, 0.005);
    within(result.volume.d90_nm, 104_309, 0.005);
    expect(result.vendor_comparison.map((v) => v.quantity)).toEqual(['d43', 'd32', 'd10', 'd50', 'd90', 'span']);
  });
});

/** The CAMSIZER table read independently of the readers: lower/upper limits (µm) and the instrument's Q0 (%). */
function camsizerQ0(): { upperUm: number[]; q0: number[] } {
  const lines = new TextDecoder('utf-16le').decode(readFileSync(shared('psd', 'camsizer-x2', '1_xc_min.xle'))).split(/\r\n/);
  const header = lines.findIndex((l) => l.includes('p3 [%]'));
  const upperUm: number[] = [];
  const q0: number[] = [];
  for (const line of lines.slice(header + 1)) {
    const cells = line.split('\t');
    if (cells.length < 8 || !/^\d/.test(cells[0]!)) break;
    upperUm.push(Number(cells[1]));
    q0.push(Number(cells[6]));
  }
  return { upperUm, q0 };
}

describeWithSharedData('CAMSIZER X2 (1_xc_min.xle)', () => {
  it("number distribution converted from the volume column agrees with the instrument's Q0 above 150 µm within 2 points, and the fines are flagged", () => {
    const { dist, result } = analyzeFile(['camsizer-x2', '1_xc_min.xle'], {}, { from: 'volume' });
    expect(result.number.source).toBe('converted from volume');
    // The fine classes print 0.000–0.001 % by volume yet hold most particles: converted, those rounded cells carry
    // most of the number, which no conversion can recover. What the volume data do resolve is the size distribution
    // of the coarse particles, so both sides are compared as shares of the particles above the class limit 153.1 µm.
    const { upperUm, q0 } = camsizerQ0();
    const from = upperUm.indexOf(153.1);
    const numberFraction = new Float64Array(result.bins.map((b) => b.number!));
    const above = windowFraction(dist.edgesNm, numberFraction, 153_100, Infinity);
    let worst = 0;
    for (let j = from + 1; j < upperUm.length; j++) {
      const converted = windowFraction(dist.edgesNm, numberFraction, 153_100, upperUm[j]! * 1000) / above;
      const instrument = (q0[j]! - q0[from]!) / (100 - q0[from]!);
      worst = Math.max(worst, Math.abs(converted - instrument));
    }
    expect(worst).toBeLessThan(0.02);
    const fines = result.warnings.find((w) => w.code === 'W_UNRESOLVED_FINES');
    expect(fines?.message).toMatch(/below 90\.6 µm/);
  });

  it("by default uses the instrument's own number column, whose cumulative is the file's Q0", () => {
    const { dist, result } = analyzeFile(['camsizer-x2', '1_xc_min.xle']);
    expect(dist.basis).toBe('volume');
    expect(result.number.source).toMatch(/measured .*p0/);
    expect(result.warnings.some((w) => w.code === 'W_UNRESOLVED_FINES')).toBe(false);
    const { upperUm, q0 } = camsizerQ0();
    for (const j of [0, 50, 100, 150]) {
      expect(windowFraction(dist.edgesNm, new Float64Array(result.bins.map((b) => b.number!)), 0, upperUm[j]! * 1000)).toBeCloseTo(q0[j]! / 100, 4);
    }
    // The instrument's volume percentiles: x(Q3=10/50/90 %) = 191.64, 367.27, 731.45 µm.
    within(result.volume.d10_nm, 191_640, 0.005);
    within(result.volume.d50_nm, 367_270, 0.005);
    within(result.volume.d90_nm, 731_450, 0.005);
  });
});

describeWithSharedData('Zetasizer', () => {
  // "Number Mean (d.nm)" of records 1–4 as the instrument printed them in chc_particleSize.txt.
  it.each([
    [1, 78.38],
    [2, 67.67],
    [3, 77.59],
    [4, 83.53],
  ])("chc_particleSize.txt record %i: number mean from Numbers[] within 1 %% of the file's %f nm", (record, numberMean) => {
    const { dist, result } = analyzeFile(['zetasizer', 'chc_particleSize.txt'], { record });
    expect(dist.metadata.record).toBe(`${record} of 4`);
    expect(result.number.source).toMatch(/Numbers/);
    within(result.number.mean_nm, numberMean, 0.01);
  });

  it('mxd_particleSize.txt: all three records parse, alone and as their mean', () => {
    for (const record of [1, 2, 3, 'mean'] as const) {
      const { dist, result } = analyzeFile(['zetasizer', 'mxd_particleSize.txt'], { record });
      expect(dist.edgesNm.length).toBe(71);
      expect(dist.basis).toBe('intensity');
      expect(dist.alsoMeasured.map((m) => m.basis).sort()).toEqual(['number', 'volume']);
      expect(dist.fraction.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(result.number.mean_nm).toBeGreaterThan(0.4);
    }
    const { dist } = analyzeFile(['zetasizer', 'mxd_particleSize.txt']);
    expect(dist.metadata.record).toBe('mean of 3 records');
    expect(dist.assumptions.join(' ')).toMatch(/mean of 3 records/);
  });

  it('intensity → number only through d⁶, flagged approximate, and only when asked (the file has Numbers[])', () => {
    const { result } = analyzeFile(['zetasizer', 'chc_particleSize.txt'], { record: 1 }, { from: 'intensity' });
    expect(result.number.source).toMatch(/Rayleigh/);
    expect(result.warnings.map((w) => w.code)).toContain('W_RAYLEIGH_APPROXIMATE');
    const auto = analyzeFile(['zetasizer', 'chc_particleSize.txt'], { record: 1 }).result;
    expect(auto.warnings.map((w) => w.code)).not.toContain('W_RAYLEIGH_APPROXIMATE');
  });
});
