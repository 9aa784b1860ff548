/**
 * Compares an Isotherm with the expected output of an independent parser (the `.json` beside each file in
 * ../shared/data/isotherms/parser-conformance: `meta` with adsorbate, temperature, material_mass, material, operator,
 * date; `data` with pressure + pressure_saturation or pressure_relative, loading and, for most, branch 0/1).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ADSORPTION, DESORPTION, type Isotherm } from '../../src/model/isotherm.js';
import { normaliseAdsorbate } from '../../src/io/units.js';

export interface ConformanceJson {
  meta: Record<string, unknown>;
  data: Record<string, number[]>;
}

export function readConformanceJson(path: string): ConformanceJson {
  return JSON.parse(readFileSync(path, 'utf8')) as ConformanceJson;
}

export interface ExpectedPoint {
  relativePressure: number;
  loading: number;
  branch: number;
}

/**
 * The json's points as p/p0 and loading × `loadingFactor`, with branches (turning point when the json has none).
 * p/p0 is pressure / pressure_saturation by default; `prefer: 'relative'` takes the file's own p/p0 column where the
 * json has one (Micromeritics prints p/p0 to full precision but p and p0 rounded to float32).
 */
export function expectedPoints(json: ConformanceJson, loadingFactor: number, prefer: 'ratio' | 'relative' = 'ratio'): ExpectedPoint[] {
  const d = json.data;
  const loading = d.loading!;
  const ratio = d.pressure && d.pressure_saturation && d.pressure.length === loading.length ? d.pressure.map((p, i) => p / d.pressure_saturation![i]!) : undefined;
  const ownRelative = d.pressure_relative ?? (json.meta.pressure_mode === 'relative' ? d.pressure : undefined);
  const relative = (prefer === 'relative' ? ownRelative ?? ratio : ratio ?? ownRelative)!;
  let branch = d.branch;
  if (!branch) {
    let top = 0;
    relative.forEach((p, i) => {
      if (p > relative[top]!) top = i;
    });
    branch = relative.map((_, i) => (i > top ? DESORPTION : ADSORPTION));
  }
  return relative.map((p, i) => ({ relativePressure: p, loading: loading[i]! * loadingFactor, branch: branch[i]! }));
}

const close = (a: number, b: number, rel = 1e-6): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

/**
 * Every point of `isotherm` equals the json's point at the same place within 1e-6 relative, in order, branch by
 * branch. The json may hold extra points only where the readers drop instrument artefacts (negative pressure or
 * amount, a pressure repeated later in the same branch); returns how many were skipped so tests can pin that.
 */
export function expectSamePoints(isotherm: Isotherm, expected: ExpectedPoint[]): number {
  let skipped = 0;
  for (const branch of [ADSORPTION, DESORPTION]) {
    const want = expected.filter((p) => p.branch === branch);
    const mine: { p: number; q: number }[] = [];
    for (let i = 0; i < isotherm.branch.length; i++) {
      if (isotherm.branch[i] === branch) mine.push({ p: isotherm.relativePressure[i]!, q: isotherm.loadingCm3StpPerG[i]! });
    }
    let j = 0;
    want.forEach((w, k) => {
      const m = mine[j];
      if (m && close(m.p, w.relativePressure) && close(m.q, w.loading)) {
        j++;
        return;
      }
      const artefact = w.relativePressure < 0 || w.loading < 0 || want.slice(k + 1).some((later) => later.relativePressure === w.relativePressure);
      expect(artefact, `branch ${branch} point ${k + 1}: expected p/p0 ${w.relativePressure}, loading ${w.loading}; got ${m ? `${m.p}, ${m.q}` : 'nothing'}`).toBe(true);
      skipped++;
    });
    expect(j, `branch ${branch}: all points read`).toBe(mine.length);
  }
  return skipped;
}

/**
 * Mass, temperature (K or °C), adsorbate, sample name, operator and date agree where the json has them; `skip` names
 * fields where the json is known not to describe the file as stored (e.g. an operator anonymised after parsing).
 */
export function expectSameMetadata(isotherm: Isotherm, json: ConformanceJson, skip: readonly ('operator' | 'date')[] = []): void {
  const m = json.meta;
  if (typeof m.material_mass === 'number') expect(isotherm.sampleMassG).toBeCloseTo(m.material_mass, 12);
  if (typeof m.temperature === 'number') expect(isotherm.temperatureK).toBeCloseTo(m.temperature_unit === '°C' ? m.temperature + 273.15 : m.temperature, 9);
  expect(isotherm.adsorbate).toBe(normaliseAdsorbate(String(m.adsorbate)));
  // The reference parser read some UTF-8 files as Latin-1, so its U+FFFD shows as "ï¿½".
  if (typeof m.material === 'string' && m.material !== '') expect(isotherm.metadata.sampleName).toBe(m.material.trim().replace(/ï¿½/g, '\uFFFD'));
  if (typeof m.operator === 'string' && m.operator !== '' && !skip.includes('operator')) expect(isotherm.metadata.operator).toBe(m.operator);
  if (typeof m.date === 'string' && !skip.includes('date')) expect(isotherm.metadata.date?.slice(0, 10)).toBe(m.date.slice(0, 10));
}
