/**
 * `poregrade analyze` with BJH, end to end through the built CLI: the bjh object and its settings in the JSON (against
 * the Sample_G report), the table view with its chart, the CSV columns, and one-line errors for bad BJH requests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'poregrade-bjh-'));
const SAMPLE_G = shared('isotherms', 'aif', 'converted_real', 'Micromeritics_Sample_G_ZnK-BDC_N2_77K.aif');

describeWithSharedData('poregrade analyze with BJH', () => {
  it('puts the bjh object in the JSON with the report settings echoed, and reproduces the Sample_G report', () => {
    const result = runCli(['analyze', SAMPLE_G, '--json', '--bjh-correction', 'faas', '--liquid-factor', '0.0015501', '--at-diameter', '5']);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/NaN|Infinity/);
    const record = JSON.parse(result.stdout);
    expect(record.settings).toMatchObject({ bjh_branch: 'auto', thickness: 'harkins-jura', meniscus: 'hemispherical', bjh_correction: 'faas', kjs: false, kelvin_factor_nm: 0.953, at_diameter_nm: 5, psd_basis: 'dlogd', liquid_volume_factor: 0.0015501 });
    expect(record.bjh).toMatchObject({ branch: 'desorption', thickness_model: 'harkins-jura', correction: 'faas' });
    expect(Math.abs(record.bjh.cumulative_volume_cm3_g / 0.079654 - 1)).toBeLessThan(0.001);
    expect(Math.abs(record.bjh.cumulative_area_m2_g / 62.0441 - 1)).toBeLessThan(0.001);
    expect(record.bjh.at_diameter.dv_dlogd_cm3_g).toBeGreaterThan(0);
    expect(record.bjh.distribution.length).toBeGreaterThan(30);
  });

  it('shows the BJH rows and a dV/dlogD chart in the table view, and BJH columns in CSV', () => {
    const table = runCli(['analyze', SAMPLE_G, '--bjh-branch', 'adsorption', '--thickness', 'halsey']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/BJH peak diameter\s+\d/);
    expect(table.stdout).toMatch(/BJH adsorption dV\/dlogD/);
    expect(table.stdout).toMatch(/█/);
    expect(table.stdout).toMatch(/┴/);
    const csv = runCli(['analyze', SAMPLE_G, '--format', 'csv']);
    const [header, row] = csv.stdout.trim().split('\n');
    const columns = header!.split(',');
    expect(columns).toContain('bjh_peak_diameter_nm');
    expect(Number(row!.split(',')[columns.indexOf('bjh_cumulative_volume_cm3_g')])).toBeGreaterThan(0);
  });

  it('a user thickness table replaces the model and is echoed', () => {
    const path = join(dir, 'film.csv');
    writeFileSync(path, 'p/p0,t (Å)\n0.01,2.6\n0.1,3.6\n0.3,5.0\n0.5,6.4\n0.7,8.3\n0.9,12.9\n0.99,19.1\n');
    const result = runCli(['analyze', SAMPLE_G, '--json', '--thickness-table', path]);
    expect(result.status).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(record.settings).toMatchObject({ thickness: 'table', thickness_table: path });
    expect(record.bjh.thickness_model).toBe('table');
    expect(record.bjh.cumulative_volume_cm3_g).toBeGreaterThan(0);
  });

  it('refuses impossible BJH requests with one line and exit code 2', () => {
    const adsorptionOnly = join(dir, 'ads.csv');
    writeFileSync(adsorptionOnly, 'Relative Pressure (P/Po),Quantity Adsorbed (cm³/g STP)\n' + Array.from({ length: 30 }, (_, i) => `${(0.03 + i * 0.032).toFixed(3)},${40 + 100 * i}`).join('\n') + '\n');
    const noBranch = runCli(['analyze', adsorptionOnly, '--bjh-branch', 'desorption']);
    expect(noBranch.status).toBe(2);
    expect(noBranch.stderr.trim().split('\n')).toHaveLength(1);
    expect(noBranch.stderr).toMatch(/ads\.csv.*\(E_NO_BRANCH\).*--bjh-branch adsorption/);
    const badFactor = runCli(['analyze', adsorptionOnly, '--kelvin-factor', 'abc']);
    expect(badFactor.status).toBe(2);
    expect(badFactor.stderr).toMatch(/--kelvin-factor.*E_USAGE/);
  });
});
