/**
 * The .xls parse limit counts parsing only: starting the parser thread and loading SheetJS in it (~0.15 s, several
 * times that on a loaded machine) once made a good file's result depend on how busy the machine was.
 */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type * as XLSXTypes from '@e965/xlsx';

const XLSX = createRequire(import.meta.url)('@e965/xlsx') as typeof XLSXTypes;

describe('readBiffBounded', () => {
  it('reads a small .xls on a fresh parser thread within a limit shorter than the thread takes to start', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['Relative Pressure (P/Po)', 'Quantity Adsorbed (cm³/g STP)'], [0.0512, 48.25]]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Isotherm');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    vi.resetModules();
    const { readBiffBounded } = await import('../../src/io/bounded-sheetjs.js');
    const started = performance.now();
    const workbook = readBiffBounded(bytes, {}, 'tiny.xls', 100);
    const cells = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Isotherm']!, { header: 1 });
    expect(cells[1]).toEqual([0.0512, 48.25]);
    // The point of the test: the call took longer than the limit (thread start-up included), yet was not refused.
    // When the thread starts within 100 ms the check above still holds but proves less, so say so rather than fail.
    if (performance.now() - started <= 100) console.warn('bounded-sheetjs test: the parser thread started within 100 ms; start-up exclusion not exercised this run');
  });
});
