/**
 * Lot files (lot-format.md): paths relative to the lot file and checked against the file system, values with or
 * without a tolerance, unknown names as warnings, settings of a set winning over the lot's with the conflict
 * reported, and hand-written JSON guarded against absurd input.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLot } from '../../src/claims/lot.js';
import { readJsonFile } from '../../src/claims/json-file.js';
import { unknownNameWarnings } from '../../src/claims/lot-names.js';
import { analysisSettingsFor, effectiveSettings } from '../../src/claims/settings.js';
import { builtIn, grade, lotWith } from './builders.js';

const root = mkdtempSync(join(tmpdir(), 'poregrade-lot-'));
mkdirSync(join(root, 'lots', 'isotherms'), { recursive: true });
mkdirSync(join(root, 'lots', 'psd'), { recursive: true });
writeFileSync(join(root, 'lots', 'isotherms', 'CL.csv'), 'p,q\n');
writeFileSync(join(root, 'lots', 'psd', 'C.csv'), 'd,n\n');

function writeLot(name: string, content: unknown): string {
  const file = join(root, 'lots', name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('lot files', () => {
  it('resolves paths relative to the lot file, a single pigment file as the ink "pigment"', () => {
    const lot = loadLot(writeLot('ok.json', { lot: 'CL-1', files: { isotherm: 'isotherms/CL.csv', pigment_psd: 'psd/C.csv' } }));
    expect(lot.files.isotherm?.path).toBe(join(root, 'lots', 'isotherms', 'CL.csv'));
    expect(Object.keys(lot.files.pigment_psd ?? {})).toEqual(['pigment']);
  });

  it('a missing file is an error naming the field', () => {
    const file = writeLot('missing.json', { files: { pigment_psd: { cyan: 'psd/C.csv', magenta: 'psd/M.csv' } } });
    expect(() => loadLot(file)).toThrow(expect.objectContaining({ code: 'E_FILE_NOT_FOUND', field: 'files.pigment_psd.magenta', file }));
  });

  it('a path naming a directory is an error naming the field', () => {
    expect(() => loadLot(writeLot('dir.json', { files: { isotherm: 'isotherms' } }))).toThrow(expect.objectContaining({ code: 'E_FILE_IS_DIRECTORY', field: 'files.isotherm' }));
  });

  it('a value must be a finite number, or {value, tolerance}; a string says to drop the quotes', () => {
    expect(() => loadLot(writeLot('string.json', { values: { coat_weight_g_m2: '30 g/m2' } }))).toThrow(
      expect.objectContaining({ code: 'E_LOT_FIELD', field: 'values.coat_weight_g_m2', message: expect.stringContaining('remove the quotes') }),
    );
    expect(() => loadLot(writeLot('inf.json', '{"values": {"coat_weight_g_m2": 1e999}}'))).toThrow(expect.objectContaining({ field: 'values.coat_weight_g_m2' }));
    expect(() => loadLot(writeLot('tol.json', { values: { b: { value: 1, tolerance: -1 } } }))).toThrow(expect.objectContaining({ field: 'values.b.tolerance' }));
    const lot = loadLot(writeLot('tol-ok.json', { values: { receiving_layer_thickness_um: { value: 35, tolerance: 2 }, coat_weight_g_m2: null } }));
    expect(lot.values.get('receiving_layer_thickness_um')).toEqual({ value: 35, tolerance: 2 });
    expect(lot.values.has('coat_weight_g_m2')).toBe(false);
  });

  it('unknown names are warnings, not errors', () => {
    const lot = loadLot(writeLot('typo.json', { lott: 'x', files: { isotherms: 'isotherms/CL.csv' }, values: { coat_wieght_g_m2: 30 }, facts: { recording_head: true }, analysis: { bjh_brnach: 'desorption' } }));
    const warnings = [...lot.warnings, ...unknownNameWarnings(lot, [builtIn('heat-press-finishing')])];
    expect(warnings).toEqual([
      expect.stringContaining('"lott"'),
      expect.stringContaining('files.isotherms'),
      expect.stringContaining('values.coat_wieght_g_m2'),
      expect.stringContaining('analysis.bjh_brnach'),
    ]);
  });

  it('refuses absurd JSON: not an object, too deep, too large, broken', () => {
    expect(() => loadLot(writeLot('array.json', '[1, 2]'))).toThrow(expect.objectContaining({ code: 'E_LOT_FIELD' }));
    expect(() => loadLot(writeLot('deep.json', `{"values": ${'{"a": '.repeat(40)}1${'}'.repeat(40)}}`))).toThrow(expect.objectContaining({ code: 'E_JSON_TOO_DEEP' }));
    expect(() => readJsonFile(writeLot('big.json', `{"lot": "${'x'.repeat(2000)}"}`), 'lot file', 1000)).toThrow(expect.objectContaining({ code: 'E_FILE_TOO_LARGE' }));
    expect(() => loadLot(writeLot('broken.json', '{\n  "lot": "a",\n  "values": {"b": 1,}\n}'))).toThrow(expect.objectContaining({ code: 'E_BAD_JSON', line: 3 }));
  });
});

describe('settings of a set and of the lot', () => {
  it('a set that fixes the BJH branch wins over the lot, and the conflict is reported', () => {
    const lot = lotWith({ analysis: { bjh_branch: 'adsorption' } });
    const { settings, conflicts } = effectiveSettings(builtIn('polymer-particle-voids'), lot);
    expect(settings).toMatchObject({ bjh_branch: 'desorption', origin: { bjh_branch: 'set' } });
    expect(conflicts).toEqual(['polymer-particle-voids fixes bjh_branch = desorption; the lot\'s analysis.bjh_branch = adsorption is not used for this set']);
    expect(grade(builtIn('polymer-particle-voids'), lot).warnings).toContain(conflicts[0]);
  });

  it('a set that leaves a setting open takes the lot\'s, else the claims.md default', () => {
    const heat = builtIn('heat-press-finishing');
    expect(effectiveSettings(heat, lotWith({ analysis: { bjh_branch: 'adsorption' } })).settings).toMatchObject({ bjh_branch: 'adsorption', origin: { bjh_branch: 'lot' } });
    expect(effectiveSettings(heat, lotWith()).settings).toMatchObject({ bjh_branch: 'desorption', pore_volume_basis: 'gurvich', substantially: 0.95 });
  });

  it('the analysis computes each branch some set is graded under, once', () => {
    const lot = lotWith({ analysis: { bjh_branch: 'adsorption' } });
    expect(analysisSettingsFor(lot, [builtIn('polymer-particle-voids'), builtIn('heat-press-finishing')]).bjh_branches).toEqual(['desorption', 'adsorption']);
    expect(analysisSettingsFor(lotWith(), [builtIn('polymer-particle-voids'), builtIn('heat-press-finishing')]).bjh_branches).toEqual(['desorption']);
  });

  it('an impossible lot setting is an error naming the field', () => {
    expect(() => effectiveSettings(builtIn('heat-press-finishing'), lotWith({ analysis: { bjh_branch: 'both' } }))).toThrow(expect.objectContaining({ code: 'E_LOT_FIELD', field: 'analysis.bjh_branch' }));
  });
});
