import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { betLoading, exactArea } from '../helpers/bet-isotherm.js';

const dir = mkdtempSync(join(tmpdir(), 'poregrade-analyze-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A BET-equation isotherm (n_m 50, C 100) as generic CSV; its area is known exactly. */
const x = Array.from({ length: 20 }, (_, i) => 0.02 + i * 0.02);
const goodCsv = 'Relative Pressure (P/Po),Quantity Adsorbed (cm³/g STP)\n' + x.map((p) => `${p.toFixed(4)},${betLoading(Number(p.toFixed(4)), 50, 100)}`).join('\n') + '\n';

describe('poregrade analyze', () => {
  it('prints the JSON contract with every required key, and the exact area of a BET isotherm', () => {
    const result = runCli(['analyze', file('good.csv', goodCsv), '--json', '--bet-range', '0.05:0.30']);
    expect(result.status).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(record.input).toMatchObject({ format: 'generic-csv', points: { adsorption: 20, desorption: 0 } });
    expect(record.settings).toMatchObject({ bet_range: '0.05:0.3', pore_volume_at: 0.99, bet_min_points: 5 });
    for (const key of ['area_m2_g', 'area_stderr_m2_g', 'c', 'monolayer_cm3_stp_g', 'relative_pressure_min', 'relative_pressure_max', 'points', 'r2', 'range_selection', 'criteria']) {
      expect(record.bet).toHaveProperty(key);
    }
    expect(Math.abs(record.bet.area_m2_g / exactArea(50) - 1)).toBeLessThan(1e-6);
    expect(record.pore_volume).toHaveProperty('total_cm3_g');
    expect(record.pore_volume).toHaveProperty('relative_pressure');
    expect(Array.isArray(record.warnings)).toBe(true);
    expect(result.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('analyses a folder of files in name order, each with its exact area, the same with 1 and 2 jobs (read-ahead on)', () => {
    // 80 files: more than the pool's read-ahead threshold (64), so the read-ahead thread runs beside the analysis.
    const folder = join(dir, 'many');
    mkdirSync(folder);
    const monolayers = Array.from({ length: 80 }, (_, i) => 20 + i);
    monolayers.forEach((nm, i) => {
      const csv = 'Relative Pressure (P/Po),Quantity Adsorbed (cm³/g STP)\n' + x.map((p) => `${p.toFixed(4)},${betLoading(Number(p.toFixed(4)), nm, 100)}`).join('\n') + '\n';
      writeFileSync(join(folder, `iso-${String(i).padStart(3, '0')}.csv`), csv);
    });
    const outputs = ['1', '2'].map((jobs) => runCli(['analyze', folder, '--format', 'ndjson', '--bet-range', '0.05:0.30', '--jobs', jobs]));
    for (const result of outputs) expect(result.status).toBe(0);
    expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout);
    const records = outputs[0]!.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(80);
    records.forEach((record, i) => {
      expect(record.input.file).toBe(join(folder, `iso-${String(i).padStart(3, '0')}.csv`));
      expect(Math.abs(record.bet.area_m2_g / exactArea(monolayers[i]!) - 1)).toBeLessThan(1e-6);
    });
  });

  it('reads standard input for -', () => {
    const result = runCli(['analyze', '-', '--json'], { input: goodCsv });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).input.file).toBe('-');
  });

  it('reads a semicolon file with decimal commas, absolute pressures and a p0 given by --p0', () => {
    const rows = x.map((p) => `${(p * 101.3).toFixed(6).replace('.', ',')};${String(betLoading(p, 50, 100) / 22.414).replace('.', ',')}`);
    const path = file('semicolon.csv', 'Pressure (kPa);Amount (mmol/g)\n' + rows.join('\n'));
    const result = runCli(['analyze', path, '--json', '--p0', '101.3kPa', '--bet-range', '0.05:0.30']);
    expect(result.status).toBe(0);
    expect(Math.abs(JSON.parse(result.stdout).bet.area_m2_g / exactArea(50) - 1)).toBeLessThan(1e-5);
  });

  it('reads UTF-16LE with BOM', () => {
    const body = Buffer.from('\ufeff' + goodCsv, 'utf16le');
    const result = runCli(['analyze', file('utf16.csv', body), '--json']);
    expect(result.status).toBe(0);
  });

  it('says no valid BET range with exit code 4 and an explanation, still printing the record', () => {
    const langmuir = 'p/p0,n (cm3/g)\n' + Array.from({ length: 30 }, (_, i) => 0.05 + i * 0.03).map((p) => `${p},${(100 * 5000 * p) / (1 + 5000 * p)}`).join('\n');
    const result = runCli(['analyze', file('typeI.csv', langmuir), '--json']);
    expect(result.status).toBe(4);
    const record = JSON.parse(result.stdout);
    expect(record.bet.area_m2_g).toBeNull();
    expect(record.warnings.map((w: { code: string }) => w.code)).toContain('W_NO_BET_RANGE');
  });

  it('shows help with examples and every option default', () => {
    const result = runCli(['analyze', '--help']);
    expect(result.status).toBe(0);
    const help = result.stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/Examples:/);
    expect(help).toMatch(/--pore-volume-at <p\/p0> .*?\(default: 0\.99\)/);
    expect(help).toMatch(/--bet-range <auto\|vendor\|LO:HI> .*?\(default: "auto"\)/);
    expect(help).toMatch(/--liquid-factor <factor> .*?\(default: 0\.0015468\)/);
  });
});

describe('poregrade analyze on bad input: one line naming the file (and line), exit 2, no stack trace', () => {
  const header = 'Relative Pressure (P/Po),Quantity Adsorbed (cm3/g STP)\n';
  const cases: { name: string; content: string | Uint8Array; code: string; line?: number; args?: string[] }[] = [
    { name: 'empty', content: '', code: 'E_EMPTY_FILE' },
    { name: 'header-only', content: header, code: 'E_NO_DATA', line: 1 },
    { name: 'text-in-number', content: header + '0.1,20\n0.2,abc\n', code: 'E_BAD_NUMBER', line: 3 },
    { name: 'nan', content: header + '0.1,20\n0.2,NaN\n', code: 'E_BAD_NUMBER', line: 3 },
    { name: 'infinity', content: header + '0.1,Infinity\n', code: 'E_BAD_NUMBER', line: 2 },
    { name: 'overflow', content: header + '0.1,1e999\n', code: 'E_BAD_NUMBER', line: 2 },
    { name: 'negative-pressure', content: header + '0.1,20\n-0.2,25\n', code: 'E_PRESSURE_RANGE', line: 3 },
    { name: 'pressure-above-1.1', content: header + '0.1,20\n1.5,25\n', code: 'E_PRESSURE_RANGE', line: 3 },
    { name: 'unknown-unit', content: 'Relative Pressure,Quantity Adsorbed (furlongs)\n0.1,20\n', code: 'E_UNKNOWN_UNIT', line: 1 },
    { name: 'no-unit', content: 'Relative Pressure,Quantity Adsorbed\n0.1,20\n', code: 'E_UNKNOWN_UNIT', line: 1 },
    { name: 'absolute-without-p0', content: 'Pressure (kPa),Quantity Adsorbed (cm3/g)\n10,20\n', code: 'E_MISSING_P0', line: 1 },
    { name: 'total-without-mass', content: 'Relative Pressure,Volume (cc)\n0.1,2\n', code: 'E_MISSING_MASS', line: 1 },
    { name: 'duplicate-pressure', content: header + '0.1,20\n0.2,25\n0.2,26\n0.3,30\n', code: 'E_DUPLICATE_PRESSURE', line: 4 },
    { name: 'single-point', content: header + '0.1,20\n', code: 'E_TOO_FEW_POINTS' },
    { name: 'binary-garbage', content: Uint8Array.from({ length: 600 }, (_, i) => (i * 7919) % 256), code: 'E_BINARY' },
    { name: 'truncated-utf16', content: Buffer.concat([Buffer.from('\ufeff' + header + '0.1,20\n', 'utf16le'), Buffer.from([0x30])]), code: 'E_ENCODING' },
    { name: 'short-row', content: header + '0.1,20\n0.2\n', code: 'E_ROW_LENGTH', line: 3 },
    { name: 'no-header', content: '0.1,20\n0.2,25\n', code: 'E_UNKNOWN_FORMAT' },
    { name: 'bad-branch', content: 'p/p0,n (mmol/g),branch\n0.1,2,ads\n0.2,3,sideways\n', code: 'E_BAD_BRANCH', line: 3 },
    { name: 'missing-file', content: '', code: 'E_FILE_NOT_FOUND', args: ['analyze', join(dir, 'does-not-exist.csv')] },
    { name: 'empty-directory', content: '', code: 'E_FILE_NOT_FOUND', args: ['analyze', mkdtempSync(join(tmpdir(), 'poregrade-empty-'))] },
    { name: 'bad-option', content: header + '0.1,20\n', code: 'E_USAGE', args: ['--bet-range', '0.3:0.1'] },
  ];
  for (const k of cases) {
    it(`${k.name} → ${k.code}`, () => {
      const path = k.args?.[0] === 'analyze' ? k.args[1]! : file(`${k.name}.csv`, k.content);
      const args = k.args?.[0] === 'analyze' ? k.args : ['analyze', path, ...(k.args ?? [])];
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`(${k.code})`);
      if (k.code !== 'E_USAGE') expect(lines[0]).toContain(path);
      if (k.line !== undefined) expect(lines[0]).toContain(`${path}:${k.line}:`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
