/** The terminal view of a `bjh` object: summary rows for the analyze table and a dV/dlogD (or dV/dD) chart. */
import type { BjhJson } from '../analysis/bjh-report.js';
import { logAxisStepChart } from './log-axis-chart.js';
import { fmt } from './text-table.js';

export function bjhRows(bjh: BjhJson): string[][] {
  const settings = `${bjh.branch}, ${bjh.thickness_model}, ${bjh.meniscus}, ${bjh.correction}${bjh.kjs ? ', KJS' : ''}`;
  const basis = bjh.psd_basis === 'dlogd' ? 'dV/dlogD' : 'dV/dD';
  const rows: string[][] = [
    ['BJH peak diameter', fmt(bjh.peak_diameter_nm, 4), 'nm', bjh.peak_diameter_nm === null ? settings : `${basis} ${fmt(bjh.psd_basis === 'dlogd' ? bjh.peak_dv_dlogd_cm3_g : bjh.peak_dv_dd_cm3_g_nm, 4)}; grid ${fmt(bjh.peak_grid_diameter_nm, 4)} nm; ${settings}`],
    ['BJH pore volume', fmt(bjh.cumulative_volume_cm3_g, 5), 'cm³/g', `${bjh.min_diameter_nm}–${bjh.max_diameter_nm} nm`],
    ['BJH pore area', fmt(bjh.cumulative_area_m2_g, 5), 'm²/g', `average diameter 4V/A ${fmt(bjh.average_diameter_nm, 4)} nm`],
  ];
  const at = bjh.at_diameter;
  if (at) {
    rows.push(['dV/dlogD at diameter', fmt(at.dv_dlogd_cm3_g, 4), 'cm³/g', `D = ${fmt(at.diameter_nm, 4)} nm; dV/dD ${fmt(at.dv_dd_cm3_g_nm, 4)} cm³/g/nm`]);
  }
  return rows;
}

export function bjhChart(bjh: BjhJson): string[] {
  const rows = bjh.distribution.filter((r) => r.diameter_min_nm !== null && r.diameter_max_nm !== null);
  const dlogd = bjh.psd_basis === 'dlogd';
  const chart = logAxisStepChart(
    {
      lower: rows.map((r) => r.diameter_min_nm!),
      upper: rows.map((r) => r.diameter_max_nm!),
      value: rows.map((r) => (dlogd ? r.dv_dlogd_cm3_g : r.dv_dd_cm3_g_nm) ?? 0),
    },
    { xMin: bjh.min_diameter_nm, xMax: bjh.max_diameter_nm, unit: 'pore diameter, nm' },
  );
  if (chart.length === 0) return [];
  const peak = dlogd ? bjh.peak_dv_dlogd_cm3_g : bjh.peak_dv_dd_cm3_g_nm;
  const title = `BJH ${bjh.branch} ${dlogd ? 'dV/dlogD (cm³/g)' : 'dV/dD (cm³/g/nm)'}, peak ${fmt(peak, 3)} at ${fmt(bjh.peak_diameter_nm, 4)} nm`;
  return [title, ...chart];
}
