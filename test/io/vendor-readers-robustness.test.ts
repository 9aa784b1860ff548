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
import { describeWithSharedData, shared } from '../helpers/shared-data.js';

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
