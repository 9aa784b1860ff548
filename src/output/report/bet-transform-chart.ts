/**
 * The BET transform y = (p/p0) / [n (1 − p/p0)] against p/p0 (ISO 9277:2022, eq. 2), with the chosen range shaded,
 * its points filled and the least-squares line drawn across it. Points above the shown p/p0 are left out because the
 * transform diverges as p/p0 → 1 and would flatten the range that matters; the caption says where the cut is.
 */
import type { TopLevelSpec } from 'vega-lite';
import { betTransform } from '../../core/bet.js';
import { CHART_HEIGHT_PX, COLOURS, HALF_WIDTH_PX, layeredSpec, renderChart, type Layer, type PositionDef, type RenderedChart } from './chart.js';
import type { BetPlot } from './model.js';

/** Highest p/p0 shown: the classical range (to 0.35) or twice the chosen range's end, whichever is larger, at most 0.5. */
/** The chosen BET range as a shaded band, shared by the BET-transform and Rouquerol plots. */
export function betRangeLayer(fit: { relativePressureMin: number; relativePressureMax: number }, x: PositionDef): Layer {
  return {
    name: 'bet_range',
    data: { values: [{ x: fit.relativePressureMin, x2: fit.relativePressureMax }] },
    mark: { type: 'rect', color: COLOURS.range, opacity: 0.12 },
    encoding: { x, x2: { field: 'x2' } },
  };
}

export function betTransformMaxRelativePressure(plot: BetPlot): number {
  return Math.min(0.5, Math.max(0.35, plot.fit ? plot.fit.relativePressureMax * 2 : 0));
}

export function betTransformChartSpec(plot: BetPlot): TopLevelSpec {
  const xMax = betTransformMaxRelativePressure(plot);
  const y = betTransform(Float64Array.from(plot.relativePressure), Float64Array.from(plot.loadingCm3StpPerG));
  const fit = plot.fit;
  const rows: { x: number; y: number; inRange: string }[] = [];
  plot.relativePressure.forEach((p, i) => {
    const yi = y[i]!;
    if (!(p > 0 && p <= xMax && Number.isFinite(yi))) return;
    const inRange = fit !== null && p >= fit.relativePressureMin && p <= fit.relativePressureMax;
    rows.push({ x: p, y: yi, inRange: inRange ? 'in the BET range' : 'outside' });
  });
  const x: PositionDef = { field: 'x', type: 'quantitative', title: 'p/p0', scale: { domain: [0, xMax] } };
  const yDef: PositionDef = { field: 'y', type: 'quantitative', title: 'p/p0 / [n(1 − p/p0)], g/cm³' };
  const layers: Layer[] = [];
  if (fit) layers.push(betRangeLayer(fit, x));
  layers.push({
    name: 'bet_points',
    data: { values: rows },
    mark: { type: 'point', size: 30, filled: true },
    encoding: {
      x,
      y: yDef,
      color: { field: 'inRange', type: 'nominal', title: null, scale: { domain: ['in the BET range', 'outside'], range: [COLOURS.range, COLOURS.muted] } },
    },
  });
  if (fit) {
    const line = [fit.relativePressureMin, fit.relativePressureMax].map((p) => ({ x: p, y: fit.intercept + fit.slope * p }));
    layers.push({ name: 'bet_fit_line', data: { values: line }, mark: { type: 'line', color: COLOURS.marker, strokeWidth: 1.5 }, encoding: { x, y: yDef } });
  }
  return layeredSpec(HALF_WIDTH_PX, CHART_HEIGHT_PX, layers);
}

export function renderBetTransformChart(plot: BetPlot): Promise<RenderedChart> {
  return renderChart(betTransformChartSpec(plot));
}
