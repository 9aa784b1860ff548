/**
 * A compact terminal chart of a distribution given as intervals of size (e.g. BJH pore groups): a step plot over a
 * logarithmic size axis, drawn with the eighth blocks ▁▂▃▄▅▆▇█ so that `height` rows give 8·height levels, with
 * decade ticks under it. Plain text; colour is the caller's business.
 */

const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export interface StepSeries {
  /** Interval bounds and the value over each interval (any order; intervals need not touch). */
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  value: ArrayLike<number>;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Axis span; defaults to the series' span. */
  xMin?: number;
  xMax?: number;
  unit?: string;
}

/** The chart's lines (empty when there is nothing positive to draw). */
export function logAxisStepChart(series: StepSeries, options: ChartOptions = {}): string[] {
  const width = options.width ?? 60;
  const height = options.height ?? 5;
  const n = series.value.length;
  let xMin = options.xMin ?? Infinity;
  let xMax = options.xMax ?? -Infinity;
  if (options.xMin === undefined) for (let i = 0; i < n; i++) xMin = Math.min(xMin, series.lower[i]!);
  if (options.xMax === undefined) for (let i = 0; i < n; i++) xMax = Math.max(xMax, series.upper[i]!);
  if (!(xMin > 0) || !(xMax > xMin)) return [];
  const logMin = Math.log10(xMin);
  const span = Math.log10(xMax) - logMin;
  const columns = new Float64Array(width);
  for (let j = 0; j < width; j++) {
    const x = Math.pow(10, logMin + ((j + 0.5) / width) * span);
    for (let i = 0; i < n; i++) if (series.lower[i]! <= x && x < series.upper[i]!) columns[j] = Math.max(columns[j]!, series.value[i]!);
  }
  const top = Math.max(...columns);
  if (!(top > 0)) return [];
  const lines: string[] = [];
  for (let row = height - 1; row >= 0; row--) {
    let line = '│';
    for (const v of columns) line += BLOCKS[Math.max(0, Math.min(8, Math.round((v / top) * height * 8 - row * 8)))]!;
    lines.push(line.trimEnd());
  }
  let axis = '└' + '─'.repeat(width);
  let labels = ' '.repeat(width + 1);
  for (let decade = Math.ceil(logMin); decade <= logMin + span; decade++) {
    const column = 1 + Math.round(((decade - logMin) / span) * width);
    if (column > width) continue;
    axis = axis.slice(0, column) + '┴' + axis.slice(column + 1);
    const label = String(Math.pow(10, decade));
    labels = labels.slice(0, column) + label + labels.slice(column + label.length);
  }
  lines.push(axis, (labels.trimEnd() + (options.unit ? `  ${options.unit}` : '')).slice(0, width + 12));
  return lines;
}
