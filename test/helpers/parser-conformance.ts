/**
 * The parser-conformance `.json` files (../shared/data/isotherms/parser-conformance) hold what an independent
 * parser (AIF-development-team/adsorption-file-parser, the one pyGAPS uses) read from each instrument file:
 * `meta` (material_mass + material_mass_unit, temperature + temperature_unit, adsorbate, loading_unit per
 * material_unit, pressure_mode) and `data` (pressure_relative, pressure, pressure_saturation, loading, branch) in
 * measurement order. This turns them into poregrade's units for comparison.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** 1 mmol = 22.414 cm³(STP) (../shared/docs/science.md). */
const CM3_STP_PER_MMOL = 22.414;

export interface ConformanceFile {
  meta: Record<string, unknown>;
  data: Record<string, unknown[]>;
}

export function readConformance(path: string): ConformanceFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ConformanceFile;
}

/** Expected p/p0 per point: the parser's relative pressure, or pressure / saturation pressure, or the pressure itself in relative mode. */
export function expectedRelativePressure(c: ConformanceFile, prefer: 'relative' | 'ratio' = 'relative'): number[] {
  const rel = c.data.pressure_relative as number[] | undefined;
  const p = c.data.pressure as number[] | undefined;
  const p0 = c.data.pressure_saturation as number[] | undefined;
  if (prefer === 'ratio' && p && p0) return p.map((x, i) => x / p0[i]!);
  if (rel) return rel;
  if (c.meta.pressure_mode === 'relative' && p) return p;
  if (p && p0) return p.map((x, i) => x / p0[i]!);
  throw new Error('conformance file has no relative pressure');
}

/** Expected loading in cm³(STP)/g. */
export function expectedLoading(c: ConformanceFile): number[] {
  const unit = c.meta.loading_unit;
  if (c.meta.material_unit !== 'g' || c.meta.material_basis !== 'mass') throw new Error(`unexpected material basis ${String(c.meta.material_unit)}`);
  const factor = unit === 'cm3(STP)' ? 1 : unit === 'mmol' ? CM3_STP_PER_MMOL : NaN;
  if (Number.isNaN(factor)) throw new Error(`unexpected loading unit ${String(unit)}`);
  return (c.data.loading as number[]).map((q) => q * factor);
}

/** Expected bath temperature in K, or undefined when the parser has none. */
export function expectedTemperatureK(c: ConformanceFile): number | undefined {
  const t = c.meta.temperature;
  if (typeof t !== 'number') return undefined;
  return c.meta.temperature_unit === '°C' ? t + 273.15 : t;
}

/** Every value within `relative` of its expectation (absolute 1e-12 for zeros). */
export function expectClose(actual: ArrayLike<number>, expected: readonly number[], relative: number, what: string): void {
  expect(actual.length, `${what}: number of points`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    const ok = Math.abs(a - e) <= relative * Math.abs(e) + 1e-12;
    if (!ok) expect.fail(`${what}[${i}]: ${a} differs from the reference ${e} by more than ${relative} relative`);
  }
}
