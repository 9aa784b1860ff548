/**
 * Records → ReportModel: the one place that knows which record feeds which section. A section whose record is absent
 * is listed in `omitted` with the reason, so the reader sees what the report does not show.
 */
import type { IsothermAnalysis } from '../../analysis/isotherm-analysis.js';
import type { Isotherm } from '../../model/isotherm.js';
import type { AnalyzeRecord } from '../analyze-record.js';
import { fmt } from '../text-table.js';
import { analysisSummary, betDetails, betPlot, isothermMetadata, isothermPlot } from './from-analysis.js';
import { bjhPlot } from './from-bjh-record.js';
import { claimRows, claimSetRows } from './from-grade-record.js';
import { particleSizePlot } from './from-psd-record.js';
import type { InputFile, KeyValue, Message, ParticleSizePlot, ReportModel } from './model.js';
import { arrayOrEmpty, finiteOrNull, flatten, objectOrNull, stringOrNull } from './record-fields.js';

export interface AnalysedIsotherm {
  isotherm: Isotherm;
  analysis: IsothermAnalysis;
  /** The analyze record; its `bjh` object feeds the pore-size section. */
  record: AnalyzeRecord;
}

export interface ReportSource {
  /** The lot id; defaults to the isotherm file name. */
  lot?: string;
  isotherm: AnalysedIsotherm | null;
  /**
   * One PSD record per measured material (ink colour, polymer particles, …); `windows` shades its size windows,
   * `file` names it as the user gave it (the record holds the resolved path).
   */
  particleSizes?: { label: string; record: unknown; windows?: boolean; file?: string }[];
  /** The grade record (claims[] and summary). */
  grade?: unknown;
  /** Files beyond the isotherm (the lot file, PSD files), with their hashes. */
  inputs?: InputFile[];
  /** Settings beyond those the analyze record echoes (e.g. the lot's analysis block, the claim sets). */
  settings?: Record<string, unknown>;
  assumptions?: string[];
  warnings?: Message[];
  /** ISO timestamp printed in the footer; null leaves it out (byte-identical reports for identical inputs). */
  generatedAt?: string | null;
  version: string;
}

function warningsOf(record: unknown): Message[] {
  return arrayOrEmpty(objectOrNull(record)?.warnings).flatMap((w) => {
    const o = objectOrNull(w);
    const message = stringOrNull(o?.message) ?? (typeof w === 'string' ? w : null);
    return message === null ? [] : [{ code: stringOrNull(o?.code), message }];
  });
}

export function buildReportModel(source: ReportSource): ReportModel {
  const omitted: string[] = [];
  const a = source.isotherm;
  const record = a?.record ?? null;
  const bjh = bjhPlot(record ? (record as Record<string, unknown>).bjh : null, omitted);
  if (!a) omitted.push('isotherm, BET and BJH: no isotherm file was given');
  else if (!bjh) omitted.push('BJH pore-size distribution: the analysis record has no bjh object');

  const particleSizes: ParticleSizePlot[] = [];
  for (const psd of source.particleSizes ?? []) {
    const plot = particleSizePlot(psd.label, psd.record, { windows: psd.windows ?? true });
    if (plot) particleSizes.push(psd.file === undefined ? plot : { ...plot, file: psd.file });
    else omitted.push(`particle sizes of ${psd.label}: the record could not be read`);
  }
  if (!source.particleSizes?.length) omitted.push('particle-size distributions: no particle-size file was given');

  const claims = source.grade === undefined ? null : claimRows(source.grade);
  if (!claims) omitted.push('claims: the lot was not graded (grade a lot file to see the claim chart)');

  const summary: KeyValue[] = record ? analysisSummary(record) : [];
  if (bjh) {
    if (bjh.peak) summary.push({ label: 'peak pore diameter Y', value: `${fmt(bjh.peak.diameterNm, 4)} nm (BJH ${bjh.branch})` });
    if (bjh.atDiameter) {
      const value = bjh.atDiameter.dvDlogDCm3PerG;
      summary.push({ label: `A at X = ${fmt(bjh.atDiameter.diameterNm, 4)} nm`, value: value === null ? 'unknown (X outside the measured diameters)' : `${fmt(value, 4)} cm³/g (dV/dlogD)` });
    }
  }

  const inputs: InputFile[] = [];
  if (record) inputs.push({ role: 'isotherm', file: record.input.file, sha256: record.input.sha256, format: record.input.format });
  inputs.push(...(source.inputs ?? []));

  const settings = [...flatten(source.settings ?? {}), ...(record ? flatten(record.settings, 'analyze') : [])];

  return {
    title: source.lot ?? record?.input.file ?? 'poregrade report',
    sampleName: record?.input.metadata.sample_name ?? null,
    summary,
    numbers: { betAreaM2PerG: finiteOrNull(objectOrNull(record?.bet)?.area_m2_g), poreVolumeCm3PerG: finiteOrNull(objectOrNull(record?.pore_volume)?.total_cm3_g) },
    metadata: record ? isothermMetadata(record) : [],
    isotherm: a && record ? isothermPlot(a.isotherm, record, omitted) : null,
    bet: a && record ? betPlot(a.analysis, record, omitted) : null,
    betDetails: record ? betDetails(record) : [],
    bjh,
    particleSizes,
    claims,
    claimSets: source.grade === undefined ? [] : claimSetRows(source.grade),
    settings: settings.map((s) => ({ label: s.key, value: s.value })),
    inputs,
    assumptions: [...(record?.assumptions ?? []), ...(source.assumptions ?? [])],
    warnings: [...warningsOf(record), ...(source.warnings ?? [])],
    omitted,
    generator: { name: 'poregrade', version: source.version, generatedAt: source.generatedAt ?? null },
  };
}
