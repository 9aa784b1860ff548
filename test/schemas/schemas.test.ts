/**
 * The JSON Schemas in schemas/ against what poregrade really writes: every schema compiles with ajv in strict mode,
 * the records of the built CLI (analyze, psd, grade, batch; results and error records, on the samples and on
 * reference files) validate, the sample lots and the built-in claim sets validate, and records that drift (a
 * required key missing, a status that does not exist, NaN written as a string) do not. The enums that mirror code
 * constants are checked against them, so a new thickness model or basis cannot slip past the schemas.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { LOT_ANALYSIS_SETTINGS } from '../../src/analysis/lot-analysis.js';
import { PSD_WARNING_CODES } from '../../src/analysis/psd-analysis.js';
import { LOT_FILE_NAMES, parseLot } from '../../src/claims/lot.js';
import { THICKNESS_MODEL_NAMES } from '../../src/core/thickness.js';
import { ERROR_CODES, PoregradeError } from '../../src/errors.js';
import { BASES } from '../../src/model/distribution.js';
import { runCli } from '../helpers/cli.js';
import { describeWithSharedData, PROJECT_ROOT, shared, SHARED_DATA } from '../helpers/shared-data.js';

type Json = Record<string, unknown>;

const SCHEMA_DIR = join(PROJECT_ROOT, 'schemas');
const SCHEMA_FILES = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();
const schemaJson = (file: string): Json => JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Json;
const idOf = (file: string): string => `https://poregrade.invalid/schemas/${file}`;

const ajv = new Ajv2020({ strict: true, allErrors: true });
for (const file of SCHEMA_FILES) ajv.addSchema(schemaJson(file));

function validator(file: string): ValidateFunction {
  const validate = ajv.getSchema(idOf(file));
  if (!validate) throw new Error(`${file} is not registered`);
  return validate;
}

/** Why `value` fails `file` (the first few ajv errors), or null when it is valid. */
function problems(file: string, value: unknown): string | null {
  const validate = validator(file);
  if (validate(value)) return null;
  return (validate.errors ?? []).slice(0, 6).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('; ');
}

/** Every record validates; returns how many there were. */
function expectAllValid(file: string, records: readonly unknown[], label: string): number {
  expect(records.length, `${label}: no records`).toBeGreaterThan(0);
  for (const [i, record] of records.entries()) {
    const source = isObject(record) && isObject(record.input) ? String(record.input.file) : isObject(record) ? String(record.source ?? '') : '';
    expect(problems(file, record), `${label} #${i} ${source}`).toBeNull();
  }
  return records.length;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** stdout of --json: one object, or an array for several inputs. */
function jsonRecords(stdout: string): unknown[] {
  const parsed = JSON.parse(stdout) as unknown;
  return Array.isArray(parsed) ? parsed : [parsed];
}

function ndjsonRecords(stdout: string): unknown[] {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => JSON.parse(line) as unknown);
}

function run(args: string[], expectedStatus: number | number[]): string {
  const result = runCli(args);
  const allowed = Array.isArray(expectedStatus) ? expectedStatus : [expectedStatus];
  expect(allowed, `poregrade ${args.join(' ')} exited ${result.status}: ${result.stderr}`).toContain(result.status);
  return result.stdout;
}

const clone = <T>(value: T): T => structuredClone(value);
const errorRecords = (records: readonly unknown[]): Json[] => records.filter((r): r is Json => isObject(r) && 'error' in r);

const tmp = mkdtempSync(join(tmpdir(), 'poregrade-schemas-'));
const SAMPLE_ISOTHERMS = readdirSync(join(PROJECT_ROOT, 'samples', 'isotherms')).filter((f) => f.endsWith('.csv')).sort().map((f) => join('samples', 'isotherms', f));
const SAMPLE_LOTS = readdirSync(join(PROJECT_ROOT, 'samples', 'lots')).filter((f) => f.endsWith('.json')).sort().map((f) => join('samples', 'lots', f));
const SAMPLE_PIGMENTS = readdirSync(join(PROJECT_ROOT, 'samples', 'lots', 'data')).filter((f) => /-(cyan|magenta|yellow)\.csv$/.test(f)).sort().map((f) => join('samples', 'lots', 'data', f));
const NOT_AN_ISOTHERM = join(tmp, 'not-an-isotherm.csv');
writeFileSync(NOT_AN_ISOTHERM, 'this is,not an isotherm\nat,all\n');
const BROKEN_PSD = join(tmp, 'broken-psd.csv');
writeFileSync(BROKEN_PSD, 'Size (nm),Number (%)\n10,1\n30,2\n20,3\n');

/** Records counted per schema, printed at the end so that a run says how much was validated. */
const validated = new Map<string, number>();
const count = (file: string, n: number): void => {
  validated.set(file, (validated.get(file) ?? 0) + n);
};

describe('JSON Schemas', () => {
  it('every schema is draft 2020-12 with its $id, and compiles with ajv in strict mode', () => {
    expect(SCHEMA_FILES).toEqual(['analyze-result.schema.json', 'batch-record.schema.json', 'claim-set.schema.json', 'common.schema.json', 'grade-result.schema.json', 'lot.schema.json', 'psd-result.schema.json']);
    for (const file of SCHEMA_FILES) {
      const schema = schemaJson(file);
      expect(schema.$schema, file).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id, file).toBe(idOf(file));
      expect(typeof validator(file), file).toBe('function');
    }
  });

  it('the record schemas fix the `schema` field of their records', () => {
    const constOf = (file: string): unknown => {
      const defs = schemaJson(file).$defs as Record<string, Json> | undefined;
      const properties = schemaJson(file).properties as Record<string, Json> | undefined;
      return defs?.schemaField?.const ?? properties?.schema?.const;
    };
    expect(constOf('analyze-result.schema.json')).toBe('poregrade/analyze-result@1');
    expect(constOf('psd-result.schema.json')).toBe('poregrade/psd-result@1');
    expect(constOf('grade-result.schema.json')).toBe('poregrade/grade-result@1');
    expect(constOf('batch-record.schema.json')).toBe('poregrade/batch-record@1');
  });

  it('enums mirror the code: thickness models, bases, lot files and analysis settings, error and warning codes', () => {
    const analyze = schemaJson('analyze-result.schema.json').$defs as Record<string, Json>;
    expect(analyze.thicknessModel?.enum).toEqual([...THICKNESS_MODEL_NAMES, 'table']);
    const common = schemaJson('common.schema.json').$defs as Record<string, Json>;
    expect(common.basis?.enum).toEqual([...BASES]);
    const lot = schemaJson('lot.schema.json').properties as Record<string, { anyOf: Json[] }>;
    const objectBranch = (name: string): Record<string, Json> => (lot[name]?.anyOf.find((s) => s.type === 'object')?.properties ?? {}) as Record<string, Json>;
    expect(Object.keys(objectBranch('files'))).toEqual([...LOT_FILE_NAMES]);
    expect(Object.keys(objectBranch('analysis')).sort()).toEqual([...LOT_ANALYSIS_SETTINGS].sort());
    const thickness = objectBranch('analysis').thickness_model as { anyOf: Json[] };
    expect(thickness.anyOf[0]?.enum).toEqual([...THICKNESS_MODEL_NAMES]);
    const codePattern = new RegExp((common.error?.properties as Record<string, Json>).code?.pattern as string);
    for (const code of Object.keys(ERROR_CODES)) expect(code).toMatch(codePattern);
    const warningPattern = new RegExp((common.warning?.properties as Record<string, Json>).code?.pattern as string);
    for (const code of Object.keys(PSD_WARNING_CODES)) expect(code).toMatch(warningPattern);
  });
});

describe('records of the built CLI validate (samples)', () => {
  it('analyze --json on every sample isotherm, one at a time', () => {
    for (const file of SAMPLE_ISOTHERMS) {
      const records = jsonRecords(run(['analyze', file, '--json'], 0));
      expect(records).toHaveLength(1);
      count('analyze-result.schema.json', expectAllValid('analyze-result.schema.json', records, `analyze ${file}`));
    }
  });

  it('analyze with a fixed BET range, --at-diameter, the adsorption branch and Faas (no `search`, at_diameter filled)', () => {
    const records = jsonRecords(run(['analyze', SAMPLE_ISOTHERMS[0]!, '--json', '--bet-range', '0.05:0.30', '--at-diameter', '20', '--bjh-branch', 'adsorption', '--bjh-correction', 'faas', '--thickness', 'halsey'], 0));
    count('analyze-result.schema.json', expectAllValid('analyze-result.schema.json', records, 'analyze fixed range'));
    const record = records[0] as { bet: Json; bjh: { at_diameter: Json | null } };
    expect(record.bet.range_selection).toBe('fixed');
    expect('search' in record.bet).toBe(false);
    expect(record.bjh.at_diameter).not.toBeNull();
  });

  it('analyze of several files with one bad file: the bad file gets an error record in its place', () => {
    const records = jsonRecords(run(['analyze', ...SAMPLE_ISOTHERMS, NOT_AN_ISOTHERM, '--json', '--quiet'], 3));
    expect(records).toHaveLength(SAMPLE_ISOTHERMS.length + 1);
    count('analyze-result.schema.json', expectAllValid('analyze-result.schema.json', records, 'analyze with a bad file'));
    const errors = errorRecords(records);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ schema: 'poregrade/analyze-result@1', input: { file: NOT_AN_ISOTHERM }, error: { file: NOT_AN_ISOTHERM } });
  });

  it('analyze --format ndjson: every line', () => {
    const records = ndjsonRecords(run(['analyze', ...SAMPLE_ISOTHERMS, '--format', 'ndjson', '--quiet'], 0));
    expect(records).toHaveLength(SAMPLE_ISOTHERMS.length);
    count('analyze-result.schema.json', expectAllValid('analyze-result.schema.json', records, 'analyze ndjson'));
  });

  it('psd --json on the sample pigment files (several: an array), and with a broken file among them', () => {
    const records = jsonRecords(run(['psd', ...SAMPLE_PIGMENTS, '--json'], 0));
    expect(records).toHaveLength(SAMPLE_PIGMENTS.length);
    count('psd-result.schema.json', expectAllValid('psd-result.schema.json', records, 'psd samples'));
    const withBad = jsonRecords(run(['psd', SAMPLE_PIGMENTS[0]!, BROKEN_PSD, '--json'], 3));
    count('psd-result.schema.json', expectAllValid('psd-result.schema.json', withBad, 'psd with a broken file'));
    expect(errorRecords(withBad)).toEqual([expect.objectContaining({ schema: 'poregrade/psd-result@1', input: { file: BROKEN_PSD } })]);
  });

  it('grade --json on every sample lot, and with --claims and --fail-on', () => {
    for (const lot of SAMPLE_LOTS) {
      const records = jsonRecords(run(['grade', lot, '--json'], 0));
      count('grade-result.schema.json', expectAllValid('grade-result.schema.json', records, `grade ${lot}`));
    }
    const misses = SAMPLE_LOTS.find((f) => f.includes('misses'))!;
    const records = jsonRecords(run(['grade', misses, '--json', '--claims', 'polymer-particle-voids', '--fail-on', 'not_met'], 1));
    count('grade-result.schema.json', expectAllValid('grade-result.schema.json', records, 'grade --fail-on'));
  });

  it('grade records cover every status: met, not_met and undetermined claims; pass, fail and unknown elements', () => {
    const claims = SAMPLE_LOTS.flatMap((lot) => (jsonRecords(run(['grade', lot, '--json'], 0))[0] as { claims: { status: string; elements: { status: string; kind: string }[] }[] }).claims);
    expect(new Set(claims.map((c) => c.status))).toEqual(new Set(['met', 'not_met', 'undetermined']));
    const elements = claims.flatMap((c) => c.elements);
    expect(new Set(elements.map((e) => e.status))).toEqual(new Set(['pass', 'fail', 'unknown']));
    expect(new Set(elements.map((e) => e.kind))).toEqual(new Set(['fact', 'numeric']));
  });

  it('batch over samples/lots: every NDJSON line, and the --format json array', () => {
    const ndjson = ndjsonRecords(run(['batch', 'samples/lots', '--quiet', '--jobs', '2'], 0));
    expect(ndjson).toHaveLength(SAMPLE_LOTS.length);
    count('batch-record.schema.json', expectAllValid('batch-record.schema.json', ndjson, 'batch ndjson'));
    const json = jsonRecords(run(['batch', 'samples/lots', '--format', 'json', '--quiet', '--jobs', '1'], 0));
    expect(json).toHaveLength(SAMPLE_LOTS.length);
    count('batch-record.schema.json', expectAllValid('batch-record.schema.json', json, 'batch json'));
    expect(json.map((r) => (r as Json).index)).toEqual(SAMPLE_LOTS.map((_, i) => i));
  });

  it('batch over a manifest with broken rows: error records name the manifest and the row', () => {
    const data = resolve(PROJECT_ROOT, 'samples', 'lots', 'data');
    const manifest = join(tmp, 'lots.csv');
    writeFileSync(
      manifest,
      [
        'lot,files.isotherm,files.pigment_psd.cyan,values.coat_weight_g_m2,facts.receiving_layer_porous',
        `M-1,${join(data, 'CL-2026-0412-meets-isotherm.csv')},${join(data, 'CL-2026-0412-meets-cyan.csv')},25,true`,
        'M-2,no-such-isotherm.csv,,25,true',
        'M-3,,,twenty,yes',
      ].join('\n') + '\n',
    );
    const records = ndjsonRecords(run(['batch', manifest, '--quiet'], 3));
    expect(records).toHaveLength(3);
    count('batch-record.schema.json', expectAllValid('batch-record.schema.json', records, 'batch manifest'));
    const errors = errorRecords(records);
    expect(errors.map((e) => [e.index, e.source, e.lot])).toEqual([
      [1, `${manifest}:3`, 'M-2'],
      [2, `${manifest}:4`, 'M-3'],
    ]);
    expect(errors.map((e) => e.error)).toEqual([
      expect.objectContaining({ code: 'E_FILE_NOT_FOUND', file: manifest, line: 3, field: 'files.isotherm' }),
      expect.objectContaining({ code: 'E_LOT_FIELD', file: manifest, line: 4, field: 'values.coat_weight_g_m2' }),
    ]);
  });

  it('the sample lots, `lot template` and the built-in claim sets validate against their schemas', () => {
    for (const lot of SAMPLE_LOTS) expect(problems('lot.schema.json', JSON.parse(readFileSync(join(PROJECT_ROOT, lot), 'utf8'))), lot).toBeNull();
    count('lot.schema.json', SAMPLE_LOTS.length);
    expect(problems('lot.schema.json', JSON.parse(run(['lot', 'template'], 0))), 'lot template').toBeNull();
    count('lot.schema.json', 1);
    const claimSets = readdirSync(join(PROJECT_ROOT, 'claims')).filter((f) => f.endsWith('.json'));
    expect(claimSets.length).toBeGreaterThan(0);
    for (const set of claimSets) expect(problems('claim-set.schema.json', JSON.parse(readFileSync(join(PROJECT_ROOT, 'claims', set), 'utf8'))), set).toBeNull();
    count('claim-set.schema.json', claimSets.length);
  });

  it('the example in lot-format.md validates against lot.schema.json', () => {
    const doc = resolve(SHARED_DATA, '..', 'docs', 'lot-format.md');
    if (!existsSync(doc)) {
      console.warn(`\n!!! SKIPPED lot-format.md example: ${doc} not found\n`);
      return;
    }
    const example = /```json\n([\s\S]*?)\n```/.exec(readFileSync(doc, 'utf8'))?.[1];
    expect(example, 'no json block in lot-format.md').toBeDefined();
    expect(problems('lot.schema.json', JSON.parse(example!))).toBeNull();
    count('lot.schema.json', 1);
  });
});

describeWithSharedData('records of the built CLI validate (reference files in ../shared/data)', () => {
  it('analyze on instrument exports that carry the vendor\'s results: vendor object and comparison, auto and vendor ranges', () => {
    const files = [
      shared('isotherms', 'micromeritics-xls', 'Sample_A.xls'),
      shared('isotherms', 'micromeritics-xls', 'Sample_C.xls'),
      shared('isotherms', 'instrument-exports', 'cheminfo', 'GVM-BET-Gemini.VII.2390.v1.03.TXT'),
      shared('isotherms', 'instrument-exports', '3p', 'MOF_N2_77K.xlsx'),
    ];
    for (const range of ['auto', 'vendor']) {
      // Sample_C prints a BET area but not its points: with --bet-range vendor it is an error record.
      const records = jsonRecords(run(['analyze', ...files, '--json', '--quiet', '--bet-range', range], [0, 3, 4]));
      count('analyze-result.schema.json', expectAllValid('analyze-result.schema.json', records, `analyze instrument exports, --bet-range ${range}`));
      const withVendor = records.filter((r): r is Json => isObject(r) && isObject(r.vendor));
      expect(withVendor.length).toBe(range === 'auto' ? 4 : 3);
      for (const r of withVendor) expect(((r.vendor as Json).comparison as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('analyze on the AIF conversions and the pyGAPS reference isotherms, with the files that cannot be read as error records', () => {
    const aif = readdirSync(shared('isotherms', 'aif', 'converted_real')).filter((f) => f.endsWith('.aif')).map((f) => shared('isotherms', 'aif', 'converted_real', f));
    const pygaps = readdirSync(shared('isotherms', 'pygaps-reference')).filter((f) => f.endsWith('.json')).map((f) => shared('isotherms', 'pygaps-reference', f));
    const files = [...aif, ...pygaps].sort();
    const records = jsonRecords(run(['analyze', ...files, '--json', '--quiet'], [0, 3, 4]));
    expect(records).toHaveLength(files.length);
    count('analyze-result.schema.json', expectAllValid('analyze-result.schema.json', records, 'analyze reference files'));
    const results = records.filter((r): r is Json => isObject(r) && !('error' in r));
    expect(results.length).toBeGreaterThanOrEqual(10);
    // Both kinds of BET outcome are covered: a range found, and none (nulls, criteria null, nearest windows listed).
    const areas = results.map((r) => (r.bet as Json).area_m2_g);
    expect(areas).toContain(null);
    expect(areas.some((a) => typeof a === 'number')).toBe(true);
  });

  it('psd on every particle-size export in ../shared/data/psd (laser diffraction, DLS, image analysis)', () => {
    const files = readdirSync(shared('psd'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(shared('psd', d.name)).map((f) => shared('psd', d.name, f)))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const records = jsonRecords(run(['psd', file, '--json'], 0));
      count('psd-result.schema.json', expectAllValid('psd-result.schema.json', records, `psd ${file}`));
    }
  });

  it('psd with a chosen record, a basis to derive from and windows with units', () => {
    const zetasizer = shared('psd', 'zetasizer', 'chc_particleSize.txt');
    const records = jsonRecords(run(['psd', zetasizer, '--json', '--record', '2', '--from', 'intensity', '--window', '0.05um:0.2um'], 0));
    count('psd-result.schema.json', expectAllValid('psd-result.schema.json', records, 'psd --record 2'));
    expect(records[0]).toMatchObject({ settings: { record: 2, from: 'intensity' }, input_basis: { basis: 'intensity' } });
  });

});

describe('records that drift do not validate', () => {
  const analyze = jsonRecords(run(['analyze', SAMPLE_ISOTHERMS[0]!, '--json'], 0))[0] as Json;
  const psd = jsonRecords(run(['psd', SAMPLE_PIGMENTS[0]!, '--json'], 0))[0] as Json;
  const grade = jsonRecords(run(['grade', SAMPLE_LOTS[0]!, '--json'], 0))[0] as Json;
  const batch = ndjsonRecords(run(['batch', SAMPLE_LOTS[0]!, '--quiet'], 0))[0] as Json;
  type Mutation = [label: string, schema: string, base: Json, mutate: (r: Json) => void];
  const at = (r: Json, ...path: (string | number)[]): Json => {
    let node: unknown = r;
    for (const key of path) node = (node as Record<string | number, unknown>)[key];
    if (!isObject(node)) throw new Error(`fixture changed: ${path.join('.')} is not an object`);
    return node;
  };

  it('the unchanged records validate (so each failure below is the mutation)', () => {
    expect(problems('analyze-result.schema.json', analyze)).toBeNull();
    expect(problems('psd-result.schema.json', psd)).toBeNull();
    expect(problems('grade-result.schema.json', grade)).toBeNull();
    expect(problems('batch-record.schema.json', batch)).toBeNull();
  });

  const mutations: Mutation[] = [
    ['analyze: bjh missing', 'analyze-result.schema.json', analyze, (r) => delete r.bjh],
    ['analyze: metadata.extra missing', 'analyze-result.schema.json', analyze, (r) => delete at(r, 'input', 'metadata').extra],
    ['analyze: a setting missing', 'analyze-result.schema.json', analyze, (r) => delete at(r, 'settings').psd_basis],
    ['analyze: bet area "NaN" (a string)', 'analyze-result.schema.json', analyze, (r) => (at(r, 'bet').area_m2_g = 'NaN')],
    ['analyze: BJH row dv/dlogD "Infinity"', 'analyze-result.schema.json', analyze, (r) => (at(r, 'bjh', 'distribution', 0).dv_dlogd_cm3_g = 'Infinity')],
    ['analyze: an unknown top-level key', 'analyze-result.schema.json', analyze, (r) => (r.extra = 1)],
    ['analyze: another record\'s schema field', 'analyze-result.schema.json', analyze, (r) => (r.schema = 'poregrade/psd-result@1')],
    ['analyze: the next version', 'analyze-result.schema.json', analyze, (r) => (r.schema = 'poregrade/analyze-result@2')],
    ['analyze: auto range without its search', 'analyze-result.schema.json', analyze, (r) => delete at(r, 'bet').search],
    ['analyze: fixed range with a search', 'analyze-result.schema.json', analyze, (r) => (at(r, 'bet').range_selection = 'fixed')],
    ['analyze: a BET fit value unknown to the schema', 'analyze-result.schema.json', analyze, (r) => (at(r, 'bet').area_m2 = 1)],
    ['analyze: failure counts in camelCase', 'analyze-result.schema.json', analyze, (r) => (at(r, 'bet', 'search').failures = { r2: 1, rouquerolIncreasing: 1, positiveC: 1, monolayerInRange: 1, monolayerConsistent: 1 })],
    ['analyze: unknown pore-volume method', 'analyze-result.schema.json', analyze, (r) => (at(r, 'pore_volume').method = 'extrapolated')],
    ['analyze: warning without a code', 'analyze-result.schema.json', analyze, (r) => (r.warnings = [{ message: 'something' }])],
    ['analyze: sha256 not hex', 'analyze-result.schema.json', analyze, (r) => (at(r, 'input').sha256 = 'xyz')],
    ['analyze error record: error.hint missing', 'analyze-result.schema.json', { schema: 'poregrade/analyze-result@1', input: { file: 'a.csv' }, error: { code: 'E_NO_DATA', message: 'm', file: 'a.csv', line: null, field: null, hint: 'h' } }, (r) => delete at(r, 'error').hint],
    ['analyze error record: error.line as text', 'analyze-result.schema.json', { schema: 'poregrade/analyze-result@1', input: { file: 'a.csv' }, error: { code: 'E_NO_DATA', message: 'm', file: 'a.csv', line: null, field: null, hint: 'h' } }, (r) => (at(r, 'error').line = '3')],
    ['psd: number statistics missing', 'psd-result.schema.json', psd, (r) => delete r.number],
    ['psd: d50 "NaN"', 'psd-result.schema.json', psd, (r) => (at(r, 'volume').d50_nm = 'NaN')],
    ['psd: a fraction above 1', 'psd-result.schema.json', psd, (r) => (at(r, 'fractions', 0).number_fraction = 1.5)],
    ['psd: unknown basis', 'psd-result.schema.json', psd, (r) => (at(r, 'input').basis = 'mass')],
    ['psd: bins with an input column but no input_basis', 'psd-result.schema.json', psd, (r) => (at(r, 'bins', 0).input = 0.1)],
    ['grade: wrong claim status', 'grade-result.schema.json', grade, (r) => (at(r, 'claims', 0).status = 'passed')],
    ['grade: element status from the claim vocabulary', 'grade-result.schema.json', grade, (r) => (at(r, 'claims', 0, 'elements', 0).status = 'met')],
    ['grade: claim reason missing', 'grade-result.schema.json', grade, (r) => delete at(r, 'claims', 0).reason],
    ['grade: summary missing undetermined', 'grade-result.schema.json', grade, (r) => delete at(r, 'summary').undetermined],
    ['grade: measurement value "NaN"', 'grade-result.schema.json', grade, (r) => (at(r, 'analysis', 'measurements', 'bet_area').value = 'NaN')],
    ['grade: measured value without its source', 'grade-result.schema.json', grade, (r) => delete at(r, 'analysis', 'measurements', 'bet_area').source],
    ['grade: settings without fail_on', 'grade-result.schema.json', grade, (r) => delete at(r, 'settings').fail_on],
    ['grade: unknown setting origin', 'grade-result.schema.json', grade, (r) => (at(r, 'settings', 'claim_sets', 0, 'origin').bjh_branch = 'cli')],
    ['batch: index missing', 'batch-record.schema.json', batch, (r) => delete r.index],
    ['batch: the grade-result schema field', 'batch-record.schema.json', batch, (r) => (r.schema = 'poregrade/grade-result@1')],
    ['batch: wrong claim status', 'batch-record.schema.json', batch, (r) => (at(r, 'claims', 0).status = 'pass')],
    ['batch error record: lot missing', 'batch-record.schema.json', { schema: 'poregrade/batch-record@1', index: 0, source: 'a.json', lot: null, error: { code: 'E_BAD_JSON', message: 'm', file: 'a.json', line: 1, field: null, hint: 'h' } }, (r) => delete r.lot],
    ['batch error record: error code not E_…', 'batch-record.schema.json', { schema: 'poregrade/batch-record@1', index: 0, source: 'a.json', lot: null, error: { code: 'E_BAD_JSON', message: 'm', file: 'a.json', line: 1, field: null, hint: 'h' } }, (r) => (at(r, 'error').code = 'bad json')],
  ];

  it.each(mutations)('%s', (_label, schema, base, mutate) => {
    const record = clone(base);
    expect(problems(schema, record), 'the base record must be valid').toBeNull();
    mutate(record);
    expect(problems(schema, record)).not.toBeNull();
  });
});

describe('lot.schema.json agrees with the lot loader', () => {
  const baseDir = join(PROJECT_ROOT, 'samples', 'lots');
  const loader = (data: unknown): 'accepted' | 'warning' | 'error' => {
    try {
      return parseLot(data, 'test.json', baseDir).warnings.length > 0 ? 'warning' : 'accepted';
    } catch (error) {
      if (error instanceof PoregradeError) return 'error';
      throw error;
    }
  };
  const cyan = 'data/CL-2026-0412-meets-cyan.csv';

  it.each<[string, unknown]>([
    ['nulls everywhere (the template\'s "not given")', { lot: null, files: null, values: { a: null }, facts: { b: null }, analysis: null, descriptions: null }],
    ['values with and without a tolerance', { values: { a: 1, b: { value: 35, tolerance: 2 }, c: { value: 3, tolerance: null }, d: { value: -4 } } }],
    ['facts: boolean, string, list', { facts: { a: true, b: 'one', c: ['x', 'y'], d: [] } }],
    ['one pigment file, or a map with some inks null', { files: { pigment_psd: cyan, isotherm: null } }],
    ['a pigment map', { files: { pigment_psd: { cyan, magenta: null } } }],
    ['analysis settings', { analysis: { bjh_branch: 'adsorption', pore_volume_basis: 'bjh_cumulative', thickness_model: 'halsey', bet_range: '0.05:0.3', pore_volume_at: 0.98 } }],
  ])('accepts %s, as the loader does', (_label, data) => {
    expect(loader(data)).toBe('accepted');
    expect(problems('lot.schema.json', data)).toBeNull();
  });

  it.each<[string, unknown, 'error' | 'warning']>([
    ['a value as a string', { values: { coat_weight_g_m2: '25' } }, 'error'],
    ['a negative tolerance', { values: { a: { value: 1, tolerance: -1 } } }, 'error'],
    ['a value object with a unit', { values: { a: { value: 1, unit: 'g' } } }, 'error'],
    ['a value object without its value', { values: { a: { tolerance: 1 } } }, 'error'],
    ['values as a list', { values: [1, 2] }, 'error'],
    ['an empty pigment map', { files: { pigment_psd: {} } }, 'error'],
    ['a pigment map with no ink given', { files: { pigment_psd: { cyan: null } } }, 'error'],
    ['an empty path', { files: { isotherm: '' } }, 'error'],
    ['a path that is a number', { files: { isotherm: 42 } }, 'error'],
    ['a blank lot id', { lot: '   ' }, 'error'],
    ['a fact that is a number', { facts: { a: 3 } }, 'error'],
    ['a list fact with a number in it', { facts: { a: ['x', 1] } }, 'error'],
    ['an analysis setting that is an object', { analysis: { bet_range: { lo: 0.05 } } }, 'error'],
    ['a lot file that is an array', [], 'error'],
    ['an unknown top-level name (ignored by the loader with a warning)', { lot: 'x', colour: 'red' }, 'warning'],
    ['an unknown file name (ignored by the loader with a warning)', { files: { isotherms: cyan } }, 'warning'],
  ])('refuses %s; the loader says %s', (_label, data, outcome) => {
    expect(loader(data)).toBe(outcome);
    expect(problems('lot.schema.json', data)).not.toBeNull();
  });

  it('refuses analysis settings that grading would refuse or silently ignore', () => {
    for (const analysis of [{ bjh_branch: 'both' }, { pore_volume_basis: 'bjh' }, { thickness_model: 'harkins_jura' }, { bet_range: 'automatic' }, { pore_volume_at: 1.5 }, { bjh_brnach: 'desorption' }]) {
      expect(problems('lot.schema.json', { analysis }), JSON.stringify(analysis)).not.toBeNull();
    }
  });
});

describe('summary', () => {
  it('says how many records of each schema were validated', () => {
    console.log(`\nschemas: records validated: ${[...validated].map(([file, n]) => `${file} ${n}`).join(', ')}\n`);
    expect(validated.size).toBeGreaterThan(0);
  });
});
