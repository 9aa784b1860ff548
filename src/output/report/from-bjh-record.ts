/**
 * Adapter: the `bjh` object of an analyze record → BjhPlot. Keys: branch, thickness_model, peak_diameter_nm,
 * peak_dv_dlogd_cm3_g, cumulative_volume_cm3_g, at_diameter {diameter_nm, dv_dlogd_cm3_g} | null, distribution[]
 * {diameter_nm, dv_dd_cm3_g_nm, dv_dlogd_cm3_g, cumulative_volume_cm3_g, cumulative_area_m2_g}.
 */
import { thinned } from './chart-data.js';
import type { BjhPlot } from './model.js';
import { arrayOrEmpty, column, finiteOrNull, objectOrNull, stringOrNull } from './record-fields.js';

/** `notes` receives what the plot leaves out (a distribution thinned for drawing). */
export function bjhPlot(bjh: unknown, notes: string[] = []): BjhPlot | null {
  const record = objectOrNull(bjh);
  if (!record) return null;
  const sorted = arrayOrEmpty(record.distribution)
    .filter((row) => (finiteOrNull(objectOrNull(row)?.diameter_nm) ?? 0) > 0)
    .sort((a, b) => finiteOrNull(objectOrNull(a)?.diameter_nm)! - finiteOrNull(objectOrNull(b)?.diameter_nm)!);
  const { values: rows, stride } = thinned(sorted);
  if (stride > 1) notes.push(`BJH charts: every ${stride}th of ${sorted.length} pore groups drawn; Y, A and the cumulative volume use all of them`);
  const peakDiameter = finiteOrNull(record.peak_diameter_nm);
  const peakValue = finiteOrNull(record.peak_dv_dlogd_cm3_g);
  const at = objectOrNull(record.at_diameter);
  const atDiameter = finiteOrNull(at?.diameter_nm);
  return {
    branch: stringOrNull(record.branch) ?? '–',
    thicknessModel: stringOrNull(record.thickness_model) ?? '–',
    diameterNm: column(rows, 'diameter_nm'),
    dvDlogDCm3PerG: column(rows, 'dv_dlogd_cm3_g'),
    cumulativeVolumeCm3PerG: column(rows, 'cumulative_volume_cm3_g'),
    peak: peakDiameter !== null && peakDiameter > 0 && peakValue !== null ? { diameterNm: peakDiameter, dvDlogDCm3PerG: peakValue } : null,
    atDiameter: atDiameter !== null && atDiameter > 0 ? { diameterNm: atDiameter, dvDlogDCm3PerG: finiteOrNull(at?.dv_dlogd_cm3_g) } : null,
    totalCumulativeCm3PerG: finiteOrNull(record.cumulative_volume_cm3_g),
  };
}
