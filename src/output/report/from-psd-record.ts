/**
 * Adapter: a PSD record → ParticleSizePlot. The number distribution is read from `number_distribution` as bins
 * ({bins: [{min_nm, max_nm, fraction}]} or {edges_nm: [n + 1], fraction: [n]}), and the window fractions from
 * fractions[] {min_nm, max_nm, number_fraction, volume_fraction}.
 */
import type { ParticleSizePlot, SizeWindow } from './model.js';
import { arrayOrEmpty, column, finiteOrNull, objectOrNull, stringList, stringOrNull } from './record-fields.js';

function bins(distribution: unknown): { min: number[]; max: number[]; fraction: number[] } {
  const d = objectOrNull(distribution);
  if (!d) return { min: [], max: [], fraction: [] };
  if (Array.isArray(d.bins)) {
    const fractionKey = d.bins.some((b) => objectOrNull(b)?.number_fraction !== undefined) ? 'number_fraction' : 'fraction';
    return { min: column(d.bins, 'min_nm'), max: column(d.bins, 'max_nm'), fraction: column(d.bins, fractionKey) };
  }
  const edges = arrayOrEmpty(d.edges_nm).map((v) => finiteOrNull(v) ?? NaN);
  const fraction = arrayOrEmpty(d.fraction).map((v) => finiteOrNull(v) ?? NaN);
  const n = Math.min(fraction.length, edges.length - 1);
  return { min: edges.slice(0, Math.max(n, 0)), max: edges.slice(1, n + 1), fraction: fraction.slice(0, Math.max(n, 0)) };
}

export function particleSizePlot(label: string, psd: unknown): ParticleSizePlot | null {
  const record = objectOrNull(psd);
  if (!record) return null;
  const b = bins(record.number_distribution);
  const windows: SizeWindow[] = arrayOrEmpty(record.fractions).flatMap((value) => {
    const f = objectOrNull(value);
    const min = finiteOrNull(f?.min_nm);
    const max = finiteOrNull(f?.max_nm);
    return min !== null && max !== null && min > 0 && max > min ? [{ minNm: min, maxNm: max, numberFraction: finiteOrNull(f?.number_fraction) }] : [];
  });
  const input = objectOrNull(record.input);
  return {
    label,
    file: stringOrNull(input?.file) ?? stringOrNull(record.file) ?? '–',
    binMinNm: b.min,
    binMaxNm: b.max,
    numberFraction: b.fraction,
    windows,
    notes: [...stringList(record.assumptions), ...arrayOrEmpty(record.warnings).flatMap((w) => stringOrNull(objectOrNull(w)?.message) ?? [])],
  };
}
