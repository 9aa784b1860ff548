/**
 * Report inputs for the tests: a real analysis of a generated sample with hostile strings in its metadata and file
 * name, and BJH / PSD / grade records in the shapes the report adapters read.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BJH_DEFAULTS } from '../../src/analysis/bjh-report.js';
import { ISOTHERM_DEFAULTS } from '../../src/analysis/isotherm-analysis.js';
import { analyzeFileWithIsotherm } from '../../src/batch/analyze-task.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/io/input.js';
import { buildReportModel, type ReportSource } from '../../src/output/report/build-model.js';
import { gradedLotSource } from '../../src/cli/report.js';
import { PROJECT_ROOT } from '../helpers/shared-data.js';

export const SCRIPT_NAME = '<script>alert(1)</script>';
export const IMG_OPERATOR = '"><img src=x onerror=alert(2)>';
export const IMG_FILE_NAME = 'lot<img src=y onerror=alert(3)>.csv';

/** The alumina-hydrate sample with the script-tag sample name and an attribute-breaking operator, written to `dir`. */
export function hostileIsothermFile(dir = mkdtempSync(join(tmpdir(), 'poregrade-report-'))): string {
  const sample = readFileSync(join(PROJECT_ROOT, 'samples', 'isotherms', 'alumina-hydrate-layer.csv'), 'utf8').replace(/^(#|Sample,|Operator,).*\n/gm, '');
  const text = `Sample,${SCRIPT_NAME}\nOperator,"${IMG_OPERATOR.replaceAll('"', '""')}"\n${sample}`;
  const file = join(dir, IMG_FILE_NAME);
  writeFileSync(file, text);
  return file;
}

/** A number histogram as a generic particle-size export: log-normal around `medianNm`, 60 bins 5–2000 nm. */
function psdCsv(medianNm: number, gsd: number): string {
  const edges = Array.from({ length: 61 }, (_, i) => 5 * 400 ** (i / 60));
  const density = (d: number) => Math.exp(-((Math.log(d / medianNm) / Math.log(gsd)) ** 2) / 2);
  const weights = edges.slice(1).map((hi, i) => density(Math.sqrt(hi * edges[i]!)));
  const total = weights.reduce((a, b) => a + b, 0);
  return ['Lower (nm),Upper (nm),Number (%)', ...weights.map((w, i) => `${edges[i]!.toFixed(4)},${edges[i + 1]!.toFixed(4)},${((100 * w) / total).toFixed(6)}`)].join('\n') + '\n';
}

export const HOSTILE_LOT_ID = 'CL-<b>0412</b>';

/**
 * A complete lot in a temp dir: the hostile isotherm, two pigment inks (one named by a script tag), polymer
 * particles, declared values and facts for the alumina-pigment-ink and polymer-particle-voids sets.
 */
export function hostileLotFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'poregrade-lot-'));
  const isotherm = hostileIsothermFile(dir);
  mkdirSync(join(dir, 'psd'));
  writeFileSync(join(dir, 'psd', 'C.csv'), psdCsv(110, 1.5));
  writeFileSync(join(dir, 'psd', 'M.csv'), psdCsv(230, 1.6));
  writeFileSync(join(dir, 'psd', 'P.csv'), psdCsv(45, 1.3));
  const lot = {
    lot: HOSTILE_LOT_ID,
    files: { isotherm: basename(isotherm), pigment_psd: { cyan: 'psd/C.csv', [SCRIPT_NAME]: 'psd/M.csv' }, polymer_particle_psd: 'psd/P.csv' },
    values: { coat_weight_g_m2: 30, receiving_layer_thickness_um: 35, ink_resin_mass_percent: 1.2, solvent_water_solubility_g_per_100g: 2.5 },
    facts: {
      receiving_layer_porous: true,
      receiving_layer_materials: ['alumina hydrate', 'resin binder'],
      ink_components: ['aqueous medium', 'resin', 'pigment'],
      ink_colors: ['cyan', 'magenta', 'yellow'],
      apparatus_parts: ['medium holding part', 'ink holding part'],
      receiving_layer_contains_polymer_particles: true,
    },
  };
  const file = join(dir, 'lot.json');
  writeFileSync(file, JSON.stringify(lot, null, 2));
  return file;
}

/** An isotherm file analysed as `analyze` does with its defaults (BET, pore volume, BJH). */
export function analysedFile(file: string) {
  return analyzeFileWithIsotherm({ kind: 'analyze', file, maxFileBytes: DEFAULT_MAX_FILE_BYTES, readOptions: {}, settings: ISOTHERM_DEFAULTS, bjh: BJH_DEFAULTS, settingsJson: { bet_range: 'auto' } });
}

/** A BJH record whose dV/dlogD is a log-normal peak at `peakNm` (the analyze record's bjh object). */
export function bjhRecord(peakNm: number, xNm: number | null) {
  const diameters = Array.from({ length: 40 }, (_, i) => 2 * 1.12 ** i);
  const curve = (d: number) => 0.9 * Math.exp(-((Math.log10(d / peakNm) / 0.18) ** 2));
  let cumulative = 0;
  const distribution = [...diameters].reverse().map((d) => {
    cumulative += curve(d) * Math.log10(1.12);
    return { diameter_nm: d, dv_dd_cm3_g_nm: null, dv_dlogd_cm3_g: curve(d), cumulative_volume_cm3_g: cumulative, cumulative_area_m2_g: null };
  });
  return {
    branch: 'desorption',
    thickness_model: 'harkins-jura',
    peak_diameter_nm: peakNm,
    peak_dv_dlogd_cm3_g: 0.9,
    cumulative_volume_cm3_g: cumulative,
    at_diameter: xNm === null ? null : { diameter_nm: xNm, dv_dlogd_cm3_g: curve(xNm) },
    distribution,
  };
}

/** The hostile lot, analysed and graded against every built-in set as `report LOT.json` does. */
export function fullSource(lotFile = hostileLotFile()): ReportSource {
  return gradedLotSource(lotFile, [], { version: '0.0.0-test', generatedAt: null, lotBytes: readFileSync(lotFile) });
}

export function fullModel() {
  return buildReportModel(fullSource());
}
