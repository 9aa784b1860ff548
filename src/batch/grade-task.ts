/** One lot (a lot file, or a manifest row) → its grade record, or an error record naming the file; never throws for bad input. */
import { analyzeLot } from '../analysis/lot-analysis.js';
import { gradeLot } from '../claims/grade.js';
import { builtInClaimSets, resolveClaimSets } from '../claims/claim-set-registry.js';
import type { ClaimSet } from '../claims/claim-set.js';
import { loadLot, parseLot, type LotFile } from '../claims/lot.js';
import { analysisSettingsFor } from '../claims/settings.js';
import type { PoregradeError } from '../errors.js';
import { batchCsvText, batchStatuses, batchSummaryLine } from '../output/batch-record.js';
import { gradeRecordJson, reuseRecordBytes } from '../output/grade-json.js';
import { errorOutcome, type TaskKind, type TaskOutcome } from './task-kind.js';

export const BATCH_SCHEMA = 'poregrade/batch-record@1';

export interface GradeTask {
  kind: 'grade';
  index: number;
  /** A lot file, or a manifest row (with the manifest's directory for its relative paths). */
  source: { lotFile: string } | { manifest: string; line: number; baseDir: string; data: Record<string, unknown> };
  claims: string[];
}

/** Claim sets are resolved once per thread, not once per lot. */
const setsCache = new Map<string, ClaimSet[]>();
function setsFor(claims: string[]): ClaimSet[] {
  const key = claims.join('\u0000');
  let sets = setsCache.get(key);
  if (!sets) setsCache.set(key, (sets = resolveClaimSets(claims)));
  return sets;
}

export function runGradeTask(task: GradeTask): TaskOutcome {
  const { source } = task;
  const where = 'lotFile' in source ? source.lotFile : `${source.manifest}:${source.line}`;
  const lotId = 'lotFile' in source ? null : typeof source.data.lot === 'string' ? source.data.lot : null;
  try {
    const lot: LotFile = 'lotFile' in source ? loadLot(source.lotFile) : parseLot(source.data, where, source.baseDir);
    const sets = setsFor(task.claims);
    const settings = analysisSettingsFor(lot, sets);
    const result = gradeLot(lot, analyzeLot(lot, settings), settings, sets, builtInClaimSets());
    return { record: { ...result, schema: BATCH_SCHEMA, index: task.index, source: where }, exitCode: 0 };
  } catch (error) {
    const outcome = errorOutcome(BATCH_SCHEMA, where, error, { index: task.index, lot: lotId });
    // The error names the file at fault (an isotherm, a PSD, the lot file itself); `source` names the lot. A manifest
    // row is parsed under the name "manifest:line", so an error in the row itself is given back the manifest's path
    // and the row's line, as every other error names its file and line.
    let json = (outcome.record as { error: ReturnType<PoregradeError['toJSON']> }).error;
    if ('manifest' in source && json.file === where) json = { ...json, file: source.manifest, line: json.line ?? source.line };
    return { ...outcome, record: { schema: BATCH_SCHEMA, index: task.index, source: where, lot: lotId, error: json } };
  }
}

export const gradeKind: TaskKind<GradeTask> = {
  run: runGradeTask,
  csv: (_task, record) => batchCsvText(record),
  table: (record) => batchSummaryLine(record),
  json: gradeRecordJson,
  afterChunk: reuseRecordBytes,
  statuses: batchStatuses,
};
