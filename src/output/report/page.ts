/**
 * The report page: one self-contained HTML file (inline CSS, inline SVG charts, no script, no external resource), in
 * the order a reader checks a lot: the verdicts and headline numbers, then the isotherm, BET, BJH, particle sizes, the
 * claim chart, and what is needed to reproduce it all. Every string from an input file passes through `html`.
 */
import { fmt } from '../text-table.js';
import { renderBetTransformChart, betTransformMaxRelativePressure } from './bet-transform-chart.js';
import { renderBjhChart } from './bjh-chart.js';
import { renderBjhCumulativeChart } from './bjh-cumulative-chart.js';
import { claimsSection, verdictBadges } from './claims-section.js';
import { Html, html, trustedSvg } from './html.js';
import { renderIsothermChart } from './isotherm-chart.js';
import type { BetPlot, BjhPlot, IsothermPlot, KeyValue, ParticleSizePlot, ReportModel } from './model.js';
import { renderParticleSizeChart, windowLabel } from './particle-size-chart.js';
import { inputsTable, keyValueTable } from './provenance-section.js';
import { renderRouquerolChart } from './rouquerol-chart.js';
import { REPORT_CSS } from './style.js';

/** The project's own stylesheet, not input: inserted as is. */
const REPORT_STYLE = new Html(REPORT_CSS);

function figure(svg: string, caption: Html | string, label: string): Html {
  return html`<figure role="group" aria-label="${label}">${trustedSvg(svg)}<figcaption>${caption}</figcaption></figure>`;
}

async function isothermSection(plot: IsothermPlot, metadata: KeyValue[]): Promise<Html> {
  const chart = await renderIsothermChart(plot);
  const pv = plot.poreVolume;
  const caption = pv
    ? `Adsorption (blue) and desorption (orange) branches in measurement order. Dashed rule: p/p0 ${fmt(pv.relativePressure, 4)}, where the total pore volume was read (Gurvich: loading there × liquid-volume factor).`
    : 'Adsorption (blue) and desorption (orange) branches in measurement order. No total pore volume could be read (see warnings).';
  return html`<h2 id="isotherm">Isotherm</h2>${figure(chart.svg, caption, 'isotherm')}${keyValueTable(metadata)}`;
}

async function betSection(plot: BetPlot, details: KeyValue[]): Promise<Html> {
  const [transform, rouquerol] = await Promise.all([renderBetTransformChart(plot), renderRouquerolChart(plot)]);
  const range = plot.fit ? `the ${plot.rangeSelection} range p/p0 ${fmt(plot.fit.relativePressureMin, 4)}–${fmt(plot.fit.relativePressureMax, 4)} (${plot.fit.points} points, shaded)` : 'no BET range (none satisfies the consistency criteria)';
  return html`<h2 id="bet">BET surface area</h2>
<div class="pair">${figure(transform.svg, `BET transform against p/p0 up to ${fmt(betTransformMaxRelativePressure(plot), 2)}, with ${range} and its least-squares line.`, 'BET transform')}${figure(
    rouquerol.svg,
    'Rouquerol plot n(1 − p/p0): a BET range is admissible only where it rises (criterion 1).',
    'Rouquerol plot',
  )}</div>${keyValueTable(details)}`;
}

async function bjhSection(plot: BjhPlot): Promise<Html> {
  const [curve, cumulative] = await Promise.all([renderBjhChart(plot), renderBjhCumulativeChart(plot)]);
  const rows: KeyValue[] = [
    { label: 'branch', value: plot.branch },
    { label: 'thickness model', value: plot.thicknessModel },
    { label: 'peak diameter Y', value: plot.peak ? `${fmt(plot.peak.diameterNm, 4)} nm (dV/dlogD ${fmt(plot.peak.dvDlogDCm3PerG, 4)} cm³/g)` : '–' },
    {
      label: 'X and A',
      value: plot.atDiameter
        ? `X = ${fmt(plot.atDiameter.diameterNm, 4)} nm, A = ${plot.atDiameter.dvDlogDCm3PerG === null ? 'unknown (outside the measured diameters; never extrapolated)' : `${fmt(plot.atDiameter.dvDlogDCm3PerG, 4)} cm³/g`}`
        : 'X not given (--at-diameter for an isotherm file; values.polymer_particle_size_nm or files.polymer_particle_psd in a lot file)',
    },
    { label: 'cumulative pore volume', value: plot.totalCumulativeCm3PerG === null ? '–' : `${fmt(plot.totalCumulativeCm3PerG, 4)} cm³/g` },
  ];
  return html`<h2 id="bjh">Pore-size distribution (BJH)</h2>
${figure(
    curve.svg,
    `BJH dV/dlogD from the ${plot.branch} branch (${plot.thicknessModel} thickness) on a log diameter axis. Solid rule: Y, the diameter of the maximum peak.${
      plot.atDiameter
        ? ' Dashed rule: X, the polymer fine-particle size; the circle is A, the curve read there (per gram of layer; the claims convert it per area with the coat weight).'
        : ''
    }`,
    'BJH dV/dlogD',
  )}
${figure(cumulative.svg, 'Cumulative pore volume against pore diameter, same diameter axis.', 'BJH cumulative pore volume')}
${keyValueTable(rows)}`;
}

async function particleSizeFigure(plot: ParticleSizePlot): Promise<Html> {
  const chart = await renderParticleSizeChart(plot);
  return html`<h3>${plot.label}</h3>
${figure(
    chart.svg,
    html`Number fraction per bin, ${plot.file}.${plot.windows.length ? ` Shaded: ${plot.windows.map(windowLabel).join('; ')}.` : ''}${
      plot.numberMeanNm !== null ? ' Rule: the number-weighted mean diameter D[1,0].' : ''
    }`,
    `particle sizes of ${plot.label}`,
  )}
${plot.notes.length ? html`<ul class="plain">${plot.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`;
}

function notesList(model: ReportModel): Html {
  if (model.warnings.length === 0 && model.assumptions.length === 0 && model.omitted.length === 0) return html``;
  return html`<div class="notes"><ul>${model.warnings.map((w) => html`<li><strong>warning${w.code ? html` ${w.code}` : ''}:</strong> ${w.message}</li>`)}${model.assumptions.map(
    (a) => html`<li><strong>assumption:</strong> ${a}</li>`,
  )}${model.omitted.map((o) => html`<li class="omitted">not shown — ${o}</li>`)}</ul></div>`;
}

export async function renderReport(model: ReportModel): Promise<string> {
  const [isotherm, bet, bjh, sizes] = await Promise.all([
    model.isotherm ? isothermSection(model.isotherm, model.metadata) : null,
    model.bet ? betSection(model.bet, model.betDetails) : null,
    model.bjh ? bjhSection(model.bjh) : null,
    Promise.all(model.particleSizes.map(particleSizeFigure)),
  ]);
  const toc: [string, string, boolean][] = [
    ['isotherm', 'Isotherm', isotherm !== null],
    ['bet', 'BET', bet !== null],
    ['bjh', 'BJH', bjh !== null],
    ['particle-sizes', 'Particle sizes', sizes.length > 0],
    ['claims', 'Claims', model.claims !== null],
    ['reproduce', 'Reproduce', true],
  ];
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${model.title}${model.sampleName ? ` — ${model.sampleName}` : ''} · poregrade report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${model.title}</h1>
<p class="sub">${model.sampleName ? html`sample <strong>${model.sampleName}</strong> · ` : ''}poregrade ${model.generator.version}${model.generator.generatedAt ? ` · ${model.generator.generatedAt}` : ''}</p>
<nav class="toc">${toc.filter((t) => t[2]).map(([id, label]) => html`<a href="#${id}">${label}</a>`)}</nav>
</header>
<section class="first" id="summary">
<h2>Summary</h2>
${model.claims ? html`<table class="kv verdicts"><tbody>${verdictBadges(model.claims)}</tbody></table>` : ''}
${model.summary.length ? keyValueTable(model.summary, 'kv summary') : ''}
${notesList(model)}
</section>
${isotherm ? html`<section>${isotherm}</section>` : ''}
${bet ? html`<section>${bet}</section>` : ''}
${bjh ? html`<section>${bjh}</section>` : ''}
${sizes.length ? html`<section><h2 id="particle-sizes">Particle-size distributions (number basis)</h2>${sizes}</section>` : ''}
${model.claims ? html`<section><h2 id="claims">Claims</h2>${claimsSection(model.claims, model.claimSets)}</section>` : ''}
<section>
<h2 id="reproduce">Reproduce</h2>
<h3>Input files</h3>
${inputsTable(model.inputs)}
<h3>Settings</h3>
${keyValueTable(model.settings)}
</section>
<footer>Generated by ${model.generator.name} ${model.generator.version}. Self-contained: no scripts, no network resources.</footer>
</body>
</html>
`;
  return page.text;
}
