/**
 * The small models BJH is built from, against exact answers: the Kelvin equation at p/p0 = 1/e, the thickness
 * equations as their sources state them (the vendor-printed values are checked in vendor-reports.test.ts), Akima's
 * interpolation on data it must reproduce exactly, and the curve readings on a parabola in log D.
 */
import { describe, expect, it } from 'vitest';
import { akimaInterpolant } from '../../src/core/akima.js';
import { interpolateOnLogAxis, refinedPeak } from '../../src/core/curve-reading.js';
import { kelvinRadiusNm, relativePressureAtKelvinRadius } from '../../src/core/kelvin.js';
import { broekhoffDeBoerA, carbonBlackStsaA, halseyA, krukJaroniecSayariA, tableThickness, THICKNESS_MODEL_NAMES, THICKNESS_MODELS } from '../../src/core/thickness.js';

describe('Kelvin radius', () => {
  const base = { kelvinFactorNm: 0.953, kjs: false } as const;
  it('is k/|ln p| for a hemispherical meniscus, half of it for a cylindrical one, +0.3 nm with KJS', () => {
    const p = Math.exp(-1);
    expect(kelvinRadiusNm(p, { ...base, meniscus: 'hemispherical' })).toBeCloseTo(0.953, 12);
    expect(kelvinRadiusNm(p, { ...base, meniscus: 'cylindrical' })).toBeCloseTo(0.4765, 12);
    expect(kelvinRadiusNm(p, { ...base, meniscus: 'hemispherical', kjs: true })).toBeCloseTo(1.253, 12);
  });
  it('inverts to the pressure it came from', () => {
    for (const options of [{ ...base, meniscus: 'hemispherical' as const }, { ...base, meniscus: 'cylindrical' as const, kjs: true }]) {
      for (const p of [0.05, 0.42, 0.9, 0.995]) expect(relativePressureAtKelvinRadius(kelvinRadiusNm(p, options), options)).toBeCloseTo(p, 12);
    }
  });
});

describe('thickness equations', () => {
  it('Halsey: t = 3.54 Å · (5/ln(1/p))^0.333, so t = 3.54 Å where ln(1/p) = 5', () => {
    expect(halseyA(Math.exp(-5))).toBeCloseTo(3.54, 12);
  });
  it('Kruk–Jaroniec–Sayari: t = 1 Å where log10 p = 0.03071 − 60.65', () => {
    expect(krukJaroniecSayariA(Math.pow(10, 0.03071 - 60.65))).toBeCloseTo(1, 9);
  });
  it('Broekhoff–de Boer: the t found satisfies log10 p = −16.11/t² + 0.1682·exp(−0.1137 t)', () => {
    for (const p of [0.05, 0.3, 0.7, 0.95, 0.995]) {
      const t = broekhoffDeBoerA(p);
      expect(-16.11 / (t * t) + 0.1682 * Math.exp(-0.1137 * t)).toBeCloseTo(Math.log10(p), 10);
    }
  });
  it('carbon black STSA (ASTM D6556): t = 2.98 + 6.45x + 0.88x²', () => {
    expect(carbonBlackStsaA(0)).toBe(2.98);
    expect(carbonBlackStsaA(0.5)).toBeCloseTo(2.98 + 3.225 + 0.22, 12);
  });
  it('every model rises with pressure and gives an N2 film of 3–10 Å between p/p0 0.1 and 0.7', () => {
    for (const name of THICKNESS_MODEL_NAMES) {
      const t = THICKNESS_MODELS[name].thicknessA;
      let previous = 0;
      for (let p = 0.1; p <= 0.7; p += 0.05) {
        expect(t(p)).toBeGreaterThan(previous);
        expect(t(p)).toBeGreaterThan(3);
        expect(t(p)).toBeLessThan(10);
        previous = t(p);
      }
    }
  });
  it('a table is used inside its range and clamped to its end values outside', () => {
    const table = tableThickness(Float64Array.of(0.1, 0.5, 0.9), Float64Array.of(3, 7, 11));
    expect(table.thicknessA(0.3)).toBeCloseTo(5, 12);
    expect(table.thicknessA(0.05)).toBe(3);
    expect(table.thicknessA(0.99)).toBe(11);
    expect(table.tableRange).toEqual({ relativePressureMin: 0.1, relativePressureMax: 0.9 });
    expect(() => tableThickness(Float64Array.of(0.5, 0.1), Float64Array.of(3, 7))).toThrow(RangeError);
  });
});

describe('Akima interpolation', () => {
  it('passes through its points and keeps a straight run straight', () => {
    const xs = Float64Array.of(0, 1, 2, 3, 4, 5);
    const ys = Float64Array.of(1, 3, 5, 7, 9, 11);
    for (const x of [0, 0.3, 1.7, 2.5, 4.9, 5]) expect(akimaInterpolant(xs, ys)(x)).toBeCloseTo(1 + 2 * x, 12);
    const bumpy = Float64Array.of(0, 0, 1, 0, 0, 2);
    xs.forEach((x, i) => expect(akimaInterpolant(xs, bumpy)(x)).toBeCloseTo(bumpy[i]!, 12));
  });
  it('does not overshoot next to a flat run (the point of Akima’s weights)', () => {
    const f = akimaInterpolant(Float64Array.of(0, 1, 2, 3, 4), Float64Array.of(0, 0, 0, 1, 1));
    for (let x = 0; x <= 2; x += 0.1) expect(f(x)).toBeCloseTo(0, 12);
  });
});

describe('curve readings on a log-diameter axis', () => {
  // y = 5 − 2·(log10 D − log10 7)²: a parabola in log D whose vertex is at D = 7 with height 5.
  const y = (d: number): number => 5 - 2 * (Math.log10(d) - Math.log10(7)) ** 2;
  it('the parabola through the top point and its neighbours finds the vertex exactly, wherever the grid falls', () => {
    const xs = Float64Array.of(40, 20, 11, 6.1, 3.3, 1.9);
    const peak = refinedPeak(xs, Float64Array.from(xs, y));
    expect(peak?.refined).toBe(true);
    expect(peak?.gridX).toBe(6.1);
    expect(peak?.x).toBeCloseTo(7, 10);
    expect(peak?.y).toBeCloseTo(5, 10);
  });
  it('a maximum at the end of the curve is reported unrefined', () => {
    const xs = Float64Array.of(6, 4, 2);
    expect(refinedPeak(xs, Float64Array.from(xs, y))).toMatchObject({ x: 6, refined: false });
    expect(refinedPeak(xs, new Float64Array(3))).toBeNull();
  });
  it('interpolates linearly in log D and refuses to extrapolate', () => {
    const xs = Float64Array.of(100, 10, 1);
    const ys = Float64Array.of(0, 1, 3);
    expect(interpolateOnLogAxis(xs, ys, Math.sqrt(10))).toBeCloseTo(2, 12);
    expect(interpolateOnLogAxis(xs, ys, 10)).toBe(1);
    expect(interpolateOnLogAxis(xs, ys, 0.5)).toBeNull();
    expect(interpolateOnLogAxis(xs, ys, 200)).toBeNull();
  });
});
