/**
 * Lot files (../shared/docs/lot-format.md): one coating lot's measurement files, declared recipe and process
 * values, qualitative facts and analysis settings. Paths are resolved against the lot file's folder and checked
 * here, so a typo is reported against its field before any analysis runs. `null` anywhere means "not given" (the
 * template writes nulls to fill in). Whether a name is one some claim set reads is decided later, against the sets
 * (lot-names.ts): unknown names are warnings, not errors.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { isJsonObject, readJsonFile } from './json-file.js';

export interface LotFileRef {
  /** Absolute path. */
  readonly path: string;
  /** As written in the lot file. */
  readonly given: string;
  /** "files.isotherm", "files.pigment_psd.cyan". */
  readonly field: string;
}

export interface LotFiles {
  readonly isotherm?: LotFileRef;
  /** Per ink colour; a single file stands for the ink "pigment". */
  readonly pigment_psd?: Readonly<Record<string, LotFileRef>>;
  readonly polymer_particle_psd?: LotFileRef;
  readonly resin_particle_psd?: LotFileRef;
}

export const LOT_FILE_NAMES = ['isotherm', 'pigment_psd', 'polymer_particle_psd', 'resin_particle_psd'] as const;

/** The ink name used when files.pigment_psd is one file rather than a map colour → file. */
export const SINGLE_PIGMENT_INK = 'pigment';

export interface DeclaredValue {
  readonly value: number;
  /** Declared standard uncertainty ({"value": 35, "tolerance": 2}), or null. */
  readonly tolerance: number | null;
}

export type FactValue = boolean | string | readonly string[];

export interface LotFile {
  /** The lot file as named on the command line. */
  readonly file: string;
  readonly lot: string;
  readonly files: LotFiles;
  readonly values: ReadonlyMap<string, DeclaredValue>;
  readonly facts: ReadonlyMap<string, FactValue>;
  /** Per-lot analysis settings, as written (the analysis and settings.ts interpret them). */
  readonly analysis: ReadonlyMap<string, string | number | boolean>;
  readonly warnings: readonly string[];
}

const TOP_LEVEL = ['lot', 'files', 'values', 'facts', 'analysis', 'descriptions'];

/** Reads and checks a lot file; paths must name existing files. */
export function loadLot(file: string): LotFile {
  const data = readJsonFile(file, 'lot file');
  const baseDir = file === '-' ? process.cwd() : dirname(resolve(file));
  return parseLot(data, file, baseDir);
}

/** Checks parsed lot JSON; `baseDir` is where relative paths start. */
export function parseLot(data: unknown, file: string, baseDir: string): LotFile {
  const fail = (field: string, message: string): never => {
    throw new InputError('E_LOT_FIELD', message, { file, field });
  };
  if (!isJsonObject(data)) return fail('(top level)', 'a lot file is a JSON object ({"lot": …, "files": …, "values": …, "facts": …})');
  const warnings: string[] = [];
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL.includes(key)) warnings.push(`unknown top-level name "${key}" ignored (known: ${TOP_LEVEL.join(', ')})`);
  }

  const id = data.lot ?? null;
  if (id !== null && (typeof id !== 'string' || id.trim() === '')) fail('lot', 'the lot id must be a non-empty string');
  const lot = typeof id === 'string' ? id : basename(file).replace(/\.json$/i, '');

  const section = (name: string): [string, unknown][] => {
    const value = data[name] ?? null;
    if (value === null) return [];
    if (!isJsonObject(value)) return fail(name, `"${name}" must be an object of name → value`);
    return Object.entries(value).filter(([, v]) => v !== null);
  };

  const fileRef = (given: unknown, field: string): LotFileRef => {
    if (typeof given !== 'string' || given.trim() === '') return fail(field, 'must be the path of a file (a non-empty string), relative to the lot file');
    const path = resolve(baseDir, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new InputError('E_FILE_NOT_FOUND', `"${given}" does not exist (looked for ${path})`, { file, field }, 'paths in a lot file are relative to the lot file');
    }
    if (isDirectory) throw new InputError('E_FILE_IS_DIRECTORY', `"${given}" is a directory, not a file`, { file, field });
    return { path, given, field };
  };

  const files: Record<string, LotFileRef | Record<string, LotFileRef>> = {};
  for (const [name, given] of section('files')) {
    const field = `files.${name}`;
    if (!(LOT_FILE_NAMES as readonly string[]).includes(name)) {
      warnings.push(`${field} is not a file any analysis reads (known: ${LOT_FILE_NAMES.join(', ')}); ignored`);
    } else if (name === 'pigment_psd') {
      if (isJsonObject(given)) {
        const inks = Object.entries(given).filter(([, v]) => v !== null);
        if (inks.length === 0) fail(field, 'names no ink: give one file, or a map colour → file');
        files[name] = Object.fromEntries(inks.map(([ink, p]) => [ink, fileRef(p, `${field}.${ink}`)]));
      } else files[name] = { [SINGLE_PIGMENT_INK]: fileRef(given, field) };
    } else files[name] = fileRef(given, field);
  }

  const values = new Map<string, DeclaredValue>();
  for (const [name, raw] of section('values')) values.set(name, declaredValue(raw, `values.${name}`, fail));

  const facts = new Map<string, FactValue>();
  for (const [name, raw] of section('facts')) {
    const field = `facts.${name}`;
    if (typeof raw === 'boolean' || typeof raw === 'string') facts.set(name, raw);
    else if (Array.isArray(raw) && raw.every((item): item is string => typeof item === 'string')) facts.set(name, raw);
    else fail(field, 'a fact is true/false, a string, or a list of strings');
  }

  const analysis = new Map<string, string | number | boolean>();
  for (const [name, raw] of section('analysis')) {
    if (typeof raw === 'string' || typeof raw === 'boolean' || (typeof raw === 'number' && Number.isFinite(raw))) analysis.set(name, raw);
    else fail(`analysis.${name}`, 'an analysis setting is a string, a number or true/false');
  }

  return { file, lot, files: files as LotFiles, values, facts, analysis, warnings };
}

/** JSON.parse turns 1e999 into Infinity, so finiteness is checked here, not assumed. */
function declaredValue(raw: unknown, field: string, fail: (field: string, message: string) => never): DeclaredValue {
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (finite(raw)) return { value: raw, tolerance: null };
  if (isJsonObject(raw)) {
    const extra = Object.keys(raw).filter((k) => k !== 'value' && k !== 'tolerance');
    if (extra.length > 0) fail(field, `unknown name "${extra[0]}": a value with a tolerance is {"value": 35, "tolerance": 2}`);
    const tolerance = raw.tolerance ?? null;
    if (!finite(raw.value)) fail(`${field}.value`, 'must be a finite number');
    if (tolerance !== null && (!finite(tolerance) || tolerance < 0)) fail(`${field}.tolerance`, 'must be a number ≥ 0 (the standard uncertainty, in the value\'s unit)');
    return { value: raw.value as number, tolerance: tolerance as number | null };
  }
  return fail(field, `must be a finite number${typeof raw === 'string' ? ` (found the string "${raw}"; remove the quotes and any unit — the unit is in the name)` : ''}, or {"value": …, "tolerance": …}`);
}
