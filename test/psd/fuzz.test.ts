/**
 * No particle-size file can crash the reader or the analysis: mutated real exports and layouts end either in a
 * result without NaN/Infinity or in a typed PoregradeError. Deterministic (seeded), 250 cases.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyzeDistribution, PSD_DEFAULTS } from '../../src/analysis/psd-analysis.js';
import { PoregradeError } from '../../src/errors.js';
import { RawInput } from '../../src/io/input.js';
import type { PsdReadOptions } from '../../src/io/psd/reader.js';
import { readDistribution } from '../../src/io/psd/registry.js';
import { shared } from '../helpers/shared-data.js';

const SYNTHETIC = [
  'Lower (nm),Upper (nm),Count\n10,20,5\n20,40,3\n40,80,2\n',
  'Size (µm);Volume (%)\n0,01;\n0,02;10\n0,04;30\n0,08;60\n',
  'Sample Name\tX\nDistribution base\tNumber\nDiameter (µm)\tq(%)\tUndersize(%)\n0.1\t0\t0\n0.2\t50\t50\n0.4\t50\t100\n',
  ' ,Area,Mean,Feret\n1,0.5,1,1\n2,0.7,1,1\n',
  'Diameter (nm)\n10\n20\n30\n',
  'Size Classes (μm)\tVolume Density (%)\tVolume Density (%)\n1\t0\t0\n2\t50\t20\n4\t50\t80\n',
  'x0/µm\tQ3/%\n1\t0\n2\t40\n4\t100\n',
];
const REAL = ['mastersizer2000/example1.csv', 'zetasizer/chc_particleSize.txt', 'zetasizer/mxd_particleSize.txt'];
const JUNK = ['', '-1', 'NaN', '1e999', 'abc', '0', '1e-320', ' ', '"', '\t', ',', '100', '-0', '5 nm', '3 µm', '∞', '1,5', '1e308'];
const OPTIONS: PsdReadOptions[] = [{}, { basis: 'number' }, { record: 2 }, { sizeUnit: 'nm' }, { format: 'generic' }, { binsPerDecade: 1000 }];

function nonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value && typeof value === 'object') return Object.values(value).some(nonFinite);
  return false;
}

it('mutated exports end in a finite result or a PoregradeError', () => {
  const seeds = [...SYNTHETIC];
  for (const f of REAL) if (existsSync(shared('psd', f))) seeds.push(readFileSync(shared('psd', f), 'latin1'));
  let state = 20260521;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let results = 0;
  for (let i = 0; i < 250; i++) {
    const seed = pick(seeds);
    const separator = seed.includes('\t') ? '\t' : seed.includes(';') ? ';' : ',';
    let lines = seed.split(/\r?\n/);
    for (let m = 0; m < 1 + Math.floor(random() * 4); m++) {
      const at = Math.floor(random() * lines.length);
      const kind = random();
      if (kind < 0.35) {
        const cells = (lines[at] ?? '').split(separator);
        cells[Math.floor(random() * cells.length)] = pick(JUNK);
        lines[at] = cells.join(separator);
      } else if (kind < 0.55) lines.splice(at, 1);
      else if (kind < 0.65) lines = lines.slice(0, at);
      else if (kind < 0.75) lines.splice(at, 0, pick(lines));
      else if (kind < 0.85) lines.reverse();
      else lines[at] = (lines[at] ?? '').slice(0, Math.floor(random() * (lines[at]?.length ?? 0)));
    }
    try {
      const dist = readDistribution(RawInput.fromString('fuzz.txt', lines.join('\n')), pick(OPTIONS));
      const result = analyzeDistribution(dist, PSD_DEFAULTS);
      expect(nonFinite(result), `non-finite number from case ${i}`).toBe(false);
      results++;
    } catch (error) {
      if (!(error instanceof PoregradeError)) throw new Error(`case ${i} crashed: ${String(error)}\n${lines.join('\n').slice(0, 500)}`);
    }
  }
  expect(results).toBeGreaterThan(25);
});
