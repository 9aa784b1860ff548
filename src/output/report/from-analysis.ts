/**
 * Adapter: an analysed isotherm (the Isotherm, its IsothermAnalysis and the analyze record built from them) → the
 * isotherm and BET plots and the tables of the report. The record is what the user sees as JSON, so the numbers
 * printed in the report are read from it, not recomputed.
 */
import type { IsothermAnalysis } from '../../analysis/isotherm-analysis.js';
import { ADSORPTION, branchPoints, DESORPTION, type Isotherm } from '../../model/isotherm.js';
import type { AnalyzeRecord } from '../analyze-record.js';
import { fmt } from '../text-table.js';
import type { BetPlot, IsothermPlot, KeyValue } from './model.js';
import { thinned } from './chart-data.js';
import { finiteOrNull, objectOrNull, stringOrNull } from './record-fields.js';

/** A branch as plotted: thinned to MAX_PLOTTED_POINTS (the analysis used every point). */
function plotted(relativePressure: Float64Array, loading: Float64Array, notes: string[], what: string) {
  const x = thinned(Array.from(relativePressure));
  if (x.stride > 1) notes.push(`${what}: every ${x.stride}th of ${relativePressure.length} points drawn; every computation used all of them`);
  return { relativePressure: x.values, loadingCm3StpPerG: thinned(Array.from(loading)).values };
}

export function isothermPlot(isotherm: Isotherm, record: AnalyzeRecord, notes: string[]): IsothermPlot {
  const ads = branchPoints(isotherm, ADSORPTION);
  const des = branchPoints(isotherm, DESORPTION);
  const pv = objectOrNull(record.pore_volume);
  const p = finiteOrNull(pv?.relative_pressure);
  const loading = finiteOrNull(pv?.loading_cm3_stp_g);
  return {
    adsorption: plotted(ads.relativePressure, ads.loadingCm3StpPerG, notes, 'isotherm chart, adsorption branch'),
    desorption: plotted(des.relativePressure, des.loadingCm3StpPerG, notes, 'isotherm chart, desorption branch'),
    poreVolume: p !== null && loading !== null ? { relativePressure: p, loadingCm3StpPerG: loading, totalCm3PerG: finiteOrNull(pv?.total_cm3_g) } : null,
  };
}

export function betPlot(analysis: IsothermAnalysis, record: AnalyzeRecord, notes: string[]): BetPlot {
  const fit = analysis.betFit;
  return {
    ...plotted(analysis.adsorption.relativePressure, analysis.adsorption.loadingCm3StpPerG, notes, 'BET charts'),
    fit: fit
      ? { relativePressureMin: fit.relativePressureMin, relativePressureMax: fit.relativePressureMax, slope: fit.slope, intercept: fit.intercept, points: fit.points }
      : null,
    rangeSelection: stringOrNull(objectOrNull(record.bet)?.range_selection) ?? '–',
  };
}

const yesNo = (v: unknown): string => (v === true ? 'yes' : v === false ? 'no' : '–');

/** The BET fit and its consistency criteria, as printed under the BET charts. */
export function betDetails(record: AnalyzeRecord): KeyValue[] {
  const bet = objectOrNull(record.bet) ?? {};
  const n = (key: string) => finiteOrNull(bet[key]);
  const criteria = objectOrNull(bet.criteria);
  const rows: KeyValue[] = [
    { label: 'BET area', value: n('area_m2_g') === null ? 'no valid range' : `${fmt(n('area_m2_g'), 6)} ± ${fmt(n('area_stderr_m2_g'), 3)} m²/g` },
    { label: 'range', value: n('relative_pressure_min') === null ? '–' : `p/p0 ${fmt(n('relative_pressure_min'), 4)}–${fmt(n('relative_pressure_max'), 4)}, ${String(bet.points ?? '–')} points (${String(bet.range_selection ?? '–')})` },
    { label: 'C', value: fmt(n('c'), 5) },
    { label: 'monolayer n_m', value: `${fmt(n('monolayer_cm3_stp_g'), 5)} cm³(STP)/g` },
    { label: 'R²', value: fmt(n('r2'), 7) },
    { label: 'cross-section σ', value: `${fmt(n('cross_section_nm2'), 4)} nm²` },
  ];
  if (criteria) {
    const gap = finiteOrNull(criteria.monolayer_pressure_error);
    rows.push(
      { label: '1: n(1 − p/p0) rises', value: yesNo(criteria.rouquerol_increasing) },
      { label: '2: C > 0', value: yesNo(criteria.positive_c) },
      { label: '3: n_m reached in range', value: `${yesNo(criteria.monolayer_in_range)} (at p/p0 ${fmt(finiteOrNull(criteria.monolayer_relative_pressure), 4)})` },
      { label: '4: p(n_m) ≈ 1/(√C + 1)', value: `${yesNo(criteria.monolayer_consistent)} (gap ${gap === null ? '–' : `${fmt(gap * 100, 3)} %`})` },
    );
  }
  return rows;
}

/** Headline numbers from the analyze record. */
export function analysisSummary(record: AnalyzeRecord): KeyValue[] {
  const bet = objectOrNull(record.bet) ?? {};
  const pv = objectOrNull(record.pore_volume) ?? {};
  const area = finiteOrNull(bet.area_m2_g);
  const volume = finiteOrNull(pv.total_cm3_g);
  return [
    { label: 'BET area', value: area === null ? 'no valid range' : `${fmt(area, 5)} ± ${fmt(finiteOrNull(bet.area_stderr_m2_g), 2)} m²/g` },
    { label: 'total pore volume', value: volume === null ? '–' : `${fmt(volume, 4)} cm³/g at p/p0 ${fmt(finiteOrNull(pv.relative_pressure), 4)}` },
  ];
}

/** What the instrument file says about the sample and the run. */
export function isothermMetadata(record: AnalyzeRecord): KeyValue[] {
  const m = record.input.metadata;
  const rows: KeyValue[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') rows.push({ label, value });
  };
  add('sample', m.sample_name);
  add('material', m.material_name);
  add('instrument', m.instrument);
  add('date', m.date);
  add('operator', m.operator);
  add('adsorbate', record.input.adsorbate);
  add('temperature', record.input.temperature_k === null ? null : `${fmt(record.input.temperature_k, 5)} K`);
  add('sample mass', record.input.sample_mass_g === null ? null : `${fmt(record.input.sample_mass_g, 5)} g`);
  add('p0', m.p0 ? `${fmt(m.p0.value, 6)} ${m.p0.unit}` : null);
  add('points', `${record.input.points.adsorption} adsorption, ${record.input.points.desorption} desorption`);
  for (const [key, value] of Object.entries(m.extra ?? {})) add(key, value);
  return rows;
}
