/**
 * Bin geometry. The representative diameter of a bin is the geometric mean of its edges, x_i = √(lower · upper):
 * ISO 9276-2, and the convention Malvern states for the Mastersizer 3000 ("Derived distribution parameters": the
 * geometric mean of the size band limits, as more appropriate to logarithmically spaced classes).
 */

/** x_i = √(e_i · e_(i+1)) for n + 1 edges. */
export function binDiametersNm(edgesNm: Float64Array): Float64Array {
  const n = edgesNm.length - 1;
  const diameters = new Float64Array(Math.max(n, 0));
  for (let i = 0; i < n; i++) diameters[i] = Math.sqrt(edgesNm[i]! * edgesNm[i + 1]!);
  return diameters;
}

/** A reference diameter for scaling powers of x (the geometric mean of the range), so x^±6 never overflows. */
export function referenceDiameterNm(diametersNm: Float64Array): number {
  const n = diametersNm.length;
  if (n === 0) return 1;
  return Math.sqrt(diametersNm[0]! * diametersNm[n - 1]!);
}

/** The grid the powers below were taken on, and its (x_i / x_ref)^k by k. */
let powersGrid: { diametersNm: Float64Array; byExponent: Map<number, Float64Array> } | undefined;

/** (x_i / x_ref)^k of every class of one grid, by k (read-only: shared). */
export type GridPowers = (exponent: number) => Float64Array;

/**
 * The powers (x_i / x_ref)^k of this grid's classes, x_ref = referenceDiameterNm. Moments and basis conversions take
 * several powers of every class diameter, and the files of a batch from one instrument share one grid: the powers of
 * the last grid are kept rather than taken again, file after file. The grid is compared with the kept one here, once;
 * an analysis that needs several powers asks the returned function for each (it compared the grid once per power).
 * The powers are taken of `diametersNm` itself, which must not change while the function is in use.
 */
export function gridPowers(diametersNm: Float64Array): GridPowers {
  if (!powersGrid || !sameValues(powersGrid.diametersNm, diametersNm)) powersGrid = { diametersNm: diametersNm.slice(), byExponent: new Map() };
  const { byExponent } = powersGrid;
  return (exponent) => {
    let powers = byExponent.get(exponent);
    if (!powers) {
      const reference = referenceDiameterNm(diametersNm);
      powers = diametersNm.map((x) => Math.pow(x / reference, exponent));
      byExponent.set(exponent, powers);
    }
    return powers;
  };
}

/** True when both arrays hold the same numbers (+0 and −0 alike; class diameters and edges are positive). */
export function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
