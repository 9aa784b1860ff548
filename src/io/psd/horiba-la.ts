/**
 * Horiba LA-950/960 text export (../shared/docs/formats.md): a key/value header (Sample Name, Refractive index,
 * "Distribution base" Volume|Number …), then the table `Diameter (µm)`, `q(%)`, `Undersize(%)`. The undersize
 * column fixes which class each q(%) belongs to (Undersize_j = Σ_(k≤j) q_k: the class ending at Diameter_j).
 */
import { InputError } from '../../errors.js';
import type { PsdReader } from './reader.js';
import { findSizeHeader, readPreamble, readSizeTable } from './size-table.js';
import { sourceTable, tableOrReason } from './table-source.js';

function horibaHeader(cells: string[]): boolean {
  const s = cells.map((c) => c.trim().toLowerCase());
  return s.some((c) => c.startsWith('diameter')) && s.some((c) => /^q\s*\(%\)$/.test(c)) && s.some((c) => c.startsWith('undersize'));
}

export const horibaLaReader: PsdReader = {
  id: 'horiba-la',
  description: 'Horiba LA-950/960 text export: key/value header, then Diameter (µm), q(%), Undersize(%)',
  extensions: ['.txt', '.csv'],
  detect(input) {
    const table = tableOrReason(input);
    if (typeof table === 'string') return { score: 0, reason: table };
    const row = table.headerRows.find((r) => horibaHeader(r.cells));
    return row ? { score: 0.8, reason: `Horiba table header at line ${row.line}` } : { score: 0, reason: 'no "Diameter", "q(%)", "Undersize(%)" header' };
  },
  read(input, options) {
    const { rows, decimalComma } = sourceTable(input);
    const at = rows.findIndex((r) => horibaHeader(r.cells));
    const header = at >= 0 ? findSizeHeader(rows.slice(at), decimalComma, true) : null;
    if (!header) throw new InputError('E_NO_DATA', 'the Horiba table header has no rows of sizes under it', { file: input.file });
    const { metadata, statedBasis } = readPreamble(rows.slice(0, at));
    return readSizeTable({
      file: input.file,
      format: 'horiba-la',
      rows: rows.slice(at),
      decimalComma,
      header,
      options,
      statedBasis,
      metadata: { instrument: 'Horiba LA', ...metadata },
    });
  },
};
