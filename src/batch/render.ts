/**
 * A task's record turned into the text of the chosen output format, in the thread that made it. Workers post text,
 * not records: cloning a 70 kB record object to the main thread cost more than grading the lot, and the main thread
 * would then have had to serialise it again, alone, for both workers.
 */
import { Chalk } from 'chalk';
import type { ClaimStatus } from '../claims/grade.js';
import { analyzeCsvRows, analyzeTable, type AnalyzeRecord } from '../output/analyze-record.js';
import { batchCsvRows, batchStatuses, batchSummaryLine } from '../output/batch-record.js';
import { toJson } from '../output/json.js';
import { csvLines, type SinkFormat } from '../output/record-sink.js';
import type { TaskOutcome } from './analyze-task.js';
import type { BatchTask } from './worker.js';

export interface RenderOptions {
  /** `json-single`: one indented document (a single input), not an element of an array. */
  format: SinkFormat;
  colour: boolean;
}

export interface RenderedOutcome {
  text: string;
  exitCode: number;
  /** The one-line error, when the task failed. */
  error?: string;
  /** The statuses a graded lot's claims reached (for --fail-on). */
  statuses: ClaimStatus[];
}

export function renderOutcome(task: BatchTask, outcome: TaskOutcome, options: RenderOptions): RenderedOutcome {
  const { record } = outcome;
  const graded = task.kind === 'grade';
  let text: string;
  switch (options.format) {
    case 'ndjson':
      text = JSON.stringify(record) + '\n';
      break;
    case 'json':
      text = JSON.stringify(record);
      break;
    case 'json-single':
      text = toJson(record) + '\n';
      break;
    case 'csv':
      text = csvLines(graded ? batchCsvRows(record) : analyzeCsvRows(record));
      break;
    case 'table':
      text = outcome.error ? '' : (graded ? batchSummaryLine(record) : analyzeTable(record as AnalyzeRecord, new Chalk({ level: options.colour ? 2 : 0 })) + '\n') + '\n';
      break;
  }
  return { text, exitCode: outcome.exitCode, ...(outcome.error ? { error: outcome.error } : {}), statuses: graded ? batchStatuses(record) : [] };
}
