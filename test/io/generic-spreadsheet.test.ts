/**
 * The generic spreadsheet reader on parser-conformance/generic/generic.xls (pyGAPS's Excel format: a "data" sheet
 * with pressure | pressure_saturation | loading | branch, a "metadata" sheet of AIF keys), against generic.json.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, it } from 'vitest';
import { RawInput, readInput } from '../../src/io/input.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';
import { expectSamePoints, readConformanceJson } from '../helpers/conformance.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';

const FILE = shared('isotherms', 'parser-conformance', 'generic', 'generic.xls');
const CM3_STP_PER_MMOL = 22.414;
/** Vapour pressure of CO2 at 303 K (NIST Webbook, 72.1 bar): a real p0 for the check below. */
const P0_BAR = 72.1;

describeWithSharedData('generic spreadsheet: generic.xls', () => {
  it('its pressure_saturation column (0.911 bar, below its own pressures up to 24.7 bar) is replaced, stated, by the vapour pressure of CO2 at 303 K', () => {
    const isotherm = readIsotherm(readInput(FILE));
    const reference = readConformanceJson(shared('isotherms', 'parser-conformance', 'generic', 'generic.json'));
    const pressure = reference.data.pressure!;
    // The p0 the reader used, recovered from its relative pressures, agrees with NIST's 72.1 bar within 0.5 %.
    const p0Bar = pressure[0]! / isotherm.relativePressure[0]!;
    expect(Math.abs(p0Bar / P0_BAR - 1)).toBeLessThan(0.005);
    pressure.forEach((p, i) => expect(Math.abs((isotherm.relativePressure[i]! * p0Bar) / p - 1)).toBeLessThan(1e-9));
    expect(isotherm.assumptions.join(' ')).toMatch(/pressure_saturation.*not this run's saturation pressure.*Span & Wagner/);
  });

  it('with that column removed and p0 given, points, branches, mass, temperature and adsorbate match generic.json', () => {
    const book = XLSX.read(readFileSync(FILE), { type: 'buffer' });
    const data = book.Sheets.data!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(data, { header: 1 });
    book.Sheets.data = XLSX.utils.aoa_to_sheet(rows.map((row) => row.filter((_, c) => c !== 1)));
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const isotherm = readIsotherm(new RawInput('generic-without-p0.xlsx', bytes), { p0Kpa: P0_BAR * 100 });
    const reference = readConformanceJson(shared('isotherms', 'parser-conformance', 'generic', 'generic.json'));
    expect(isotherm.source.format).toBe('generic-spreadsheet');
    // Expected p/p0: the reference's pressure (bar) over the p0 given; loading mmol/g × 22.414; its branches.
    const d = reference.data;
    const expected = d.pressure!.map((p, i) => ({ relativePressure: p / P0_BAR, loading: d.loading![i]! * CM3_STP_PER_MMOL, branch: d.branch![i]! }));
    expect(expectSamePoints(isotherm, expected)).toBe(0);
    expect(reference.meta._units_loading).toBe('mmol/g');
    expect(isotherm.sampleMassG).toBe(reference.meta._adsnt_sample_mass);
    // _exptl_temperature 303 K, not _adsnt_degas_temperature 450 K.
    expect(isotherm.temperatureK).toBe(reference.meta._exptl_temperature);
    expect(isotherm.adsorbate).toBe(reference.meta._exptl_adsorptive);
    expect(isotherm.metadata.date).toBe('2023-03-12');
    expect(isotherm.metadata.operator).toBe(reference.meta._exptl_operator);
  });
});
