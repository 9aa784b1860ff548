/** `poregrade psd` end to end, in-process: JSON shape, several files, errors, windows, table view. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseWindow, registerPsd } from '../../src/cli/psd.js';
import { PoregradeError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { classPercents, logEdges, logNormalShare } from './lognormal.js';

const directory = mkdtempSync(join(tmpdir(), 'poregrade-psd-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** Runs `poregrade psd …`; returns stdout, stderr and the exit code (2 for a thrown user error). */
async function psd(...args: string[]): Promise<{ stdout: string; stderr: string; code: number; error?: PoregradeError }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const program = new Command('poregrade').exitOverride().configureOutput({ writeErr: (s) => (stderr += s), writeOut: (s) => (stdout += s) });
  registerPsd(program);
  try {
    await program.parseAsync(['psd', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof PoregradeError) return { stdout, stderr, code: error.exitCode, error };
    throw error;
  }
  return { stdout, stderr, code: typeof process.exitCode === 'number' ? process.exitCode : 0 };
}

const cmd = 240;
const sigmaG = 1.5;
const edges = logEdges(10, 10_000, 20);
const pigment = join(directory, 'pigment.csv');
writeFileSync(pigment, ['Lower (nm),Upper (nm),Number (%)', ...classPercents(edges, cmd, sigmaG).map((p, i) => `${edges[i]},${edges[i + 1]},${p}`)].join('\n'));
const broken = join(directory, 'broken.csv');
writeFileSync(broken, 'Size (nm),Number (%)\n10,1\n30,2\n20,3\n');

describe('poregrade psd', () => {
  it('--json: schema first, the input, every setting, number and volume objects, windows, range, bins', () => {
    // Records go straight to file descriptor 1, so JSON output is read from the built CLI.
    const { stdout, status } = runCli(['psd', pigment, '--json', '--window', '300:500', '--window', '0.01um:0.5um']);
    expect(status).toBe(0);
    const record = JSON.parse(stdout);
    expect(Object.keys(record)[0]).toBe('schema');
    expect(record.schema).toBe('poregrade/psd-result@1');
    expect(record.input).toMatchObject({ file: pigment, format: 'generic', basis: 'number', encoding: 'utf-8' });
    expect(Object.keys(record.settings).sort()).toEqual(['basis', 'bins_per_decade', 'from', 'input_format', 'max_file_size_bytes', 'particle_size', 'record', 'resolved_threshold_percent', 'size_unit', 'windows_nm'].sort());
    expect(record.settings.windows_nm).toEqual([
      [300, 500],
      [10, 500],
    ]);
    for (const basis of ['number', 'volume']) {
      expect(Object.keys(record[basis])).toEqual(expect.arrayContaining(['d10_nm', 'd50_nm', 'd90_nm', 'mean_nm', 'd32_nm', 'd43_nm', 'span']));
    }
    expect(Math.abs(record.number.d50_nm / cmd - 1)).toBeLessThan(0.01);
    expect(Math.abs(record.fractions[0].number_fraction - logNormalShare(300, 500, cmd, sigmaG))).toBeLessThan(0.005);
    expect(Object.keys(record.fractions[0])).toEqual(['min_nm', 'max_nm', 'number_fraction', 'volume_fraction']);
    expect(record.resolved_range_nm).toMatchObject({ basis: 'number', threshold_percent: 0.1 });
    expect(record.bins).toHaveLength(60);
    expect(Array.isArray(record.warnings)).toBe(true);
    expect(stdout).not.toMatch(/NaN|Infinity/);
  });

  it('several files: a JSON array, a failed file as an error record, exit code 3', () => {
    const { stdout, stderr, status } = runCli(['psd', pigment, broken, '--json']);
    expect(status).toBe(3);
    const records = JSON.parse(stdout);
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ input: { file: broken }, error: { code: 'E_UNSORTED_SIZES', line: 4 } });
    expect(stderr).toContain(`${broken}:4`);
  });

  it('one bad file is a user error with the file and line', async () => {
    const { code, error, stdout } = await psd(broken);
    expect(code).toBe(2);
    expect(error?.format()).toContain(`${broken}:4`);
    expect(stdout).toBe('');
  });

  it('the table shows the statistics and a bar chart, without colour when stdout is not a terminal', async () => {
    const { stdout, code } = await psd(pigment);
    expect(code).toBe(0);
    expect(stdout).toContain('number distribution');
    expect(stdout).toMatch(/│█+/);
    expect(stdout).toMatch(/D50\s+\d/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('rejects bad option values as usage errors', async () => {
    expect((await psd(pigment, '--window', '500:300')).error?.code).toBe('E_USAGE');
    expect((await psd(pigment, '--record', '0')).error?.code).toBe('E_USAGE');
    expect((await psd(pigment, '--size-unit', 'furlong')).error?.code).toBe('E_USAGE');
    expect((await psd(pigment, '--from', 'intensity')).error?.code).toBe('E_USAGE');
  });
});

describe('--window', () => {
  it('takes nm, or a unit per side', () => {
    expect(parseWindow('300:500')).toEqual([300, 500]);
    expect(parseWindow('0.3um:0.5µm')).toEqual([300, 500]);
    expect(parseWindow('300 nm : 0.5 μm')).toEqual([300, 500]);
    expect(() => parseWindow('300')).toThrow(PoregradeError);
  });
});
