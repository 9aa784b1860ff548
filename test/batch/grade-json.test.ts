/**
 * The fast batch-record writer (src/output/grade-json.ts) copies the serialised lot-independent fields of claims and
 * elements instead of serialising them again; its bytes must be exactly what JSON.stringify makes of the same record.
 * Checked on the sample lots (met, missed, nothing measured), on generated lots, and on an error record.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLots } from '../../bench/generate-lots.js';
import { parseManifest } from '../../src/batch/manifest.js';
import { runGradeTask, type GradeTask } from '../../src/batch/grade-task.js';
import { builtInClaimSets } from '../../src/claims/claim-set-registry.js';
import { readInput } from '../../src/io/input.js';
import { gradeRecordJson } from '../../src/output/grade-json.js';
import { PROJECT_ROOT } from '../helpers/shared-data.js';

const claims = builtInClaimSets().map((s) => s.id);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function lotFileTask(name: string): GradeTask {
  return { kind: 'grade', index: 0, source: { lotFile: join(PROJECT_ROOT, 'samples', 'lots', name) }, claims };
}

describe('the fast batch-record writer', () => {
  it.each(['CL-2026-0412-meets.json', 'CL-2026-0413-misses.json', 'CL-2026-0414-no-measurements.json'])('writes %s exactly as JSON.stringify', (name) => {
    const { record, error } = runGradeTask(lotFileTask(name));
    expect(error).toBeUndefined();
    expect((record as { claims: unknown[] }).claims).toHaveLength(41);
    expect(decode(gradeRecordJson(record, '\n'))).toBe(JSON.stringify(record) + '\n');
  });

  it('writes generated lots exactly as JSON.stringify, the second time from its cache too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poregrade-grade-json-'));
    const manifestPath = generateLots(dir, 20, 7).manifest;
    const manifest = parseManifest(readInput(manifestPath));
    for (let index = 0; index < manifest.length; index++) {
      const row = manifest.row(index);
      const { record } = runGradeTask({ kind: 'grade', index, source: { manifest: manifestPath, line: row.line, baseDir: manifest.baseDir, data: row.data }, claims });
      expect(decode(gradeRecordJson(record))).toBe(JSON.stringify(record));
    }
  });

  it('writes an error record and a record read back from JSON (no definitions attached) as JSON.stringify', () => {
    const { record, error } = runGradeTask(lotFileTask('no-such-lot.json'));
    expect(error).toMatch(/no-such-lot\.json/);
    expect(decode(gradeRecordJson(record))).toBe(JSON.stringify(record));
    const parsed = JSON.parse(JSON.stringify(runGradeTask(lotFileTask('CL-2026-0413-misses.json')).record)) as Record<string, unknown>;
    expect(decode(gradeRecordJson(parsed))).toBe(JSON.stringify(parsed));
  });
});
