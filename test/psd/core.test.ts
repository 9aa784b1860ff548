/** The pure ISO 9276 core on cases with exact answers, and properties that hold for any distribution. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binDiametersNm } from '../../src/core/psd/bins.js';
import { convertBasis } from '../../src/core/psd/convert.js';
import { percentileNm, undersizeAt, windowFraction } from '../../src/core/psd/cumulative.js';
import { momentDiameterNm } from '../../src/core/psd/moments.js';
import { resolvedRange, shareOutside } from '../../src/core/psd/resolved.js';

const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);

describe('one class, uniform in ln d', () => {
  const edges = f64([10, 1000]);
  const one = f64([1]);
  it('percentiles are geometric interpolations: D50 = √(10·1000), D10 = 10·100^0.1', () => {
    expect(percentileNm(edges, one, 0.5)).toBeCloseTo(100, 10);
    expect(percentileNm(edges, one, 0.1)).toBeCloseTo(10 * Math.pow(100, 0.1), 10);
    expect(percentileNm(edges, one, 0)).toBeNull();
  });
  it('a window cut through the class takes its log-width share', () => {
    expect(windowFraction(edges, one, 100, 1000)).toBeCloseTo(0.5, 12);
    expect(windowFraction(edges, one, 1, 10)).toBe(0);
    expect(windowFraction(edges, one, 1, 1e6)).toBe(1);
    expect(undersizeAt(edges, one, 10 * Math.pow(100, 0.25))).toBeCloseTo(0.25, 12);
  });
});

describe('two classes with geometric-mean diameters 1 and 2 nm, equal numbers', () => {
  const edges = f64([Math.SQRT1_2, Math.SQRT2, 2 * Math.SQRT2]);
  const number = f64([0.5, 0.5]);
  it('diameters are the geometric means of the limits', () => {
    const x = binDiametersNm(edges);
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(2, 12);
  });
  it('number → volume weights by d³: 1/9 and 8/9; and back', () => {
    const volume = convertBasis(number, binDiametersNm(edges), 0, 3)!;
    expect(volume[0]).toBeCloseTo(1 / 9, 12);
    expect(volume[1]).toBeCloseTo(8 / 9, 12);
    const back = convertBasis(volume, binDiametersNm(edges), 3, 0)!;
    expect(back[0]).toBeCloseTo(0.5, 12);
    expect(convertBasis(f64([0, 0]), binDiametersNm(edges), 3, 0)).toBeNull();
  });
  it('D[1,0] = 1.5, D[3,2] = 9/5, D[4,3] = 17/9, from number or from volume fractions alike', () => {
    const x = binDiametersNm(edges);
    const volume = convertBasis(number, x, 0, 3)!;
    expect(momentDiameterNm(x, number, 0, 1, 0)).toBeCloseTo(1.5, 12);
    for (const [fraction, power] of [[number, 0], [volume, 3]] as const) {
      expect(momentDiameterNm(x, fraction, power, 3, 2)).toBeCloseTo(9 / 5, 12);
      expect(momentDiameterNm(x, fraction, power, 4, 3)).toBeCloseTo(17 / 9, 12);
    }
  });
});

describe('resolved range', () => {
  it('runs from the finest to the coarsest class holding the threshold; a class printed as exactly 0.100 % counts', () => {
    const edges = f64([1, 2, 4, 8, 16, 32]);
    const fraction = f64([0.0004, 0.1 / 100, 0.6, 0.3976, 0.0010]);
    const range = resolvedRange(edges, fraction, 0.001)!;
    expect([range.minNm, range.maxNm]).toEqual([2, 32]);
    const converted = convertBasis(fraction, binDiametersNm(edges), 3, 0)!;
    const outside = shareOutside(converted, range);
    expect(outside.below).toBeCloseTo(converted[0]!, 15);
    expect(outside.above).toBe(0);
    expect(resolvedRange(edges, fraction, 0.9)).toBeNull();
  });
});

describe('properties of any binned distribution', () => {
  const distribution = fc
    .array(fc.tuple(fc.double({ min: 1.01, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 })
    .filter((classes) => classes.some(([, share]) => share > 1e-6))
    .map((classes) => {
      const edges = [5];
      for (const [ratio] of classes) edges.push(edges[edges.length - 1]! * ratio);
      const total = classes.reduce((s, [, share]) => s + share, 0);
      return { edges: f64(edges), fraction: f64(classes.map(([, share]) => share / total)) };
    });

  it('the percentile inverts the cumulative', () => {
    fc.assert(
      fc.property(distribution, fc.double({ min: 0.01, max: 0.99, noNaN: true }), ({ edges, fraction }, q) => {
        const x = percentileNm(edges, fraction, q)!;
        expect(undersizeAt(edges, fraction, x)).toBeCloseTo(q, 9);
      }),
    );
  });

  it('window fractions add up across a shared limit and never exceed 1', () => {
    fc.assert(
      fc.property(distribution, fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: 3, maxLength: 3 }), ({ edges, fraction }, limits) => {
        const [a, b, c] = [...limits].sort((p, q) => p - q) as [number, number, number];
        const whole = windowFraction(edges, fraction, a, c);
        expect(windowFraction(edges, fraction, a, b) + windowFraction(edges, fraction, b, c)).toBeCloseTo(whole, 12);
        expect(whole).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
