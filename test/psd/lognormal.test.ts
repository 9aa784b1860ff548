/**
 * Acceptance (issue 5): histograms generated here from log-normal number distributions of known count median and
 * geometric SD, written as number and as volume histograms in several layouts, come back with the exact number
 * fractions (within 0.005) and number D50 (within 1 %), and the volume D50 obeys Hatch–Choate.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDistribution, PSD_DEFAULTS, type PsdResult } from '../../src/analysis/psd-analysis.js';
import { RawInput } from '../../src/io/input.js';
import type { PsdReadOptions } from '../../src/io/psd/reader.js';
import { readDistribution } from '../../src/io/psd/registry.js';
import { classPercents, hatchChoateMedian, logEdges, logNormalShare } from './lognormal.js';

/**
 * 20 classes per decade is laser-diffraction resolution (Mastersizer: 100 classes over 6 decades). A window limit
 * that cuts a class is placed by linear interpolation in ln d (the vendors' rule); its error grows with
 * (class width / ln σg)², so the narrow σg = 1.3 case needs finer classes: at 20 per decade it misses the 47–83 nm
 * window by 0.011.
 */
const CASES = [
  { cmdNm: 120, sigmaG: 1.6, perDecade: 20 },
  { cmdNm: 250, sigmaG: 1.8, perDecade: 20 },
  { cmdNm: 60, sigmaG: 1.3, perDecade: 50 },
];
/** Windows that cut through classes, including the claim windows. */
const WINDOWS: [number, number][] = [
  [10, 500],
  [300, 500],
  [47, 83],
  [100, 1000],
];

function analyze(file: string, text: string, options: PsdReadOptions = {}): PsdResult {
  const dist = readDistribution(RawInput.fromString(file, text), options);
  return analyzeDistribution(dist, { ...PSD_DEFAULTS, windowsNm: WINDOWS });
}

function expectMatchesLogNormal(result: PsdResult, cmdNm: number, sigmaG: number): void {
  expect(Math.abs(result.number.d50_nm! / cmdNm - 1)).toBeLessThan(0.01);
  const volumeMedian = hatchChoateMedian(cmdNm, sigmaG, 3);
  expect(Math.abs(result.volume.d50_nm! / volumeMedian - 1)).toBeLessThan(0.01);
  result.fractions.forEach((f, k) => {
    const [a, b] = WINDOWS[k]!;
    expect(Math.abs(f.number_fraction! - logNormalShare(a, b, cmdNm, sigmaG))).toBeLessThan(0.005);
    expect(Math.abs(f.volume_fraction! - logNormalShare(a, b, volumeMedian, sigmaG))).toBeLessThan(0.005);
  });
}

describe.each(CASES)('log-normal CMD $cmdNm nm, σg $sigmaG, $perDecade classes per decade', ({ cmdNm, sigmaG, perDecade }) => {
  const EDGES_NM = logEdges(1, 100_000, perDecade);
  const numberPercents = classPercents(EDGES_NM, cmdNm, sigmaG);
  const volumePercents = classPercents(EDGES_NM, hatchChoateMedian(cmdNm, sigmaG, 3), sigmaG);

  it('number histogram as lower/upper pairs in nm', () => {
    const lines = ['Lower (nm),Upper (nm),Number (%)', ...numberPercents.map((p, i) => `${EDGES_NM[i]},${EDGES_NM[i + 1]},${p}`)];
    const result = analyze('number-pairs.csv', lines.join('\n'));
    expect(result.number.source).toBe('measured');
    expectMatchesLogNormal(result, cmdNm, sigmaG);
  });

  it('volume histogram as class limits in µm (blank first value), semicolons and decimal commas', () => {
    const comma = (x: number): string => String(x).replace('.', ',');
    const lines = ['Size (µm);Volume (%)', `${comma(EDGES_NM[0]! / 1000)};`, ...volumePercents.map((p, i) => `${comma(EDGES_NM[i + 1]! / 1000)};${comma(p)}`)];
    const result = analyze('volume-limits.csv', lines.join('\r\n'));
    expect(result.number.source).toBe('converted from volume');
    expectMatchesLogNormal(result, cmdNm, sigmaG);
    // The number mean of a log-normal is CMD·exp(ln²σg / 2) (Hatch–Choate, k = 1/2).
    expect(Math.abs(result.number.mean_nm! / hatchChoateMedian(cmdNm, sigmaG, 0.5) - 1)).toBeLessThan(0.01);
  });

  it('number distribution as cumulative % passing, sizes descending in μm (U+03BC), basis from --basis', () => {
    let passing = 0;
    const rows = EDGES_NM.map((x, j) => {
      passing = j === 0 ? 0 : passing + numberPercents[j - 1]!;
      return `${x / 1000}\t${Math.min(100, passing)}`;
    });
    const result = analyze('passing.txt', ['Size(μm)\t%Pass', ...rows.reverse()].join('\n'), { basis: 'number' });
    expectMatchesLogNormal(result, cmdNm, sigmaG);
  });

  it('volume density q3 per µm on lower/upper pairs', () => {
    const lines = ['Lower (um)\tUpper (um)\tq3 [%/µm]', ...volumePercents.map((p, i) => `${EDGES_NM[i]! / 1000}\t${EDGES_NM[i + 1]! / 1000}\t${p / ((EDGES_NM[i + 1]! - EDGES_NM[i]!) / 1000)}`)];
    const result = analyze('density.txt', lines.join('\n'));
    expectMatchesLogNormal(result, cmdNm, sigmaG);
  });
});

describe('class points', () => {
  it('edges at the geometric midpoints reproduce log-spaced limits, so class shares are exact', () => {
    const { cmdNm, sigmaG } = CASES[0]!;
    const EDGES_NM = logEdges(1, 100_000, 20);
    const percents = classPercents(EDGES_NM, cmdNm, sigmaG);
    const lines = ['Diameter (nm),Number (%)', ...percents.map((p, i) => `${Math.sqrt(EDGES_NM[i]! * EDGES_NM[i + 1]!)},${p}`)];
    const dist = readDistribution(RawInput.fromString('points.csv', lines.join('\n')), {});
    dist.edgesNm.forEach((edge, i) => expect(edge / EDGES_NM[i]!).toBeCloseTo(1, 10));
    expect(dist.assumptions.join(' ')).toMatch(/class points/);
  });
});
