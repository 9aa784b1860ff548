/** Process exit codes, documented in README and `--help`. */
export const EXIT = {
  /** Everything asked for was computed (for `grade`/`batch`: all lots graded). */
  OK: 0,
  /** `--fail-on not_met|undetermined` and at least one lot has such a claim. */
  CLAIM_FAILED: 1,
  /** Usage error, or an input file that cannot be read. */
  INPUT: 2,
  /** Batch: some lots could not be read or analysed (their records say why). */
  SOME_LOTS_FAILED: 3,
  /** The analysis could not be done on readable data: no BET range satisfies the consistency criteria. */
  NO_BET_RANGE: 4,
} as const;
