/** `poregrade batch MANIFEST.csv | DIR | GLOB...`: grade many lots for a LIMS, in parallel, one record per lot. */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { expandInputs } from '../batch/expand-inputs.js';
import type { GradeTask } from '../batch/grade-task.js';
import { parseManifest, type Manifest } from '../batch/manifest.js';
import type { TaskList } from '../batch/pool.js';
import type { ClaimStatus } from '../claims/grade.js';
import { PoregradeError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { readInput } from '../io/input.js';
import { BATCH_CSV_HEADER } from '../output/batch-record.js';
import { claimsOption, parseFailOn } from './grade.js';
import { addRecordOutputOptions, emitRecords, type RecordOutputOptions } from './record-output.js';

interface BatchOptions extends RecordOutputOptions {
  claims: string[];
  failOn?: ClaimStatus[];
  reportDir?: string;
}

/**
 * One HTML report per lot and an index page linking them with their verdicts. Reports are drawn after the records
 * are out, in this thread (rendering dominates: ~150 ms a report against a few ms to grade the lot again).
 */
async function writeReports(dir: string, tasks: GradeTasks, claims: string[], version: string): Promise<void> {
  const [{ writeBatchReports }, { gradedSourceOf }, { loadLot, parseLot }] = await Promise.all([import('../output/report/batch-reports.js'), import('./report.js'), import('../claims/lot.js')]);
  async function* lots() {
    for (const task of tasks) {
      const { source } = task;
      const where = 'lotFile' in source ? source.lotFile : `${source.manifest}:${source.line}`;
      try {
        const lot = 'lotFile' in source ? loadLot(source.lotFile) : parseLot(source.data, where, source.baseDir);
        yield { lot: lot.lot, source: gradedSourceOf(lot, claims, { version, generatedAt: null, lotBytes: null }) };
      } catch (error) {
        if (!(error instanceof PoregradeError)) throw error;
        yield { lot: where, error: error.format() };
      }
    }
  }
  await writeBatchReports(dir, lots(), { version, generatedAt: null });
}

/**
 * Lot files or manifests named on the command line → one task per lot, numbered in input order. Manifest rows become
 * tasks only a chunk at a time, so a batch's memory does not grow with its number of lots.
 */
class GradeTasks implements TaskList<GradeTask>, Iterable<GradeTask> {
  /** In input order; `start` is the index of the segment's first lot. */
  private readonly segments: ({ start: number; lotFile: string } | { start: number; manifest: Manifest })[] = [];
  readonly length: number;

  constructor(
    inputs: string[],
    private readonly claims: string[],
  ) {
    let count = 0;
    for (const path of expandInputs(inputs, (name) => extname(name).toLowerCase() === '.json')) {
      if (extname(path).toLowerCase() === '.csv') {
        const manifest = parseManifest(readInput(path));
        this.segments.push({ start: count, manifest });
        count += manifest.length;
      } else {
        this.segments.push({ start: count++, lotFile: path });
      }
    }
    this.length = count;
  }

  slice(start: number, end: number): GradeTask[] {
    const tasks: GradeTask[] = [];
    let s = this.segmentOf(start);
    for (let index = start; index < Math.min(end, this.length); index++) {
      while (s + 1 < this.segments.length && this.segments[s + 1]!.start <= index) s++;
      const segment = this.segments[s]!;
      if ('lotFile' in segment) {
        tasks.push({ kind: 'grade', index, source: { lotFile: segment.lotFile }, claims: this.claims });
      } else {
        const { manifest } = segment;
        const row = manifest.row(index - segment.start);
        tasks.push({ kind: 'grade', index, source: { manifest: manifest.file, line: row.line, baseDir: manifest.baseDir, data: row.data }, claims: this.claims });
      }
    }
    return tasks;
  }

  *[Symbol.iterator](): Iterator<GradeTask> {
    for (let start = 0; start < this.length; start += 256) yield* this.slice(start, start + 256);
  }

  /** The last segment starting at or before `index` (binary search: a folder of lot files has one per lot). */
  private segmentOf(index: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.segments[middle]!.start <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

export function registerBatch(program: Command): void {
  const command = program
    .command('batch')
    .description('grade many coating lots: a manifest CSV, a folder of lot files, or lot files by glob; one record per lot, streamed in input order')
    .argument('<inputs...>', 'manifest .csv files, folders of lot .json files, lot files, or quoted glob patterns')
    .addOption(claimsOption())
    .option('--fail-on <statuses>', 'exit 1 when some lot has a claim with one of these statuses: not_met, undetermined, or both comma-separated', parseFailOn)
    .option('--report-dir <dir>', 'also write one self-contained HTML report per lot there, and index.html linking them with their verdicts');
  addRecordOutputOptions(command, 'ndjson');
  command.addHelpText(
    'after',
    `
Records: NDJSON (default; one lot a line, schema poregrade/batch-record@1, with its index and lot id), one JSON array
(--format json) or a flat CSV, one row per lot and claim (--format csv); always in input order, so --jobs never changes
the output. A lot that cannot be read gets an error record naming the file; the others are graded regardless.

Exit codes: 0 all lots graded; 1 --fail-on matched; 2 usage error or unreadable manifest; 3 some lots could not be
read (their records say why).

Examples:
  poregrade batch lots.csv --out results.ndjson
  poregrade batch lots/ --format csv --out results.csv --jobs 2
  poregrade batch 'plant-a/*.json' --claims alumina-pigment-ink --fail-on not_met
  poregrade batch lots/ --report-dir reports/         # plus reports/index.html and one report per lot`,
  );
  command.action(async (inputs: string[], opts: BatchOptions) => {
    const tasks = new GradeTasks(inputs, opts.claims);
    let failOnMatched = false;
    const failOn = opts.failOn ?? [];
    const exitCode = await emitRecords(tasks, opts, {
      kind: 'grade',
      single: false,
      csvHeader: BATCH_CSV_HEADER,
      // A graded lot's JSON record is ~80 kB: chunks of 8 lots (~12 ms of work, against ~0.1 ms a message) keep the
      // chunks that wait for their turn to a few MB rather than 32 lots' ~3 MB each.
      maxChunkSize: 8,
      onStatuses: (statuses) => {
        if (failOn.some((status) => statuses.includes(status))) failOnMatched = true;
      },
    });
    if (opts.reportDir) await writeReports(opts.reportDir, tasks, opts.claims, program.version() ?? 'unknown');
    process.exitCode = exitCode === EXIT.OK && failOnMatched ? EXIT.CLAIM_FAILED : exitCode;
  });
}
