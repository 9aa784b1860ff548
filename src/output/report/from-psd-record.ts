/**
 * Adapter: a PSD record (schema poregrade/psd-result@1, src/output/psd-record.ts) → ParticleSizePlot: the number
 * fraction of each bin (bins[] {lower_nm, upper_nm, number}), the claim windows (fractions[] {min_nm, max_nm,
 * number_fraction}), the number mean, and the record's own notes on where a number answer is weak.
 */
import { fmt } from '../text-table.js';
import type { ParticleSizePlot, SizeWindow } from './model.js';
import { arrayOrEmpty, column, finiteOrNull, objectOrNull, stringList, stringOrNull } from './record-fields.js';

export interface ParticleSizeOptions {
  /** Shade the record's size windows (the pigment windows of the claims); off for particles no window applies to. */
  windows: boolean;
}

export function particleSizePlot(label: string, psd: unknown, options: ParticleSizeOptions = { windows: true }): ParticleSizePlot | null {
  const record = objectOrNull(psd);
  if (!record) return null;
  const bins = arrayOrEmpty(record.bins);
  const windows: SizeWindow[] = !options.windows
    ? []
    : arrayOrEmpty(record.fractions).flatMap((value) => {
        const f = objectOrNull(value);
        const min = finiteOrNull(f?.min_nm);
        const max = finiteOrNull(f?.max_nm);
        return min !== null && max !== null && min > 0 && max > min ? [{ minNm: min, maxNm: max, numberFraction: finiteOrNull(f?.number_fraction) }] : [];
      });
  const number = objectOrNull(record.number);
  const mean = finiteOrNull(number?.mean_nm);
  const range = objectOrNull(record.resolved_range_nm);
  const notes = [
    ...(stringOrNull(number?.source) ? [`number distribution: ${stringOrNull(number?.source)}`] : []),
    ...(range ? [`resolved size range ${fmt(finiteOrNull(range.min), 4)}–${fmt(finiteOrNull(range.max), 4)} nm (${String(range.basis)} basis, classes above ${fmt(finiteOrNull(range.threshold_percent), 3)} %)`] : []),
    ...stringList(record.assumptions),
    ...arrayOrEmpty(record.warnings).flatMap((w) => stringOrNull(objectOrNull(w)?.message) ?? []),
  ];
  return {
    label,
    file: stringOrNull(objectOrNull(record.input)?.file) ?? '–',
    binMinNm: column(bins, 'lower_nm'),
    binMaxNm: column(bins, 'upper_nm'),
    numberFraction: column(bins, 'number'),
    windows,
    numberMeanNm: mean,
    notes,
  };
}
