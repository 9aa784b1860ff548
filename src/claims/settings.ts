/**
 * The settings a claim set is graded under. A set may fix the analysis choices it was written for (the BJH branch,
 * the pore-volume basis); the lot's `analysis` may choose them too. lot-format.md: the set's setting wins, and the
 * conflict is reported. Neither → the defaults of claims.md (desorption, Gurvich).
 */
import { InputError } from '../errors.js';
import type { AnalysisSettings } from '../analysis/lot-analysis.js';
import type { ClaimSet } from './claim-set.js';
import type { LotFile } from './lot.js';
import { BJH_BRANCHES, PORE_VOLUME_BASES, type BjhBranch, type MeasurementChoice, type PoreVolumeBasis } from './measurements.js';

export type SettingOrigin = 'set' | 'lot' | 'default';

export interface EffectiveSettings extends MeasurementChoice {
  readonly substantially: number;
  readonly origin: { readonly bjh_branch: SettingOrigin; readonly pore_volume_basis: SettingOrigin };
}

export const DEFAULT_BJH_BRANCH: BjhBranch = 'desorption';
export const DEFAULT_PORE_VOLUME_BASIS: PoreVolumeBasis = 'gurvich';

/** The settings set `set` is graded under for `lot`, and the lot settings it overrides. */
export function effectiveSettings(set: ClaimSet, lot: LotFile): { settings: EffectiveSettings; conflicts: string[] } {
  const conflicts: string[] = [];
  const choose = <T extends string>(name: 'bjh_branch' | 'pore_volume_basis', allowed: readonly T[], fallback: T): { value: T; origin: SettingOrigin } => {
    const fromSet = set.settings[name] as T | undefined;
    const fromLot = lotSetting(lot, name, allowed);
    if (fromSet !== undefined) {
      if (fromLot !== undefined && fromLot !== fromSet) {
        conflicts.push(`${set.id} fixes ${name} = ${fromSet}; the lot's analysis.${name} = ${fromLot} is not used for this set`);
      }
      return { value: fromSet, origin: 'set' };
    }
    return fromLot !== undefined ? { value: fromLot, origin: 'lot' } : { value: fallback, origin: 'default' };
  };
  const branch = choose('bjh_branch', BJH_BRANCHES, DEFAULT_BJH_BRANCH);
  const basis = choose('pore_volume_basis', PORE_VOLUME_BASES, DEFAULT_PORE_VOLUME_BASIS);
  return {
    settings: { substantially: set.settings.substantially, bjh_branch: branch.value, pore_volume_basis: basis.value, origin: { bjh_branch: branch.origin, pore_volume_basis: basis.origin } },
    conflicts,
  };
}

/** What the analysis must compute so that every set can be graded: each BJH branch any set is graded under, once. */
export function analysisSettingsFor(lot: LotFile, sets: readonly ClaimSet[]): AnalysisSettings {
  const branches = new Set(sets.map((set) => effectiveSettings(set, lot).settings.bjh_branch));
  if (sets.length === 0) branches.add(lotSetting(lot, 'bjh_branch', BJH_BRANCHES) ?? DEFAULT_BJH_BRANCH);
  return { bjh_branches: BJH_BRANCHES.filter((b) => branches.has(b)) };
}

function lotSetting<T extends string>(lot: LotFile, name: string, allowed: readonly T[]): T | undefined {
  const value = lot.analysis.get(name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InputError('E_LOT_FIELD', `must be one of ${allowed.join(', ')} (found ${JSON.stringify(value)})`, { file: lot.file, field: `analysis.${name}` });
  }
  return value as T;
}
