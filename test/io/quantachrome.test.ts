/**
 * Quantachrome text exports against the parser-conformance `.json` (an independent parser's output, amounts as the
 * file's TOTAL cc) and against the AIF conversions of the same runs in aif/converted_real (per gram, though they
 * say 'cc').
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { PoregradeError } from '../../src/errors.js';
import { RawInput, readInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { expectedPoints, expectSameMetadata, expectSamePoints, readConformanceJson } from '../helpers/conformance.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';
import { typedError } from '../helpers/typed-error.js';

const QNT = shared('isotherms', 'parser-conformance', 'qnt');
const files = (): string[] => {
  try {
    return readdirSync(QNT).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return [];
  }
};

/** Points the reader drops as instrument artefacts, by file (see instrument-artefacts.ts). */
const SKIPS: Record<string, number> = {
  'BF001 DUT-13 (Raw Analysis Data).txt': 1, // the last two desorption points are both 0.98 mmHg
};

describeWithSharedData('Quantachrome Raw Analysis Data vs parser-conformance .json', () => {
  it('finds the conformance files', () => expect(files().length).toBeGreaterThanOrEqual(6));
  for (const file of files()) {
    it(`${file}: per-gram loadings × sample weight = the file's total cc`, () => {
      const json = readConformanceJson(`${QNT}/${file.replace(/\.txt$/, '.json')}`);
      const isotherm = readIsotherm(readInput(`${QNT}/${file}`));
      expect(isotherm.source.format).toBe('quantachrome');
      const mass = json.meta.material_mass as number;
      expect(expectSamePoints(isotherm, expectedPoints(json, 1 / mass))).toBe(SKIPS[file] ?? 0);
      expectSameMetadata(isotherm, json);
      expect(isotherm.metadata.instrument).toBe(json.meta.apparatus);
    });
  }
});

describeWithSharedData('Quantachrome Raw Analysis Data vs the AIF conversions of the same runs', () => {
  const pairs = [
    ['NK_DUT-6_LP_N2_114PKT (Raw Analysis Data).txt', 'DUT-6_N2_77K_Quantachrome.aif'],
    ['US_540_DUT75_N2 (Raw Analysis Data).txt', 'DUT-75_N2_77K_Quantachrome.aif'],
  ] as const;
  for (const [raw, aif] of pairs) {
    it(`${raw} gives the per-gram loadings of ${aif}`, () => {
      const mine = readIsotherm(readInput(shared('isotherms', 'instrument-exports', 'quantachrome', raw)));
      const theirs = readIsotherm(readInput(shared('isotherms', 'aif', 'converted_real', aif)));
      expect(theirs.source.format).toBe('aif');
      expect(mine.relativePressure.length).toBe(theirs.relativePressure.length);
      expect(Array.from(mine.branch)).toEqual(Array.from(theirs.branch));
      for (let i = 0; i < mine.relativePressure.length; i++) {
        expect(mine.relativePressure[i]! / theirs.relativePressure[i]! - 1).toBeCloseTo(0, 12);
        expect(mine.loadingCm3StpPerG[i]! / theirs.loadingCm3StpPerG[i]! - 1).toBeCloseTo(0, 12);
      }
      expect(mine.sampleMassG).toBe(theirs.sampleMassG);
      expect(mine.temperatureK).toBe(theirs.temperatureK);
    });
  }
});

describeWithSharedData('Quantachrome Isotherm export (relative pressure, cc/g)', () => {
  it('reads US_540_DUT75_N2 (Isotherm).txt as per-gram amounts without dividing by the weight', () => {
    const isotherm = readIsotherm(readInput(shared('isotherms', 'instrument-exports', 'quantachrome', 'US_540_DUT75_N2 (Isotherm).txt')));
    expect(isotherm.source.format).toBe('quantachrome');
    expect(isotherm.metadata.extra?.layout).toBe('Isotherm');
    // First and last rows of the file: 4.88616e-04 → 247.3522 cc/g; 9.49056e-02 → 1010.0298 cc/g (desorption).
    expect(isotherm.relativePressure[0]).toBe(4.88616e-4);
    expect(isotherm.loadingCm3StpPerG[0]).toBe(247.3522);
    const last = isotherm.relativePressure.length - 1;
    expect(isotherm.relativePressure[last]).toBe(9.49056e-2);
    expect(isotherm.loadingCm3StpPerG[last]).toBe(1010.0298);
    expect(isotherm.branch[last]).toBe(1);
    expect(isotherm.sampleMassG).toBe(0.0539);
    expect(isotherm.adsorbate).toBe('nitrogen');
  });
});

describeWithSharedData('Quantachrome bad input', () => {
  const original = (): string => readFileSync(shared('isotherms', 'instrument-exports', 'quantachrome', 'US_540_DUT75_N2 (Raw Analysis Data).txt'), 'latin1');
  const errorOf = (text: string): PoregradeError => typedError(() => readIsotherm(new RawInput('bad.txt', Buffer.from(text, 'latin1'))));
  const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('a missing sample weight for total cc names the field and the table header line', () => {
    const text = original().replace('Sample Weight: 0.0539 g', 'Sample Weight:         ');
    const error = errorOf(text);
    expect(error.code).toBe('E_MISSING_MASS');
    expect(error.field).toBe('Sample Weight');
    expect(error.line).toBe(lineOf(text, '      Press'));
    const withMass = readIsotherm(new RawInput('ok.txt', Buffer.from(text, 'latin1')), { massG: 0.0539 });
    expect(withMass.loadingCm3StpPerG[0]).toBeCloseTo(13.3323 / 0.0539, 10);
  });

  it('a broken number cell names the column and the line', () => {
    const text = original().replace('14.953  ', '14.9S3  ');
    const error = errorOf(text);
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.field).toBe('Volume @ STP');
    expect(error.line).toBe(lineOf(text, '14.9S3'));
  });

  it('a truncated last row names the line and the first missing column', () => {
    const text = original();
    const cut = text.slice(0, text.indexOf('0.56417       754.27') + '0.56417       754.27'.length);
    const error = errorOf(cut);
    expect(error.code).toBe('E_ROW_LENGTH');
    expect(error.field).toBe('Volume @ STP');
    expect(error.line).toBe(cut.split('\n').length);
  });
});
