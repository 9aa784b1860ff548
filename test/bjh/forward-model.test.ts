/**
 * Known-answer isotherms from the forward model in samples/pore-model.ts (written independently of src/): BJH on a
 * generated branch must give back the log-normal pore distribution it was made from.
 */
import { describe, expect, it } from 'vitest';
import { bjh, bjhPeak, bjhValueAt, type BjhCorrection, type BjhOptions } from '../../src/core/bjh.js';
import { harkinsJuraA } from '../../src/core/thickness.js';
import { generateBranch, KELVIN_FACTOR_NM, LIQUID_FACTOR, volumeBetween, type PoreSample } from '../../samples/pore-model.js';

const options = (branch: 'adsorption' | 'desorption', correction: BjhCorrection): BjhOptions => ({
  thicknessA: harkinsJuraA,
  meniscus: branch === 'desorption' ? 'hemispherical' : 'cylindrical',
  correction,
  kjs: false,
  kelvinFactorNm: KELVIN_FACTOR_NM,
  liquidVolumeFactor: LIQUID_FACTOR,
  minDiameterNm: 1.7,
  maxDiameterNm: 300,
});

describe('BJH recovers a known log-normal pore distribution', () => {
  const cases = [
    ['desorption', 'standard'],
    ['adsorption', 'standard'],
    ['desorption', 'faas'],
  ] as const;
  for (const [branch, correction] of cases) {
    for (const medianNm of [5, 10, 20, 40, 80]) {
      it(`${branch}, ${correction} correction, median ${medianNm} nm`, () => {
        const sample: PoreSample = { medianNm, sigmaLn: 0.3, poreVolumeCm3PerG: 0.8, externalAreaM2PerG: 5 };
        const { relativePressure, loading } = generateBranch(sample, branch, 40);
        const result = bjh(relativePressure, loading, options(branch, correction));
        const peak = bjhPeak(result.distribution, 'dlogd');
        expect(peak).not.toBeNull();
        // dV/dlogD of a log-normal in volume peaks at the median, with height V / (σ_log10 √(2π)).
        const trueHeight = sample.poreVolumeCm3PerG / ((sample.sigmaLn / Math.LN10) * Math.sqrt(2 * Math.PI));
        const atMedian = bjhValueAt(result.distribution, medianNm);
        const trueVolume = volumeBetween(sample, 1.7, 300);
        expect(Math.abs(peak!.diameterNm / medianNm - 1)).toBeLessThan(0.03);
        expect(Math.abs(atMedian!.dvDlogdCm3PerG / trueHeight - 1)).toBeLessThan(0.1);
        expect(Math.abs(result.totalVolumeCm3PerG! / trueVolume - 1)).toBeLessThan(0.05);
      });
    }
  }
});
