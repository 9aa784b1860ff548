/**
 * A task's record turned into the text of the chosen output format, in the thread that made it. Workers post text,
 * not records: cloning a 70 kB record object to the main thread cost more than grading the lot, and the main thread
 * would then have had to serialise it again, alone, for both workers.
 */
import { Chalk } from 'chalk';
import type { ClaimStatus } from '../claims/grade.js';
import { toJson } from '../output/json.js';
import type { SinkFormat } from '../output/record-sink.js';
import type { TaskKind, TaskOutcome } from './task-kind.js';

export interface RenderOptions {
  /** `json-single`: one indented document (a single input), not an element of an array. */
  format: SinkFormat;
  colour: boolean;
}

export interface RenderedOutcome {
  /** The record in the output format: text where it was made, UTF-8 bytes once packed (packOutputs). */
  output: string | Uint8Array;
  /**
   * A line feed follows the text (NDJSON), added by packOutputs: `json + '\n'` made a two-part string that was then
   * copied whole to be measured and encoded (~20 kB per analyze record).
   */
  newline?: true;
  exitCode: number;
  /** The one-line error, when the task failed. */
  error?: string;
  /** The statuses a graded lot's claims reached (for --fail-on). */
  statuses: ClaimStatus[];
}

export function renderOutcome<TTask>(kind: TaskKind<TTask>, task: TTask, outcome: TaskOutcome, options: RenderOptions): RenderedOutcome {
  const { record } = outcome;
  const meta = { exitCode: outcome.exitCode, ...(outcome.error ? { error: outcome.error } : {}), statuses: kind.statuses?.(record) ?? [] };
  let text: string;
  switch (options.format) {
    case 'ndjson':
    case 'json':
      if (kind.json) return { output: kind.json(record, options.format === 'ndjson' ? '\n' : ''), ...meta };
      return { output: JSON.stringify(record), ...(options.format === 'ndjson' ? { newline: true as const } : {}), ...meta };
    case 'json-single':
      text = toJson(record) + '\n';
      break;
    case 'csv':
      text = kind.csv(task, record);
      break;
    case 'table':
      text = outcome.error ? '' : kind.table(record, new Chalk({ level: options.colour ? 2 : 0 })) + '\n';
      break;
  }
  return { output: text, ...meta };
}

/**
 * Replaces each outcome's text by its UTF-8 bytes, all in one ArrayBuffer that the worker hands over (transferred,
 * not copied), so the main thread only writes them: decoding and re-encoding the text there took as long as a lot.
 * `spare`, a buffer the main thread has finished with, is reused when it is large enough.
 */
export function packOutputs(outcomes: RenderedOutcome[], spare?: ArrayBuffer): ArrayBuffer {
  // Exact sizes: the 3-bytes-per-code-unit bound made every 64-lot buffer ~18 MB for ~5 MB of mostly ASCII text.
  const needed = outcomes.reduce((sum, o) => sum + (typeof o.output === 'string' ? Buffer.byteLength(o.output, 'utf8') : o.output.length) + (o.newline ? 1 : 0), 0);
  const bytes = spare && spare.byteLength >= needed ? Buffer.from(spare) : Buffer.allocUnsafeSlow(Math.ceil(1.25 * needed) + 1);
  let offset = 0;
  for (const outcome of outcomes) {
    let length = outcome.output.length;
    if (typeof outcome.output === 'string') length = bytes.write(outcome.output, offset, 'utf8');
    else bytes.set(outcome.output, offset);
    if (outcome.newline) bytes[offset + length++] = 0x0a;
    outcome.output = new Uint8Array(bytes.buffer, offset, length);
    offset += length;
  }
  return bytes.buffer;
}
