/**
 * Issue 7, item 2: `psd` over folders and glob patterns, with the record formats of `analyze` and `batch` (NDJSON,
 * JSON, flat CSV, --out, --jobs). The files are log-normal number distributions with known shares in each window
 * (Hatch–Choate; lognormal.ts), one of them broken; every record is checked against schemas/psd-result.schema.json.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { PROJECT_ROOT } from '../helpers/shared-data.js';
import { classPercents, logEdges, logNormalShare } from './lognormal.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
for (const file of readdirSync(join(PROJECT_ROOT, 'schemas'))) ajv.addSchema(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', file), 'utf8')));
const validate = ajv.getSchema('https://poregrade.invalid/schemas/psd-result.schema.json')!;

const directory = mkdtempSync(join(tmpdir(), 'poregrade-psd-many-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const folder = join(directory, 'exports');
mkdirSync(folder);

const sigmaG = 1.5;
const edges = logEdges(10, 10_000, 20);
/** 20 files (enough for two jobs), count medians 100–385 nm. */
const medians = Array.from({ length: 20 }, (_, i) => 100 + 15 * i);
medians.forEach((cmd, i) => {
  const rows = classPercents(edges, cmd, sigmaG).map((p, k) => `${edges[k]},${edges[k + 1]},${p}`);
  writeFileSync(join(folder, `pigment-${String(i).padStart(2, '0')}.csv`), ['Lower (nm),Upper (nm),Number (%)', ...rows].join('\n'));
});
const broken = join(folder, 'pigment-99-broken.csv');
writeFileSync(broken, 'Size (nm),Number (%)\n10,1\n30,2\n20,3\n');

interface Fraction {
  min_nm: number;
  max_nm: number;
  number_fraction: number | null;
}
interface Record {
  input: { file: string };
  fractions?: Fraction[];
  error?: { code: string; file: string; line: number };
}

describe('poregrade psd over many files', () => {
  const ndjson = runCli(['psd', folder, '--format', 'ndjson', '--jobs', '2']);
  const records = ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record);

  it('a folder → one NDJSON record per file in name order, the broken one an error record naming it; exit 3', () => {
    expect(ndjson.status).toBe(3);
    expect(records.map((r) => r.input.file)).toEqual([...medians.map((_, i) => join(folder, `pigment-${String(i).padStart(2, '0')}.csv`)), broken]);
    expect(records.at(-1)!.error).toMatchObject({ code: 'E_UNSORTED_SIZES', file: broken, line: 4 });
    expect(ndjson.stderr).toContain(`${broken}:4`);
  });

  it('window fractions are the log-normal shares of each file', () => {
    records.slice(0, -1).forEach((record, i) => {
      const [inRange, coarse] = record.fractions!;
      expect(inRange).toMatchObject({ min_nm: 10, max_nm: 500 });
      expect(Math.abs(inRange!.number_fraction! - logNormalShare(10, 500, medians[i]!, sigmaG))).toBeLessThan(0.005);
      expect(Math.abs(coarse!.number_fraction! - logNormalShare(300, 500, medians[i]!, sigmaG))).toBeLessThan(0.005);
    });
  });

  it('every record validates against the psd-result schema', () => {
    expect(records.filter((r) => !validate(r)).map((r) => r.input.file)).toEqual([]);
  });

  it('--jobs 1 gives the same records', () => {
    expect(runCli(['psd', folder, '--format', 'ndjson', '--jobs', '1']).stdout).toBe(ndjson.stdout);
  });

  it('a glob → CSV, one row per file with a number and a volume column per window, written whole to --out', () => {
    const out = join(directory, 'fractions.csv');
    const result = runCli(['psd', join(folder, 'pigment-0*.csv'), '--window', '300:500', '--format', 'csv', '--out', out]);
    expect(result.status).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(header).toContain('number_fraction_300_500nm');
    expect(header).toContain('volume_fraction_300_500nm');
    expect(rows).toHaveLength(10);
    const column = header!.indexOf('number_fraction_300_500nm');
    rows.forEach((row, i) => expect(Math.abs(Number(row[column]) - logNormalShare(300, 500, medians[i]!, sigmaG))).toBeLessThan(0.005));
  });

  it('--format json over several files is one array', () => {
    const result = runCli(['psd', join(folder, 'pigment-0[0-2].csv'), '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Record[]).map((r) => r.input.file)).toEqual([0, 1, 2].map((i) => join(folder, `pigment-0${i}.csv`)));
  });
});
