/**
 * BJH on data that cannot give a distribution, or only a doubtful one: typed errors or warnings with a code, nulls
 * where nothing can be computed, and never NaN or Infinity in the `bjh` object.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addBjhOptions, BJH_DEFAULTS, bjhReport, bjhSettingsFromOptions, bjhSettingsJson, type BjhJson } from '../../src/analysis/bjh-report.js';
import { PoregradeError } from '../../src/errors.js';
import { buildIsotherm, emptyPoints } from '../../src/io/isotherm/build.js';
import { parseThicknessTable } from '../../src/io/thickness-table.js';
import { ADSORPTION, DESORPTION, type Isotherm } from '../../src/model/isotherm.js';

/** A Type IV-like isotherm made of the given branches (p/p0, cm³ STP/g pairs). */
function isotherm(adsorption: [number, number][], desorption: [number, number][] = []): Isotherm {
  const points = emptyPoints();
  for (const [branch, rows] of [[ADSORPTION, adsorption], [DESORPTION, desorption]] as const) {
    for (const [p, q] of rows) {
      points.relativePressure.push(p);
      points.loadingCm3StpPerG.push(q);
      points.branch.push(branch);
      points.line.push(points.line.length + 1);
    }
  }
  return buildIsotherm({ file: 'made-up.csv', format: 'test', points, adsorbate: 'nitrogen', temperatureK: 77.35, sampleMassG: null });
}

/** A smooth mesoporous adsorption branch: a film plus a condensation step near p/p0 0.75. */
function mesoporousAdsorption(): [number, number][] {
  const rows: [number, number][] = [];
  for (let p = 0.05; p < 0.995; p += 0.03) rows.push([p, 40 + 60 * p + 250 / (1 + Math.exp(-(p - 0.75) / 0.03))]);
  return rows;
}

function everyNumberFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(everyNumberFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(everyNumberFinite);
  return true;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof PoregradeError ? error.code : `not a PoregradeError: ${String(error)}`;
  }
  return undefined;
}

describe('BJH on bad or thin data', () => {
  it('desorption asked for on a file without a desorption branch: E_NO_BRANCH naming the file and the fix', () => {
    const iso = isotherm(mesoporousAdsorption());
    expect(codeOf(() => bjhReport(iso, { ...BJH_DEFAULTS, branch: 'desorption' }))).toBe('E_NO_BRANCH');
    try {
      bjhReport(iso, { ...BJH_DEFAULTS, branch: 'desorption' });
    } catch (error) {
      expect((error as PoregradeError).format()).toMatch(/made-up\.csv.*--bjh-branch adsorption/);
    }
  });

  it('the default (auto) falls back to the adsorption branch and says so', () => {
    const { bjh, warnings } = bjhReport(isotherm(mesoporousAdsorption()), BJH_DEFAULTS);
    expect(bjh.branch).toBe('adsorption');
    expect(warnings.map((w) => w.code)).toContain('BJH_BRANCH_FALLBACK');
    expect(bjh.peak_diameter_nm).toBeGreaterThan(0);
  });

  it('fewer than 3 points in the BJH range: a warning, nulls and an empty distribution, no NaN', () => {
    const betOnly = isotherm([[0.05, 40], [0.1, 45], [0.15, 49], [0.2, 52]]);
    const { bjh, warnings } = bjhReport(betOnly, { ...BJH_DEFAULTS, atDiameterNm: 10 });
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['BJH_TOO_FEW_POINTS', 'BJH_AT_DIAMETER_OUTSIDE']));
    expect(bjh.cumulative_volume_cm3_g).toBeNull();
    expect(bjh.peak_diameter_nm).toBeNull();
    expect(bjh.distribution).toEqual([]);
    expect(bjh.at_diameter).toEqual({ diameter_nm: 10, dv_dlogd_cm3_g: null, dv_dd_cm3_g_nm: null });
    expect(everyNumberFinite(bjh)).toBe(true);
  });

  it('a branch measured out of order is taken in pressure order, with a warning', () => {
    const rows = mesoporousAdsorption();
    [rows[10], rows[11]] = [rows[11]!, rows[10]!];
    const { bjh, warnings } = bjhReport(isotherm(rows), { ...BJH_DEFAULTS, branch: 'adsorption' });
    expect(warnings.map((w) => w.code)).toContain('BJH_UNSORTED_BRANCH');
    const sorted = bjhReport(isotherm(mesoporousAdsorption()), { ...BJH_DEFAULTS, branch: 'adsorption' }).bjh;
    expect(bjh.cumulative_volume_cm3_g).toBe(sorted.cumulative_volume_cm3_g);
  });

  it('an amount that rises as the pressure falls is left out (as Micromeritics does) and named', () => {
    const adsorption = mesoporousAdsorption();
    const desorption = adsorption.slice(0, -1).reverse().map(([p, q]): [number, number] => [p, q + 20 * (p > 0.5 ? 1 : 0)]);
    desorption[5] = [desorption[5]![0], desorption[4]![1] + 5];
    const { bjh, warnings } = bjhReport(isotherm(adsorption, desorption), BJH_DEFAULTS);
    const omitted = warnings.find((w) => w.code === 'BJH_POINTS_OMITTED');
    expect(omitted?.message).toContain(desorption[5]![0].toPrecision(3));
    expect(everyNumberFinite(bjh)).toBe(true);
    expect(bjh.cumulative_volume_cm3_g).toBeGreaterThan(0);
  });

  it('--at-diameter inside the distribution gives both curves; outside, null with a warning', () => {
    const iso = isotherm(mesoporousAdsorption());
    const inside = bjhReport(iso, { ...BJH_DEFAULTS, atDiameterNm: 8 });
    expect(inside.bjh.at_diameter?.dv_dlogd_cm3_g).toBeGreaterThan(0);
    expect(inside.bjh.at_diameter?.dv_dd_cm3_g_nm).toBeGreaterThan(0);
    const outside = bjhReport(iso, { ...BJH_DEFAULTS, atDiameterNm: 1000 });
    expect(outside.bjh.at_diameter).toEqual({ diameter_nm: 1000, dv_dlogd_cm3_g: null, dv_dd_cm3_g_nm: null });
    expect(outside.warnings.map((w) => w.code)).toContain('BJH_AT_DIAMETER_OUTSIDE');
  });

  it('the JSON carries the keys the issue lists, with every number finite', () => {
    const { bjh } = bjhReport(isotherm(mesoporousAdsorption()), { ...BJH_DEFAULTS, atDiameterNm: 8 });
    const keys: (keyof BjhJson)[] = ['branch', 'thickness_model', 'meniscus', 'correction', 'peak_diameter_nm', 'peak_dv_dlogd_cm3_g', 'cumulative_volume_cm3_g', 'cumulative_area_m2_g', 'average_diameter_nm', 'at_diameter', 'distribution'];
    for (const key of keys) expect(bjh).toHaveProperty(key);
    expect(Object.keys(bjh.distribution[0]!)).toEqual(expect.arrayContaining(['diameter_nm', 'dv_dd_cm3_g_nm', 'dv_dlogd_cm3_g', 'cumulative_volume_cm3_g', 'cumulative_area_m2_g']));
    expect(everyNumberFinite(bjh)).toBe(true);
  });
});

describe('BJH options', () => {
  const parse = (args: string[]) => {
    const command = addBjhOptions(new Command('analyze').exitOverride().configureOutput({ writeErr: () => undefined }));
    command.parse(args, { from: 'user' });
    return bjhSettingsFromOptions(command.opts());
  };

  it('defaults are the lab defaults, shown in --help and echoed as settings', () => {
    expect(parse([])).toEqual(BJH_DEFAULTS);
    const help = addBjhOptions(new Command('analyze')).helpInformation();
    for (const option of ['--bjh-branch', '--thickness', '--thickness-table', '--meniscus', '--bjh-correction', '--kjs', '--kelvin-factor', '--liquid-factor', '--bjh-min-diameter', '--bjh-max-diameter', '--at-diameter', '--psd-basis']) {
      expect(help).toContain(option);
    }
    expect(help).toContain('(default: 0.953)');
    expect(bjhSettingsJson(BJH_DEFAULTS)).toMatchObject({ bjh_branch: 'auto', thickness: 'harkins-jura', kelvin_factor_nm: 0.953, bjh_min_diameter_nm: 1.7, bjh_max_diameter_nm: 300 });
  });

  it('parses every option', () => {
    const settings = parse(['--bjh-branch', 'adsorption', '--thickness', 'halsey', '--meniscus', 'cylindrical', '--bjh-correction', 'faas', '--kjs', '--kelvin-factor', '0.9596', '--liquid-factor', '0.0015505', '--bjh-min-diameter', '2', '--bjh-max-diameter', '100', '--at-diameter', '25', '--psd-basis', 'dd']);
    expect(settings).toEqual({ ...BJH_DEFAULTS, branch: 'adsorption', thicknessModel: 'halsey', meniscus: 'cylindrical', correction: 'faas', kjs: true, kelvinFactorNm: 0.9596, liquidVolumeFactor: 0.0015505, minDiameterNm: 2, maxDiameterNm: 100, atDiameterNm: 25, psdBasis: 'dd' });
  });

  it('refuses bad values with E_USAGE naming the option', () => {
    expect(codeOf(() => parse(['--kelvin-factor', 'abc']))).toBe('E_USAGE');
    expect(codeOf(() => parse(['--at-diameter', '-3']))).toBe('E_USAGE');
    expect(codeOf(() => parse(['--bjh-min-diameter', '50', '--bjh-max-diameter', '10']))).toBe('E_USAGE');
    expect(codeOf(() => parse(['--thickness-table', '/nonexistent/curve.csv']))).toBe('E_FILE_NOT_FOUND');
    expect(() => parse(['--thickness', 'nonsense'])).toThrow(/Allowed choices/);
  });
});

describe('thickness table files', () => {
  it('reads p/p0, t pairs under a header, in Å or in nm when the header says so', () => {
    const inA = parseThicknessTable('P/Po,Thickness (Å)\n0.1,3.5\n0.5,7.1\n0.9,13.6\n', 'curve.csv');
    expect(Array.from(inA.thicknessA)).toEqual([3.5, 7.1, 13.6]);
    const inNm = parseThicknessTable('p/p0;t (nm)\n0,1;0,35\n0,5;0,71\n', 'curve.csv');
    expect(Array.from(inNm.relativePressure)).toEqual([0.1, 0.5]);
    expect(inNm.thicknessA[1]).toBeCloseTo(7.1, 12);
  });

  it('refuses a table that is not a t(p/p0) curve, naming the line', () => {
    const cases: [string, string][] = [
      ['0.1,3.5\n0.5,7.1\n0.4,7.5\n', 'E_THICKNESS_TABLE'],
      ['0.1,3.5\n0.5,7.1\n0.6,6.0\n', 'E_THICKNESS_TABLE'],
      ['0.1,3.5\n1.2,7.1\n', 'E_THICKNESS_TABLE'],
      ['0.1,3.5\n0.5,seven\n', 'E_BAD_NUMBER'],
      ['p,t\n0.1,3.5\n', 'E_TOO_FEW_POINTS'],
    ];
    for (const [text, code] of cases) expect(codeOf(() => parseThicknessTable(text, 'curve.csv'))).toBe(code);
    try {
      parseThicknessTable('0.1,3.5\n0.5,7.1\n0.4,7.5\n', 'curve.csv');
    } catch (error) {
      expect((error as PoregradeError).format()).toMatch(/^curve\.csv:3: p\/p0: /);
    }
  });
});
