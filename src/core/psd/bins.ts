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
