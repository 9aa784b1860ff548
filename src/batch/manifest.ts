/**
 * Batch manifests (../shared/docs/lot-format.md): a CSV with one row per lot — a `lot` column, `files.<name>` columns
 * (`files.pigment_psd.<ink>` for one file per ink colour), `values.<name>`, `facts.<name>` (true/false, text, or lists
 * separated by `|`) and `analysis.<name>` — with paths relative to the manifest. Each row becomes the same JSON a lot
 * file holds, so one loader (claims/lot.ts) checks both.
 */
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseDelimited } from '../io/delimited.js';
import type { RawInput } from '../io/input.js';
import { tryParseNumber } from '../io/numbers.js';

export interface ManifestRow {
  /** 1-based line of the row in the manifest. */
  line: number;
  /** The row as lot-file JSON. */
  data: Record<string, unknown>;
}

export interface Manifest {
  file: string;
  /** Directory the row paths are relative to. */
  baseDir: string;
  rows: ManifestRow[];
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
  const { rows, decimalComma } = parseDelimited(input.text, file);
  if (rows.length === 0) throw new InputError('E_EMPTY_FILE', 'the manifest holds no rows', { file });
  const header = rows[0]!.cells;
  const lotColumn = header.indexOf('lot');
  if (lotColumn < 0) throw new InputError('E_MISSING_COLUMN', 'the manifest has no "lot" column', { file, line: rows[0]!.line }, 'the first row names the columns: lot, files.isotherm, values.…, facts.…');
  header.forEach((name, i) => {
    if (i !== lotColumn && !SECTIONS.some((s) => name.startsWith(`${s}.`))) {
      throw new InputError('E_MISSING_COLUMN', `column "${name}" is not lot, files.*, values.*, facts.* or analysis.*`, { file, line: rows[0]!.line, field: name });
    }
  });
  if (rows.length === 1) throw new InputError('E_NO_DATA', 'the manifest names its columns but lists no lots', { file, line: rows[0]!.line });
  const result: ManifestRow[] = [];
  for (const row of rows.slice(1)) {
    const data: Record<string, Record<string, unknown> | string> = { files: {}, values: {}, facts: {}, analysis: {} };
    header.forEach((name, i) => {
      const cell = (row.cells[i] ?? '').trim();
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
    result.push({ line: row.line, data });
  }
  return { file, baseDir: file === '-' ? process.cwd() : dirname(resolve(file)), rows: result };
}
