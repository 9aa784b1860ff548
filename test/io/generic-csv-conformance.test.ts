/**
 * parser-conformance/generic: the CSV files against the pyGAPS-made .json beside them. HKUST-1 CO2 at 303 K gives
 * absolute pressures and no p0, so the reader takes CO2's vapour pressure (stated); the check compares pressure
 * ratios, which do not depend on that p0, and loadings (mmol/g × 22.414).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';

describeWithSharedData('parser-conformance/generic CSV files', () => {
  for (const name of ['HKUST-1(Cu) CO2 303K', 'MCM-41 N2 77K']) {
    it(`${name}.csv matches its .json`, () => {
      const path = shared('isotherms', 'parser-conformance', 'generic', `${name}.csv`);
      const reference = JSON.parse(readFileSync(path.replace(/\.csv$/, '.json'), 'utf8')) as { data: { pressure: number[]; loading: number[]; branch: number[] }; meta: Record<string, unknown> };
      const isotherm = readIsotherm(readInput(path));
      const { pressure, loading, branch } = reference.data;
      expect(isotherm.relativePressure.length).toBe(pressure.length);
      // The reader orders points adsorption-first, as the reference does.
      expect(Array.from(isotherm.branch)).toEqual(branch);
      for (let i = 0; i < pressure.length; i++) {
        expect(Math.abs(isotherm.relativePressure[i]! / isotherm.relativePressure[0]! / (pressure[i]! / pressure[0]!) - 1)).toBeLessThan(1e-6);
        expect(Math.abs(isotherm.loadingCm3StpPerG[i]! / (loading[i]! * 22.414) - 1)).toBeLessThan(1e-6);
      }
      expect(isotherm.adsorbate).toBe(String(reference.meta.adsorbate ?? reference.meta._exptl_adsorptive).toLowerCase().replace(/^n2$/, 'nitrogen'));
    });
  }
});
