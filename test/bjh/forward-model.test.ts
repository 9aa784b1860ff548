/**
 * Known-answer isotherms: a forward model written here, independently of src/, fills and empties cylindrical pores
 * with a log-normal volume distribution in diameter by the Kelvin equation and the Harkins–Jura film, plus a film on
 * an external surface. BJH on the generated branch must give back the distribution it was made from.
 */
import { describe, expect, it } from 'vitest';
import { bjh, bjhPeak, bjhValueAt, type BjhCorrection, type BjhOptions } from '../../src/core/bjh.js';
import { harkinsJuraA } from '../../src/core/thickness.js';

const KELVIN_FACTOR_NM = 0.953;
const LIQUID_FACTOR = 0.0015468;

/** Harkins–Jura film, nm (written out again here so the model does not lean on the code under test). */
function filmNm(p: number): number {
  return Math.sqrt(13.99 / (0.034 - Math.log10(p))) / 10;
}

/** Core radius that condenses (cylindrical meniscus, factor 1/2) or evaporates (hemispherical) at p. */
function coreRadiusNm(p: number, meniscusFactor: number): number {
  return (-KELVIN_FACTOR_NM * meniscusFactor) / Math.log(p);
}

/** The pressure at which a pore of diameter D fills or empties: r_K(p) + t(p) = D/2, by bisection on ln p. */
function pressureForDiameter(diameterNm: number, meniscusFactor: number): number {
  let low = Math.log(1e-6);
  let high = Math.log(1 - 1e-12);
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    const p = Math.exp(mid);
    if (coreRadiusNm(p, meniscusFactor) + filmNm(p) < diameterNm / 2) low = mid;
    else high = mid;
  }
  return Math.exp((low + high) / 2);
}

interface PoreSample {
  medianNm: number;
  /** Geometric standard deviation as ln σ. */
  sigmaLn: number;
  poreVolumeCm3PerG: number;
  externalAreaM2PerG: number;
}

/** Pore classes: volume (cm³/g) per class of diameter, fine enough (2000 classes over ±5σ) to act as a continuum. */
function poreClasses(sample: PoreSample): { diameterNm: Float64Array; volume: Float64Array } {
  const n = 2000;
  const diameterNm = new Float64Array(n);
  const volume = new Float64Array(n);
  const lnLow = Math.log(sample.medianNm) - 5 * sample.sigmaLn;
  const step = (10 * sample.sigmaLn) / n;
  for (let k = 0; k < n; k++) {
    const lnD = lnLow + (k + 0.5) * step;
    const z = (lnD - Math.log(sample.medianNm)) / sample.sigmaLn;
    diameterNm[k] = Math.exp(lnD);
    volume[k] = (sample.poreVolumeCm3PerG * Math.exp(-0.5 * z * z) * step) / (sample.sigmaLn * Math.sqrt(2 * Math.PI));
  }
  return { diameterNm, volume };
}

/**
 * Amount adsorbed (cm³ STP/g) at p on one branch: filled pores hold their full volume, empty ones a film of t(p) on
 * their walls (an annulus), and the external surface a flat film.
 */
function loadingAt(p: number, classes: { diameterNm: Float64Array; volume: Float64Array }, sample: PoreSample, branch: 'adsorption' | 'desorption'): number {
  const t = filmNm(p);
  const meniscus = branch === 'desorption' ? 1 : 0.5;
  let liquid = sample.externalAreaM2PerG * t * 1e-3; // m²/g × nm → cm³/g
  for (let k = 0; k < classes.diameterNm.length; k++) {
    const radius = classes.diameterNm[k]! / 2;
    const filled = coreRadiusNm(p, meniscus) >= radius - t;
    liquid += filled ? classes.volume[k]! : classes.volume[k]! * (1 - (1 - t / radius) ** 2);
  }
  return liquid / LIQUID_FACTOR;
}

/** A branch measured at pressures whose pore diameters are log-spaced from 1.5 to 600 nm (a designed pressure table). */
function generateBranch(sample: PoreSample, branch: 'adsorption' | 'desorption', points: number) {
  const classes = poreClasses(sample);
  const meniscus = branch === 'desorption' ? 1 : 0.5;
  const relativePressure = new Float64Array(points);
  const loading = new Float64Array(points);
  for (let j = 0; j < points; j++) {
    const fraction = branch === 'desorption' ? 1 - j / (points - 1) : j / (points - 1);
    const diameter = 1.5 * Math.pow(600 / 1.5, fraction);
    relativePressure[j] = pressureForDiameter(diameter, meniscus);
    loading[j] = loadingAt(relativePressure[j]!, classes, sample, branch);
  }
  return { relativePressure, loading };
}

/** Pore volume of the log-normal between two diameters (exact, through the error function). */
function volumeBetween(sample: PoreSample, fromNm: number, toNm: number): number {
  const cdf = (d: number): number => 0.5 * (1 + erf(Math.log(d / sample.medianNm) / (sample.sigmaLn * Math.SQRT2)));
  return sample.poreVolumeCm3PerG * (cdf(toNm) - cdf(fromNm));
}

/** Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7). */
function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

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
