/**
 * The layouts known from manuals and parsers only (Horiba LA, Mastersizer 3000, ImageJ, plain particle lists,
 * spreadsheets), written here from distributions and particle sets with known answers.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { analyzeDistribution, PSD_DEFAULTS } from '../../src/analysis/psd-analysis.js';
import { RawInput } from '../../src/io/input.js';
import type { PsdReadOptions } from '../../src/io/psd/reader.js';
import { readDistribution } from '../../src/io/psd/registry.js';
import { classPercents, hatchChoateMedian, logEdges, logNormalQuantile, logNormalShare } from './lognormal.js';

const EDGES_NM = logEdges(10, 100_000, 20);

function analyze(input: RawInput, options: PsdReadOptions = {}, windowsNm: [number, number][] = PSD_DEFAULTS.windowsNm) {
  const dist = readDistribution(input, options);
  return { dist, result: analyzeDistribution(dist, { ...PSD_DEFAULTS, windowsNm }) };
}

const relative = (value: number | null, reference: number): number => Math.abs(value! / reference - 1);

describe('Horiba LA text export', () => {
  it('reads Diameter/q(%)/Undersize(%) with the basis from "Distribution base", q placed by the undersize column', () => {
    const cmd = 400;
    const sigmaG = 1.7;
    const volume = classPercents(EDGES_NM, hatchChoateMedian(cmd, sigmaG, 3), sigmaG);
    let undersize = 0;
    const table = EDGES_NM.map((d, j) => {
      const q = j === 0 ? 0 : volume[j - 1]!;
      undersize += q;
      return `${d / 1000}\t${q}\t${undersize}`;
    });
    const text = ['Sample Name\tKaolin slurry 12', 'Refractive index\t1.560-0.010i', 'Distribution base\tVolume', '', 'Diameter (µm)\tq(%)\tUndersize(%)', ...table].join('\r\n');
    const { dist, result } = analyze(RawInput.fromString('horiba.txt', text));
    expect(dist.source.format).toBe('horiba-la');
    expect(dist.basis).toBe('volume');
    expect(dist.metadata.sampleName).toBe('Kaolin slurry 12');
    expect(dist.assumptions.join(' ')).toMatch(/ending at each size/);
    expect(relative(result.volume.d50_nm, hatchChoateMedian(cmd, sigmaG, 3))).toBeLessThan(0.01);
    expect(relative(result.number.d50_nm, cmd)).toBeLessThan(0.01);
  });
});

describe('Mastersizer 3000 export', () => {
  const a = { cmd: 150, sigmaG: 1.5 };
  const b = { cmd: 900, sigmaG: 1.4 };
  const percents = (p: { cmd: number; sigmaG: number }) => classPercents(EDGES_NM, hatchChoateMedian(p.cmd, p.sigmaG, 3), p.sigmaG);
  const pa = percents(a);
  const pb = percents(b);
  // The value beside limit x_j is the share of the class ending at x_j; the first row closes no class (0).
  const rows = EDGES_NM.map((x, j) => `${x / 1000}\t${j === 0 ? 0 : pa[j - 1]}\t${j === 0 ? 0 : pb[j - 1]}`);
  const text = ['Size Classes (μm)\tVolume Density (%)\tVolume Density (%)', ...rows].join('\n');
  const windows: [number, number][] = [[200, 2000]];

  it('one column per record; --record picks one', () => {
    for (const [record, p] of [[1, a], [2, b]] as const) {
      const { dist, result } = analyze(RawInput.fromString('ms3000.txt', text), { record }, windows);
      expect(dist.source.format).toBe('mastersizer3000');
      expect(dist.metadata.record).toMatch(new RegExp(`^${record} of 2`));
      expect(relative(result.volume.d50_nm, hatchChoateMedian(p.cmd, p.sigmaG, 3))).toBeLessThan(0.01);
      expect(relative(result.number.d50_nm, p.cmd)).toBeLessThan(0.01);
    }
  });

  it('the default is the mean of the records, and says so', () => {
    const { dist, result } = analyze(RawInput.fromString('ms3000.txt', text), {}, windows);
    expect(dist.metadata.record).toBe('mean of 2 records');
    const expected = (logNormalShare(200, 2000, hatchChoateMedian(a.cmd, a.sigmaG, 3), a.sigmaG) + logNormalShare(200, 2000, hatchChoateMedian(b.cmd, b.sigmaG, 3), b.sigmaG)) / 2;
    expect(Math.abs(result.fractions[0]!.volume_fraction! - expected)).toBeLessThan(0.005);
  });
});

/** 2000 particles at the log-normal quantiles (k + ½)/2000: a sample whose exact statistics the test computes. */
function particleSample(cmd: number, sigmaG: number, count = 2000): number[] {
  return Array.from({ length: count }, (_, k) => logNormalQuantile((k + 0.5) / count, cmd, sigmaG));
}

describe('per-particle lists', () => {
  const diameters = particleSample(180, 1.45);
  const exactMean = diameters.reduce((s, d) => s + d, 0) / diameters.length;
  const exactShare = (lo: number, hi: number): number => diameters.filter((d) => d >= lo && d < hi).length / diameters.length;
  const windows: [number, number][] = [
    [10, 500],
    [150, 250],
  ];
  const expectSample = (result: ReturnType<typeof analyze>['result']): void => {
    expect(relative(result.number.mean_nm, exactMean)).toBeLessThan(0.005);
    expect(relative(result.number.d50_nm, 180)).toBeLessThan(0.01);
    windows.forEach(([lo, hi], k) => expect(Math.abs(result.fractions[k]!.number_fraction! - exactShare(lo, hi))).toBeLessThan(0.005));
  };

  it('one diameter per row, unit in the header, counted on 50 classes per decade', () => {
    const text = ['Diameter (nm)', ...diameters.map(String)].join('\n');
    const { dist, result } = analyze(RawInput.fromString('tem.csv', text), {}, windows);
    expect(dist.source.format).toBe('particle-list');
    expect(dist.basis).toBe('number');
    expect(dist.assumptions.join(' ')).toMatch(/2000 particles .* 50 classes per decade/);
    expectSample(result);
  });

  it('ImageJ Analyze Particles: Area in µm² → equivalent circle diameter, unit from --size-unit', () => {
    const header = ' ,Area,Mean,Min,Max,Perim.,Feret,FeretX,FeretY,FeretAngle,MinFeret';
    const lines = diameters.map((d, k) => {
      const um = d / 1000;
      return `${k + 1},${(Math.PI * um * um) / 4},128,40,255,${Math.PI * um},${um * 1.1},0,0,0,${um * 0.9}`;
    });
    const input = () => RawInput.fromString('Results.csv', [header, ...lines].join('\n'));
    const { dist, result } = analyze(input(), { sizeUnit: 'µm' }, windows);
    expect(dist.source.format).toBe('imagej');
    expectSample(result);
    const feret = analyze(input(), { sizeUnit: 'um', particleSize: 'feret' }, windows).result;
    expect(relative(feret.number.mean_nm, exactMean * 1.1)).toBeLessThan(0.005);
    expect(() => readDistribution(input(), {})).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_UNIT', hint: expect.stringMatching(/--size-unit/) }));
  });
});

describe('spreadsheets', () => {
  it('reads a generic table from the first sheet of an .xlsx', () => {
    const cmd = 220;
    const sigmaG = 1.6;
    const number = classPercents(EDGES_NM, cmd, sigmaG);
    const sheet = XLSX.utils.aoa_to_sheet([['PSD of lot 0412'], [], ['Lower (nm)', 'Upper (nm)', 'Number (%)'], ...number.map((p, i) => [EDGES_NM[i]!, EDGES_NM[i + 1]!, p])]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'PSD');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const { dist, result } = analyze(new RawInput('lot.xlsx', bytes), {}, [[300, 500]]);
    expect(dist.source.format).toBe('generic');
    expect(relative(result.number.d50_nm, cmd)).toBeLessThan(0.01);
    expect(Math.abs(result.fractions[0]!.number_fraction! - logNormalShare(300, 500, cmd, sigmaG))).toBeLessThan(0.005);
  });
});
