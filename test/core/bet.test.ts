import { describe, expect, it } from 'vitest';
import { betAuto, betFit } from '../../src/core/bet.js';
import { betLoading, exactArea, gaussian, seededRandom } from '../helpers/bet-isotherm.js';

const CASES = [
  { monolayer: 4.7569, c: 150 },
  { monolayer: 44.7, c: 107 },
  { monolayer: 120, c: 35 },
  { monolayer: 260, c: 900 },
];

function grid(from: number, to: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

describe('BET on isotherms generated from the BET equation', () => {
  for (const { monolayer, c } of CASES) {
    it(`recovers n_m ${monolayer}, C ${c} exactly over a fixed range`, () => {
      const x = grid(0.05, 0.3, 11);
      const q = x.map((p) => betLoading(p, monolayer, c));
      const fit = betFit(x, q, 0.162);
      expect(Math.abs(fit.areaM2PerG / exactArea(monolayer) - 1)).toBeLessThan(1e-6);
      expect(Math.abs(fit.c / c - 1)).toBeLessThan(1e-6);
      expect(fit.r2).toBeGreaterThan(1 - 1e-12);
    });

    it(`recovers n_m ${monolayer}, C ${c} exactly with the automatic range`, () => {
      const x = grid(0.005, 0.5, 40);
      const q = x.map((p) => betLoading(p, monolayer, c));
      const result = betAuto(x, q, { crossSectionNm2: 0.162, minPoints: 5, minR2: 0.995, pressureTolerance: 0.2 });
      expect(result.chosen).not.toBeNull();
      expect(Math.abs(result.chosen!.fit.areaM2PerG / exactArea(monolayer) - 1)).toBeLessThan(1e-6);
      const { criteria } = result.chosen!;
      expect(criteria.rouquerolIncreasing && criteria.positiveC && criteria.monolayerInRange && criteria.monolayerConsistent).toBe(true);
      // For an exact BET isotherm, n_m is reached exactly at 1/(√C + 1) (criterion 4 with zero error).
      expect(criteria.monolayerRelativePressure!).toBeCloseTo(1 / (Math.sqrt(c) + 1), 3);
    });

    it(`with 0.2 % noise, n_m ${monolayer}, C ${c}: the true area lies within the reported standard error as often as a standard error promises`, () => {
      // One noisy isotherm lands outside ±1σ a third of the time by definition; 200 of them test the error's meaning.
      const noise = gaussian(seededRandom(Math.round(monolayer * 1000 + c)));
      const x = grid(0.05, 0.3, 11);
      const truth = exactArea(monolayer);
      let withinOne = 0;
      let withinThree = 0;
      const runs = 200;
      for (let run = 0; run < runs; run++) {
        const q = x.map((p) => betLoading(p, monolayer, c) * (1 + 0.002 * noise()));
        const fit = betFit(x, q, 0.162);
        const error = Math.abs(fit.areaM2PerG - truth);
        if (error <= fit.areaStderrM2PerG) withinOne++;
        if (error <= 3 * fit.areaStderrM2PerG) withinThree++;
      }
      // A calibrated 1σ covers 68.3 %; the binomial spread of 200 trials is ±3.3 %, so ±3 spreads is 0.58–0.78.
      expect(withinOne / runs).toBeGreaterThanOrEqual(0.58);
      expect(withinOne / runs).toBeLessThanOrEqual(0.78);
      expect(withinThree / runs).toBeGreaterThanOrEqual(0.98);
    });
  }

  it('a 20,000-point isotherm is searched on a thinned copy and still gives the exact area, fitted on all its points', () => {
    const x = grid(0.005, 0.5, 20_000);
    const q = x.map((p) => betLoading(p, 50, 120));
    const result = betAuto(x, q, { crossSectionNm2: 0.162, minPoints: 5, minR2: 0.995, pressureTolerance: 0.2 });
    expect(result.thinnedFrom).toBe(20_000);
    expect(Math.abs(result.chosen!.fit.areaM2PerG / exactArea(50) - 1)).toBeLessThan(1e-6);
    expect(result.chosen!.fit.points).toBe(result.chosen!.end - result.chosen!.start + 1);
    expect(result.chosen!.fit.points).toBeGreaterThan(1000);
  });

  it('an isotherm with no BET-like region yields no window, with the failures counted', () => {
    // A Langmuir (Type I) isotherm saturated far below p/p0 0.01: n(1 − x) falls everywhere above it.
    const x = grid(0.05, 0.9, 30);
    const q = x.map((p) => (100 * 5000 * p) / (1 + 5000 * p));
    const result = betAuto(x, q, { crossSectionNm2: 0.162, minPoints: 5, minR2: 0.995, pressureTolerance: 0.2 });
    expect(result.chosen).toBeNull();
    expect(result.failures.rouquerolIncreasing).toBeGreaterThan(0);
    expect(result.nearest.length).toBeGreaterThan(0);
  });
});
