/**
 * The Rouquerol plot n(1 − p/p0) against p/p0 (Rouquerol, Llewellyn, Rouquerol 2007; ISO 9277:2022 annex): a BET
 * range is admissible only where this rises (consistency criterion 1), so the chosen range is shaded on it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT_PX, COLOURS, HALF_WIDTH_PX, layeredSpec, renderChart, type Layer, type PositionDef, type RenderedChart } from './chart.js';
import { betRangeLayer } from './bet-transform-chart.js';
import type { BetPlot } from './model.js';

export function rouquerolChartSpec(plot: BetPlot): TopLevelSpec {
  const fit = plot.fit;
  const rows: { x: number; y: number; inRange: string }[] = [];
  plot.relativePressure.forEach((p, i) => {
    const n = plot.loadingCm3StpPerG[i]!;
    if (!(p > 0 && p < 1 && Number.isFinite(n))) return;
    const inRange = fit !== null && p >= fit.relativePressureMin && p <= fit.relativePressureMax;
    rows.push({ x: p, y: n * (1 - p), inRange: inRange ? 'in the BET range' : 'outside' });
  });
  const x: PositionDef = { field: 'x', type: 'quantitative', title: 'p/p0', scale: { domain: [0, 1] } };
  const layers: Layer[] = [];
  if (fit) layers.push(betRangeLayer(fit, x));
  const y: PositionDef = { field: 'y', type: 'quantitative', title: 'n(1 − p/p0), cm³(STP)/g' };
  layers.push(
    { name: 'rouquerol_line', data: { values: rows }, mark: { type: 'line', color: COLOURS.muted, strokeWidth: 1 }, encoding: { x, y } },
    {
      name: 'rouquerol_points',
      data: { values: rows },
      mark: { type: 'point', size: 26, filled: true },
      encoding: { x, y, color: { field: 'inRange', type: 'nominal', title: null, scale: { domain: ['in the BET range', 'outside'], range: [COLOURS.range, COLOURS.muted] } } },
    },
  );
  return layeredSpec(HALF_WIDTH_PX, CHART_HEIGHT_PX, layers);
}

export function renderRouquerolChart(plot: BetPlot): Promise<RenderedChart> {
  return renderChart(rouquerolChartSpec(plot));
}
