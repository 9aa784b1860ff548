/**
 * The isotherm: amount adsorbed against p/p0, adsorption and desorption branches in measurement order, and a rule at
 * the p/p0 the total pore volume was read at (Gurvich; ../shared/docs/science.md, "Total pore volume").
 */
import type { TopLevelSpec } from 'vega-lite';
import { fmt } from '../text-table.js';
import { CHART_HEIGHT_PX, CHART_WIDTH_PX, COLOURS, layeredSpec, renderChart, type Layer, type PositionDef, type RenderedChart } from './chart.js';
import { pointRows } from './chart-data.js';
import type { IsothermPlot } from './model.js';

export function isothermChartSpec(plot: IsothermPlot): TopLevelSpec {
  const rows = [
    ...pointRows(plot.adsorption.relativePressure, plot.adsorption.loadingCm3StpPerG).map((r) => ({ ...r, branch: 'adsorption' })),
    ...pointRows(plot.desorption.relativePressure, plot.desorption.loadingCm3StpPerG).map((r) => ({ ...r, branch: 'desorption' })),
  ];
  const x: PositionDef = { field: 'x', type: 'quantitative', title: 'relative pressure p/p0', scale: { domain: [0, 1] } };
  const y: PositionDef = { field: 'y', type: 'quantitative', title: 'amount adsorbed, cm³(STP)/g' };
  const layers: Layer[] = [
    {
      name: 'isotherm_points',
      data: { values: rows },
      mark: { type: 'line', point: { size: 22 }, strokeWidth: 1.5 },
      encoding: {
        x,
        y,
        color: { field: 'branch', type: 'nominal', title: null, scale: { domain: ['adsorption', 'desorption'], range: [COLOURS.adsorption, COLOURS.desorption] } },
        detail: { field: 'branch' },
        // Measurement order, so that the desorption branch is drawn as it was measured (falling pressure).
        order: { field: 'i', type: 'quantitative' },
      },
    },
  ];
  const pv = plot.poreVolume;
  if (pv) {
    const volume = pv.totalCm3PerG === null ? '–' : `${fmt(pv.totalCm3PerG, 4)} cm³/g`;
    layers.push(
      { name: 'pore_volume_rule', data: { values: [{ x: pv.relativePressure }] }, mark: { type: 'rule', color: COLOURS.marker, strokeDash: [4, 3] }, encoding: { x } },
      {
        name: 'pore_volume_point',
        data: { values: [{ x: pv.relativePressure, y: pv.loadingCm3StpPerG }] },
        mark: { type: 'point', shape: 'diamond', size: 90, filled: true, color: COLOURS.marker },
        encoding: { x, y },
      },
      {
        name: 'pore_volume_label',
        data: { values: [{ x: pv.relativePressure, label: `total pore volume ${volume} at p/p0 ${fmt(pv.relativePressure, 4)}` }] },
        // Bottom right: at the top of the range an isotherm is high, so the space under it is free.
        mark: { type: 'text', align: 'right', dx: -6, baseline: 'bottom', fontSize: 11, color: COLOURS.marker },
        encoding: { x, y: { value: CHART_HEIGHT_PX - 6 }, text: { field: 'label' } },
      },
    );
  }
  return layeredSpec(CHART_WIDTH_PX, CHART_HEIGHT_PX, layers);
}

export function renderIsothermChart(plot: IsothermPlot): Promise<RenderedChart> {
  return renderChart(isothermChartSpec(plot));
}
