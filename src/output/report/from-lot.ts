/**
 * Adapter: a graded lot (the lot file, what analyzeLot read on the way, the grade record) → ReportSource. The isotherm
 * is shown with the BJH branch the claim sets were graded on (desorption unless every set chose adsorption); each
 * particle-size file with its number histogram, the pigment files with the claim windows shaded.
 */
import type { LotArtefacts } from '../../analysis/lot-analysis.js';
import type { GradeResult } from '../../claims/grade.js';
import type { LotFile } from '../../claims/lot.js';
import { RawInput } from '../../io/input.js';
import { analyzeRecord, sha256 } from '../analyze-record.js';
import { psdRecord } from '../psd-record.js';
import type { ReportSource } from './build-model.js';
import type { InputFile } from './model.js';

export interface LotReportOptions {
  version: string;
  generatedAt: string | null;
  /** Bytes of the lot file, for its hash (null for standard input that was not kept). */
  lotBytes: Uint8Array | null;
}

export function lotReportSource(lot: LotFile, artefacts: LotArtefacts, grade: GradeResult, options: LotReportOptions): ReportSource {
  const analysisSettings = Object.fromEntries(lot.analysis);
  const a = artefacts.isotherm;
  const bjh = a ? (a.bjh.desorption ?? a.bjh.adsorption ?? null) : null;
  const inputs: InputFile[] = [{ role: 'lot file', file: lot.file, sha256: options.lotBytes ? sha256(options.lotBytes) : null, format: 'lot JSON' }];
  for (const p of artefacts.psd) inputs.push({ role: p.ref.field, file: p.ref.given, sha256: sha256(p.input.bytes), format: p.distribution.source.format });
  return {
    lot: lot.lot,
    isotherm: a
      ? {
          isotherm: a.isotherm,
          analysis: a.analysis,
          // Named as the lot file gives it, like the particle-size files (the analysis read the resolved path).
          record: analyzeRecord(new RawInput(a.ref.given, a.input.bytes), a.isotherm, a.analysis, { ...analysisSettings, source: `${a.ref.field} of the lot file` }, { bjh }),
        }
      : null,
    particleSizes: artefacts.psd.map((p) => ({
      label: p.label,
      record: psdRecord(p.distribution, p.input.encoding, p.result),
      windows: p.ref.field.startsWith('files.pigment_psd'),
      file: p.ref.given,
    })),
    grade,
    inputs,
    settings: {
      lot_analysis: analysisSettings,
      claim_sets: Object.fromEntries(grade.settings.claim_sets.map((s) => [s.set, { file: s.file, substantially: s.substantially, pore_volume_basis: s.pore_volume_basis, bjh_branch: s.bjh_branch }])),
    },
    warnings: grade.warnings.map((message) => ({ code: null, message })),
    version: options.version,
    generatedAt: options.generatedAt,
  };
}
