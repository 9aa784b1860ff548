/**
 * Shared by every command that processes many inputs: --format, --out, --jobs, --quiet; runs the tasks (in parallel on
 * worker threads), streams records in input order, shows progress on a terminal, and works out the exit code.
 */
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { runPool, type TaskList } from '../batch/pool.js';
import type { RenderedOutcome, RenderOptions } from '../batch/render.js';
import { inputFilesOf, loadTaskKinds, runChunk, type BatchTask } from '../batch/worker.js';
import type { ClaimStatus } from '../claims/grade.js';
import { EXIT } from '../exit-codes.js';
import { colourFor } from '../output/colour.js';
import { RecordSink, type RecordFormat } from '../output/record-sink.js';
import { wholeNumber } from './options.js';

export interface RecordOutputOptions {
  format: 'table' | RecordFormat;
  out?: string;
  jobs: number;
  quiet: boolean;
}

export function addRecordOutputOptions(command: Command, defaultFormat: 'table' | RecordFormat = 'table'): Command {
  return command
    .addOption(new Option('--format <format>', 'output: table, json (one document), ndjson (one record a line, streamed) or csv (flat summary)').choices(['table', 'json', 'ndjson', 'csv']).default(defaultFormat))
    .option('--out <file>', 'write the records to this file (whole or not at all) instead of standard output')
    .addOption(new Option('--jobs <n>', 'worker threads').default(availableParallelism(), 'the number of cores').argParser(wholeNumber('--jobs', 1)))
    .option('--quiet', 'no progress bar', false);
}

/** One file named as such (not a folder or pattern that happened to match one): its JSON is an object, not an array. */
export function namesOneFile(inputs: readonly string[], taskCount: number): boolean {
  return taskCount === 1 && inputs.length === 1 && !/[*?[{]/.test(inputs[0]!);
}

interface EmitConfig {
  /** What the tasks do (their modules are loaded before they run). */
  kind: BatchTask['kind'];
  /** Print a single JSON object rather than an array when there is exactly one input. */
  single: boolean;
  csvHeader: readonly string[];
  /** The most tasks sent to a thread at once (see runPool). */
  maxChunkSize?: number;
  /** Sees the claim statuses of every graded lot (e.g. to decide --fail-on). */
  onStatuses?: (statuses: readonly ClaimStatus[]) => void;
}

/** Progress on stderr when it is a terminal: lots done, rate, ETA. */
function progress(total: number, quiet: boolean): { tick: () => void; done: () => void } {
  if (quiet || !process.stderr.isTTY || total < 2) return { tick: () => {}, done: () => {} };
  const started = Date.now();
  let done = 0;
  let last = 0;
  const draw = (): void => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(0)}/s  ETA ${eta.toFixed(0)} s `);
  };
  return {
    tick: () => {
      done++;
      if (Date.now() - last > 100) {
        last = Date.now();
        draw();
      }
    },
    done: () => {
      draw();
      process.stderr.write('\n');
    },
  };
}

export async function emitRecords(tasks: TaskList<BatchTask>, opts: RecordOutputOptions, config: EmitConfig): Promise<number> {
  let exitCode: number = EXIT.OK;
  let failures = 0;
  const bar = progress(tasks.length, opts.quiet);
  await loadTaskKinds([config.kind]);
  const render: RenderOptions = { format: config.single && opts.format === 'json' ? 'json-single' : opts.format, colour: colourFor().level > 0 };
  const sink = new RecordSink(render.format, opts.out, config.csvHeader);
  const onResult = (outcome: RenderedOutcome): void => {
    if (outcome.error) {
      failures++;
      process.stderr.write(`${opts.format === 'table' || opts.quiet ? '' : '\r'}poregrade: ${outcome.error}\n`);
    } else {
      exitCode = Math.max(exitCode, outcome.exitCode);
    }
    config.onStatuses?.(outcome.statuses);
    sink.write(outcome.output);
    bar.tick();
  };
  try {
    await runPool<BatchTask, RenderedOutcome>({
      tasks,
      jobs: opts.jobs,
      workerUrl: new URL('../batch/worker.js', import.meta.url),
      workerData: render,
      maxChunkSize: config.maxChunkSize,
      runChunk: (chunk, spare) => runChunk(chunk, render, spare),
      inputFiles: inputFilesOf(config.kind),
      onResult,
      afterResults: () => sink.flush(),
    });
  } catch (error) {
    sink.abort(false);
    throw error;
  }
  sink.close();
  bar.done();
  if (failures > 0) return tasks.length === 1 ? EXIT.INPUT : EXIT.SOME_LOTS_FAILED;
  return exitCode;
}
