/**
 * The BJH pore-size distribution dV/dlogD against pore diameter on a log axis (Barrett, Joyner, Halenda 1951;
 * ISO 15901-2), with Y (the diameter of the maximum peak) and X (the polymer fine-particle size) marked, and A, the
 * curve read at X, as a point — the three quantities of the polymer-particle-voids claims (../shared/docs/claims.md).
 */
import type { TopLevelSpec } from 'vega-lite';
import { fmt } from '../text-table.js';
import { CHART_HEIGHT_PX, CHART_WIDTH_PX, COLOURS, layeredSpec, renderChart, type Layer, type PositionDef, type RenderedChart } from './chart.js';
import { headroomDomain, labelSide, logDomain, pointRows } from './chart-data.js';
import type { BjhPlot } from './model.js';

/** The diameter axis: the measured groups, widened to include X so that an X outside the data is seen to be. */
export function bjhDiameterDomain(plot: BjhPlot): [number, number] | null {
  return logDomain([...plot.diameterNm, ...(plot.atDiameter ? [plot.atDiameter.diameterNm] : [])]);
}

export function diameterAxis(domain: [number, number] | null): PositionDef {
  return { field: 'x', type: 'quantitative', title: 'pore diameter D, nm (log scale)', scale: { type: 'log', ...(domain ? { domain } : {}) } };
}

type Side = { align: 'left' | 'right'; dx: number };
const RIGHT_OF: Side = { align: 'left', dx: 4 };
const LEFT_OF: Side = { align: 'right', dx: -4 };

function awaySides(peakNm: number, xNm: number, domain: [number, number]): { peak: Side; x: Side } {
  const position = (d: number) => (Math.log(d) - Math.log(domain[0])) / (Math.log(domain[1]) - Math.log(domain[0]));
  const fits = (d: number, side: Side) => (side === LEFT_OF ? position(d) > 0.3 : position(d) < 0.7);
  const [peak, x] = peakNm >= xNm ? [RIGHT_OF, LEFT_OF] : [LEFT_OF, RIGHT_OF];
  return { peak: fits(peakNm, peak) ? peak : labelSide(peakNm, domain, true), x: fits(xNm, x) ? x : labelSide(xNm, domain, true) };
}

export function bjhChartSpec(plot: BjhPlot): TopLevelSpec {
  const domain = bjhDiameterDomain(plot);
  const x = diameterAxis(domain);
  // Two label rows (Y; X and A) above the curve's maximum.
  const yDomain = headroomDomain([...plot.dvDlogDCm3PerG, plot.peak?.dvDlogDCm3PerG ?? NaN], 0.3);
  const y: PositionDef = { field: 'y', type: 'quantitative', title: 'dV/dlogD, cm³/g', scale: yDomain ? { domain: yDomain, nice: false } : {} };
  const layers: Layer[] = [
    {
      name: 'bjh_curve',
      data: { values: pointRows(plot.diameterNm, plot.dvDlogDCm3PerG, { logX: true }) },
      mark: { type: 'line', point: { size: 18 }, color: plot.branch === 'adsorption' ? COLOURS.adsorption : COLOURS.desorption, strokeWidth: 1.5 },
      encoding: { x, y, order: { field: 'x', type: 'quantitative' } },
    },
  ];
  // Y's and X's labels point away from each other, so that neither crosses the other's rule; near an edge, inward.
  const sides = domain && plot.peak && plot.atDiameter ? awaySides(plot.peak.diameterNm, plot.atDiameter.diameterNm, domain) : null;
  const marker = (name: string, diameterNm: number, label: string, dashed: boolean, row: number): Layer[] => {
    const side = sides ? (name === 'peak' ? sides.peak : sides.x) : domain ? labelSide(diameterNm, domain, true) : { align: 'left' as const, dx: 4 };
    return [
      { name: `${name}_rule`, data: { values: [{ x: diameterNm }] }, mark: { type: 'rule', color: COLOURS.marker, ...(dashed ? { strokeDash: [4, 3] } : {}) }, encoding: { x } },
      {
        name: `${name}_label`,
        data: { values: [{ x: diameterNm, label }] },
        mark: { type: 'text', align: side.align, dx: side.dx, baseline: 'top', fontSize: 11, color: COLOURS.marker },
        encoding: { x, y: { value: 4 + 14 * row }, text: { field: 'label' } },
      },
    ];
  };
  if (plot.peak) {
    layers.push(...marker('peak', plot.peak.diameterNm, `Y = ${fmt(plot.peak.diameterNm, 4)} nm`, false, 0));
    layers.push({
      name: 'peak_point',
      data: { values: [{ x: plot.peak.diameterNm, y: plot.peak.dvDlogDCm3PerG }] },
      mark: { type: 'point', shape: 'triangle-down', size: 70, filled: true, color: COLOURS.marker },
      encoding: { x, y },
    });
  }
  const at = plot.atDiameter;
  if (at) {
    const a = at.dvDlogDCm3PerG === null ? 'A unknown (outside the measured diameters)' : `A = ${fmt(at.dvDlogDCm3PerG, 4)} cm³/g`;
    layers.push(...marker('x', at.diameterNm, `X = ${fmt(at.diameterNm, 4)} nm, ${a}`, true, 1));
    if (at.dvDlogDCm3PerG !== null) {
      layers.push({
        name: 'a_point',
        data: { values: [{ x: at.diameterNm, y: at.dvDlogDCm3PerG }] },
        mark: { type: 'point', shape: 'circle', size: 80, filled: false, strokeWidth: 2, color: COLOURS.marker },
        encoding: { x, y },
      });
    }
  }
  return layeredSpec(CHART_WIDTH_PX, CHART_HEIGHT_PX, layers);
}

export function renderBjhChart(plot: BjhPlot): Promise<RenderedChart> {
  return renderChart(bjhChartSpec(plot));
}
