/**
 * BJH cumulative pore volume against pore diameter, on the same log diameter axis as the dV/dlogD chart so the two
 * read together (a separate panel rather than a second y axis, which would invite reading one curve on the other's
 * scale).
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH_PX, COLOURS, layeredSpec, renderChart, type RenderedChart } from './chart.js';
import { bjhDiameterDomain, diameterAxis } from './bjh-chart.js';
import { pointRows } from './chart-data.js';
import type { BjhPlot } from './model.js';

export const CUMULATIVE_HEIGHT_PX = 200;

export function bjhCumulativeChartSpec(plot: BjhPlot): TopLevelSpec {
  const x = diameterAxis(bjhDiameterDomain(plot));
  return layeredSpec(CHART_WIDTH_PX, CUMULATIVE_HEIGHT_PX, [
    {
      name: 'cumulative_curve',
      data: { values: pointRows(plot.diameterNm, plot.cumulativeVolumeCm3PerG, { logX: true }) },
      mark: { type: 'line', point: { size: 14 }, color: COLOURS.range, strokeWidth: 1.5 },
      encoding: { x, y: { field: 'y', type: 'quantitative', title: 'cumulative volume, cm³/g' }, order: { field: 'x', type: 'quantitative' } },
    },
  ]);
}

export function renderBjhCumulativeChart(plot: BjhPlot): Promise<RenderedChart> {
  return renderChart(bjhCumulativeChartSpec(plot));
}
