/** Bad particle-size input: a typed error with its code, naming the file (and the line where there is one). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PoregradeError, type ErrorCode } from '../../src/errors.js';
import { RawInput, readInput } from '../../src/io/input.js';
import type { PsdReadOptions } from '../../src/io/psd/reader.js';
import { typedError } from '../helpers/typed-error.js';
import { readDistribution } from '../../src/io/psd/registry.js';

function expectError(text: string, code: ErrorCode, line?: number, options: PsdReadOptions = {}): PoregradeError {
  const error = typedError(() => readDistribution(RawInput.fromString('lot-7.csv', text), options));
  expect(error.code).toBe(code);
  expect(error.file).toBe('lot-7.csv');
  expect(error.format()).toContain('lot-7.csv');
  if (line !== undefined) {
    expect(error.line).toBe(line);
    expect(error.format()).toContain(`lot-7.csv:${line}`);
  }
  return error;
}

const directory = mkdtempSync(join(tmpdir(), 'poregrade-psd-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('bad particle-size input', () => {
  it('fractions summing to zero', () => {
    expectError('Size (nm),Number (%)\n10,0\n20,0\n40,0\n', 'E_ZERO_DISTRIBUTION');
  });

  it('negative counts, with the line', () => {
    const error = expectError('Lower (nm),Upper (nm),Count\n10,20,5\n20,40,-3\n40,80,2\n', 'E_NEGATIVE_FRACTION', 3);
    expect(error.field).toBe('Count');
  });

  it('unsorted sizes, with the line where the order breaks', () => {
    expectError('Size (nm),Number (%)\n10,1\n30,2\n20,3\n40,1\n', 'E_UNSORTED_SIZES', 4);
    expectError('Size (nm),Number (%)\n10,1\n20,2\n20,3\n', 'E_UNSORTED_SIZES', 4);
  });

  it('overlapping classes', () => {
    expectError('Lower (nm),Upper (nm),Count\n10,20,5\n15,40,3\n', 'E_UNSORTED_SIZES', 3);
  });

  it('mixed units: between the limit columns, and between cells', () => {
    expectError('Lower (µm),Upper (nm),Count\n0.01,20,5\n0.02,40,3\n', 'E_MIXED_UNITS');
    expectError('Size,Number (%)\n10 nm,1\n0.02 µm,2\n40 nm,1\n', 'E_MIXED_UNITS', 3);
    expectError('Size (nm),Number (%)\n10,1\n0.02 µm,2\n', 'E_MIXED_UNITS', 3);
  });

  it('empty input: empty file on disk, blank text, whitespace only', () => {
    const file = join(directory, 'empty.csv');
    writeFileSync(file, '');
    const onDisk = typedError(() => readInput(file));
    expect(onDisk.code).toBe('E_EMPTY_FILE');
    expect(onDisk.format()).toContain(file);
    expectError('', 'E_EMPTY_FILE');
    expectError('\n  \r\n\t\n', 'E_EMPTY_FILE');
  });

  it('no unit, no basis, no header', () => {
    const unit = expectError('Size,Number (%)\n10,1\n20,2\n', 'E_UNKNOWN_UNIT');
    expect(unit.hint).toMatch(/--size-unit/);
    const basis = expectError('Size (nm),%\n10,1\n20,2\n', 'E_UNKNOWN_BASIS');
    expect(basis.hint).toMatch(/--basis/);
    const unknown = expectError('a,b\nx,y\n', 'E_UNKNOWN_FORMAT');
    expect(unknown.message).toMatch(/zetasizer: .*generic: no header naming a size column/);
  });

  it('a text cell, a blank cell inside the table, one size alone', () => {
    expectError('Size (nm),Number (%)\n10,1\n20,abc\n40,1\n', 'E_BAD_NUMBER', 3);
    expectError('Lower (nm),Upper (nm),Count\n10,20,5\n20,40,\n40,80,2\n', 'E_BAD_NUMBER', 3);
    expectError('Size (nm),Number (%)\n10,1\n', 'E_TOO_FEW_BINS', 2);
  });

  it('a cumulative column that falls', () => {
    expectError('Size (µm),Undersize (%)\n1,10\n2,50\n3,40\n4,100\n', 'E_BAD_CUMULATIVE', 4, { basis: 'number' });
  });

  it('a record the file does not hold, and a size of zero', () => {
    expectError('Size Classes (µm),Volume Density (%),Volume Density (%)\n1,\n2,50,40\n4,50,60\n', 'E_NO_SUCH_RECORD', undefined, { record: 3 });
    expectError('Diameter (nm)\n120\n0\n80\n', 'E_BAD_SIZE', 3);
  });

  it('a size that overflows on conversion to nm (the counting grid looped for ever on it)', () => {
    // 1.7e308 is a finite double; in µm it is 1.7e311 nm, which is not.
    expectError('5\n1.7e308\n', 'E_BAD_SIZE', 2, { sizeUnit: 'um' });
    expectError('Diameter (µm)\n2\n1.7e308\n', 'E_BAD_SIZE', 3);
  });

  it('binary data and broken UTF-16', () => {
    const binary = typedError(() => readDistribution(new RawInput('blob.bin', new Uint8Array([1, 2, 0, 0, 255, 3, 0, 7])), {}));
    expect(binary.code).toBe('E_BINARY');
    expect(binary.file).toBe('blob.bin');
    const utf16 = typedError(() => readDistribution(new RawInput('cut.xle', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])), {}));
    expect(utf16.code).toBe('E_ENCODING');
  });
});

describe('limits', () => {
  it('a particle list spanning 300 decades on a fine grid is refused before it allocates millions of classes', () => {
    const error = typedError(() => readDistribution(RawInput.fromString('runaway.csv', 'Diameter (nm)\n1e-150\n1e150\n'), { binsPerDecade: 1000 }));
    expect(error.code).toBe('E_TOO_MANY_POINTS');
    expect(error.file).toBe('runaway.csv');
  });
});
