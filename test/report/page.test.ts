/** The report page: every input string escaped, nothing external, every section present or said to be missing. */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { buildReportModel } from '../../src/output/report/build-model.js';
import { escapeHtml, html } from '../../src/output/report/html.js';
import { renderReport } from '../../src/output/report/page.js';
import { analysedFile, fullModel, hostileIsothermFile, IMG_FILE_NAME, IMG_OPERATOR, SCRIPT_NAME } from './fixtures.js';

describe('html escaping', () => {
  it('escapes interpolated strings for content and quoted attributes, and leaves Html alone', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const name = SCRIPT_NAME;
    expect(html`<td title="${IMG_OPERATOR}">${name}</td>`.text).toBe('<td title="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html`<p>${html`<b>${'<i>'}</b>`}</p>`.text).toBe('<p><b>&lt;i&gt;</b></p>');
  });
});

describe('report page', () => {
  let full: { model: ReturnType<typeof fullModel>; page: string };
  beforeAll(async () => {
    const model = fullModel();
    full = { model, page: await renderReport(model) };
  });

  it('shows hostile sample names, operators, file names, lot ids and ink labels as text and adds no markup', async () => {
    const page = full.page;
    expect(page).toContain(escapeHtml(SCRIPT_NAME));
    expect(page).toContain(escapeHtml(IMG_OPERATOR));
    expect(page).toContain(escapeHtml(IMG_FILE_NAME));
    expect(page).toContain('CL-&lt;b&gt;0412&lt;/b&gt;');
    expect(page).toContain('&lt;a recording medium&gt; &amp; an ink');
    expect(page).not.toMatch(/<script|<img|<b>0412/i);
  });

  it('is self-contained: no scripts, no external resources, a CSP that forbids loading anything', async () => {
    const page = full.page;
    expect(page).not.toMatch(/<script|<link|<iframe|<object|<embed|<img|@import|url\(/i);
    expect(page).not.toMatch(/<[a-z][^>]*\s(src|srcset|background|poster|action)=/i);
    expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i); // no event-handler attributes
    for (const href of page.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^#/);
    // The only URLs are SVG namespace names, which browsers never fetch.
    for (const url of page.matchAll(/https?:\/\/[^"'\s)]+/g)) expect(url[0]).toMatch(/^http:\/\/www\.w3\.org\//);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('holds every chart, the claim chart and the input hashes; print CSS gives A4 pages without split charts', async () => {
    const { model, page } = full;
    for (const mark of ['pore_volume_rule', 'bet_range', 'bet_fit_line', 'rouquerol_points', 'peak_rule', 'x_rule', 'a_point', 'cumulative_curve', 'size_windows']) {
      expect(page, mark).toContain(`${mark}_marks`);
    }
    expect(page.match(/<svg /g)).toHaveLength(7); // isotherm, transform, Rouquerol, BJH, cumulative, 2 inks
    expect(page.match(/size_windows_marks/g)).toHaveLength(2);
    expect(page).toContain('Y = 17.5 nm');
    expect(page).toContain('<span class="badge not_met">not met: 2</span>');
    expect(page).toContain('<span class="marginal"');
    expect(page).toContain('20 ≤ value ≤ 450 m²/g');
    expect(page).toContain('missing: values.coat_weight_g_m2');
    expect(page).toContain(model.inputs[0]!.sha256!);
    expect(page).toMatch(/@page \{ size: A4;/);
    expect(page).toMatch(/figure \{[^}]*break-inside: avoid/);
    expect(page).toMatch(/section \{ break-before: page;/);
  });

  it('with only an isotherm, says which sections are not shown and why', async () => {
    const model = buildReportModel({ isotherm: analysedFile(hostileIsothermFile()), version: 'test' });
    const page = await renderReport(model);
    expect(model.bjh).toBeNull();
    expect(page).toContain('not shown — BJH pore-size distribution');
    expect(page).toContain('not shown — claims');
    expect(page.match(/<svg /g)).toHaveLength(3);
  });

  it('renders the same bytes for the same inputs when no timestamp is asked for', async () => {
    const file = hostileIsothermFile();
    const a = await renderReport(buildReportModel({ isotherm: analysedFile(file), version: 'test', generatedAt: null }));
    const b = await renderReport(buildReportModel({ isotherm: analysedFile(file), version: 'test', generatedAt: null }));
    expect(a).toBe(b);
  });
});

describe('poregrade report', () => {
  it('writes the report for an isotherm file, whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poregrade-report-cli-'));
    const out = join(dir, 'report.html');
    expect(await run(['report', hostileIsothermFile(), '-o', out, '--no-timestamp'])).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('fails with exit code 2 on an unreadable input and leaves no file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poregrade-report-cli-'));
    const out = join(dir, 'report.html');
    expect(await run(['report', join(dir, 'missing.csv'), '-o', out])).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
