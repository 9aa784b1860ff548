/**
 * A kind of task the pool runs (analyze an isotherm, read a particle-size file, grade a lot): how to run one and how
 * to write its record in each output format. Each kind lives with its task module and is loaded only when a command
 * uses it, so that one `analyze` call does not load the claim sets and particle-size readers (~40 modules).
 */
import type { ChalkInstance } from 'chalk';
import type { ClaimStatus } from '../claims/grade.js';
import { PoregradeError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

export interface TaskOutcome {
  record: Record<string, unknown>;
  exitCode: number;
  /** The one-line error, when the task failed. */
  error?: string;
}

/** Wraps a task so that input errors become error records; anything else is a bug and propagates. */
export function errorOutcome(schema: string, file: string, error: unknown, extra: Record<string, unknown> = {}): TaskOutcome {
  if (!(error instanceof PoregradeError)) throw error;
  return { record: { schema, ...extra, input: { file }, error: error.toJSON() }, exitCode: EXIT.INPUT, error: error.format() };
}

export interface TaskKind<TTask> {
  run(task: TTask): TaskOutcome;
  /** The record's rows in the flat CSV view, as text (each row ends with a line feed). */
  csv(task: TTask, record: Record<string, unknown>): string;
  /** The terminal view of a record that is not an error. */
  table(record: Record<string, unknown>, chalk: ChalkInstance): string;
  /** The record's JSON as UTF-8, when the kind writes it faster than JSON.stringify (see output/grade-json.ts). */
  json?(record: Record<string, unknown>, lineEnd: string): Uint8Array;
  /** Lets json() reuse its memory once a chunk's records have been packed. */
  afterChunk?(): void;
  /** The claim statuses a record reached (for --fail-on). */
  statuses?(record: Record<string, unknown>): ClaimStatus[];
  /**
   * The files the task will read, to be read ahead (io/read-ahead.ts). Grading leaves it out: its lots read two
   * files each against ~0.5 ms of work, so read-ahead gained 5 % on files read cold and nothing on cached ones, for
   * ~10 MB more at a batch's peak, which sits near 200 MB.
   */
  inputFiles?(task: TTask): readonly string[];
}
