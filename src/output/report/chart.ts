/**
 * One vega-lite spec → one SVG string, headless (vega's 'none' renderer + toSVG, no DOM, no canvas). Every chart of
 * the report goes through here so that they share a look and so that tests can read the scales a chart actually used
 * (`chart.scale('x')(value)` is the pixel the mark for `value` sits at, in the plot group's coordinates).
 *
 * Data enter the spec as inline `values` only: vega's loader is never asked to fetch anything.
 */
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { PositionFieldDef } from 'vega-lite/build/src/channeldef.js';
import type { Config } from 'vega-lite/build/src/config.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/build/src/spec/index.js';

/** A layer of a chart, typed by vega-lite's own declarations so that a misspelt property fails to compile. */
export type Layer = UnitSpec<string> | LayerSpec<string>;
export type PositionDef = PositionFieldDef<string>;

export interface RenderedChart {
  svg: string;
  /** The chart's named scale as a function data → pixel (vega's scale object, typed narrowly). */
  scale(name: string): (value: number) => number;
}

/**
 * Shared look: system fonts (no web fonts), muted grid, the report's palette. ARIA descriptions of every mark are off:
 * they would repeat each data point in an attribute (a third of the render time and of the SVG); each chart is
 * described once, by its figure's label and caption.
 */
export const CHART_CONFIG: Config = {
  aria: false,
  font: 'system-ui, sans-serif',
  background: 'white',
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  // The same room for every y axis, so that charts stacked on one x axis (BJH over cumulative) line up.
  axisY: { minExtent: 44, maxExtent: 50 },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'top' },
  title: { fontSize: 13, anchor: 'start', fontWeight: 'normal' },
  view: { stroke: '#bbb' },
};

export const COLOURS = {
  adsorption: '#1f5fa8',
  desorption: '#c8531a',
  marker: '#222222',
  range: '#2e8b57',
  window: '#7a5fb0',
  windowInner: '#d24d7a',
  muted: '#9a9a9a',
} as const;

/**
 * Chart sizes in CSS pixels; the page scales them down to fit (max-width: 100 %). Headless vega estimates text width
 * as 0.8 em per character, so an axis title longer than about height / (0.8 × 12 px) characters pads the chart with
 * white space: titles are kept short.
 */
export const CHART_WIDTH_PX = 560;
export const CHART_HEIGHT_PX = 260;
export const HALF_WIDTH_PX = 250;

/** A layered chart of the given size. */
export function layeredSpec(width: number, height: number, layers: Layer[]): TopLevelSpec {
  return { width, height, layer: layers, config: CHART_CONFIG };
}

/** Vega and Vega-Lite take ~250 ms to import: only a report pays for them, on its first chart. */
let libraries: Promise<{ vega: typeof Vega; vl: typeof VegaLite }> | undefined;
function loadLibraries(): Promise<{ vega: typeof Vega; vl: typeof VegaLite }> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => ({ vega, vl }));
  return libraries;
}

export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const { vega, vl } = await loadLibraries();
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: refusingLoader(vega) });
  try {
    const svg = await view.toSVG();
    const scales = new Map<string, (value: number) => number>();
    for (const name of ['x', 'y']) {
      const scale = safeScale(view, name);
      // Copied so that the function outlives the finalized view.
      if (scale) scales.set(name, scale.copy());
    }
    return {
      svg,
      scale(name: string) {
        const scale = scales.get(name);
        if (!scale) throw new Error(`the chart has no scale named "${name}"`);
        return scale;
      },
    };
  } finally {
    view.finalize();
  }
}

interface VegaScale {
  (value: number): number;
  copy(): VegaScale;
}

function safeScale(view: Vega.View, name: string): VegaScale | undefined {
  try {
    const scale: unknown = view.scale(name);
    return typeof scale === 'function' && 'copy' in scale ? (scale as VegaScale) : undefined;
  } catch {
    return undefined;
  }
}

/** A loader that fails any request: the report must not depend on, or leak to, the network or the disk. */
function refusingLoader(vega: typeof Vega): Vega.Loader {
  const loader = vega.loader();
  const refuse = (uri: string): Promise<never> => Promise.reject(new Error(`report charts load nothing (asked for ${uri})`));
  return Object.assign(loader, { load: refuse, sanitize: refuse, http: refuse, file: refuse });
}
