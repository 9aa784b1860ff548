/**
 * The marks of each chart sit at the data coordinates of the values they mark: the pixel is read from the chart's
 * own scale (never hard-coded), and the SVG is parsed to find where vega drew the mark.
 */
import { describe, expect, it } from 'vitest';
import { renderBetTransformChart } from '../../src/output/report/bet-transform-chart.js';
import { renderBjhChart } from '../../src/output/report/bjh-chart.js';
import { bjhPlot } from '../../src/output/report/from-bjh-record.js';
import { renderIsothermChart } from '../../src/output/report/isotherm-chart.js';
import type { BetPlot, ParticleSizePlot } from '../../src/output/report/model.js';
import { renderParticleSizeChart } from '../../src/output/report/particle-size-chart.js';
import { renderRouquerolChart } from '../../src/output/report/rouquerol-chart.js';
import { betLoading } from '../helpers/bet-isotherm.js';
import { thinned } from '../../src/output/report/chart-data.js';
import { bjhRecord } from './fixtures.js';
import { linePoints, markGroup, rects, translations } from './svg-marks.js';

const PX = 1e-6;

describe('BJH chart', () => {
  it('draws Y at the peak diameter, X and A at the particle size, on the log diameter scale', async () => {
    const record = bjhRecord(17.5, 52);
    const chart = await renderBjhChart(bjhPlot(record)!);
    const x = chart.scale('x');
    const y = chart.scale('y');
    const [peak] = translations(markGroup(chart.svg, 'peak_rule'));
    expect(peak!.x).toBeCloseTo(x(17.5), 6);
    const [xRule] = translations(markGroup(chart.svg, 'x_rule'));
    expect(xRule!.x).toBeCloseTo(x(52), 6);
    const [a] = translations(markGroup(chart.svg, 'a_point'));
    expect(a!.x).toBeCloseTo(x(52), 6);
    expect(a!.y).toBeCloseTo(y(record.at_diameter!.dv_dlogd_cm3_g), 6);
    // The scale is logarithmic: equal ratios are equal distances.
    expect(x(20) - x(10)).toBeCloseTo(x(40) - x(20), 6);
    expect(chart.svg).toContain('Y = 17.5 nm');
    expect(chart.svg).toContain('X = 52 nm, A = ');
  });

  it('shows an X outside the measured diameters, with A unknown rather than extrapolated', async () => {
    const record = { ...bjhRecord(8, null), at_diameter: { diameter_nm: 900, dv_dlogd_cm3_g: null } };
    const chart = await renderBjhChart(bjhPlot(record)!);
    const [xRule] = translations(markGroup(chart.svg, 'x_rule'));
    expect(xRule!.x).toBeCloseTo(chart.scale('x')(900), 6);
    expect(() => markGroup(chart.svg, 'a_point')).toThrow();
    expect(chart.svg).toContain('A unknown');
  });
});

describe('particle-size chart', () => {
  it('shades the claim windows 10–500 nm and 300–500 nm over exactly their x-range and prints their fractions', async () => {
    const edges = Array.from({ length: 31 }, (_, i) => 5 * 1.2 ** i);
    const plot: ParticleSizePlot = {
      label: 'cyan',
      file: 'C.csv',
      binMinNm: edges.slice(0, -1),
      binMaxNm: edges.slice(1),
      numberFraction: edges.slice(1).map(() => 1 / 30),
      windows: [
        { minNm: 300, maxNm: 500, numberFraction: 0.0123 },
        { minNm: 10, maxNm: 500, numberFraction: 0.9712 },
      ],
      numberMeanNm: 120,
      notes: [],
    };
    const chart = await renderParticleSizeChart(plot);
    const x = chart.scale('x');
    const shaded = rects(markGroup(chart.svg, 'size_windows'));
    expect(shaded).toHaveLength(2);
    const wide = shaded.find((r) => Math.abs(r.x - x(10)) < PX);
    const narrow = shaded.find((r) => Math.abs(r.x - x(300)) < PX);
    expect(wide!.width).toBeCloseTo(x(500) - x(10), 6);
    expect(narrow!.width).toBeCloseTo(x(500) - x(300), 6);
    expect(chart.svg).toContain('10–500 nm: 97.12 % by number');
    expect(chart.svg).toContain('300–500 nm: 1.23 % by number');
    const [mean] = translations(markGroup(chart.svg, 'number_mean_rule'));
    expect(mean!.x).toBeCloseTo(x(120), 6);
    // Each bin's bar spans its own edges.
    const bars = rects(markGroup(chart.svg, 'size_bins'));
    expect(bars[0]!.x).toBeCloseTo(x(edges[0]!), 6);
    expect(bars[0]!.width).toBeCloseTo(x(edges[1]!) - x(edges[0]!), 6);
  });
});

const p = Array.from({ length: 25 }, (_, i) => 0.02 + i * 0.02);
const bet: BetPlot = {
  relativePressure: p,
  loadingCm3StpPerG: p.map((x) => betLoading(x, 50, 100)),
  fit: { relativePressureMin: 0.06, relativePressureMax: 0.3, slope: 99 / 5000, intercept: 1 / 5000, points: 13 },
  rangeSelection: 'fixed',
};

describe('BET charts', () => {
  it('shades the chosen range and draws the fit line through its ends, on the transform and the Rouquerol plot', async () => {
    const chart = await renderBetTransformChart(bet);
    const x = chart.scale('x');
    const y = chart.scale('y');
    const [range] = rects(markGroup(chart.svg, 'bet_range'));
    expect(range!.x).toBeCloseTo(x(0.06), 6);
    expect(range!.width).toBeCloseTo(x(0.3) - x(0.06), 6);
    const line = linePoints(markGroup(chart.svg, 'bet_fit_line'));
    expect(line[0]!.x).toBeCloseTo(x(0.06), 3);
    expect(line[0]!.y).toBeCloseTo(y(1 / 5000 + (99 / 5000) * 0.06), 3);
    expect(line[1]!.y).toBeCloseTo(y(1 / 5000 + (99 / 5000) * 0.3), 3);

    const rouquerol = await renderRouquerolChart(bet);
    const [r] = rects(markGroup(rouquerol.svg, 'bet_range'));
    expect(r!.x).toBeCloseTo(rouquerol.scale('x')(0.06), 6);
    expect(r!.width).toBeCloseTo(rouquerol.scale('x')(0.3) - rouquerol.scale('x')(0.06), 6);
  });

  it('draws no range and no line when no range qualified', async () => {
    const chart = await renderBetTransformChart({ ...bet, fit: null });
    expect(() => markGroup(chart.svg, 'bet_range')).toThrow();
    expect(() => markGroup(chart.svg, 'bet_fit_line')).toThrow();
  });
});

describe('isotherm chart', () => {
  it('marks the p/p0 the total pore volume was read at', async () => {
    const chart = await renderIsothermChart({
      adsorption: { relativePressure: p, loadingCm3StpPerG: p.map((x) => betLoading(x, 50, 100)) },
      desorption: { relativePressure: [], loadingCm3StpPerG: [] },
      poreVolume: { relativePressure: 0.97, loadingCm3StpPerG: 400, totalCm3PerG: 0.62 },
    });
    const [rule] = translations(markGroup(chart.svg, 'pore_volume_rule'));
    expect(rule!.x).toBeCloseTo(chart.scale('x')(0.97), 6);
    const [point] = translations(markGroup(chart.svg, 'pore_volume_point'));
    expect(point!.y).toBeCloseTo(chart.scale('y')(400), 6);
  });
});

describe('thinned', () => {
  it('keeps every k-th point and the last, at most the limit, and all of a short series', () => {
    const values = Array.from({ length: 10_001 }, (_, i) => i);
    const { values: kept, stride } = thinned(values, 2000);
    expect(stride).toBe(6);
    expect(kept.length).toBeLessThanOrEqual(2001);
    expect(kept[0]).toBe(0);
    expect(kept[1]).toBe(6);
    expect(kept[kept.length - 1]).toBe(10_000);
    expect(thinned([1, 2, 3], 2000)).toEqual({ values: [1, 2, 3], stride: 1 });
  });
});
