/**
 * The human view of a psd record: statistics by number and by volume, window fractions, the resolved range, a
 * compact bar chart of the number distribution, the instrument's own figures beside ours, then assumptions and
 * warnings.
 */
import type { ChalkInstance } from 'chalk';
import type { BasisStatistics, PsdBin } from '../analysis/psd-analysis.js';
import { formatSize } from '../model/size-text.js';
import type { PsdRecord } from './psd-record.js';

const CHART_ROWS = 16;
const BAR_WIDTH = 32;
/** Classes holding less than this share of the number distribution are left off the ends of the chart. */
const CHART_FLOOR = 0.0005;
const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

function percent(x: number | null, digits = 1): string {
  return x === null ? '—' : `${(x * 100).toFixed(digits)} %`;
}

/** `c` decides colour: see output/colour.ts. */
export function renderPsdTable(record: PsdRecord, c: ChalkInstance): string {
  const out: string[] = [];
  const { input } = record;
  const about = [`${input.format}`, `${input.basis} basis`, input.encoding];
  if (input.metadata.sample_name) about.push(`sample ${input.metadata.sample_name}`);
  if (input.metadata.record) about.push(`record ${input.metadata.record}`);
  out.push(c.bold(input.file) + c.dim(` — ${about.join(' · ')}`), '');

  out.push(...statisticsTable(record, c), '');

  if (record.fractions.length > 0) {
    out.push(`  ${'window'.padEnd(22)}${'by number'.padStart(12)}${'by volume'.padStart(12)}`);
    for (const f of record.fractions) {
      out.push(`  ${`${formatSize(f.min_nm)} – ${formatSize(f.max_nm)}`.padEnd(22)}${percent(f.number_fraction).padStart(12)}${percent(f.volume_fraction).padStart(12)}`);
    }
    out.push('');
  }
  const range = record.resolved_range_nm;
  out.push(range ? `  resolved range (classes ≥ ${range.threshold_percent} % of ${range.basis}): ${formatSize(range.min)} – ${formatSize(range.max)}` : '  resolved range: no class reaches the threshold', '');

  const chart = numberChart(record.bins, c);
  if (chart.length > 0) out.push(c.bold('  number distribution'), ...chart, '');

  for (const v of record.vendor_comparison) {
    const isSize = v.quantity !== 'span';
    const show = (x: number | null): string => (isSize ? formatSize(x) : x === null ? '—' : fmt(x));
    const diff = v.relative_difference === null ? '' : ` (${v.relative_difference >= 0 ? '+' : ''}${(v.relative_difference * 100).toFixed(2)} %)`;
    out.push(`  file's ${v.label}: ${show(v.file_value)}; computed ${show(v.computed)}${diff}`);
  }
  if (record.vendor_comparison.length > 0) out.push('');

  for (const a of record.assumptions) out.push(c.dim(`  assumed: ${a}`));
  for (const w of record.warnings) out.push(c.yellow(`  warning ${w.code}: ${w.message}`));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function statisticsTable(record: PsdRecord, c: ChalkInstance): string[] {
  const columns: [string, BasisStatistics][] = [
    ['number', record.number],
    ['volume', record.volume],
  ];
  if (record.input_basis) columns.push([record.input_basis.basis, record.input_basis]);
  const width = 14;
  const rows: [string, (s: BasisStatistics) => string][] = [
    ['D10', (s) => formatSize(s.d10_nm)],
    ['D50', (s) => formatSize(s.d50_nm)],
    ['D90', (s) => formatSize(s.d90_nm)],
    ['mean', (s) => formatSize(s.mean_nm)],
    ['D[3,2]', (s) => (s.d32_nm === undefined ? '' : formatSize(s.d32_nm))],
    ['D[4,3]', (s) => (s.d43_nm === undefined ? '' : formatSize(s.d43_nm))],
    ['span', (s) => (s.span === null ? '—' : fmt(s.span))],
  ];
  const lines = [`  ${''.padEnd(8)}${columns.map(([name]) => c.bold(name.padStart(width))).join('')}`];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(8)}${columns.map(([, s]) => value(s).padStart(width)).join('')}`);
  for (const [name, s] of columns) lines.push(c.dim(`  ${name}: ${s.source}`));
  return lines;
}

/** Bars of the number share, classes merged so the populated range fits in CHART_ROWS rows. */
function numberChart(bins: PsdBin[], c: ChalkInstance): string[] {
  const shares = bins.map((b) => b.number ?? 0);
  let first = shares.findIndex((s) => s >= CHART_FLOOR);
  let last = shares.length - 1 - [...shares].reverse().findIndex((s) => s >= CHART_FLOOR);
  if (first < 0) {
    first = 0;
    last = bins.length - 1;
  }
  if (last < first) return [];
  const group = Math.ceil((last - first + 1) / CHART_ROWS);
  const rows: { lower: number; upper: number; share: number }[] = [];
  for (let i = first; i <= last; i += group) {
    const j = Math.min(i + group - 1, last);
    rows.push({ lower: bins[i]!.lower_nm, upper: bins[j]!.upper_nm, share: shares.slice(i, j + 1).reduce((a, b) => a + b, 0) });
  }
  const largest = Math.max(...rows.map((r) => r.share));
  const labels = rows.map((r) => `${formatSize(r.lower)} – ${formatSize(r.upper)}`);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  return rows.map((r, k) => {
    const eighths = largest > 0 ? Math.round((r.share / largest) * BAR_WIDTH * 8) : 0;
    const bar = '█'.repeat(Math.floor(eighths / 8)) + BLOCKS[eighths % 8]!;
    return `  ${labels[k]!.padStart(labelWidth)} │${c.cyan(bar.padEnd(BAR_WIDTH))} ${percent(r.share)}`;
  });
}
