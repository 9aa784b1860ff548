/**
 * NIST ISODB JSON against its AIF conversion (aif/converted_real: NIST-ISODB_10.1021Jp400480q.Isotherm2.json and
 * …_Ar87K.aif, Ar at 87 K on MWCNT, pressures in bar, amounts in kmol/m3, no p0 in either file).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { RawInput, readInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';
import { typedError } from '../helpers/typed-error.js';

const DIR = shared('isotherms', 'aif', 'converted_real');
const JSON_FILE = `${DIR}/NIST-ISODB_10.1021Jp400480q.Isotherm2.json`;

/** The adsorption loop of the AIF conversion, read as plain numbers (pressure in bar, amount in kmol/m3). */
function aifLoop(): { pressureBar: number[]; amount: number[] } {
  const text = readFileSync(`${DIR}/NIST-ISODB_10.1021Jp400480q.Isotherm2_Ar87K.aif`, 'utf8');
  const rows = text.slice(text.indexOf('_adsorp_amount') + '_adsorp_amount'.length).trim().split(/\r?\n/);
  const pairs = rows.map((r) => r.trim().split(/\s+/).map(Number));
  return { pressureBar: pairs.map((p) => p[0]!), amount: pairs.map((p) => p[1]!) };
}

describeWithSharedData('NIST ISODB JSON', () => {
  it('refuses kmol/m3 (per volume of adsorbent), naming the field, its line and why', () => {
    const error = typedError(() => readIsotherm(readInput(JSON_FILE)));
    expect(error.code).toBe('E_UNKNOWN_UNIT');
    expect(error.field).toBe('adsorptionUnits');
    expect(error.line).toBe(21);
    expect(error.message).toContain('density');
  });

  it('with --loading-unit, gives the AIF conversion\'s points, p0 assumed for argon at its boiling point', () => {
    const isotherm = readIsotherm(readInput(JSON_FILE), { loadingUnit: 'mmol/g' });
    expect(isotherm.source.format).toBe('nist-isodb');
    expect(isotherm.adsorbate).toBe('argon');
    expect(isotherm.temperatureK).toBe(87);
    expect(isotherm.metadata.sampleName).toBe('MWCNT');
    expect(isotherm.metadata.extra?.DOI).toBe('10.1021/Jp400480q');
    // Neither file gives p0: 101.325 kPa = 1.01325 bar, Ar's normal boiling point 87.302 K being within 0.5 K of 87 K.
    expect(isotherm.metadata.p0?.unit).toBe('bar');
    expect(isotherm.metadata.p0?.value).toBeCloseTo(1.01325, 12);
    expect(isotherm.assumptions.some((a) => /p0 taken as 101\.325 kPa/.test(a) && /argon/.test(a))).toBe(true);
    expect(isotherm.assumptions.some((a) => /--loading-unit/.test(a))).toBe(true);
    const aif = aifLoop();
    expect(isotherm.relativePressure.length).toBe(aif.pressureBar.length);
    expect(Array.from(isotherm.branch).every((b) => b === 0)).toBe(true);
    aif.pressureBar.forEach((p, i) => {
      expect(isotherm.relativePressure[i]! / (p / 1.01325) - 1).toBeCloseTo(0, 12);
      expect(isotherm.loadingCm3StpPerG[i]! / (aif.amount[i]! * 22.414) - 1).toBeCloseTo(0, 12);
    });
  });

  it('converts per-mass ISODB units (mmol/g) without being told', () => {
    const text = readFileSync(JSON_FILE, 'utf8').replace('"kmol/m3"', '"mmol/g"');
    const isotherm = readIsotherm(RawInput.fromString('mmol.json', text));
    expect(isotherm.loadingCm3StpPerG[0]).toBeCloseTo(12.7703 * 22.414, 10);
    expect(isotherm.assumptions.some((a) => /--loading-unit/.test(a))).toBe(false);
  });

  it('a broken pressure names the point and its line; a mixture and an unknown p0 are refused', () => {
    const text = readFileSync(JSON_FILE, 'utf8').replace('"kmol/m3"', '"mmol/g"');
    const broken = text.replace('"pressure": 0.0173326', '"pressure": "0.0173326"');
    const error = typedError(() => readIsotherm(RawInput.fromString('broken.json', broken)));
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.field).toBe('isotherm_data[1].pressure');
    expect(error.line).toBe(broken.slice(0, broken.indexOf('"pressure": "0.0173326"')).split('\n').length);

    const cold = text.replace('"temperature": 87', '"temperature": 77');
    expect(typedError(() => readIsotherm(RawInput.fromString('cold.json', cold))).code).toBe('E_MISSING_P0');
    expect(readIsotherm(RawInput.fromString('cold.json', cold), { p0Kpa: 100 }).relativePressure[0]).toBeCloseTo((0.00374842 * 100) / 100, 12);

    const mixture = text.replace('"adsorbates": [', '"adsorbates": [{"name": "Nitrogen", "InChIKey": "x"},');
    const mixError = typedError(() => readIsotherm(RawInput.fromString('mix.json', mixture)));
    expect(mixError.code).toBe('E_BAD_JSON');
    expect(mixError.field).toBe('adsorbates');
  });

  it('malformed JSON names the line', () => {
    const text = readFileSync(JSON_FILE, 'utf8').replace('"total_adsorption": 15.3716,', '"total_adsorption": 15.3716,,');
    const error = typedError(() => readIsotherm(RawInput.fromString('bad.json', text)));
    expect(error.code).toBe('E_BAD_JSON');
    expect(error.line).toBe(text.slice(0, text.indexOf(',,')).split('\n').length);
  });
});
