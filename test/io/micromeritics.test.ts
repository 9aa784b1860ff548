/**
 * Micromeritics readers (.xls report exports and the UTF-16 text report) against numbers others produced: the
 * parser-conformance `.json` beside each file, and the instrument software's own results as listed in the
 * INDEX.md files of ../shared/data/isotherms/micromeritics-xls and instrument-exports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readInput, RawInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { parsePrintedNumber, parsePrintedQuantity, detectDecimalComma } from '../../src/io/printed-values.js';
import type { Isotherm } from '../../src/model/isotherm.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';
import { expectedPoints, expectSameMetadata, expectSamePoints, readConformanceJson } from '../helpers/conformance.js';
import { typedError } from '../helpers/typed-error.js';

const CM3_STP_PER_MMOL = 22.414;

function read(...path: string[]): Isotherm {
  return readIsotherm(readInput(shared('isotherms', ...path)));
}

describe('printed values', () => {
  it('reads numbers in either locale, with thousands separators', () => {
    expect(parsePrintedNumber('1,596.4627', false)).toBe(1596.4627);
    expect(parsePrintedNumber('1.589,6174', true)).toBe(1589.6174);
    expect(parsePrintedNumber('298,000', true)).toBe(298);
    expect(parsePrintedNumber('-1.#IND', false)).toBeNull();
    expect(parsePrintedQuantity('935.5162 ± 32.5347 m²/g', false)).toEqual({ value: 935.5162, uncertainty: 32.5347, unit: 'm²/g' });
  });
  it('decides the decimal mark from unambiguous numbers only', () => {
    expect(detectDecimalComma(['0,0908 g', '86,886 K'])).toBe(true);
    expect(detectDecimalComma(['0.0832 g', '1,596.4627 m²/g'])).toBe(false);
    expect(detectDecimalComma(['77.300 K'])).toBeNull();
  });
});

describeWithSharedData('Micromeritics .xls: parser-conformance files', () => {
  const dir = shared('isotherms', 'parser-conformance', 'mic');
  const files = readdirSync(dir).filter((f) => /\.xls$/i.test(f));
  it('has the files', () => expect(files.length).toBeGreaterThanOrEqual(14));
  for (const name of files) {
    it(`${name}: points, mass, temperature, adsorbate and sample match the .json`, () => {
      const isotherm = read('parser-conformance', 'mic', name);
      const reference = readConformanceJson(`${dir}/${name.replace(/\.xls$/i, '.json')}`);
      expect(isotherm.source.format).toBe('micromeritics-xls');
      // The reference's loading is cm3(STP) or mmol per g; 1 mmol = 22.414 cm³(STP).
      const factor = reference.meta.loading_unit === 'mmol' ? CM3_STP_PER_MMOL : 1;
      expect(expectSamePoints(isotherm, expectedPoints(reference, factor, 'relative'))).toBe(0);
      // Dates: poregrade keeps them as printed (localised); operators were anonymised in the files after parsing.
      expectSameMetadata(isotherm, reference, ['operator', 'date']);
    });
  }
});

describeWithSharedData('Micromeritics .xls: the instrument results printed in the reports (micromeritics-xls/INDEX.md)', () => {
  it('Sample_A (TriStar II 3020): BET, its 12 points, BJH totals and settings', () => {
    const iso = read('micromeritics-xls', 'Sample_A.xls');
    expect(iso.metadata.instrument).toBe('TriStar II 3020 3.02');
    expect(iso.sampleMassG).toBe(0.1013);
    expect(iso.temperatureK).toBeCloseTo(77.3, 9);
    const bet = iso.vendor!.bet!;
    expect(bet.areaM2PerG).toBe(194.7493);
    expect(bet.areaStderrM2PerG).toBe(0.5313);
    expect(bet.c).toBe(107.292458);
    expect(bet.monolayerCm3StpPerG).toBe(44.7434);
    expect(bet.correlationCoefficient).toBe(0.9999634);
    expect(bet.relativePressures!.length).toBe(12);
    expect(bet.relativePressureMin).toBeCloseTo(0.0523, 4);
    expect(bet.relativePressureMax).toBeCloseTo(0.3004, 4);
    expect(bet.singlePointAreaM2PerG).toBe(189.6954);
    expect(bet.singlePointRelativePressure).toBeCloseTo(0.2987, 4);
    const bjh = iso.vendor!.bjh!;
    expect(bjh.adsorption).toEqual({ cumulativeVolumeCm3PerG: 0.641678, cumulativeAreaM2PerG: 224.787, averageDiameterNm: expect.closeTo(11.4184, 10) });
    expect(bjh.desorption).toEqual({ cumulativeVolumeCm3PerG: 0.699796, cumulativeAreaM2PerG: 308.8467, averageDiameterNm: expect.closeTo(9.0633, 10) });
    expect(bjh.settings!['adsorption adsorbate property factor']).toBe('9.53000 Å');
    expect(bjh.settings!['adsorption density conversion factor']).toBe('0.0015468');
    expect(bjh.settings!['adsorption thickness curve']).toBe('SIO2OH.THK');
    expect(bjh.settings!['adsorption fraction of pores open at both ends']).toBe('0.00');
  });

  it('Sample_C (3Flex, manually entered): BET area, single point and BJH adsorption volume; no BET report block', () => {
    const v = read('micromeritics-xls', 'Sample_C.xls').vendor!;
    expect(v.bet!.areaM2PerG).toBe(594.9649);
    expect(v.bet!.relativePressures).toBeUndefined();
    expect(v.bet!.singlePointAreaM2PerG).toBeCloseTo(457.80, 2);
    expect(v.bet!.singlePointRelativePressure).toBe(0.3);
    expect(v.bjh!.adsorption!.cumulativeVolumeCm3PerG).toBe(0.029221);
  });

  it('Sample_D (ASAP 2020, kPa, mmol/g, °C): BET over 9 points, Qm converted from mmol/g', () => {
    const iso = read('micromeritics-xls', 'Sample_D.xls');
    expect(iso.temperatureK).toBeCloseTo(-195.78 + 273.15, 9);
    const bet = iso.vendor!.bet!;
    expect(bet.areaM2PerG).toBe(935.5162);
    expect(bet.areaStderrM2PerG).toBe(32.5347);
    expect(bet.c).toBe(17.466619);
    expect(bet.monolayerCm3StpPerG).toBeCloseTo(9.58786 * CM3_STP_PER_MMOL, 9);
    expect(bet.correlationCoefficient).toBe(0.995289);
    expect(bet.relativePressures!.length).toBe(9);
    expect(bet.relativePressureMin).toBeCloseTo(0.0522, 4);
    expect(bet.relativePressureMax).toBeCloseTo(0.0725, 4);
    expect(bet.singlePointAreaM2PerG).toBeCloseTo(536.21, 2);
  });

  it('Sample_G (3Flex): BET over 8 points, BJH volumes, total pore volume at 0.988, Halsey/Standard vs Harkins-Jura/Faas', () => {
    const v = read('micromeritics-xls', 'Sample_G.xls').vendor!;
    expect(v.bet).toMatchObject({ areaM2PerG: 68.3322, areaStderrM2PerG: 0.5281, c: 3.879713, monolayerCm3StpPerG: 15.6992, correlationCoefficient: 0.9996869 });
    expect(v.bet!.relativePressures!.length).toBe(8);
    expect(v.bet!.relativePressureMin).toBeCloseTo(0.111, 3);
    expect(v.bet!.relativePressureMax).toBeCloseTo(0.265, 3);
    expect(v.bjh!.adsorption!.cumulativeVolumeCm3PerG).toBe(0.116511);
    expect(v.bjh!.desorption!.cumulativeVolumeCm3PerG).toBe(0.079654);
    expect(v.totalPoreVolume!.cm3PerG).toBe(0.084255);
    expect(v.totalPoreVolume!.relativePressure).toBeCloseTo(0.988, 3);
    expect(v.totalPoreVolume!.branch).toBe('adsorption');
    const s = v.bjh!.settings!;
    expect([s['adsorption thickness curve'], s['adsorption correction']]).toEqual(['Halsey', 'Standard']);
    expect([s['desorption thickness curve'], s['desorption correction']]).toEqual(['Harkins and Jura', 'Faas Correction']);
    expect(s['desorption density conversion factor']).toBe('0.0015501');
  });

  it('Sample_H (validation run): BET 0.2795', () => {
    expect(read('micromeritics-xls', 'Sample_H.xls').vendor!.bet!.areaM2PerG).toBe(0.2795);
  });

  it('Sample_I (MicroActive): BET over 12 points, single point, BJH volumes', () => {
    const v = read('micromeritics-xls', 'Sample_I.xls').vendor!;
    expect(v.bet).toMatchObject({ areaM2PerG: 1142.0517, areaStderrM2PerG: 26.5381, c: 314.967116, monolayerCm3StpPerG: 262.3851, correlationCoefficient: 0.9972945 });
    expect(v.bet!.relativePressures!.length).toBe(12);
    expect(v.bet!.relativePressureMin).toBeCloseTo(0.0030, 4);
    expect(v.bet!.relativePressureMax).toBeCloseTo(0.0253, 4);
    expect(v.bet!.singlePointAreaM2PerG).toBeCloseTo(1537.1, 1);
    expect(v.bjh!.adsorption!.cumulativeVolumeCm3PerG).toBe(0.635195);
    expect(v.bjh!.desorption!.cumulativeVolumeCm3PerG).toBe(0.202934);
  });

  it('Sample_L (3Flex, °C, localised dates, thousands separators): BET over 5 points, total pore volume at 0.995', () => {
    const iso = read('micromeritics-xls', 'Sample_L.xls');
    expect(iso.temperatureK).toBeCloseTo(-195.85 + 273.15, 9);
    expect(iso.metadata.date).toBe('2021/12/16 下午 06:50:16');
    const v = iso.vendor!;
    expect(v.bet).toMatchObject({ areaM2PerG: 1596.4627, areaStderrM2PerG: 0.6426, c: 10182.764984, monolayerCm3StpPerG: 366.7855, correlationCoefficient: 0.9999998 });
    expect(v.bet!.relativePressures!.length).toBe(5);
    expect(v.bet!.relativePressureMin).toBeCloseTo(0.0029, 4);
    expect(v.bet!.relativePressureMax).toBeCloseTo(0.0309, 4);
    expect(v.totalPoreVolume).toEqual({ cm3PerG: 0.747695, relativePressure: 0.995, branch: 'adsorption' });
    expect(v.bjh!.settings!['desorption density conversion factor']).toBe('0.0015500');
  });
});

describeWithSharedData('Micromeritics Gemini exports (instrument-exports/INDEX.md)', () => {
  it('Gemini VII .XLS (mmol/g, adsorption only): BET over 3 points, mass', () => {
    const iso = read('instrument-exports', 'cheminfo', 'micromeritics.XLS');
    expect(iso.source.format).toBe('micromeritics-xls');
    expect(iso.sampleMassG).toBe(0.5012);
    expect(iso.adsorbate).toBe('nitrogen');
    const bet = iso.vendor!.bet!;
    expect(bet).toMatchObject({ areaM2PerG: 134.0561, areaStderrM2PerG: 0.7232, c: 170.614559, correlationCoefficient: 0.9999854 });
    expect(bet.monolayerCm3StpPerG).toBeCloseTo(1.3741 * CM3_STP_PER_MMOL, 9);
    expect(Array.from(bet.relativePressures!, (p) => Number(p.toFixed(3)))).toEqual([0.05, 0.1, 0.15]);
  });

  it('Gemini VII text report (UTF-16LE): points, p0, mass, BET over all 16 points', () => {
    const iso = read('instrument-exports', 'cheminfo', 'GVM-BET-Gemini.VII.2390.v1.03.TXT');
    expect(iso.source.format).toBe('micromeritics-text');
    expect(iso.sampleMassG).toBe(0.121);
    expect(iso.metadata.p0).toEqual({ value: 770.761, unit: 'mmHg' });
    expect(iso.metadata.sampleName).toBe('gvmh97400');
    expect(iso.assumptions).toEqual(['bath temperature taken as 77.35 K: the report does not give it']);
    // First and last rows of the Isotherm Tabular Report as printed: 0.004850987 / 1.03939 and 0.949882695 / 10.37950 mmol/g.
    expect(iso.relativePressure.length).toBe(29);
    expect(iso.relativePressure[0]).toBe(0.004850987);
    expect(iso.loadingCm3StpPerG[0]).toBeCloseTo(1.03939 * CM3_STP_PER_MMOL, 10);
    expect(iso.relativePressure[28]).toBe(0.949882695);
    expect(iso.loadingCm3StpPerG[28]).toBeCloseTo(10.3795 * CM3_STP_PER_MMOL, 10);
    const bet = iso.vendor!.bet!;
    expect(bet).toMatchObject({ areaM2PerG: 162.4547, areaStderrM2PerG: 1.0095, c: 428.805315, correlationCoefficient: 0.9997364 });
    expect(bet.monolayerCm3StpPerG).toBeCloseTo(1.66519 * CM3_STP_PER_MMOL, 9);
    expect(bet.slopeGPerCm3Stp).toBeCloseTo(0.599131 / CM3_STP_PER_MMOL, 12);
    expect(bet.interceptGPerCm3Stp).toBeCloseTo(0.0014 / CM3_STP_PER_MMOL, 12);
    expect(bet.relativePressures!.length).toBe(16);
    expect(bet.relativePressureMin).toBe(0.004850987);
    expect(bet.relativePressureMax).toBe(0.303686652);
    expect(bet.singlePointAreaM2PerG).toBe(158.8018);
    // "-1.#IND nm … p/p° = -1.000000000": the instrument computed no total pore volume; none is reported.
    expect(iso.vendor!.totalPoreVolume).toBeUndefined();
  });
});

describeWithSharedData('Micromeritics: bad input names the field and the place', () => {
  const geminiText = (): string => new TextDecoder('utf-16le').decode(readFileSync(shared('isotherms', 'instrument-exports', 'cheminfo', 'GVM-BET-Gemini.VII.2390.v1.03.TXT')));

  it('a broken number in the text report: E_BAD_NUMBER with its line and column', () => {
    const text = geminiText().replace('  0.099898714     76.998062     1.81079', '  0.099898714     76.998062     1.8x079');
    const lineNo = text.split(/\r\n|\n|\r/).findIndex((l) => l.includes('1.8x079')) + 1;
    const error = typedError(() => readIsotherm(RawInput.fromString('broken.txt', text)));
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.line).toBe(lineNo);
    expect(error.field).toMatch(/Quantity Adsorbed/);
    expect(error.format()).toContain('1.8x079');
  });

  it('a truncated .xls whose stream chain runs past the end of the file and loops: E_BINARY, not a V8 abort', () => {
    // Found by fuzzing (seed 4242, case 4742): Sample_G.xls cut to 2965 bytes, two line feeds turned into carriage returns. SheetJS follows
    // the chain of a 4 kB+ stream starting at sector 6 of a 5-sector file, reading the missing bytes as 0, and grows
    // an array until V8 aborts the process.
    const bytes = new Uint8Array(readFileSync(shared('isotherms', 'parser-conformance', 'mic', 'Sample_G.xls')).subarray(0, 2965));
    bytes[548] = 13;
    bytes[2084] = 13;
    expect(typedError(() => readIsotherm(new RawInput('looping.xls', bytes))).code).toBe('E_BINARY');
  });

  it('a broken cell in an .xls: E_BAD_NUMBER naming the sheet cell', () => {
    const book = XLSX.read(readFileSync(shared('isotherms', 'micromeritics-xls', 'Sample_A.xls')), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    sheet['H35'] = { t: 's', v: 'n/a' };
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const error = typedError(() => readIsotherm(new RawInput('broken.xlsx', bytes)));
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.line).toBe(35);
    expect(error.field).toMatch(/^Sheet1!H35 \(Quantity Adsorbed/);
  });
});

describe('spreadsheets: containers and layouts no reader knows', () => {
  it('an absurd sheet range is refused before its cells are visited', () => {
    const book = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([['Isotherm Tabular Report']]);
    sheet['A150000'] = { t: 'n', v: 1 };
    sheet['!ref'] = 'A1:A150000';
    XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const error = typedError(() => readIsotherm(new RawInput('huge.xlsx', bytes)));
    expect(error.code).toBe('E_SHEET_TOO_LARGE');
    expect(error.field).toBe('sheet Sheet1');
    expect(error.message).toMatch(/A1:A150000 \(150000 rows/);
  });

  it('a corrupt .xls container: E_BINARY', () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.fill(0x41, 8);
    expect(typedError(() => readIsotherm(new RawInput('corrupt.xls', bytes))).code).toBe('E_BINARY');
  });

  it('a workbook of an unknown layout: E_UNKNOWN_FORMAT listing each reader and what it missed', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['colour', 'weight'], ['red', 3]]), 'Data');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const error = typedError(() => readIsotherm(new RawInput('unknown.xlsx', bytes)));
    expect(error.code).toBe('E_UNKNOWN_FORMAT');
    expect(error.message).toMatch(/micromeritics-xls: no "Isotherm Tabular Report"/);
    expect(error.message).toMatch(/threep-xlsx: no sheet named "Isotherm"/);
  });
});
