/**
 * Report inputs for the tests: a real analysis of a generated sample with hostile strings in its metadata and file
 * name, and BJH / PSD / grade records in the shapes the report adapters read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeIsotherm, ISOTHERM_DEFAULTS } from '../../src/analysis/isotherm-analysis.js';
import { readInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { analyzeDistribution, PSD_DEFAULTS } from '../../src/analysis/psd-analysis.js';
import type { Distribution } from '../../src/model/distribution.js';
import { analyzeRecord } from '../../src/output/analyze-record.js';
import { psdRecord as psdRecordOf } from '../../src/output/psd-record.js';
import { buildReportModel, type ReportSource } from '../../src/output/report/build-model.js';
import { PROJECT_ROOT } from '../helpers/shared-data.js';

export const SCRIPT_NAME = '<script>alert(1)</script>';
export const IMG_OPERATOR = '"><img src=x onerror=alert(2)>';
export const IMG_FILE_NAME = 'lot<img src=y onerror=alert(3)>.csv';

/** The silica-gel sample with the script-tag sample name and an attribute-breaking operator, written to a temp dir. */
export function hostileIsothermFile(): string {
  const text = readFileSync(join(PROJECT_ROOT, 'samples', 'isotherms', 'silica-gel-layer.csv'), 'utf8').replace(/^Sample,.*$/m, `Sample,${SCRIPT_NAME}\nOperator,"${IMG_OPERATOR.replaceAll('"', '""')}"`);
  const dir = mkdtempSync(join(tmpdir(), 'poregrade-report-'));
  const file = join(dir, IMG_FILE_NAME);
  writeFileSync(file, text);
  return file;
}

export function analysedFile(file: string) {
  const input = readInput(file);
  const isotherm = readIsotherm(input, {});
  const analysis = analyzeIsotherm(isotherm, ISOTHERM_DEFAULTS);
  return { isotherm, analysis, record: analyzeRecord(input, isotherm, analysis, { bet_range: 'auto' }) };
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

/** A real PSD record (the psd command's analysis) of a log-normal number distribution around `medianNm`. */
export function psdRecord(medianNm: number, file: string) {
  const edges = Array.from({ length: 41 }, (_, i) => 5 * 1.18 ** i);
  const weights = edges.slice(1).map((hi, i) => Math.exp(-((Math.log(Math.sqrt(hi * edges[i]!) / medianNm) / 0.5) ** 2)));
  const total = weights.reduce((a, b) => a + b, 0);
  const distribution: Distribution = {
    edgesNm: Float64Array.from(edges),
    fraction: Float64Array.from(weights, (w) => w / total),
    basis: 'number',
    alsoMeasured: [],
    source: { file, format: 'generic' },
    metadata: {},
    assumptions: [],
    warnings: [],
  };
  return psdRecordOf(distribution, 'utf-8', analyzeDistribution(distribution, PSD_DEFAULTS));
}

/** A grade record with one claim of each verdict, and claim text carrying markup. */
export function gradeRecord() {
  return {
    claims: [
      {
        set: 'alumina-pigment-ink',
        claim: 1,
        status: 'met',
        parents: [],
        text: 'An ink jet recording system comprising <a recording medium> & an ink …',
        elements: [
          { id: 'pore_volume', text: 'pore volume of the receiving layer', status: 'pass', value: 0.81, unit: 'ml/g', window: '0.1 ≤ V ≤ 1.0', margin: 0.19, marginal: false, missing: [] },
          { id: 'pigment_10_500', text: 'pigment diameters substantially within 10–500 nm', status: 'pass', value: 0.97, unit: null, window: '≥ 0.95', margin: 0.02, marginal: true, missing: [] },
        ],
      },
      {
        set: 'alumina-pigment-ink',
        claim: 2,
        status: 'not_met',
        parents: ['1'],
        elements: [{ id: 'bet_area', text: 'BET area', status: 'fail', value: 512, unit: 'm²/g', window: { min: 20, max: 450, unit: 'm²/g' }, margin: -62, marginal: false, missing: [] }],
      },
      {
        set: 'polymer-particle-voids',
        claim: 1,
        status: 'undetermined',
        parents: [],
        elements: [{ id: 'a_over_b', text: 'A/B', status: 'unknown', value: null, unit: null, window: '≥ 2.0', margin: null, marginal: false, missing: ['values.coat_weight_g_m2'] }],
      },
    ],
    summary: {},
  };
}

/** A full report source: hostile isotherm, BJH, two inks and a grade. */
export function fullSource(file = hostileIsothermFile()): ReportSource {
  const analysed = analysedFile(file);
  return {
    lot: 'CL-<b>0412</b>',
    isotherm: analysed,
    bjh: bjhRecord(17.5, 52),
    particleSizes: [
      { label: 'cyan', record: psdRecord(120, 'psd/C-0412.csv') },
      { label: `magenta ${SCRIPT_NAME}`, record: psdRecord(260, 'psd/M-0412.csv') },
    ],
    grade: gradeRecord(),
    version: '0.0.0-test',
    generatedAt: null,
  };
}

export function fullModel() {
  return buildReportModel(fullSource());
}
