/**
 * npx tsx bench/report-index.ts [--lots N] [--runs R]: writes the reports of N synthetic lots (bench/generate-lots.ts
 * isotherms and particle sizes, analysed and graded for real as `report LOT.json` does) and times, as medians:
 * rendering one report, writing the whole batch, and opening the index page — and one lot's report — in headless
 * Chromium (navigation start to the load event). Timing lives here, never in unit tests; the acceptance figure is
 * "index of 100 lots opens in under 2 s".
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { median } from 'simple-statistics';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gradedLotSource } from '../src/cli/report.js';
import { writeBatchReports, type BatchLot } from '../src/output/report/batch-reports.js';
import { buildReportModel } from '../src/output/report/build-model.js';
import { renderReport } from '../src/output/report/page.js';
import { HAVE_CHROMIUM, launchChromium } from '../test/helpers/chromium.js';
import { generateLots } from './generate-lots.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const lotCount = option('--lots', 100);
const runs = option('--runs', 5);
/** Isotherm, BET transform, Rouquerol, BJH, cumulative volume, three inks. */
const CHARTS_PER_REPORT = 8;

/** Facts that let the built-in sets decide, so that the claim chart has verdicts of every kind to draw. */
const FACTS = {
  receiving_layer_porous: true,
  receiving_layer_materials: ['alumina hydrate', 'resin binder'],
  ink_components: ['aqueous medium', 'resin', 'pigment'],
  ink_colors: ['cyan', 'magenta', 'yellow'],
  apparatus_parts: ['medium holding part', 'ink holding part'],
  receiving_layer_contains_polymer_particles: true,
};

const work = mkdtempSync(join(tmpdir(), 'poregrade-report-bench-'));
try {
  const dir = join(work, 'lots');
  const { isotherms } = generateLots(dir, lotCount);
  const lots: BatchLot[] = isotherms.map((file, i) => {
    const id = basename(file, '.csv');
    const lotFile = join(dir, `${id}.json`);
    const lot = {
      lot: id,
      files: { isotherm: `isotherms/${id}.csv`, pigment_psd: { cyan: `psd/${id}.csv`, magenta: `psd/${id}.csv`, yellow: `psd/${id}.csv` } },
      values: { coat_weight_g_m2: 30, receiving_layer_thickness_um: 35, polymer_particle_size_nm: 30 + (i % 60), ink_resin_mass_percent: 1.2 },
      facts: FACTS,
    };
    writeFileSync(lotFile, JSON.stringify(lot));
    return { lot: id, source: gradedLotSource(lotFile, [], { version: 'bench', generatedAt: null, lotBytes: readFileSync(lotFile) }) };
  });
  lots.push({ lot: 'LOT-unreadable', error: 'isotherms/missing.csv: no such file (E_FILE_NOT_FOUND)' });

  // Render alone (no file writes), per report: the first ones pay for JIT warm-up, the median is the steady state.
  const renderMs: number[] = [];
  for (const lot of lots) {
    if (!lot.source) continue;
    const t = performance.now();
    await renderReport(buildReportModel(lot.source));
    renderMs.push(performance.now() - t);
  }
  const sorted = [...renderMs].sort((a, b) => a - b);
  console.log(`render one report (${CHARTS_PER_REPORT} charts): median ${median(renderMs).toFixed(0)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(0)} ms, first ${renderMs[0]!.toFixed(0)} ms`);

  const out = join(work, 'reports');
  const started = performance.now();
  const result = await writeBatchReports(out, lots, { version: 'bench', generatedAt: new Date().toISOString() });
  const batchMs = performance.now() - started;
  const sizes = result.reports.map((r) => statSync(r.file).size);
  console.log(`writeBatchReports: ${result.reports.length} reports + index in ${(batchMs / 1000).toFixed(2)} s (${(batchMs / result.reports.length).toFixed(0)} ms per lot, writes included), median size ${(median(sizes) / 1024).toFixed(0)} kB; index ${(statSync(result.index).size / 1024).toFixed(0)} kB`);

  if (!HAVE_CHROMIUM) {
    console.log('!!! no Chromium at /usr/bin/chromium: browser load times not measured (apt-get install -y chromium)');
  } else {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const loadTimes = async (url: string) => {
        const wall: number[] = [];
        const navigation: number[] = [];
        for (let r = 0; r < runs; r++) {
          const t = performance.now();
          await page.goto(url, { waitUntil: 'load' });
          wall.push(performance.now() - t);
          navigation.push((await page.evaluate('performance.getEntriesByType("navigation")[0].loadEventEnd')) as number);
        }
        return { wall: median(wall), navigation: median(navigation) };
      };
      const index = await loadTimes(pathToFileURL(result.index).href);
      console.log(`index of ${lotCount} lots in Chromium: load event at ${index.navigation.toFixed(0)} ms after navigation start (goto wall ${index.wall.toFixed(0)} ms), median of ${runs}`);
      const report = await loadTimes(pathToFileURL(result.reports[0]!.file).href);
      console.log(`one lot's report in Chromium: load event at ${report.navigation.toFixed(0)} ms (goto wall ${report.wall.toFixed(0)} ms), median of ${runs}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
