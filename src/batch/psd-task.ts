/** One particle-size file → its psd record, or an error record naming the file; never throws for bad input. */
import { analyzeDistribution, type PsdSettings } from '../analysis/psd-analysis.js';
import { EXIT } from '../exit-codes.js';
import { isOle2 } from '../io/decode.js';
import { readInput, type RawInput } from '../io/input.js';
import type { PsdReadOptions } from '../io/psd/reader.js';
import { readDistribution } from '../io/psd/registry.js';
import { PSD_SCHEMA, psdCsvRows, psdRecord, type PsdFailure, type PsdRecord } from '../output/psd-record.js';
import { renderPsdTable } from '../output/psd-table.js';
import { csvLines } from '../output/record-sink.js';
import { errorOutcome, type TaskKind, type TaskOutcome } from './task-kind.js';

export interface PsdTask {
  kind: 'psd';
  file: string;
  maxFileBytes: number;
  readOptions: PsdReadOptions;
  settings: PsdSettings;
  /** The reader options as the record echoes them (format, basis, unit, record …). */
  readSettings: Record<string, string | number | null>;
}

function encodingOf(input: RawInput): string {
  if (input.isSpreadsheet) return isOle2(input.bytes) ? 'xls' : 'xlsx';
  return input.encoding;
}

/** Throws the typed error for bad input (the single-file CLI path prints it as one line). */
export function psdFileOrThrow(task: PsdTask): PsdRecord {
  const input = readInput(task.file, task.maxFileBytes);
  const dist = readDistribution(input, task.readOptions);
  return psdRecord(dist, encodingOf(input), analyzeDistribution(dist, task.settings), task.readSettings);
}

export function runPsdTask(task: PsdTask): TaskOutcome {
  try {
    return { record: psdFileOrThrow(task), exitCode: EXIT.OK };
  } catch (error) {
    return errorOutcome(PSD_SCHEMA, task.file, error);
  }
}

export const psdKind: TaskKind<PsdTask> = {
  run: runPsdTask,
  csv: (task, record) => csvLines(psdCsvRows(record as PsdRecord | PsdFailure, task.settings.windowsNm.length)),
  table: (record, chalk) => renderPsdTable(record as PsdRecord, chalk),
  inputFiles: (task) => [task.file],
};
