/**
 * BELSORP .DAT, .csv and .xls readers against the parser-conformance `.json` files (an independent parser's output)
 * and the vendor BET values printed in BELMaster's .xls (../shared/data/isotherms/instrument-exports/INDEX.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { PoregradeError } from '../../src/errors.js';
import { RawInput, readInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { MOLAR_VOLUME_STP_CM3_PER_MOL } from '../../src/core/constants.js';
import { expectedPoints, expectSameMetadata, expectSamePoints, readConformanceJson } from '../helpers/conformance.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';

const BEL = shared('isotherms', 'parser-conformance', 'bel');
const belFiles = (ext: string): string[] => {
  try {
    return readdirSync(BEL).filter((f) => f.toLowerCase().endsWith(ext)).sort();
  } catch {
    return [];
  }
};

/** The json's loading unit → cm³(STP)/g: "ml(STP) g-1" and "cm^3(STP) g^-1" as they are, "mol g-1" × 22414. */
function loadingFactor(meta: Record<string, unknown>): number {
  return /^mol/.test(String(meta.original_loading_string)) ? MOLAR_VOLUME_STP_CM3_PER_MOL : 1;
}

function conformance(file: string, format: string, expectedSkips: Record<string, number> = {}): void {
  const json = readConformanceJson(`${BEL}/${file.replace(/\.[^.]+$/, '.json')}`);
  const isotherm = readIsotherm(readInput(`${BEL}/${file}`));
  expect(isotherm.source.format).toBe(format);
  const skipped = expectSamePoints(isotherm, expectedPoints(json, loadingFactor(json.meta)));
  expect(skipped).toBe(expectedSkips[file] ?? 0);
  expectSameMetadata(isotherm, json);
}

/** Instrument artefacts the readers drop (see instrument-artefacts.ts), counted from the files by eye. */
const DAT_SKIPS: Record<string, number> = {
  'DUT-13_CH4_111K.DAT': 3, // first amount −0.51298; 91.991 and 92.004 kPa each twice in the condensation step
  'DUT-13_CH4_111K_run2.DAT': 2,
  'DUT-49_nbutane_273K.DAT': 1, // first amount −0.004087
  'DUT-67-N2_77K.DAT': 4, // four negative pressures near vacuum
  'DUT-8_zn_etoh_298k.DAT': 1, // first amount −0.0078034
};

describeWithSharedData('BELSORP .DAT', () => {
  it('finds the conformance files', () => expect(belFiles('.dat').length).toBeGreaterThanOrEqual(20));
  for (const file of belFiles('.dat')) {
    it(`${file} matches its .json`, () => conformance(file, 'belsorp-dat', DAT_SKIPS));
  }

  it('reads the Japanese (Shift-JIS) edition: keys, sample weight and comments', () => {
    const isotherm = readIsotherm(readInput(`${BEL}/200819-2_jis.DAT`));
    // The reference parser did not recognise 試料重量 (sample weight); the file says 0.18740 g.
    expect(isotherm.sampleMassG).toBe(0.1874);
    expect(isotherm.metadata.instrument).toContain('00356');
    expect(isotherm.metadata.extra?.comment4).toContain('測定前真空度');
  });

  it('reads the instrument exports (DUT-49, DUT-67 N2 77 K) in CRLF', () => {
    const dir = shared('isotherms', 'instrument-exports', 'bel');
    const dut49 = readIsotherm(readInput(`${dir}/DUT-49-SKDM017_N2_77K_run1.DAT`));
    expect(dut49.adsorbate).toBe('nitrogen');
    expect(dut49.temperatureK).toBe(77.4);
    expect(dut49.sampleMassG).toBe(0.017);
    expect(dut49.metadata.p0).toEqual({ value: 102.37, unit: 'kPa' });
  });
});

describeWithSharedData('BELSORP .DAT bad input', () => {
  const original = (): string => readFileSync(`${BEL}/1.DAT`, 'latin1');
  const read = (text: string): PoregradeError => {
    try {
      readIsotherm(RawInput.fromString('bad.DAT', text));
    } catch (error) {
      if (error instanceof PoregradeError) return error;
      throw error;
    }
    throw new Error('no error');
  };

  it('a truncated table names the line and the first missing column', () => {
    const text = original();
    const row = '\n57\t9.5529\t101.30\t';
    const cut = text.slice(0, text.indexOf(row) + row.length - 1);
    const error = read(cut);
    expect(error.code).toBe('E_ROW_LENGTH');
    expect(error.line).toBe(cut.split('\n').length);
    expect(error.field).toBe('Vd/ml');
    expect(error.file).toBe('bad.DAT');
  });

  it('a broken number cell names the column and the line', () => {
    const lines = original().split('\n');
    const at = lines.findIndex((l) => l.startsWith('12\t'));
    lines[at] = lines[at]!.replace('16.024', '16,O24');
    const error = read(lines.join('\n'));
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.line).toBe(at + 1);
    expect(error.field).toBe('V/ml(STP) g-1');
    expect(error.format()).toContain('16,O24');
  });

  it('a broken sample weight names the key and the line', () => {
    const error = read(original().replace('"Sample weight/g:"\t0.14320', '"Sample weight/g:"\t0.1432O'));
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.line).toBe(18);
    expect(error.field).toBe('Sample weight/g:');
  });

  it('total amounts without a sample weight ask for --mass', () => {
    const text = original().replace('"Sample weight/g:"\t0.14320', '"Sample weight/g:"\t').replace(/"V\/ml\(STP\) g-1"/g, '"V/ml(STP)"');
    const error = read(text);
    expect(error.code).toBe('E_MISSING_MASS');
    expect(error.field).toBe('Sample weight/g:');
    expect(error.line).toBe(18);
    const withMass = readIsotherm(RawInput.fromString('total.DAT', text), { massG: 0.5 });
    expect(withMass.loadingCm3StpPerG[1]).toBeCloseTo(0.1277 / 0.5, 12);
  });
});
