/**
 * Issue 7 acceptance: a 1,000-lot batch with 5 % corrupt files, SIGKILL mid-run, and --jobs 1 against --jobs 2.
 * Lots come from bench/generate-lots.ts (synthetic isotherms and PSDs); the records are checked against the schema.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLots } from '../../bench/generate-lots.js';
import { runCli } from '../helpers/cli.js';
import { PROJECT_ROOT } from '../helpers/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'poregrade-batch-'));
const LOTS = 1000;
const corrupt = new Set<number>();

const ajv = new Ajv2020({ strict: true, allErrors: true });
for (const file of readdirSync(join(PROJECT_ROOT, 'schemas'))) ajv.addSchema(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', file), 'utf8')));
const validateRecord = ajv.getSchema('https://poregrade.invalid/schemas/batch-record.schema.json')!;

let manifest = '';
let first = { status: -1, stdout: '', stderr: '' };
const out1 = join(dir, 'out1.ndjson');

beforeAll(() => {
  manifest = generateLots(dir, LOTS, 42).manifest;
  // Every 20th lot gets a broken isotherm: 50 lots, 5 %.
  for (let i = 7; i < LOTS; i += 20) {
    corrupt.add(i);
    const path = join(dir, 'isotherms', `LOT-${String(i).padStart(6, '0')}.csv`);
    const text = readFileSync(path, 'utf8').split('\n');
    text[5] = '0.1,NaN,ads';
    writeFileSync(path, text.join('\n'));
  }
  first = runCli(['batch', manifest, '--out', out1, '--jobs', '2', '--quiet']);
}, 240_000);

describe('batch over 1,000 lots with 5 % corrupt files', () => {
  it('exits 3, with a record for every lot: graded for the good ones, an error naming the file for the bad ones', () => {
    expect(first.status).toBe(3);
    const records = readFileSync(out1, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { index: number; error?: { file: string; code: string }; summary?: unknown });
    expect(records.map((r) => r.index)).toEqual(Array.from({ length: LOTS }, (_, i) => i));
    for (const r of records) {
      if (corrupt.has(r.index)) {
        expect(r.error?.code).toBe('E_BAD_NUMBER');
        expect(r.error?.file).toMatch(new RegExp(`LOT-${String(r.index).padStart(6, '0')}\\.csv$`));
      } else {
        expect(r.error).toBeUndefined();
        expect(r.summary).toBeDefined();
      }
    }
  });

  it('every record validates against schemas/batch-record.schema.json', () => {
    const lines = readFileSync(out1, 'utf8').trim().split('\n');
    const invalid = lines.filter((line) => !validateRecord(JSON.parse(line)));
    expect(invalid).toHaveLength(0);
  });

  it('killed with SIGKILL mid-run, it leaves no file at --out; a rerun gives byte-identical output', async () => {
    const out2 = join(dir, 'out2.ndjson');
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'poregrade.js'), 'batch', manifest, '--out', out2, '--jobs', '2', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Mid-run for certain: records are being written to the temporary file, which a finished batch renames away. (A
    // fixed delay stopped working once 1,000 lots took less than it.)
    const temporary = (): string | undefined => readdirSync(dir).find((name) => name.startsWith('.poregrade-tmp-') && name.endsWith('out2.ndjson'));
    for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 5) {
      const name = temporary();
      if (name && statSync(join(dir, name)).size > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL'); // killed while still running, not after it finished
    expect(existsSync(out2)).toBe(false);
    const rerun = runCli(['batch', manifest, '--out', out2, '--jobs', '2', '--quiet']);
    expect(rerun.status).toBe(3);
    expect(readFileSync(out2).equals(readFileSync(out1))).toBe(true);
  }, 240_000);
});

/** A manifest of the first `lots` rows of the generated one (header kept). */
function manifestOfFirst(lots: number, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, readFileSync(manifest, 'utf8').split('\n').slice(0, lots + 1).join('\n') + '\n');
  return path;
}

describe('jobs', () => {
  it('the same manifest graded with --jobs 1 and --jobs 2 gives identical records', () => {
    const subset = manifestOfFirst(120, 'subset.csv');
    const one = runCli(['batch', subset, '--format', 'json', '--jobs', '1']);
    const two = runCli(['batch', subset, '--format', 'json', '--jobs', '2']);
    expect(one.status).toBe(3);
    expect(JSON.parse(one.stdout)).toHaveLength(120);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);
});

describe('batch --format csv', () => {
  it('has one row per lot and claim that says what the lot\'s JSON record says, and one error row per unreadable lot', () => {
    const subset = manifestOfFirst(40, 'subset-csv.csv');
    const json = runCli(['batch', subset, '--format', 'json', '--jobs', '1']);
    const csv = runCli(['batch', subset, '--format', 'csv', '--jobs', '1']);
    expect(csv.status).toBe(3);
    // The JSON records are the reference; csv-parse (not poregrade's writer) reads the CSV back.
    const [header, ...rows] = parse(csv.stdout) as string[][];
    expect(header).toEqual(['index', 'lot', 'source', 'set', 'claim', 'status', 'failed_elements', 'missing', 'error_code', 'error_file', 'error_message']);
    type Claim = { set: string; claim: string; status: string; elements: { id: string; status: string; missing: string[] }[] };
    type Record = { index: number; lot: { id: string } | string | null; source: string; claims?: Claim[]; error?: { code: string; file: string; message: string } };
    const expected = (JSON.parse(json.stdout) as Record[]).flatMap((r) => {
      const lot = typeof r.lot === 'string' ? r.lot : (r.lot?.id ?? '');
      if (r.error) return [[String(r.index), lot, r.source, '', '', 'error', '', '', r.error.code, r.error.file, r.error.message]];
      return r.claims!.map((c) => [
        String(r.index), lot, r.source, c.set, c.claim, c.status,
        c.elements.filter((e) => e.status === 'fail').map((e) => e.id).join(' '),
        [...new Set(c.elements.flatMap((e) => e.missing))].join(' '),
        '', '', '',
      ]);
    });
    expect(rows.filter((r) => r[5] === 'error')).toHaveLength(2); // lots 7 and 27
    expect(rows).toEqual(expected);
  }, 120_000);
});

describe('batch --report-dir', () => {
  it('writes one report per readable lot and an index linking them, listing the lot that could not be read', () => {
    const reports = join(dir, 'reports');
    const manifest = join(dir, 'with-broken-row.csv');
    writeFileSync(manifest, `lot,files.isotherm\nBROKEN-1,does-not-exist.csv\n`);
    const result = runCli(['batch', join(PROJECT_ROOT, 'samples', 'lots'), manifest, '--report-dir', reports, '--quiet']);
    expect(result.status).toBe(3);
    const files = readdirSync(reports).sort();
    expect(files).toEqual(['CL-2026-0412-meets.html', 'CL-2026-0413-misses.html', 'CL-2026-0414-no-measurements.html', 'index.html']);
    const index = readFileSync(join(reports, 'index.html'), 'utf8');
    for (const file of files.filter((f) => f !== 'index.html')) expect(index).toContain(`href="${file}"`);
    expect(index).toContain('does-not-exist.csv');
  }, 120_000);
});
