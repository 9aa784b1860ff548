import { describe, expect, it } from 'vitest';
import { ADSORPTION, branchPoints, countBranch, DESORPTION, type Isotherm } from '../../src/model/isotherm.js';

function isotherm(pressures: number[], branches: number[]): Isotherm {
  return {
    relativePressure: Float64Array.from(pressures),
    loadingCm3StpPerG: Float64Array.from(pressures, (p) => 100 * p),
    branch: Uint8Array.from(branches),
    adsorbate: 'nitrogen',
    temperatureK: 77,
    sampleMassG: null,
    source: { file: 'test', format: 'test' },
    metadata: {},
    assumptions: [],
  };
}

describe('branchPoints', () => {
  it('gives the points of a contiguous branch (as views of the isotherm, which callers only read)', () => {
    const iso = isotherm([0.1, 0.5, 0.9, 0.6, 0.2], [ADSORPTION, ADSORPTION, ADSORPTION, DESORPTION, DESORPTION]);
    expect([...branchPoints(iso, ADSORPTION).relativePressure]).toEqual([0.1, 0.5, 0.9]);
    expect([...branchPoints(iso, DESORPTION).loadingCm3StpPerG]).toEqual([60, 20]);
    expect(branchPoints(iso, DESORPTION).relativePressure.buffer).toBe(iso.relativePressure.buffer);
  });

  it('gives the points of an interleaved branch in measurement order', () => {
    const iso = isotherm([0.1, 0.8, 0.5, 0.9, 0.3], [ADSORPTION, DESORPTION, ADSORPTION, ADSORPTION, DESORPTION]);
    expect([...branchPoints(iso, ADSORPTION).relativePressure]).toEqual([0.1, 0.5, 0.9]);
    expect([...branchPoints(iso, DESORPTION).relativePressure]).toEqual([0.8, 0.3]);
    expect(countBranch(iso, DESORPTION)).toBe(2);
  });

  it('gives empty arrays for a branch the isotherm lacks', () => {
    const iso = isotherm([0.1, 0.5], [ADSORPTION, ADSORPTION]);
    expect(branchPoints(iso, DESORPTION).relativePressure.length).toBe(0);
    expect(countBranch(iso, DESORPTION)).toBe(0);
  });
});
