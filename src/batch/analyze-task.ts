/** One isotherm file → its analyze record, or an error record naming the file; never throws for bad input. */
import { bjhReport, type BjhSettings } from '../analysis/bjh-report.js';
import { compareWithVendor, poregradeResults } from '../analysis/vendor-comparison.js';
import { analyzeIsotherm, type IsothermSettings } from '../analysis/isotherm-analysis.js';
import { withFile } from '../errors.js';
import { readInput } from '../io/input.js';
import type { IsothermReadOptions } from '../io/isotherm/reader.js';
import { readIsotherm } from '../io/isotherm/registry.js';
import { analyzeCsvRows, analyzeRecord, analyzeTable, ANALYZE_SCHEMA, type AnalyzeRecord } from '../output/analyze-record.js';
import { analyzeRecordJson, reuseAnalyzeRecordBytes } from '../output/analyze-json.js';
import { csvLines } from '../output/record-sink.js';
import { errorOutcome, type TaskKind, type TaskOutcome } from './task-kind.js';

export interface AnalyzeTask {
  kind: 'analyze';
  file: string;
  maxFileBytes: number;
  readOptions: IsothermReadOptions & { format?: string };
  settings: IsothermSettings;
  bjh: BjhSettings;
  settingsJson: Record<string, unknown>;
}

/** The isotherm, its analysis and its record: what a report needs (its plots draw the points). Throws for bad input. */
export function analyzeFileWithIsotherm(task: AnalyzeTask) {
  const input = readInput(task.file, task.maxFileBytes);
  const isotherm = withFile(task.file, () => readIsotherm(input, task.readOptions));
  const analysis = withFile(task.file, () => analyzeIsotherm(isotherm, task.settings));
  const bjh = withFile(task.file, () => bjhReport(isotherm, task.bjh));
  const vendorComparison = isotherm.vendor ? compareWithVendor(isotherm, { ...poregradeResults(analysis, task.settings), bjh: bjh.bjh }) : analysis.vendorComparison;
  const record = analyzeRecord(input, isotherm, { ...analysis, warnings: [...analysis.warnings, ...bjh.warnings], vendorComparison }, task.settingsJson, { bjh: bjh.bjh });
  return { isotherm, analysis, record };
}

/** Throws the typed error for bad input (the single-file CLI path prints it as one line). */
export function analyzeFileOrThrow(task: AnalyzeTask): TaskOutcome {
  const { analysis, record } = analyzeFileWithIsotherm(task);
  return { record, exitCode: analysis.exitCode };
}

export function runAnalyzeTask(task: AnalyzeTask): TaskOutcome {
  try {
    return analyzeFileOrThrow(task);
  } catch (error) {
    return errorOutcome(ANALYZE_SCHEMA, task.file, error);
  }
}

export const analyzeKind: TaskKind<AnalyzeTask> = {
  run: runAnalyzeTask,
  csv: (_task, record) => csvLines(analyzeCsvRows(record)),
  table: (record, chalk) => analyzeTable(record as AnalyzeRecord, chalk) + '\n',
  json: analyzeRecordJson,
  afterChunk: reuseAnalyzeRecordBytes,
  inputFiles: (task) => [task.file],
};
