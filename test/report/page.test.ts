/** The report page: every input string escaped, nothing external, every section present or said to be missing. */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { buildReportModel } from '../../src/output/report/build-model.js';
import { escapeHtml, html } from '../../src/output/report/html.js';
import { renderReport } from '../../src/output/report/page.js';
import { fmt } from '../../src/output/text-table.js';
import { analysedFile, fullModel, HOSTILE_LOT_ID, hostileIsothermFile, hostileLotFile, IMG_FILE_NAME, IMG_OPERATOR, SCRIPT_NAME } from './fixtures.js';

describe('html escaping', () => {
  it('escapes interpolated strings for content and quoted attributes, and leaves Html alone', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const name = SCRIPT_NAME;
    expect(html`<td title="${IMG_OPERATOR}">${name}</td>`.text).toBe('<td title="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html`<p>${html`<b>${'<i>'}</b>`}</p>`.text).toBe('<p><b>&lt;i&gt;</b></p>');
  });
});

// Assertions use includes()/test() on the page: a failing toContain() would print the whole 300 kB page.
describe('report page', () => {
  let full: { model: ReturnType<typeof fullModel>; page: string };
  beforeAll(async () => {
    const model = fullModel();
    full = { model, page: await renderReport(model) };
  });

  it('shows hostile sample names, operators, file names, lot ids and ink names as text and adds no markup', async () => {
    const page = full.page;
    expect(page.includes(`sample <strong>${escapeHtml(SCRIPT_NAME)}</strong>`)).toBe(true);
    expect(page.includes(`<h3>${escapeHtml(SCRIPT_NAME)}</h3>`)).toBe(true); // the ink named by a script tag
    expect(page.includes(escapeHtml(IMG_OPERATOR))).toBe(true);
    expect(page.includes(escapeHtml(IMG_FILE_NAME))).toBe(true);
    expect(page.includes(`<h1>${escapeHtml(HOSTILE_LOT_ID)}</h1>`)).toBe(true);
    expect(/<script|<img|<b>0412/i.exec(page)?.[0]).toBeUndefined();
  });

  it('is self-contained: no scripts, no external resources, a CSP that forbids loading anything', async () => {
    const page = full.page;
    expect(/<script|<link|<iframe|<object|<embed|<img|@import|url\(/i.exec(page)?.[0]).toBeUndefined();
    expect(/<[a-z][^>]*\s(src|srcset|background|poster|action)=/i.exec(page)?.[0]).toBeUndefined();
    expect(/<[a-z][^>]*\son[a-z]+=/i.exec(page)?.[0]).toBeUndefined(); // no event-handler attributes
    for (const href of page.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^#/);
    // The only URLs are SVG namespace names, which browsers never fetch.
    for (const url of page.matchAll(/https?:\/\/[^"'\s)]+/g)) expect(url[0]).toMatch(/^http:\/\/www\.w3\.org\//);
    expect(page.includes(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)).toBe(true);
  });

  it('holds every chart, the claim chart and the input hashes; print CSS gives A4 pages without split charts', async () => {
    const { model, page } = full;
    for (const mark of ['pore_volume_rule', 'bet_range', 'bet_fit_line', 'rouquerol_points', 'peak_rule', 'x_rule', 'a_point', 'cumulative_curve', 'size_windows', 'number_mean_rule']) {
      expect(page.includes(`${mark}_marks`), mark).toBe(true);
    }
    // isotherm, transform, Rouquerol, BJH, cumulative, two inks, polymer particles; windows on the inks only
    expect(page.match(/<svg /g)).toHaveLength(8);
    expect(page.match(/size_windows_marks/g)).toHaveLength(2);
    expect(model.bjh!.peak).not.toBeNull();
    expect(page.includes(`Y = ${fmt(model.bjh!.peak!.diameterNm, 4)} nm`)).toBe(true);
    // X is the polymer particles' number mean (no size declared), and the BJH curve is read there.
    const polymer = model.particleSizes.find((p) => p.label === 'polymer fine particles')!;
    expect(model.bjh!.atDiameter!.diameterNm).toBeCloseTo(polymer.numberMeanNm!, 3);
    // Every claim of the three built-in sets, with its verdict; every element's window, escaped.
    const claims = model.claims!;
    expect(new Set(claims.map((c) => c.set))).toEqual(new Set(['alumina-pigment-ink', 'polymer-particle-voids', 'heat-press-finishing']));
    for (const c of claims) expect(page.includes(`<strong>Claim ${escapeHtml(c.claim)}</strong>`), `${c.set} ${c.claim}`).toBe(true);
    expect(page.match(/<tr class="claim-head">/g)).toHaveLength(claims.length);
    for (const e of claims.flatMap((c) => c.elements)) if (e.window) expect(page.includes(escapeHtml(e.window)), e.window).toBe(true);
    for (const status of new Set(claims.map((c) => c.status))) expect(page.includes(`<span class="badge ${status}">`), status).toBe(true);
    // Per-ink values of the pigment elements, each ink by name.
    expect(page.includes(`<span class="badge pass">${escapeHtml(SCRIPT_NAME)}</span>`)).toBe(true);
    for (const input of model.inputs) if (input.sha256) expect(page.includes(input.sha256), input.role).toBe(true);
    expect(model.inputs.map((i) => i.role)).toEqual(['isotherm', 'lot file', 'files.polymer_particle_psd', 'files.pigment_psd.cyan', `files.pigment_psd.${SCRIPT_NAME}`]);
    expect(/@page \{ size: A4;/.test(page)).toBe(true);
    expect(/figure \{[^}]*break-inside: avoid/.test(page)).toBe(true);
    expect(/section \{ break-before: page;/.test(page)).toBe(true);
  });

  it('with only an isotherm, draws its five charts and says which sections are not shown and why', async () => {
    const model = buildReportModel({ isotherm: analysedFile(hostileIsothermFile()), version: 'test' });
    const page = await renderReport(model);
    expect(model.bjh).not.toBeNull();
    expect(page.match(/<svg /g)).toHaveLength(5); // isotherm, BET transform, Rouquerol, BJH, cumulative volume
    expect(page.includes('not shown — particle-size distributions: no particle-size file was given')).toBe(true);
    expect(page.includes('not shown — claims')).toBe(true);
  });

  it('renders the same bytes for the same inputs when no timestamp is asked for', async () => {
    const file = hostileIsothermFile();
    const a = await renderReport(buildReportModel({ isotherm: analysedFile(file), version: 'test', generatedAt: null }));
    const b = await renderReport(buildReportModel({ isotherm: analysedFile(file), version: 'test', generatedAt: null }));
    expect(a).toBe(b);
  });
});

describe('poregrade report', () => {
  it('grades a lot file and reports it, refusing isotherm options that only an isotherm file takes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poregrade-report-cli-'));
    const out = join(dir, 'lot.html');
    const lot = hostileLotFile();
    expect(await run(['report', lot, '-o', out, '--claims', 'alumina-pigment-ink'])).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page.includes('<h3>alumina-pigment-ink')).toBe(true);
    expect(page.includes('<h3>polymer-particle-voids')).toBe(false);
    expect(await run(['report', lot, '-o', out, '--bet-range', '0.05:0.3'])).toBe(2);
    expect(await run(['report', hostileIsothermFile(), '-o', out, '--claims', 'alumina-pigment-ink'])).toBe(2);
  });

  it('writes the report for an isotherm file, whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poregrade-report-cli-'));
    const out = join(dir, 'report.html');
    expect(await run(['report', hostileIsothermFile(), '-o', out, '--no-timestamp'])).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('fails with exit code 2 on an unreadable input or an unwritable output, and leaves no file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poregrade-report-cli-'));
    const out = join(dir, 'report.html');
    expect(await run(['report', join(dir, 'missing.csv'), '-o', out])).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    // An output folder that does not exist is a usage error (exit 2), not an internal one.
    expect(await run(['report', hostileIsothermFile(), '-o', join(dir, 'no-such-folder', 'r.html')])).toBe(2);
  });
});
