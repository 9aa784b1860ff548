/**
 * Typed errors. Every error a user can cause carries what they need to fix it: the file, the line or field, what
 * was wrong, and a hint. The CLI prints `format()` as one line and exits with `exitCode`; nothing else is printed.
 */
import { EXIT } from './exit-codes.js';

/** The error codes, with what each means and how to fix it. README's "Limits and errors" is generated from this. */
export const ERROR_CODES = {
  E_USAGE: { meaning: 'a command-line option or argument is invalid', fix: 'see `poregrade <command> --help`' },
  E_FILE_NOT_FOUND: { meaning: 'the file does not exist or cannot be read', fix: 'check the path (relative paths in lot files and manifests are relative to that file)' },
  E_FILE_IS_DIRECTORY: { meaning: 'the path names a directory, not a file', fix: 'name the file inside it' },
  E_FILE_TOO_LARGE: { meaning: 'the file is larger than --max-file-size', fix: 'raise --max-file-size if the file is genuine' },
  E_SHEET_TOO_LARGE: { meaning: 'a spreadsheet sheet declares a range of more than a million cells (or 100,000 rows)', fix: 'copy the data into a fresh sheet and save again' },
  E_TOO_MANY_POINTS: { meaning: 'more points than any instrument measures on one isotherm or distribution', fix: 'split the file; one isotherm per file' },
  E_EMPTY_FILE: { meaning: 'the file is empty or holds only blank lines', fix: 'export the data again' },
  E_BINARY: { meaning: 'the file is binary data that no reader understands', fix: 'export as text (CSV) or a supported spreadsheet' },
  E_ENCODING: { meaning: 'the text encoding is broken (e.g. truncated UTF-16)', fix: 'export again as UTF-8' },
  E_UNKNOWN_FORMAT: { meaning: 'no reader recognises the layout', fix: 'see `poregrade formats`; --input-format forces a reader' },
  E_NO_DATA: { meaning: 'a header was found but no data rows follow it', fix: 'export the data table, not only the header' },
  E_MISSING_COLUMN: { meaning: 'a required column is missing', fix: 'name the columns as `poregrade formats` shows' },
  E_BAD_NUMBER: { meaning: 'a cell that must hold a number holds text, NaN, Infinity or an out-of-range value', fix: 'correct the cell' },
  E_ROW_LENGTH: { meaning: 'a data row has fewer cells than the header', fix: 'complete or remove the row' },
  E_UNKNOWN_UNIT: { meaning: 'a unit is missing or not recognised', fix: 'name the unit in the header, or pass --loading-unit / --pressure-unit' },
  E_MISSING_P0: { meaning: 'absolute pressures without a saturation pressure p0', fix: 'add a p0 column or pass --p0 VALUE[UNIT]' },
  E_MISSING_MASS: { meaning: 'total (not per-gram) amounts without a sample mass', fix: 'pass --mass GRAMS' },
  E_PRESSURE_RANGE: { meaning: 'a relative pressure is negative or above 1.1', fix: 'check the pressure column and its p0' },
  E_NEGATIVE_LOADING: { meaning: 'an amount adsorbed is negative', fix: 'check the loading column' },
  E_DUPLICATE_PRESSURE: { meaning: 'two points of one branch have the same relative pressure', fix: 'remove the repeated row' },
  E_TOO_FEW_POINTS: { meaning: 'too few points for the requested analysis', fix: 'measure more points or choose another range' },
  E_UNSORTED_PRESSURE: { meaning: 'pressures go up and down more than once, so the branches cannot be told apart', fix: 'sort the rows in measurement order, or add a Branch column' },
  E_BAD_BRANCH: { meaning: 'a branch label is not adsorption/desorption', fix: 'use ads/des, adsorption/desorption or a/d' },
  E_BAD_JSON: { meaning: 'the JSON is malformed or has the wrong shape', fix: 'correct the JSON at the position named' },
  E_NO_BET_RANGE: { meaning: 'no BET range satisfies the consistency criteria', fix: 'inspect the criteria report; a fixed --bet-range overrides' },
  E_BET_RANGE: { meaning: 'the fixed BET range holds too few points or gives a negative C', fix: 'widen --bet-range or use auto' },
  E_NO_BRANCH: { meaning: 'the analysis asks for an isotherm branch the file does not have', fix: 'choose the branch the file has (e.g. --bjh-branch adsorption) or leave the default auto' },
  E_THICKNESS_TABLE: { meaning: 'a thickness table is not a usable t(p/p0) curve', fix: 'two columns, p/p0 strictly increasing in (0, 1) and t in Å never decreasing, one pair a line' },
  E_NO_VENDOR_BET: { meaning: '--bet-range vendor on a file that carries no vendor BET points', fix: 'use auto or a fixed range' },
  E_VENDOR_BET_MISMATCH: { meaning: '--bet-range vendor: a BET point the report lists is not (or not unambiguously) one of the isotherm\'s adsorption points', fix: 'check that report and isotherm belong together; use auto or a fixed range' },
  E_JSON_TOO_DEEP: { meaning: 'a JSON file nests objects or arrays deeper than any lot or claim set needs', fix: 'check the file is the lot or claim set you meant; real ones nest fewer than 20 levels' },
  E_LOT_FIELD: { meaning: 'a field of the lot file has the wrong type or an impossible value', fix: 'correct the field named (see lot-format.md or `poregrade lot template`)' },
  E_CLAIM_SET: { meaning: 'a claim-set file breaks its schema or names an unknown quantity, a bad expression, a parent cycle or a window without units', fix: 'run `poregrade claims validate FILE` for every problem, with the claim and element' },
  E_UNKNOWN_CLAIM_SET: { meaning: '--claims names neither a built-in claim set nor a file', fix: 'see `poregrade claims list`, or give the path of a claim-set file' },
  E_DUPLICATE_CLAIM_SET: { meaning: 'two claim sets given to one command share an id', fix: 'give each set once, or change the id of your copy' },
  E_UNKNOWN_BASIS: { meaning: 'the file does not say what its size fractions count (number, volume, …)', fix: 'name the basis in the column header (e.g. "Number (%)") or pass --basis' },
  E_NEGATIVE_FRACTION: { meaning: 'a count, percentage or density of a size class is negative', fix: 'correct the cell' },
  E_ZERO_DISTRIBUTION: { meaning: 'every size class holds zero: there is no distribution to analyse', fix: 'export the distribution itself, not an empty record' },
  E_UNSORTED_SIZES: { meaning: 'the sizes are neither strictly ascending nor strictly descending, or two classes overlap', fix: 'sort the rows by size and remove repeated sizes' },
  E_MIXED_UNITS: { meaning: 'sizes in one file are given in different units', fix: 'give every size in the same unit' },
  E_BAD_SIZE: { meaning: 'a particle size or class limit is zero or negative', fix: 'correct the size cell' },
  E_BAD_CUMULATIVE: { meaning: 'a cumulative (undersize or oversize) column runs the wrong way', fix: 'check that the column is cumulative and not per class' },
  E_TOO_FEW_BINS: { meaning: 'too few size classes or particles to define a distribution', fix: 'give at least two class points, the limits of each class, or at least one particle' },
  E_NO_SUCH_RECORD: { meaning: 'the record chosen with --record is not in the file', fix: 'choose a record number the file holds, or --record mean' },
  E_RECORDS_DIFFER: { meaning: 'the records of the file use different size classes and cannot be averaged', fix: 'choose one record with --record' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorLocation {
  /** The file the problem is in ('-' for standard input). */
  file?: string;
  /** 1-based line number in the decoded text, or the spreadsheet row. */
  line?: number;
  /** Column name, JSON path, option name or spreadsheet cell. */
  field?: string;
}

export class PoregradeError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly hint: string;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, where: ErrorLocation = {}, hint?: string, exitCode: number = EXIT.INPUT) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
    this.hint = hint ?? ERROR_CODES[code].fix;
    this.exitCode = exitCode;
  }

  /** One line: `file:line: [field] message (CODE) — hint`. */
  format(): string {
    const place = [this.file, this.line].filter((p) => p !== undefined).join(':');
    const field = this.field ? `${this.field}: ` : '';
    return `${place ? place + ': ' : ''}${field}${this.message} (${this.code}) — ${this.hint}`;
  }

  toJSON(): { code: ErrorCode; message: string; file: string | null; line: number | null; field: string | null; hint: string } {
    return { code: this.code, message: this.message, file: this.file ?? null, line: this.line ?? null, field: this.field ?? null, hint: this.hint };
  }
}

/** The input file is malformed or its basis cannot be known. */
export class InputError extends PoregradeError {}

/** The command line is wrong. */
export class UsageError extends PoregradeError {
  constructor(message: string, field?: string, hint?: string) {
    super('E_USAGE', message, field === undefined ? {} : { field }, hint, EXIT.INPUT);
  }
}

/** The data are readable but the requested analysis cannot be done (e.g. no BET range qualifies). */
export class AnalysisError extends PoregradeError {}

/** Adds the file name to an error raised where it was not known (e.g. inside a pure parser). */
export function withFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PoregradeError && error.file === undefined) {
      (error as { file: string | undefined }).file = file;
    }
    throw error;
  }
}
