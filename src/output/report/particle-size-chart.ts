/**
 * A number-basis particle-size distribution: one bar per bin from its lower to its upper edge on a log diameter axis,
 * height the number fraction in the bin (ISO 9276-1 p_0,i, in %), with the claim windows (e.g. 10–500 nm and
 * 300–500 nm of the alumina-pigment-ink set) shaded and the number fraction inside each printed.
 */
import type { TopLevelSpec } from 'vega-lite';
import { fmt } from '../text-table.js';
import { CHART_WIDTH_PX, COLOURS, layeredSpec, renderChart, type Layer, type PositionDef, type RenderedChart } from './chart.js';
import { headroomDomain, labelSide, logDomain } from './chart-data.js';
import type { ParticleSizePlot, SizeWindow } from './model.js';

export const PSD_HEIGHT_PX = 220;

/** Colours of the shaded windows, widest first, so a narrow window drawn over a wide one stays visible. */
const WINDOW_COLOURS = [COLOURS.window, COLOURS.windowInner, COLOURS.range];

export function windowLabel(w: SizeWindow): string {
  return `${fmt(w.minNm, 4)}–${fmt(w.maxNm, 4)} nm: ${w.numberFraction === null ? '–' : `${fmt(w.numberFraction * 100, 4)} %`} by number`;
}

export function particleSizeChartSpec(plot: ParticleSizePlot): TopLevelSpec {
  const bins: { x: number; x2: number; y: number }[] = [];
  for (let i = 0; i < plot.binMinNm.length; i++) {
    const lo = plot.binMinNm[i]!;
    const hi = plot.binMaxNm[i]!;
    const f = plot.numberFraction[i]!;
    if (lo > 0 && hi > lo && Number.isFinite(f)) bins.push({ x: lo, x2: hi, y: f * 100 });
  }
  const windows = [...plot.windows].sort((a, b) => b.maxNm / b.minNm - a.maxNm / a.minNm);
  const domain = logDomain([...bins.flatMap((b) => [b.x, b.x2]), ...windows.flatMap((w) => [w.minNm, w.maxNm])]);
  const x: PositionDef = { field: 'x', type: 'quantitative', title: 'particle diameter, nm (log scale)', scale: { type: 'log', ...(domain ? { domain } : {}) } };
  // Room above the tallest bar for one label row per window and one for the mean.
  const labelRows = windows.length + (plot.numberMeanNm !== null ? 1 : 0);
  const yDomain = headroomDomain(bins.map((b) => b.y), 0.12 * labelRows + 0.05);
  const layers: Layer[] = [];
  if (windows.length > 0) {
    const rows = windows.map((w, i) => ({ x: w.minNm, x2: w.maxNm, colour: WINDOW_COLOURS[i % WINDOW_COLOURS.length]!, label: windowLabel(w), yPx: 4 + 15 * i }));
    layers.push(
      {
        name: 'size_windows',
        data: { values: rows },
        mark: { type: 'rect', opacity: 0.16 },
        encoding: { x, x2: { field: 'x2' }, color: { field: 'colour', type: 'nominal', scale: null, legend: null } },
      },
      {
        name: 'size_window_edges',
        data: { values: rows.flatMap((r) => [{ x: r.x, colour: r.colour }, { x: r.x2, colour: r.colour }]) },
        mark: { type: 'rule', strokeDash: [3, 3], opacity: 0.8 },
        encoding: { x, color: { field: 'colour', type: 'nominal', scale: null, legend: null } },
      },
      {
        name: 'size_window_labels',
        data: { values: rows },
        // Listed at the top left rather than at each window, where a narrow window near the right edge would push its
        // label out of the plot.
        mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 11, fontWeight: 'bold' },
        encoding: { x: { value: 6 }, y: { field: 'yPx', type: 'quantitative', scale: null }, text: { field: 'label' }, color: { field: 'colour', type: 'nominal', scale: null, legend: null } },
      },
    );
  }
  if (plot.numberMeanNm !== null && plot.numberMeanNm > 0) {
    const side = domain ? labelSide(plot.numberMeanNm, domain, true) : { align: 'left' as const, dx: 4 };
    const mean = [{ x: plot.numberMeanNm, label: `number mean ${fmt(plot.numberMeanNm, 4)} nm`, yPx: 4 + 15 * windows.length }];
    layers.push(
      { name: 'number_mean_rule', data: { values: mean }, mark: { type: 'rule', color: COLOURS.marker }, encoding: { x } },
      {
        name: 'number_mean_label',
        data: { values: mean },
        mark: { type: 'text', align: side.align, dx: side.dx, baseline: 'top', fontSize: 11, color: COLOURS.marker },
        encoding: { x, y: { field: 'yPx', type: 'quantitative', scale: null }, text: { field: 'label' } },
      },
    );
  }
  layers.push({
    name: 'size_bins',
    data: { values: bins },
    mark: { type: 'rect', color: COLOURS.adsorption, opacity: 0.85, stroke: 'white', strokeWidth: 0.5 },
    encoding: { x, x2: { field: 'x2' }, y: { field: 'y', type: 'quantitative', title: 'number per bin, %', scale: yDomain ? { domain: yDomain, nice: false } : {} }, y2: { datum: 0 } },
  });
  return layeredSpec(CHART_WIDTH_PX, PSD_HEIGHT_PX, layers);
}

export function renderParticleSizeChart(plot: ParticleSizePlot): Promise<RenderedChart> {
  return renderChart(particleSizeChartSpec(plot));
}
