/**
 * The grade, claims and lot commands as a user runs them: output format, exit codes (src/exit-codes.ts) and error
 * messages, run in-process (the built binary is exercised by the lead's end-to-end tests).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { parseLot } from '../../src/claims/lot.js';
import { unknownNameWarnings } from '../../src/claims/lot-names.js';
import { builtInClaimSets } from '../../src/claims/claim-set-registry.js';
import { EXIT } from '../../src/exit-codes.js';

/** Runs `poregrade ARGS` in-process through the real entry point, capturing what it prints. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  process.exitCode = undefined;
  try {
    return { code: await run(args), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'poregrade-cli-'));
const lotFile = join(dir, 'lot.json');
writeFileSync(
  lotFile,
  JSON.stringify({
    lot: 'CL-TEST',
    values: { press_pressure_mpa: 0.5, heating_member_temperature_c: 130, resin_particle_tg_c: 80, resin_layer_melting_c: 125, processing_time_s: 0.2 },
    facts: { endless_belt_houses_heat_roller: false },
  }),
);

describe('poregrade grade', () => {
  it('--json starts with the schema, echoes the settings and lists every claim as "set:claim" in the summary', async () => {
    const { code, stdout } = await cli('grade', lotFile, '--json', '--claims', 'heat-press-finishing');
    expect(code).toBe(EXIT.OK);
    expect(stdout.startsWith('{\n  "schema": "poregrade/grade-result@1"')).toBe(true);
    const result = JSON.parse(stdout) as { settings: Record<string, unknown>; claims: unknown[]; summary: Record<string, string[]> };
    expect(result.settings).toMatchObject({ claims: ['heat-press-finishing'], fail_on: [], claim_sets: [{ set: 'heat-press-finishing', bjh_branch: 'desorption', pore_volume_basis: 'gurvich' }] });
    expect(result.claims).toHaveLength(18);
    // 0.5 MPa is below "not less than 0.6 MPa"; no endless belt → 14, 16 and 18 not met
    expect(result.summary.not_met).toEqual(['heat-press-finishing:11', 'heat-press-finishing:14', 'heat-press-finishing:16', 'heat-press-finishing:18']);
    expect(stdout).not.toMatch(/NaN|Infinity/);
  });

  it('grades against every built-in set by default', async () => {
    const result = JSON.parse((await cli('grade', lotFile, '--json')).stdout) as { claims: unknown[] };
    expect(result.claims).toHaveLength(8 + 15 + 18);
  });

  it('--fail-on not_met exits 1 when a claim is not met; without it the exit is 0', async () => {
    expect((await cli('grade', lotFile, '--fail-on', 'not_met')).code).toBe(EXIT.CLAIM_FAILED);
    expect((await cli('grade', lotFile)).code).toBe(EXIT.OK);
    expect((await cli('grade', lotFile, '--claims', 'alumina-pigment-ink', '--fail-on', 'not_met')).code).toBe(EXIT.OK);
    expect((await cli('grade', lotFile, '--claims', 'alumina-pigment-ink', '--fail-on', 'not_met,undetermined')).code).toBe(EXIT.CLAIM_FAILED);
  });

  it('refuses a bad --fail-on, an unknown set and a missing lot with one line and exit 2', async () => {
    const bad = await cli('grade', lotFile, '--fail-on', 'failed');
    expect(bad).toMatchObject({ code: EXIT.INPUT });
    expect(bad.stderr).toContain('--fail-on: "failed" is not a status to fail on');
    expect((await cli('grade', lotFile, '--claims', 'nope')).stderr).toContain('E_UNKNOWN_CLAIM_SET');
    expect((await cli('grade', join(dir, 'none.json'))).stderr).toMatch(/none\.json: no such file \(E_FILE_NOT_FOUND\)/);
  });

  it('prints a claim chart without colour codes when the output is not a terminal', async () => {
    const { stdout } = await cli('grade', lotFile, '--claims', 'heat-press-finishing');
    expect(stdout).toContain('Claim 11 (depends on 1) — The inkjet recording method of claim 1: NOT MET');
    expect(stdout).toContain('press_pressure = 0.5 MPa; window ≥ 0.6 MPa; margin -0.1 MPa');
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/\u001b\[/);
  });
});

describe('poregrade claims', () => {
  it('list names the three built-in sets with their claim counts', async () => {
    const { stdout } = await cli('claims', 'list');
    expect(stdout).toMatch(/alumina-pigment-ink\s+8 claims/);
    expect(stdout).toMatch(/heat-press-finishing\s+18 claims/);
    expect(stdout).toMatch(/polymer-particle-voids\s+15 claims/);
  });

  it('show lists each claim\'s elements and the lot names it needs', async () => {
    const { stdout } = await cli('claims', 'show', 'polymer-particle-voids');
    expect(stdout).toContain('Claim 4 (depends on 1)');
    // The seed's claim 4 of the alumina set reads "according to any one of Claims 1 to 3".
    expect((await cli('claims', 'show', 'alumina-pigment-ink')).stdout).toContain('Claim 4 (depends on any one of 1, 2, 3)');
    expect(stdout).toContain('A: ≥ 50 1e-5 ml/cm²');
    expect(stdout).toContain('needs: files.isotherm, values.sample_mass_g, values.polymer_particle_size_nm, files.polymer_particle_psd, values.coat_weight_g_m2');
  });

  it('validate accepts a built-in set and lists every problem of a bad one with exit 2', async () => {
    expect(await cli('claims', 'validate', join('claims', 'alumina-pigment-ink.json'))).toMatchObject({ code: EXIT.OK, stdout: expect.stringContaining('valid claim set "alumina-pigment-ink": 8 claims') });
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        schema: 'poregrade/claim-set@1',
        id: 'bad',
        title: 'bad',
        source: 'test',
        quantities: { B: { unit: 'um', description: 'B', from: [{ declared: 'b_um' }] } },
        claims: [
          { id: '1', title: 'one', parents: ['2'], elements: [{ id: 'x', text: 'x', value: 'B / Q', window: { ge: 1, unit: '1' } }] },
          { id: '2', title: 'two', parents: ['1'], elements: [{ id: 'y', text: 'y', value: 'B', window: { ge: 1 } }] },
        ],
      }),
    );
    const { code, stderr } = await cli('claims', 'validate', bad);
    expect(code).toBe(EXIT.INPUT);
    expect(stderr).toContain('claims[1].elements[0].window: claim 2, element y: has no unit');
    expect((await cli('grade', lotFile, '--claims', bad)).stderr).toContain('claim 2, element y: has no unit');
  });
});

describe('poregrade lot template', () => {
  it('names everything the set reads, all null, and a lot written from it draws no unknown-name warning', async () => {
    const { stdout } = await cli('lot', 'template', '--claims', 'heat-press-finishing');
    const template = JSON.parse(stdout) as { values: Record<string, null>; facts: Record<string, null>; files: Record<string, null>; descriptions: Record<string, string> };
    expect(Object.keys(template.values)).toEqual(expect.arrayContaining(['heating_member_temperature_c', 'resin_particle_tg_c', 'resin_layer_melting_c', 'processing_time_s', 'porosity_percent', 'press_pressure_mpa']));
    expect(Object.keys(template.facts)).toContain('heat_roller_contacts_receiving_layer');
    expect(Object.keys(template.files)).toEqual(['isotherm', 'resin_particle_psd']);
    expect(template.descriptions['values.processing_time_s']).toContain('in s; read by heat-press-finishing:1');
    const lot = parseLot(template, 'template.json', dir);
    expect([...lot.warnings, ...unknownNameWarnings(lot, builtInClaimSets())]).toEqual([]);
  });

  it('--output refuses to overwrite an existing file without --force', async () => {
    const out = join(dir, 'tpl.json');
    expect((await cli('lot', 'template', '-o', out)).code).toBe(EXIT.OK);
    expect((await cli('lot', 'template', '-o', out)).stderr).toContain('--force');
    expect((await cli('lot', 'template', '-o', out, '--force')).code).toBe(EXIT.OK);
  });
});
