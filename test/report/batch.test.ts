/** Batch reports: one file per lot with a safe unique name, an index linking each with its verdicts, errors listed. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFileName, writeBatchReports, type BatchLot } from '../../src/output/report/batch-reports.js';
import { escapeHtml } from '../../src/output/report/html.js';
import { fullSource, hostileIsothermFile, SCRIPT_NAME } from './fixtures.js';

describe('reportFileName', () => {
  it('keeps safe characters, replaces the rest, never hides, never clobbers the index or another lot', () => {
    const used = new Set(['index.html']);
    expect(reportFileName('CL-2026-0412', used)).toBe('CL-2026-0412.html');
    expect(reportFileName('CL-2026-0412', used)).toBe('CL-2026-0412-2.html');
    expect(reportFileName('../../etc/passwd', used)).toBe('etc_passwd.html');
    expect(reportFileName(SCRIPT_NAME, used)).toBe('script_alert_1_script_.html');
    expect(reportFileName('index', used)).toBe('index_lot.html');
    expect(reportFileName('INDEX', used)).toBe('index_lot-2.html');
    expect(reportFileName('', used)).toBe('lot.html');
    expect(reportFileName('x'.repeat(500), used)).toHaveLength(80 + '.html'.length);
  });
});

describe('writeBatchReports', () => {
  it('writes one report per readable lot and an index that links each with its verdicts and lists the failures', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'poregrade-batch-')), 'reports');
    const file = hostileIsothermFile();
    async function* lots(): AsyncGenerator<BatchLot> {
      yield { lot: 'CL-0001', source: fullSource(file) };
      yield { lot: SCRIPT_NAME, source: { ...fullSource(file), lot: SCRIPT_NAME } };
      yield { lot: 'CL-0003', error: `${file}: no such file <E_FILE_NOT_FOUND>` };
    }
    const result = await writeBatchReports(dir, lots(), { version: 'test', generatedAt: null });
    expect(result.reports.map((r) => r.lot)).toEqual(['CL-0001', SCRIPT_NAME]);
    expect(result.failed).toEqual([{ lot: 'CL-0003', error: `${file}: no such file <E_FILE_NOT_FOUND>` }]);
    expect(readdirSync(dir).sort()).toEqual(['CL-0001.html', 'index.html', 'script_alert_1_script_.html']);

    const index = readFileSync(result.index, 'utf8');
    const links = [...index.matchAll(/<a href="([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links).toEqual(['CL-0001.html', 'script_alert_1_script_.html']);
    for (const link of links) expect(existsSync(join(dir, link))).toBe(true);
    expect(index).toContain(escapeHtml(SCRIPT_NAME));
    expect(index).toContain('no such file &lt;E_FILE_NOT_FOUND&gt;');
    expect(index).not.toMatch(/<script|<img/);
    // alumina-pigment-ink: claim 1 met, 2 not met; polymer-particle-voids undetermined — for both lots.
    expect(index.match(/<span class="badge met">met 1<\/span><span class="badge not_met">not 2<\/span>/g)).toHaveLength(2);
    expect(index).toContain('<span class="badge met">2 lots met</span>');
    expect(index).toContain('<span class="badge undetermined">2 lots undetermined</span>');
    expect(index).toContain('3 lots, 1 could not be reported');
  });
});
