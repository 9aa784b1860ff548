/**
 * Log-normal size distributions with known parameters, and their exact class shares, for tests. A number
 * distribution with count median CMD and geometric standard deviation σg has, by the Hatch–Choate relations
 * (Hatch & Choate 1929; Hinds, Aerosol Technology, §4.5), a volume distribution that is log-normal with the same σg
 * and median CMD·exp(3 ln²σg).
 */
import { erf } from '../../samples/math.js';

export { erf };


/** Share of a log-normal (median, σg) below x. */
export function logNormalUndersize(xNm: number, medianNm: number, sigmaG: number): number {
  return 0.5 * (1 + erf(Math.log(xNm / medianNm) / (Math.log(sigmaG) * Math.SQRT2)));
}

/** Exact share between a and b. */
export function logNormalShare(aNm: number, bNm: number, medianNm: number, sigmaG: number): number {
  return logNormalUndersize(bNm, medianNm, sigmaG) - logNormalUndersize(aNm, medianNm, sigmaG);
}

/** Hatch–Choate: the median of the distribution weighted by d^k, e.g. k = 3 for volume. */
export function hatchChoateMedian(countMedianNm: number, sigmaG: number, k: number): number {
  return countMedianNm * Math.exp(k * Math.log(sigmaG) ** 2);
}

/** Log-spaced class limits from `fromNm` to `toNm`, `perDecade` classes per decade. */
export function logEdges(fromNm: number, toNm: number, perDecade: number): number[] {
  const n = Math.round(Math.log10(toNm / fromNm) * perDecade);
  return Array.from({ length: n + 1 }, (_, i) => fromNm * Math.pow(10, i / perDecade));
}

/** Per-class percentages of a log-normal on the given limits. */
export function classPercents(edgesNm: number[], medianNm: number, sigmaG: number): number[] {
  return edgesNm.slice(1).map((upper, i) => 100 * logNormalShare(edgesNm[i]!, upper, medianNm, sigmaG));
}

/** Inverse of logNormalUndersize by bisection on ln d (test data only; 60 halvings reach double precision). */
export function logNormalQuantile(share: number, medianNm: number, sigmaG: number): number {
  let lo = Math.log(medianNm) - 10 * Math.log(sigmaG);
  let hi = Math.log(medianNm) + 10 * Math.log(sigmaG);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (logNormalUndersize(Math.exp(mid), medianNm, sigmaG) < share) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}
