/**
 * BELSORP .DAT, .csv and .xls readers against the parser-conformance `.json` files (an independent parser's output)
 * and the vendor BET values printed in BELMaster's .xls (../shared/data/isotherms/instrument-exports/INDEX.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, it } from 'vitest';
import type { PoregradeError } from '../../src/errors.js';
import { RawInput, readInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { betFit } from '../../src/core/bet.js';
import { MOLAR_VOLUME_STP_CM3_PER_MOL } from '../../src/core/constants.js';
import { ADSORBATES } from '../../src/model/adsorbates.js';
import type { Isotherm } from '../../src/model/isotherm.js';
import { expectedPoints, expectSameMetadata, expectSamePoints, readConformanceJson } from '../helpers/conformance.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';
import { typedError } from '../helpers/typed-error.js';

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

describeWithSharedData('BELSORP .csv', () => {
  it('finds the conformance files', () => expect(belFiles('.csv').length).toBeGreaterThanOrEqual(5));
  for (const file of belFiles('.csv')) {
    it(`${file} matches its .json`, () => conformance(file, 'belsorp-csv'));
  }

  it('reads cheminfo belsorp.csv (CRLF, na in mol/g): 48 adsorption and 34 desorption points', () => {
    const isotherm = readIsotherm(readInput(shared('isotherms', 'instrument-exports', 'cheminfo', 'belsorp.csv')));
    expect(isotherm.source.format).toBe('belsorp-csv');
    expect(Array.from(isotherm.branch).filter((b) => b === 0)).toHaveLength(48);
    expect(Array.from(isotherm.branch).filter((b) => b === 1)).toHaveLength(34);
    // Row 1: pe 2.5190E-03 kPa, p0 100.000 kPa, na 2.2289E-05 mol/g.
    expect(isotherm.relativePressure[0]).toBeCloseTo(2.519e-3 / 100, 15);
    expect(isotherm.loadingCm3StpPerG[0]).toBeCloseTo(2.2289e-5 * MOLAR_VOLUME_STP_CM3_PER_MOL, 10);
    expect(isotherm.sampleMassG).toBe(0.0813);
    expect(isotherm.temperatureK).toBe(77);
    expect(isotherm.metadata.sampleName).toBe('Standard 1');
    expect(isotherm.metadata.date).toBe('2018-02-06');
  });
});

describeWithSharedData('BELSORP .xls', () => {
  for (const file of ['Sample_C.xls', 'Sample_D.xls']) {
    it(`${file} matches its .json`, () => conformance(file, 'belsorp-xls'));
  }

  const cheminfo = (name: string) => readIsotherm(readInput(shared('isotherms', 'instrument-exports', 'cheminfo', name)));

  it('BET.xls carries the vendor BET of UiO-66-NH2: 790.62 m²/g, C 11950, points 3–9', () => {
    const isotherm = cheminfo('BET.xls');
    expect(isotherm.source.format).toBe('belsorp-xls');
    expect(isotherm.sampleMassG).toBe(0.033);
    expect(isotherm.metadata.p0).toEqual({ value: 83.744, unit: 'kPa' });
    expect(isotherm.metadata.date).toBe('2020-02-03');
    const bet = isotherm.vendor?.bet;
    expect(bet?.areaM2PerG).toBe(790.62);
    expect(bet?.c).toBe(11950);
    expect(bet?.monolayerCm3StpPerG).toBe(181.65);
    // Points No. 3–9: pe 0.013175 … 9.455 kPa over p0 83.744 kPa (INDEX.md: p/p0 1.57e-4 … 0.1129).
    expect(Array.from(bet?.relativePressures ?? [])).toHaveLength(7);
    expect(bet?.relativePressureMin).toBeCloseTo(0.013175 / 83.744, 15);
    expect(bet?.relativePressureMax).toBeCloseTo(9.455 / 83.744, 15);
    expect(isotherm.vendor?.totalPoreVolume).toEqual({ cm3PerG: 0.3405, relativePressure: 0.96 });
    expect(isotherm.metadata.extra?.vendorMeanPoreDiameterNm).toBe('1.7229');
  });

  it('belsorp2.xls carries the vendor BET of CPI-07: 1264.5 m²/g, C 5129.2, points 4–15', () => {
    const isotherm = cheminfo('belsorp2.xls');
    const bet = isotherm.vendor?.bet;
    expect(bet?.areaM2PerG).toBe(1264.5);
    expect(bet?.c).toBe(5129.2);
    expect(bet?.monolayerCm3StpPerG).toBe(290.54);
    expect(bet?.relativePressures).toHaveLength(12);
    expect(bet?.relativePressureMin).toBeCloseTo(0.020858 / 95.748, 15);
    expect(bet?.relativePressureMax).toBeCloseTo(5.2173 / 95.748, 15);
    expect(isotherm.vendor?.totalPoreVolume).toEqual({ cm3PerG: 0.6284, relativePressure: 0.953 });
    // The vendor's points are points of the isotherm itself.
    const own = new Set(isotherm.relativePressure);
    for (const p of bet?.relativePressures ?? []) expect(own.has(p)).toBe(true);
  });
});

/** BET over exactly the vendor's points (picked from the isotherm by their relative pressures). */
function betOverVendorPoints(isotherm: Isotherm): number {
  const wanted = new Set(isotherm.vendor?.bet?.relativePressures ?? []);
  const x: number[] = [];
  const q: number[] = [];
  isotherm.relativePressure.forEach((p, i) => {
    if (isotherm.branch[i] === 0 && wanted.has(p)) {
      x.push(p);
      q.push(isotherm.loadingCm3StpPerG[i]!);
    }
  });
  expect(x).toHaveLength(wanted.size);
  return betFit(Float64Array.from(x), Float64Array.from(q), ADSORBATES.nitrogen!.crossSectionNm2).areaM2PerG;
}

describeWithSharedData('BELSORP .xls: BET over the vendor points reproduces the vendor area within 0.02 %', () => {
  for (const [file, area] of [['BET.xls', 790.62], ['belsorp2.xls', 1264.5]] as const) {
    it(`${file}: ${area} m²/g`, () => {
      const isotherm = readIsotherm(readInput(shared('isotherms', 'instrument-exports', 'cheminfo', file)));
      expect(Math.abs(betOverVendorPoints(isotherm) / area - 1)).toBeLessThan(2e-4);
    });
  }
});

describeWithSharedData('BELSORP .DAT bad input', () => {
  const original = (): string => readFileSync(`${BEL}/1.DAT`, 'latin1');
  const read = (text: string): PoregradeError => typedError(() => readIsotherm(RawInput.fromString('bad.DAT', text)));

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

describeWithSharedData('BELSORP .csv and .xls bad input', () => {
  it('.csv: a broken number cell names the column and the line', () => {
    const text = readFileSync(shared('isotherms', 'instrument-exports', 'cheminfo', 'belsorp.csv'), 'latin1').replace('\r\n3,0.0000,1.2073E-02,', '\r\n3,0.0000,1.2073E-O2,');
    const error = typedError(() => readIsotherm(RawInput.fromString('bad.csv', text)));
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.line).toBe(29);
    expect(error.field).toBe('pe/kPa');
  });

  it('.csv: a truncated last row names the line and the missing column', () => {
    const text = readFileSync(shared('isotherms', 'instrument-exports', 'cheminfo', 'belsorp.csv'), 'latin1');
    const cut = text.slice(0, text.indexOf('\r\n5,0.0000,0.1293,') + '\r\n5,0.0000,0.1293,'.length);
    const error = typedError(() => readIsotherm(RawInput.fromString('cut.csv', cut)));
    expect(error.code).toBe('E_ROW_LENGTH');
    expect(error.line).toBe(31);
    expect(error.field).toBe('pe2/kPa');
  });

  const workbookWith = (edit: (sheet: XLSX.WorkSheet) => void): RawInput => {
    const workbook = XLSX.read(readFileSync(shared('isotherms', 'instrument-exports', 'cheminfo', 'BET.xls')), { type: 'buffer' });
    edit(workbook.Sheets['AdsDes']!);
    return new RawInput('edited.xls', XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Uint8Array);
  };

  it('.xls: a text cell in the table names the cell, the column and the row', () => {
    const error = typedError(() => readIsotherm(workbookWith((sheet) => (sheet['G25'] = { t: 's', v: '76,2O1' }))));
    expect(error.code).toBe('E_BAD_NUMBER');
    expect(error.line).toBe(25);
    expect(error.field).toBe('AdsDes!G25 Va/cm3(STP) g-1');
  });

  it('.xls: an empty cell in the table is a truncated row', () => {
    const error = typedError(() => readIsotherm(workbookWith((sheet) => delete sheet['C30'])));
    expect(error.code).toBe('E_ROW_LENGTH');
    expect(error.field).toBe('AdsDes!C30 pe/kPa');
  });

  it('.xls: a sheet declaring more than a million cells is refused before it is read', () => {
    // Patch the first DIMENSIONS record (BIFF8 type 0x0200: rwMic u32, rwMac u32, colMic u16, colMac u16) of sheet
    // AdsDes from A1:U90 to A1:IV65536 — what a sheet looks like after someone formatted whole columns.
    const bytes = new Uint8Array(readFileSync(shared('isotherms', 'instrument-exports', 'cheminfo', 'BET.xls')));
    const at = bytes.findIndex((b, i) => b === 0x00 && bytes[i + 1] === 0x02 && bytes[i + 2] === 0x0e && bytes[i + 3] === 0x00);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect([view.getUint32(at + 8, true), view.getUint16(at + 14, true)]).toEqual([90, 21]);
    view.setUint32(at + 8, 65536, true);
    view.setUint16(at + 14, 256, true);
    const started = Date.now();
    const error = typedError(() => readIsotherm(new RawInput('huge.xls', bytes)));
    expect(error.code).toBe('E_SHEET_TOO_LARGE');
    expect(error.field).toBe('sheet AdsDes');
    expect(error.message).toContain('A1:IV65536');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
