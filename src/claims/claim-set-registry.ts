/**
 * The claim sets a command grades against: the built-in sets shipped in the package's claims/ folder (one JSON file
 * each, so adding a set is adding a file), or files named with --claims.
 */
import { existsSync, readdirSync } from 'node:fs';
import { InputError } from '../errors.js';
import { projectFile } from '../project-files.js';
import type { ClaimSet } from './claim-set.js';
import { loadClaimSet } from './claim-set-loader.js';

export const BUILT_IN_CLAIMS_DIR = projectFile('claims');

let builtIns: ClaimSet[] | undefined;

/** Every built-in set, in file-name order. */
export function builtInClaimSets(): readonly ClaimSet[] {
  builtIns ??= readdirSync(BUILT_IN_CLAIMS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => loadClaimSet(projectFile('claims', name), true));
  return builtIns;
}

/**
 * Resolves --claims arguments: a built-in id, else a claim-set file. None → every built-in set. The same id twice
 * is refused, since "set:claim" strings must name one claim.
 */
export function resolveClaimSets(specs: readonly string[], option = '--claims'): ClaimSet[] {
  const sets = specs.length === 0 ? [...builtInClaimSets()] : specs.map((spec) => resolveOne(spec, option));
  const seen = new Map<string, string>();
  for (const set of sets) {
    const earlier = seen.get(set.id);
    if (earlier !== undefined) {
      throw new InputError('E_DUPLICATE_CLAIM_SET', `claim set "${set.id}" is given twice (${earlier} and ${set.file})`, { field: option });
    }
    seen.set(set.id, set.file);
  }
  return sets;
}

function resolveOne(spec: string, option: string): ClaimSet {
  const builtIn = builtInClaimSets().find((set) => set.id === spec);
  if (builtIn) return builtIn;
  if (spec === '-' || existsSync(spec)) return loadClaimSet(spec);
  const ids = builtInClaimSets().map((set) => set.id);
  throw new InputError('E_UNKNOWN_CLAIM_SET', `"${spec}" is neither a built-in claim set (${ids.join(', ')}) nor an existing file`, { field: option });
}
