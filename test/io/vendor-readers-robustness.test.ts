/**
 * "Impossible to crash with a bad file": truncated and byte-damaged copies of real BELSORP, Quantachrome and ISODB
 * files either read or fail with a typed PoregradeError — never a TypeError, a stack trace or a NaN in the output.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { PoregradeError } from '../../src/errors.js';
import { RawInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { checkCompoundFile, checkZip } from '../../src/io/workbook.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';
import { typedError } from '../helpers/typed-error.js';

const FILES = [
  ['isotherms', 'parser-conformance', 'bel', '1.DAT'],
  ['isotherms', 'parser-conformance', 'bel', '200819-2_jis.DAT'],
  ['isotherms', 'instrument-exports', 'cheminfo', 'belsorp.csv'],
  ['isotherms', 'instrument-exports', 'cheminfo', 'BET.xls'],
  ['isotherms', 'parser-conformance', 'qnt', 'DUT-60_N2 (Raw Analysis Data).txt'],
  ['isotherms', 'aif', 'converted_real', 'NIST-ISODB_10.1021Jp400480q.Isotherm2.json'],
] as const;

function readsOrFailsTyped(bytes: Uint8Array): void {
  try {
    const isotherm = readIsotherm(new RawInput('damaged', bytes), { loadingUnit: undefined });
    for (const v of isotherm.relativePressure) expect(Number.isFinite(v)).toBe(true);
    for (const v of isotherm.loadingCm3StpPerG) expect(Number.isFinite(v)).toBe(true);
  } catch (error) {
    if (!(error instanceof PoregradeError)) throw error;
    expect(error.format()).not.toMatch(/\bat .*\.ts:\d+/);
  }
}

describeWithSharedData('vendor readers on damaged files', () => {
  for (const parts of FILES) {
    it(`${parts[parts.length - 1]}: truncated anywhere or with bytes overwritten`, () => {
      const original = new Uint8Array(readFileSync(shared(...parts)));
      fc.assert(
        fc.property(fc.integer({ min: 1, max: original.length }), (cut) => readsOrFailsTyped(original.slice(0, cut))),
        { numRuns: 60, seed: 42 },
      );
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
          const copy = original.slice();
          for (const [at, byte] of edits) copy[at] = byte;
          readsOrFailsTyped(copy);
        }),
        { numRuns: 60, seed: 7 },
      );
    });
  }
});

describeWithSharedData('spreadsheet containers SheetJS must never see', () => {
  it('an .xlsx whose deflate streams are damaged (line ends changed to CR by a text tool) is refused, not parsed forever', () => {
    // SheetJS's own inflate loops forever on this one (found by the fuzz harness).
    const original = readFileSync(shared('isotherms', 'sesami-benchmark', 'experimental_calculated_areas_and_software_settings.xlsx'));
    const damaged = Buffer.from(original.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1');
    expect(() => checkZip(original, 'ok.xlsx')).not.toThrow();
    const error = typedError(() => checkZip(damaged, 'damaged.xlsx'));
    expect(error.code).toBe('E_BINARY');
    expect(typedError(() => readIsotherm(new RawInput('damaged.xlsx', damaged), { format: 'belsorp-xls' })).code).toBe('E_BINARY');
  });

  it('an .xls whose Workbook stream chain loops is refused before SheetJS follows it', () => {
    // SheetJS follows such a chain without loop detection until V8 aborts the process (found by fuzzing).
    const bytes = new Uint8Array(readFileSync(shared('isotherms', 'instrument-exports', 'cheminfo', 'BET.xls')));
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(() => checkCompoundFile(bytes, 'ok.xls')).not.toThrow();
    // [MS-CFB]: 512-byte sectors; FAT sector numbers at header offset 76; directory entry start sector at +116.
    const fat = (j: number): number => (view.getInt32(76 + 4 * Math.floor(j / 128), true) + 1) * 512 + (j % 128) * 4;
    const name = Buffer.from('Workbook', 'utf16le');
    const entry = Buffer.from(bytes).indexOf(name);
    const start = view.getInt32(entry + 116, true);
    let last = start;
    while (view.getInt32(fat(last), true) >= 0) last = view.getInt32(fat(last), true);
    view.setInt32(fat(last), start, true);
    const error = typedError(() => checkCompoundFile(bytes, 'looping.xls'));
    expect(error.code).toBe('E_BINARY');
    expect(error.message).toContain('loops');
    expect(typedError(() => readIsotherm(new RawInput('looping.xls', bytes), { format: 'belsorp-xls' })).code).toBe('E_BINARY');
  });
});

describeWithSharedData('a BIFF formula record that sends SheetJS into an endless loop', () => {
  // Six bytes of Sample_M.xls changed (found by `npm run fuzz`, seed 20261121, case 78159): SheetJS's formula-token
  // parser never returns. The parse runs on a worker with a time limit, so the file is refused instead of hanging.
  const FLIPS: [number, number][] = [[6366, 0o146], [6653, 0o122], [12699, 0o23], [13222, 0o271], [26873, 0o276], [38160, 0o112]];
  it('is refused as a damaged spreadsheet (E_BINARY) within the parse limit, not hung', () => {
    const bytes = Buffer.from(readFileSync(shared('isotherms', 'parser-conformance', 'mic', 'Sample_M.xls')));
    for (const [position, value] of FLIPS) bytes[position - 1] = value;
    const started = Date.now();
    const error = typedError(() => readIsotherm(new RawInput('Sample_M-damaged.xls', bytes)));
    expect(error.code).toBe('E_BINARY');
    expect(error.message).toMatch(/did not finish/);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
