/**
 * A claim set after loading: every name resolved, every expression parsed, every unit parsed and checked, every
 * window limit a number. The file form is described by schemas/claim-set.schema.json; claim-set-loader.ts turns
 * one into the other and refuses a file that cannot be read back to its claims.
 */
import type { Expr } from './expression.js';
import type { BjhBranch, MeasuredName, PoreVolumeBasis } from './measurements.js';
import type { Unit } from './units.js';

/** claims.md: "substantially" within a range, read as this number fraction unless the set says otherwise. */
export const DEFAULT_SUBSTANTIALLY = 0.95;

export interface SetSettings {
  /** Numeric; usable by name in window limits. */
  readonly substantially: number;
  /** Only when the set fixes them; otherwise the lot's analysis settings or the defaults apply (settings.ts). */
  readonly pore_volume_basis?: PoreVolumeBasis;
  readonly bjh_branch?: BjhBranch;
}

export interface FactDeclaration {
  readonly type: 'boolean' | 'list';
  readonly description: string;
}

export type QuantitySource =
  | { readonly kind: 'declared'; readonly name: string }
  | { readonly kind: 'measured'; readonly name: MeasuredName }
  | { readonly kind: 'expression'; readonly text: string; readonly expr: Expr };

export interface QuantityDefinition {
  readonly name: string;
  readonly unit: Unit;
  readonly description: string;
  readonly note?: string;
  /** In order of preference. */
  readonly sources: readonly QuantitySource[];
  /** Read per ink colour (a pigment measurement); only usable alone, not inside an expression. */
  readonly perInk: boolean;
}

export interface Limit {
  readonly value: number;
  readonly inclusive: boolean;
  /** As the set writes it ("3/7", "substantially"), for the claim chart. */
  readonly printed: string;
}

export interface Window {
  readonly unit: Unit;
  readonly lower: Limit | null;
  readonly upper: Limit | null;
}

export type FactTest =
  | { readonly kind: 'is'; readonly value: boolean }
  | { readonly kind: 'includes_all'; readonly values: readonly string[] }
  | { readonly kind: 'includes_any'; readonly values: readonly string[] };

interface ElementBase {
  readonly id: string;
  /** The words of the claim this element encodes. */
  readonly text: string;
  readonly note?: string;
}

export interface FactElement extends ElementBase {
  readonly kind: 'fact';
  readonly fact: string;
  readonly test: FactTest;
}

export interface NumericElement extends ElementBase {
  readonly kind: 'numeric';
  /** The expression as written ("A / B" or just "A"). */
  readonly valueText: string;
  readonly expr: Expr;
  readonly window: Window;
}

export type Element = FactElement | NumericElement;

export type ParentsRule = 'all' | 'any_one_of';

export interface Claim {
  readonly id: string;
  readonly title: string;
  readonly parents: readonly string[];
  readonly parentsRule: ParentsRule;
  readonly note?: string;
  readonly elements: readonly Element[];
}

export interface ClaimSet {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly notes: readonly string[];
  /** The file it was loaded from. */
  readonly file: string;
  readonly builtIn: boolean;
  readonly settings: SetSettings;
  readonly facts: ReadonlyMap<string, FactDeclaration>;
  readonly quantities: ReadonlyMap<string, QuantityDefinition>;
  /** In file order, which lists every parent before its dependants only if the author did; grading does not rely on it. */
  readonly claims: readonly Claim[];
}

/**
 * How a chart names a claim's parents: "depends on 1", "depends on any one of 1, 2, 3" ('' for an independent claim).
 * "(of 1)" was read as "one of 1 claims".
 */
export function dependsOnText(rule: ParentsRule, parents: readonly string[]): string {
  if (parents.length === 0) return '';
  return `depends on ${rule === 'any_one_of' ? 'any one of ' : ''}${parents.join(', ')}`;
}

/** "≥ 0.1 and ≤ 1.0 ml/g" style text of a window, with the printed limits. */
export function describeWindow(window: Window): string {
  const parts: string[] = [];
  if (window.lower) parts.push(`${window.lower.inclusive ? '≥' : '>'} ${window.lower.printed}`);
  if (window.upper) parts.push(`${window.upper.inclusive ? '≤' : '<'} ${window.upper.printed}`);
  return `${parts.join(' and ')} ${window.unit.text}`;
}

/** "facts.ink_colors includes all of: cyan, magenta, yellow". */
export function describeFactTest(e: FactElement): string {
  if (e.test.kind === 'is') return `facts.${e.fact} is ${e.test.value}`;
  return `facts.${e.fact} ${e.test.kind === 'includes_all' ? 'includes all of' : 'includes one of'}: ${e.test.values.join(', ')}`;
}
