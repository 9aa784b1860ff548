/** Batch reports: one file per lot with a safe unique name, an index linking each with its verdicts, errors listed. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFileName, writeBatchReports, type BatchLot } from '../../src/output/report/batch-reports.js';
import { escapeHtml } from '../../src/output/report/html.js';
import { buildReportModel } from '../../src/output/report/build-model.js';
import { verdictSummary } from '../../src/output/report/claims-section.js';
import { fullSource, hostileLotFile, SCRIPT_NAME } from './fixtures.js';

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
    const lotFile = hostileLotFile();
    const file = 'missing.csv';
    const source = fullSource(lotFile);
    async function* lots(): AsyncGenerator<BatchLot> {
      yield { lot: 'CL-0001', source: { ...source, lot: 'CL-0001' } };
      yield { lot: SCRIPT_NAME, source: { ...source, lot: SCRIPT_NAME } };
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
    expect(index.includes(escapeHtml(SCRIPT_NAME))).toBe(true);
    expect(index.includes('no such file &lt;E_FILE_NOT_FOUND&gt;')).toBe(true);
    expect(/<script|<img/.exec(index)?.[0]).toBeUndefined();
    // One verdict cell per set and lot, listing that lot's claims by verdict, and the tally over lots per set.
    const summary = verdictSummary(buildReportModel(source).claims!);
    expect(summary).toHaveLength(3);
    for (const s of summary) {
      const cell = `<td class="set">${s.met.length ? `<span class="badge met">met ${s.met.join(', ')}</span>` : ''}${s.notMet.length ? `<span class="badge not_met">not ${s.notMet.join(', ')}</span>` : ''}${
        s.undetermined.length ? `<span class="badge undetermined">? ${s.undetermined.join(', ')}</span>` : ''
      }</td>`;
      expect(index.split(cell).length - 1, s.set).toBe(2);
    }
    expect(index.includes('3 lots, 1 could not be reported')).toBe(true);
  });
});
