/**
 * Builders for grading tests: a lot from plain JSON, and LotMeasurements in which everything the test does not set
 * is missing. Grading is pure, so no isotherm or PSD file is needed to test a verdict.
 */
import { builtInClaimSets } from '../../src/claims/claim-set-registry.js';
import type { ClaimSet } from '../../src/claims/claim-set.js';
import { gradeLot, type ClaimResult, type ElementResult, type GradeResult } from '../../src/claims/grade.js';
import { parseLot, type LotFile } from '../../src/claims/lot.js';
import { missing, type BjhMeasurements, type LotMeasurements, type MeasuredValue, type Measurement } from '../../src/claims/measurements.js';
import { analysisSettingsFor } from '../../src/claims/settings.js';

export function lotWith(data: Record<string, unknown> = {}): LotFile {
  return parseLot({ lot: 'TEST', ...data }, 'test-lot.json', '/nonexistent-dir');
}

export function measured(value: number, unit: string, extra: Partial<MeasuredValue> = {}): MeasuredValue {
  return { value, unit, uncertainty: null, source: 'test', warnings: [], ...extra };
}

const absent = (): Measurement => missing(['(not set by this test)'], 'not set by this test');

export interface MeasurementsSpec {
  bet_area?: Measurement;
  total_pore_volume?: Measurement;
  bjh?: Partial<Record<'adsorption' | 'desorption', Partial<BjhMeasurements>>>;
  polymer_particle_number_mean?: Measurement;
  pigment_fraction_10_500nm?: Record<string, Measurement>;
  pigment_fraction_300_500nm?: Record<string, Measurement>;
  resin_particle_mean_diameter?: Measurement;
}

export function measurements(spec: MeasurementsSpec = {}): LotMeasurements {
  const branch = (b: Partial<BjhMeasurements> | undefined): BjhMeasurements => ({
    peak_diameter: b?.peak_diameter ?? absent(),
    cumulative_pore_volume: b?.cumulative_pore_volume ?? absent(),
    dvdlogd_at_x: b?.dvdlogd_at_x ?? absent(),
  });
  const perInk = (inks: Record<string, Measurement> | undefined) => (inks ? { inks } : missing(['files.pigment_psd'], 'no pigment file'));
  return {
    bet_area: spec.bet_area ?? absent(),
    total_pore_volume: spec.total_pore_volume ?? absent(),
    bjh: { desorption: branch(spec.bjh?.desorption), adsorption: branch(spec.bjh?.adsorption) },
    polymer_particle_number_mean: spec.polymer_particle_number_mean ?? absent(),
    pigment_fraction_10_500nm: perInk(spec.pigment_fraction_10_500nm),
    pigment_fraction_300_500nm: perInk(spec.pigment_fraction_300_500nm),
    resin_particle_mean_diameter: spec.resin_particle_mean_diameter ?? absent(),
  };
}

export function builtIn(id: string): ClaimSet {
  const set = builtInClaimSets().find((s) => s.id === id);
  if (!set) throw new Error(`no built-in set ${id}`);
  return set;
}

export function grade(sets: ClaimSet | readonly ClaimSet[], lot: LotFile, m: LotMeasurements = measurements()): GradeResult {
  const list = Array.isArray(sets) ? (sets as readonly ClaimSet[]) : [sets as ClaimSet];
  return gradeLot(lot, m, analysisSettingsFor(lot, list), list);
}

export function claimOf(result: GradeResult, set: string, claim: string): ClaimResult {
  const found = result.claims.find((c) => c.set === set && c.claim === claim);
  if (!found) throw new Error(`no claim ${set}:${claim}`);
  return found;
}

export function elementOf(result: GradeResult, set: string, claim: string, element: string): ElementResult {
  const found = claimOf(result, set, claim).elements.find((e) => e.id === element);
  if (!found) throw new Error(`no element ${set}:${claim}/${element}`);
  return found;
}
