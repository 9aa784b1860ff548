/**
 * Batch manifests (../shared/docs/lot-format.md): a CSV with one row per lot — a `lot` column, `files.<name>` columns
 * (`files.pigment_psd.<ink>` for one file per ink colour), `values.<name>`, `facts.<name>` (true/false, text, or lists
 * separated by `|`) and `analysis.<name>` — with paths relative to the manifest. Each row becomes the same JSON a lot
 * file holds, so one loader (claims/lot.ts) checks both.
 */
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { forEachDelimitedRow, hasDecimalCommaNumber, splitLine } from '../io/delimited.js';
import type { RawInput } from '../io/input.js';
import { tryParseNumber } from '../io/numbers.js';

export interface ManifestRow {
  /** 1-based line of the row in the manifest. */
  line: number;
  /** The row as lot-file JSON. */
  data: Record<string, unknown>;
}

/**
 * A parsed manifest. Its rows are kept as their lines of text (cells only where quotes made csv-parse split them)
 * and turned into lot JSON when asked for: as objects they took ~730 bytes a lot, so that a 100,000-lot batch held
 * 73 MB of rows for its whole run; as lines they are views of the manifest's text.
 */
export class Manifest {
  constructor(
    readonly file: string,
    /** Directory the row paths are relative to. */
    readonly baseDir: string,
    private readonly header: readonly string[],
    private readonly delimiter: string,
    private readonly decimalComma: boolean,
    private readonly lines: readonly number[],
    private readonly rows: readonly (string | readonly string[])[],
  ) {}

  /** Lot rows (the header not counted). */
  get length(): number {
    return this.rows.length;
  }

  /** The lot row at `index` (0-based). */
  row(index: number): ManifestRow {
    const row = this.rows[index]!;
    return { line: this.lines[index]!, data: rowData(this.header, typeof row === 'string' ? splitLine(row, this.delimiter) : row, this.decimalComma) };
  }
}

const SECTIONS = ['files', 'values', 'facts', 'analysis'] as const;

function factValue(cell: string): boolean | string | string[] {
  const lower = cell.toLowerCase();
  if (lower === 'true' || lower === 'yes') return true;
  if (lower === 'false' || lower === 'no') return false;
  return cell.includes('|') ? cell.split('|').map((s) => s.trim()).filter((s) => s !== '') : cell;
}

export function parseManifest(input: RawInput): Manifest {
  const file = input.file;
  let header: readonly string[] | null = null;
  let headerLine = 0;
  let decimalCommaSeen = false;
  const lines: number[] = [];
  const rows: (string | readonly string[])[] = [];
  const delimiter = forEachDelimitedRow(input.text, file, (row) => {
    if (header === null) {
      checkHeader(row.cells, file, row.line);
      header = row.cells;
      headerLine = row.line;
      return;
    }
    decimalCommaSeen ||= hasDecimalCommaNumber(row.cells);
    lines.push(row.line);
    rows.push(row.source ?? row.cells);
  });
  if (header === null) throw new InputError('E_EMPTY_FILE', 'the manifest holds no rows', { file });
  if (rows.length === 0) throw new InputError('E_NO_DATA', 'the manifest names its columns but lists no lots', { file, line: headerLine });
  return new Manifest(file, file === '-' ? process.cwd() : dirname(resolve(file)), header, delimiter, delimiter !== ',' && decimalCommaSeen, lines, rows);
}

function checkHeader(header: readonly string[], file: string, line: number): void {
  const lotColumn = header.indexOf('lot');
  if (lotColumn < 0) throw new InputError('E_MISSING_COLUMN', 'the manifest has no "lot" column', { file, line }, 'the first row names the columns: lot, files.isotherm, values.…, facts.…');
  header.forEach((name, i) => {
    if (i !== lotColumn && !SECTIONS.some((s) => name.startsWith(`${s}.`))) {
      throw new InputError('E_MISSING_COLUMN', `column "${name}" is not lot, files.*, values.*, facts.* or analysis.*`, { file, line, field: name });
    }
  });
}

/** A manifest row's cells → the JSON a lot file holds (claims/lot.ts checks both alike). */
function rowData(header: readonly string[], cells: readonly string[], decimalComma: boolean): Record<string, unknown> {
  const lotColumn = header.indexOf('lot');
  const data: Record<string, Record<string, unknown> | string> = { files: {}, values: {}, facts: {}, analysis: {} };
  header.forEach((name, i) => {
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    if (i === lotColumn) {
      data.lot = cell;
      return;
    }
    const [section, ...rest] = name.split('.');
    const key = rest.join('.');
    const target = data[section!] as Record<string, unknown>;
    if (section === 'files' && key.startsWith('pigment_psd.')) {
      const inks = (target.pigment_psd ??= {}) as Record<string, string>;
      inks[key.slice('pigment_psd.'.length)] = cell;
    } else if (section === 'values') {
      target[key] = tryParseNumber(cell, decimalComma) ?? cell; // a non-number is refused, with its field, by the lot loader
    } else if (section === 'facts') {
      target[key] = factValue(cell);
    } else if (section === 'analysis') {
      target[key] = tryParseNumber(cell, decimalComma) ?? factValue(cell);
    } else {
      target[key] = cell;
    }
  });
  return data;
}
