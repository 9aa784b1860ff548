/**
 * Which lot names ("values.coat_weight_g_m2", "facts.ink_colors", "files.isotherm") a claim set reads, claim by
 * claim: for `claims show`, for the skeleton `lot template` writes, and to warn about lot names nothing reads
 * (lot-format.md: probably a typo, so a warning, not an error).
 */
import { LOT_ANALYSIS_SETTINGS } from '../analysis/lot-analysis.js';
import { namesIn } from './expression.js';
import type { Claim, ClaimSet } from './claim-set.js';
import type { LotFile } from './lot.js';
import { ANALYSIS_INPUTS, MEASURED } from './measurements.js';

/** What a lot name is, for templates and listings. */
export interface LotName {
  readonly name: string;
  readonly description: string;
  /** "set:claim" of every claim that reads it. */
  readonly readBy: string[];
}

/** Lot names one claim reads through its own elements (not its parents'), in order of first use. */
export function namesReadByClaim(set: ClaimSet, claim: Claim): string[] {
  const names: string[] = [];
  const add = (n: string): void => {
    if (!names.includes(n)) names.push(n);
  };
  const seen = new Set<string>();
  const visitQuantity = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const source of set.quantities.get(name)?.sources ?? []) {
      if (source.kind === 'declared') add(`values.${source.name}`);
      else if (source.kind === 'measured') MEASURED[source.name].reads.forEach(add);
      else namesIn(source.expr).forEach(visitQuantity);
    }
  };
  for (const element of claim.elements) {
    if (element.kind === 'fact') add(`facts.${element.fact}`);
    else namesIn(element.expr).forEach(visitQuantity);
  }
  return names;
}

/** Every lot name the sets read, with a description and the claims that read it, in order of first use. */
export function namesReadBy(sets: readonly ClaimSet[]): LotName[] {
  const byName = new Map<string, LotName>();
  for (const set of sets) {
    for (const claim of set.claims) {
      for (const name of namesReadByClaim(set, claim)) {
        const entry = byName.get(name) ?? { name, description: describeLotName(set, name), readBy: [] };
        entry.readBy.push(`${set.id}:${claim.id}`);
        byName.set(name, entry);
      }
    }
  }
  return [...byName.values()];
}

function describeLotName(set: ClaimSet, name: string): string {
  const analysisInput = ANALYSIS_INPUTS[name];
  if (analysisInput !== undefined) return analysisInput;
  const [section, key] = name.split('.', 2);
  if (section === 'facts') {
    const fact = set.facts.get(key ?? '');
    return fact ? `${fact.description} (${fact.type === 'boolean' ? 'true or false' : 'list of strings'})` : 'fact';
  }
  const quantity = [...set.quantities.values()].find((q) => q.sources.some((s) => s.kind === 'declared' && s.name === key));
  return quantity ? `${quantity.description}, in ${quantity.unit.text}` : 'value';
}

/** The names one set reads, worked out once per set (a batch asks for every lot). */
const namesOfSet = new WeakMap<ClaimSet, ReadonlySet<string>>();
function namesReadBySet(set: ClaimSet): ReadonlySet<string> {
  let names = namesOfSet.get(set);
  if (!names) namesOfSet.set(set, (names = new Set(set.claims.flatMap((claim) => namesReadByClaim(set, claim)))));
  return names;
}

/** Warnings for `values`, `facts` and `analysis` names that no given or built-in set and no analysis reads. */
export function unknownNameWarnings(lot: LotFile, sets: readonly ClaimSet[]): string[] {
  const known = { has: (name: string) => Object.hasOwn(ANALYSIS_INPUTS, name) || sets.some((set) => namesReadBySet(set).has(name)) };
  const warnings: string[] = [];
  for (const [section, names] of [
    ['values', lot.values.keys()],
    ['facts', lot.facts.keys()],
  ] as const) {
    for (const name of names) {
      if (!known.has(`${section}.${name}`)) warnings.push(`${section}.${name} is read by no claim set (a typo?); ignored`);
    }
  }
  for (const name of lot.analysis.keys()) {
    if (!LOT_ANALYSIS_SETTINGS.includes(name)) warnings.push(`analysis.${name} is not an analysis setting (known: ${LOT_ANALYSIS_SETTINGS.join(', ')}); ignored`);
  }
  return warnings;
}
