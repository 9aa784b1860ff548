/**
 * Per-particle lists from microscopy: one diameter per row ("Diameter (nm)", or bare numbers with --size-unit), or
 * ImageJ "Analyze Particles" results (columns Area, Feret, MinFeret … in the calibrated unit, which the file does
 * not name). Each particle becomes a diameter — by default the equivalent circle diameter √(4·Area/π) — and the
 * particles are counted on a geometric grid of classes with limits 10^(k/B) nm, B classes per decade, so the same
 * grid serves every file. The result is a number distribution by construction.
 */
import { InputError } from '../../errors.js';
import type { DelimitedRow } from '../delimited.js';
import { parseNumber, tryParseNumber } from '../numbers.js';
import { buildDistribution, MAX_CLASSES } from './build.js';
import { classifyHeader } from './headers.js';
import type { ParticleSizeMeasure, PsdReadOptions, PsdReader } from './reader.js';
import { parseSizeUnit, sizeUnitInHeader, type SizeUnit } from './size-units.js';
import { sourceTable, tableOrReason, type SourceTable } from './table-source.js';

export const DEFAULT_BINS_PER_DECADE = 50;

const IMAGEJ_COLUMNS: Record<ParticleSizeMeasure, string> = { area: 'Area', feret: 'Feret', minferet: 'MinFeret' };

function isImageJHeader(cells: string[]): boolean {
  const names = new Set(cells.map((c) => c.trim()));
  return names.has('Area') && ['Feret', 'MinFeret', 'Perim.', 'Circ.', 'Major', 'Mean', 'X', 'Y'].some((n) => names.has(n));
}

/** A plain list: one size column (header with or without unit, or no header at all), nothing else numeric. */
function plainListColumn(table: SourceTable): { header: number | null; column: number } | null {
  const first = table.sequence.at(0);
  if (!first) return null;
  const roles = first.cells.map(classifyHeader);
  const sizeColumns = roles.flatMap((r, i) => (r.role === 'size' ? [i] : []));
  if (sizeColumns.length === 1 && !roles.some((r) => r.role === 'value')) return { header: 0, column: sizeColumns[0]! };
  const column = loneNumberColumn(first, table.decimalComma);
  const bare = column !== null && table.rows.every((r) => loneNumberColumn(r, table.decimalComma) !== null);
  return bare ? { header: null, column } : null;
}

/** The column of a row's only non-blank cell when that cell is a number; null for any other row. */
function loneNumberColumn(row: DelimitedRow, decimalComma: boolean): number | null {
  let column: number | null = null;
  for (let i = 0; i < row.cells.length; i++) {
    if (row.cells[i]!.trim() === '') continue;
    // A second filled cell: not a list, whatever the cells hold (so a table's header costs no number parsing).
    if (column !== null) return null;
    column = i;
  }
  return column !== null && tryParseNumber(row.cells[column]!, decimalComma) !== null ? column : null;
}

export const particleListReader: PsdReader = {
  id: 'particle-list',
  description: 'per-particle lists: one diameter per row, or ImageJ "Analyze Particles" results (Area → circle diameter, Feret, MinFeret)',
  extensions: ['.csv', '.txt', '.xls'],
  detect(input) {
    const table = tableOrReason(input);
    if (typeof table === 'string') return { score: 0, reason: table };
    const first = table.sequence.at(0);
    if (first && isImageJHeader(first.cells)) return { score: 0.7, reason: 'ImageJ results header (Area with Feret, Perim. …)' };
    if (plainListColumn(table)) return { score: 0.4, reason: 'one column of particle sizes' };
    return { score: 0, reason: 'neither an ImageJ results table nor a single column of particle sizes' };
  },
  read(input, options) {
    const { file } = input;
    const table = sourceTable(input);
    const assumptions: string[] = [];
    const imagej = table.rows[0] !== undefined && isImageJHeader(table.rows[0].cells);
    const { diametersNm, column } = imagej ? imageJDiameters(table, file, options, assumptions) : listDiameters(table, file, options);
    if (options.basis && options.basis !== 'number') assumptions.push(`--basis ${options.basis} ignored: a list of particles is a number distribution`);
    const binsPerDecade = options.binsPerDecade ?? DEFAULT_BINS_PER_DECADE;
    const { edgesNm, counts } = countOnGeometricGrid(diametersNm, binsPerDecade, file);
    assumptions.push(`${diametersNm.length} particles (column "${column}") counted on a geometric grid of ${binsPerDecade} classes per decade (limits 10^(k/${binsPerDecade}) nm)`);
    return buildDistribution({
      file,
      format: imagej ? 'imagej' : 'particle-list',
      edgesNm,
      primary: { basis: 'number', values: counts, column: `count of ${column}` },
      metadata: { ...(imagej ? { instrument: 'ImageJ Analyze Particles' } : {}), extra: { particles: String(diametersNm.length) } },
      assumptions,
    });
  },
};

interface Diameters {
  diametersNm: number[];
  column: string;
}

function givenUnit(options: PsdReadOptions, file: string, what: string): SizeUnit {
  const unit = options.sizeUnit ? parseSizeUnit(options.sizeUnit) : null;
  if (unit) return unit;
  if (options.sizeUnit) throw new InputError('E_UNKNOWN_UNIT', `--size-unit ${options.sizeUnit} is not a size unit`, { field: '--size-unit' }, 'use nm, µm (or um) or mm');
  throw new InputError('E_UNKNOWN_UNIT', `${what} name no unit`, { file }, 'pass --size-unit with the unit the sizes are in (for ImageJ, the unit the image was calibrated in)');
}

function positiveSize(cell: string, where: { file: string; line: number; field: string }, decimalComma: boolean): number {
  const value = parseNumber(cell, where, decimalComma);
  if (!(value > 0)) throw new InputError('E_BAD_SIZE', `particle size ${cell.trim()} is not positive`, where, 'remove the row or correct the cell');
  return value;
}

/** A diameter converted to nm must stay a finite number (1.8e308 µm does not): the grid is indexed by its log. */
function finiteNm(diameterNm: number, cell: string, where: { file: string; line: number; field: string }): number {
  if (!Number.isFinite(diameterNm)) throw new InputError('E_BAD_SIZE', `particle size ${cell.trim()} is too large to be converted to nm`, where, 'correct the cell or --size-unit');
  return diameterNm;
}

function imageJDiameters(table: SourceTable, file: string, options: PsdReadOptions, assumptions: string[]): Diameters {
  const header = table.rows[0]!.cells.map((c) => c.trim());
  const measure = options.particleSize ?? 'area';
  if (!header.includes(IMAGEJ_COLUMNS[measure])) {
    throw new InputError('E_MISSING_COLUMN', `ImageJ results have no "${IMAGEJ_COLUMNS[measure]}" column`, { file, line: table.rows[0]!.line }, 'tick it in Analyze ▸ Set Measurements, or choose another --particle-size');
  }
  const column = header.indexOf(IMAGEJ_COLUMNS[measure]);
  const unit = givenUnit(options, file, 'ImageJ results');
  if (measure === 'area') assumptions.push(`diameter = √(4·Area/π), the equivalent circle diameter; Area taken in ${unit.name}² (--size-unit)`);
  else assumptions.push(`diameter = ${IMAGEJ_COLUMNS[measure]} in ${unit.name} (--size-unit)`);
  const diametersNm = table.rows.slice(1).map((row) => {
    const where = { file, line: row.line, field: header[column]! };
    const value = positiveSize(row.cells[column] ?? '', where, table.decimalComma);
    return finiteNm((measure === 'area' ? Math.sqrt((4 * value) / Math.PI) : value) * unit.toNm, row.cells[column] ?? '', where);
  });
  if (diametersNm.length === 0) throw new InputError('E_TOO_FEW_BINS', 'the ImageJ results list no particles', { file });
  return { diametersNm, column: header[column]! };
}

function listDiameters(table: SourceTable, file: string, options: PsdReadOptions): Diameters {
  const found = plainListColumn(table);
  if (!found) throw new InputError('E_MISSING_COLUMN', 'expected one column of particle sizes', { file }, 'give one size per row under a header such as "Diameter (nm)"');
  const name = found.header === null ? 'sizes' : table.rows[0]!.cells[found.column]!.trim();
  const unit = (found.header === null ? null : sizeUnitInHeader(name)) ?? givenUnit(options, file, found.header === null ? 'the sizes' : `the column "${name}" and --size-unit`);
  const body = found.header === null ? table.rows : table.rows.slice(1);
  const diametersNm = body.map((row) => {
    const where = { file, line: row.line, field: name };
    return finiteNm(positiveSize(row.cells[found.column] ?? '', where, table.decimalComma) * unit.toNm, row.cells[found.column] ?? '', where);
  });
  if (diametersNm.length === 0) throw new InputError('E_TOO_FEW_BINS', 'the list holds no particles', { file });
  return { diametersNm, column: name };
}

/** Counts diameters on classes [10^(k/B), 10^((k+1)/B)) nm covering them all. */
export function countOnGeometricGrid(diametersNm: number[], binsPerDecade: number, file: string): { edgesNm: number[]; counts: number[] } {
  const index = (d: number): number => Math.floor(Math.log10(d) * binsPerDecade + 1e-9);
  let kMin = Infinity;
  let kMax = -Infinity;
  for (const d of diametersNm) {
    kMin = Math.min(kMin, index(d));
    kMax = Math.max(kMax, index(d));
  }
  // Refused before the classes are allocated (sizes from 1e-150 to 1e150 nm on 1,000 classes a decade would be 300,000).
  if (kMax - kMin + 1 > MAX_CLASSES) {
    throw new InputError('E_TOO_MANY_POINTS', `the particles span ${kMax - kMin + 1} classes of the counting grid, more than the limit of ${MAX_CLASSES}`, { file }, 'check the size column and its unit; use fewer --bins-per-decade');
  }
  const edgesNm: number[] = [];
  for (let k = kMin; k <= kMax + 1; k++) edgesNm.push(Math.pow(10, k / binsPerDecade));
  const counts = new Array<number>(kMax - kMin + 1).fill(0);
  for (const d of diametersNm) counts[index(d) - kMin]! += 1;
  return { edgesNm, counts };
}
