/**
 * Grading, pure: (lot, measurements, claim sets) → verdicts for every element and claim (claims.md, "Verdicts").
 * An element passes, fails, or is unknown (naming what to add). A claim is met when every element passes and its
 * parent is met (or, "according to any one of claims …", at least one parent is met); not_met when an element
 * fails or no parent can be met; otherwise undetermined, listing what is missing. The result is the JSON the CLI
 * prints, so every verdict carries the value, unit, window, margin and source behind it.
 */
import { InputError } from '../errors.js';
import type { AnalysisSettings } from '../analysis/lot-analysis.js';
import { describeFactTest, describeWindow, type Claim, type ClaimSet, type Element, type FactDeclaration, type FactElement, type Limit, type NumericElement, type Window } from './claim-set.js';
import type { FactValue, LotFile } from './lot.js';
import { unknownNameWarnings } from './lot-names.js';
import type { LotMeasurements } from './measurements.js';
import { QuantityResolver, type InputUsed, type Known, type Missing } from './quantities.js';
import { effectiveSettings, type EffectiveSettings } from './settings.js';
import { judgeFact, judgeNumeric, missingTerms, type ElementStatus } from './verdict.js';

export const GRADE_RESULT_SCHEMA = 'poregrade/grade-result@1';

export type ClaimStatus = 'met' | 'not_met' | 'undetermined';

/**
 * The claim or element a result was graded from, under a symbol key (JSON leaves it out): lets the fast record
 * writer (output/grade-json.ts) reuse the serialised form of the fields that are the same for every lot.
 */
export const DEFINITION: unique symbol = Symbol('definition');

export interface WindowResult {
  readonly text: string;
  readonly unit: string;
  readonly lower: { readonly value: number; readonly inclusive: boolean; readonly printed: string } | null;
  readonly upper: { readonly value: number; readonly inclusive: boolean; readonly printed: string } | null;
}

/** One ink's verdict on a per-ink element. */
export interface InkResult {
  readonly ink: string;
  readonly status: ElementStatus;
  readonly value: number | null;
  readonly uncertainty: number | null;
  readonly margin: number | null;
  readonly marginal: boolean;
  readonly source: string | null;
  readonly missing: readonly string[];
  readonly notes: readonly string[];
}

export interface ElementResult {
  readonly id: string;
  readonly text: string;
  readonly kind: 'fact' | 'numeric';
  readonly status: ElementStatus;
  /** Numeric: in `unit` (the window's unit). Fact: the lot's declared value. Per ink: the ink nearest a limit. */
  readonly value: number | boolean | string | readonly string[] | null;
  readonly unit: string | null;
  readonly window: WindowResult | null;
  readonly margin: number | null;
  readonly marginal: boolean;
  readonly missing: readonly string[];
  /** What is tested: the expression ("A / B") or the fact test ("facts.ink_colors includes all of …"). */
  readonly test: string;
  readonly uncertainty: number | null;
  readonly source: string | null;
  readonly as_given: { readonly value: number; readonly unit: string } | null;
  readonly inputs: readonly InputUsed[];
  readonly inks: readonly InkResult[] | null;
  readonly notes: readonly string[];
  readonly [DEFINITION]?: Element;
}

/** A parent's verdict as its dependant shows it. */
export interface ParentEntry {
  readonly claim: string;
  readonly status: ClaimStatus;
}

export interface ClaimResult {
  readonly set: string;
  readonly claim: string;
  readonly title: string;
  readonly status: ClaimStatus;
  /** Some element's (or a parent's) verdict is within its uncertainty of a limit. */
  readonly marginal: boolean;
  readonly parents: { readonly rule: 'all' | 'any_one_of'; readonly claims: readonly ParentEntry[] };
  /** One sentence: why this status. */
  readonly reason: string;
  /** For undetermined: the lot names whose absence leaves it open (its own elements' and its parents'). */
  readonly missing: readonly string[];
  readonly note: string | null;
  readonly elements: readonly ElementResult[];
  readonly [DEFINITION]?: Claim;
}

export interface SetSettingsResult {
  readonly set: string;
  readonly title: string;
  readonly file: string;
  readonly built_in: boolean;
  readonly substantially: number;
  readonly bjh_branch: string;
  readonly pore_volume_basis: string;
  readonly origin: EffectiveSettings['origin'];
  readonly notes: readonly string[];
}

export interface GradeResult {
  readonly schema: typeof GRADE_RESULT_SCHEMA;
  readonly lot: { readonly id: string; readonly file: string };
  readonly settings: { readonly claim_sets: readonly SetSettingsResult[]; readonly conflicts: readonly string[] };
  readonly analysis: { readonly settings: AnalysisSettings; readonly measurements: LotMeasurements };
  readonly claims: readonly ClaimResult[];
  readonly summary: { readonly met: readonly string[]; readonly not_met: readonly string[]; readonly undetermined: readonly string[] };
  readonly warnings: readonly string[];
}

/**
 * Grades one lot against claim sets. `builtInSets` only widens the names that do not draw an "unknown name"
 * warning (a lot written for all built-in sets is not wrong when graded against one).
 */
export function gradeLot(
  lot: LotFile,
  measurements: LotMeasurements,
  analysisSettings: AnalysisSettings,
  sets: readonly ClaimSet[],
  builtInSets: readonly ClaimSet[] = [],
): GradeResult {
  checkFactTypes(lot, sets);
  const conflicts: string[] = [];
  const claimSettings: SetSettingsResult[] = [];
  const claims: ClaimResult[] = [];
  const summary: Summary = { met: [], not_met: [], undetermined: [] };
  for (const set of sets) {
    const { settings, conflicts: c } = effectiveSettings(set, lot);
    conflicts.push(...c);
    claimSettings.push({
      set: set.id,
      title: set.title,
      file: set.file,
      built_in: set.builtIn,
      substantially: settings.substantially,
      bjh_branch: settings.bjh_branch,
      pore_volume_basis: settings.pore_volume_basis,
      origin: settings.origin,
      notes: set.notes,
    });
    new SetGrader(set, lot, new QuantityResolver(set, lot, measurements, settings)).gradeAll(claims, summary);
  }
  const warnings = [...lot.warnings, ...unknownNameWarnings(lot, [...sets, ...builtInSets]), ...conflicts];
  return {
    schema: GRADE_RESULT_SCHEMA,
    lot: { id: lot.lot, file: lot.file },
    settings: { claim_sets: claimSettings, conflicts },
    analysis: { settings: analysisSettings, measurements },
    claims,
    summary,
    warnings,
  };
}

type Summary = Record<ClaimStatus, string[]>;

/** A fact of the wrong type is an error in the lot, reported against its field with the claim that reads it. */
function checkFactTypes(lot: LotFile, sets: readonly ClaimSet[]): void {
  for (const set of sets) {
    // A lot declares a few facts; only when one has the wrong type is the set's list walked, in its order, to report.
    let wrong = false;
    for (const [name, value] of lot.facts) {
      const declaration = set.facts.get(name);
      if (declaration && !hasFactType(declaration, value)) wrong = true;
    }
    if (!wrong) continue;
    for (const [name, declaration] of set.facts) {
      const value = lot.facts.get(name);
      if (value === undefined) continue;
      if (!hasFactType(declaration, value)) {
        const wanted = declaration.type === 'boolean' ? 'true or false' : 'a list of strings';
        throw new InputError('E_LOT_FIELD', `must be ${wanted} for claim set ${set.id} (${declaration.description}); found ${JSON.stringify(value)}`, { file: lot.file, field: `facts.${name}` });
      }
    }
  }
}

/**
 * A claim set as the grader walks it, worked out once per set: each claim's parents by position, and what each
 * element shows whatever the lot.
 */
interface SetPlan {
  readonly claims: readonly ClaimPlan[];
  /** Memo slots: one per distinct claim id, as grading memoises by id. */
  readonly slots: number;
}

interface ClaimPlan {
  readonly claim: Claim;
  readonly slot: number;
  /** Positions in set.claims (the last claim of that id, as a lookup by id finds); -1: no such claim. */
  readonly parents: readonly number[];
  readonly elements: readonly ElementPlan[];
  /** "set:claim", as the summary lists it. */
  readonly label: string;
  /** Each parent's entry in the result's `parents`, one per status it can have (shared by every lot). */
  readonly parentEntries: readonly Readonly<Record<ClaimStatus, ParentEntry>>[];
  /** "1, 2, 3": the parents as the reasons of any-one-of claims name them. */
  readonly parentList: string;
  /** Decisions made so far, by the pattern of element and parent statuses (decideClaim); grows with use. */
  readonly decisions: Map<number, Decision>;
}

type ElementPlan = FactPlan | NumericPlan;

interface FactPlan {
  readonly kind: 'fact';
  readonly element: FactElement;
  readonly constants: ElementConstants;
  /** What an unknown verdict lacks, and the source of a known one. */
  readonly lacking: readonly string[];
  readonly declared: string;
}

interface NumericPlan {
  readonly kind: 'numeric';
  readonly element: NumericElement;
  readonly constants: ElementConstants;
}

const setPlans = new WeakMap<ClaimSet, SetPlan>();

function setPlanOf(set: ClaimSet): SetPlan {
  let plan = setPlans.get(set);
  if (!plan) setPlans.set(set, (plan = setPlan(set)));
  return plan;
}

function setPlan(set: ClaimSet): SetPlan {
  const positionOf = new Map(set.claims.map((c, i) => [c.id, i]));
  const slotOf = new Map<string, number>();
  for (const c of set.claims) if (!slotOf.has(c.id)) slotOf.set(c.id, slotOf.size);
  const claims = set.claims.map(
    (claim): ClaimPlan => ({
      claim,
      slot: slotOf.get(claim.id) as number,
      parents: claim.parents.map((id) => positionOf.get(id) ?? -1),
      elements: claim.elements.map(elementPlan),
      label: `${set.id}:${claim.id}`,
      parentEntries: claim.parents.map((id) => ({ met: { claim: id, status: 'met' }, not_met: { claim: id, status: 'not_met' }, undetermined: { claim: id, status: 'undetermined' } })),
      parentList: claim.parents.join(', '),
      decisions: new Map(),
    }),
  );
  return { claims, slots: slotOf.size };
}

function elementPlan(e: Element): ElementPlan {
  const constants = constantsOf(e);
  return e.kind === 'fact' ? { kind: 'fact', element: e, constants, lacking: [`facts.${e.fact}`], declared: `declared: facts.${e.fact}` } : { kind: 'numeric', element: e, constants };
}

function hasFactType(declaration: FactDeclaration, value: FactValue): boolean {
  return declaration.type === 'boolean' ? typeof value === 'boolean' : typeof value !== 'boolean';
}

class SetGrader {
  private readonly plan: SetPlan;
  /** By memo slot (claim id). */
  private readonly results: (ClaimResult | undefined)[];

  constructor(
    private readonly set: ClaimSet,
    private readonly lot: LotFile,
    private readonly resolver: QuantityResolver,
  ) {
    this.plan = setPlanOf(set);
    this.results = new Array<ClaimResult | undefined>(this.plan.slots).fill(undefined);
  }

  /** Appends every claim's result, in the set's order, and its "set:claim" to the summary list of its status. */
  gradeAll(results: ClaimResult[], summary: Summary): void {
    for (const plan of this.plan.claims) {
      const result = this.grade(plan);
      results.push(result);
      summary[result.status].push(plan.label);
    }
  }

  /** Parents first (memoised); the loader has refused parent cycles. */
  private grade(plan: ClaimPlan): ClaimResult {
    const done = this.results[plan.slot];
    if (done) return done;
    const { claim } = plan;
    const parents: ClaimResult[] = [];
    plan.parents.forEach((position, i) => {
      const parent = this.plan.claims[position];
      if (!parent) throw new Error(`internal: claim ${claim.id} names unknown parent ${claim.parents[i]}`);
      parents.push(this.grade(parent));
    });
    const elements: ElementResult[] = [];
    for (const e of plan.elements) elements.push(e.kind === 'fact' ? this.factElement(e) : this.numericElement(e));
    const result = decideClaim(this.set.id, plan, elements, parents);
    this.results[plan.slot] = result;
    return result;
  }

  private factElement({ element: e, constants: c, lacking, declared }: FactPlan): ElementResult {
    const value = this.lot.facts.get(e.fact);
    if (value === undefined) return elementResult(e, c, { status: 'unknown', value: null, missing: lacking, notes: c.notes });
    const status = judgeFact(e.test, value);
    const lacks = e.test.kind === 'includes_all' && status === 'fail' ? [`lacks: ${missingTerms(e.test, value).join(', ')}`] : [];
    return elementResult(e, c, { status, value, source: declared, notes: joined(lacks, c.notes) });
  }

  private numericElement({ element: e, constants: c }: NumericPlan): ElementResult {
    const r = this.resolver.valueIn(e.expr, e.valueText, e.window.unit);
    if (r.kind === 'missing') return elementResult(e, c, { status: 'unknown', missing: r.missing, notes: joined(r.reasons, c.notes) });
    if (r.kind === 'value') {
      const v = judgeNumeric(r.value, r.uncertainty, e.window, r.resolutionWarning);
      return elementResult(e, c, { status: v.status, value: r.value, margin: v.margin, marginal: v.marginal, uncertainty: r.uncertainty, source: r.source, as_given: r.asGiven, inputs: r.inputs, notes: joined(r.warnings, c.notes) });
    }
    const inks = [...r.inks].map(([ink, v]) => inkResult(ink, v, e.window));
    const status: ElementStatus = inks.some((i) => i.status === 'fail') ? 'fail' : inks.every((i) => i.status === 'pass') ? 'pass' : 'unknown';
    // The element's value is the ink that decides it: the smallest margin (deepest outside, or closest to a limit).
    const decisive = inks.filter((i) => i.margin !== null).sort((a, b) => (a.margin ?? 0) - (b.margin ?? 0))[0];
    return elementResult(e, c, {
      status,
      value: decisive?.value ?? null,
      margin: decisive?.margin ?? null,
      marginal: inks.some((i) => i.marginal),
      missing: unique(inks.flatMap((i) => i.missing)),
      uncertainty: decisive?.uncertainty ?? null,
      source: decisive ? `ink ${decisive.ink}: ${decisive.source ?? ''}` : null,
      inks,
      notes: c.notes,
    });
  }
}

/** `a` then `b`, without copying when one is empty (results are read-only; sharing a list is safe). */
function joined(a: readonly string[], b: readonly string[]): readonly string[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [...a, ...b];
}

/** What an element's result shows that does not depend on the lot, worked out once per element. */
interface ElementConstants {
  readonly unit: string | null;
  readonly window: WindowResult | null;
  readonly test: string;
  readonly notes: readonly string[];
}

const constants = new WeakMap<Element, ElementConstants>();
function constantsOf(e: Element): ElementConstants {
  let c = constants.get(e);
  if (!c) {
    const notes = e.note ? [e.note] : [];
    c = e.kind === 'fact' ? { unit: null, window: null, test: describeFactTest(e), notes } : { unit: e.window.unit.text, window: windowResult(e.window), test: e.valueText, notes };
    constants.set(e, c);
  }
  return c;
}

type LotDependent = Pick<ElementResult, 'status' | 'notes'> & Partial<Pick<ElementResult, 'value' | 'margin' | 'marginal' | 'missing' | 'uncertainty' | 'source' | 'as_given' | 'inputs' | 'inks'>>;

/** One element's result: what the claim set says of it (the same for every lot), then the verdict. */
function elementResult(e: Element, c: ElementConstants, r: LotDependent): ElementResult {
  return {
    id: e.id,
    text: e.text,
    kind: e.kind,
    unit: c.unit,
    window: c.window,
    test: c.test,
    status: r.status,
    value: r.value ?? null,
    margin: r.margin ?? null,
    marginal: r.marginal ?? false,
    missing: r.missing ?? [],
    uncertainty: r.uncertainty ?? null,
    source: r.source ?? null,
    as_given: r.as_given ?? null,
    inputs: r.inputs ?? [],
    inks: r.inks ?? null,
    notes: r.notes,
    [DEFINITION]: e,
  };
}

function inkResult(ink: string, v: Known | Missing, window: Window): InkResult {
  if (v.kind === 'missing') return { ink, status: 'unknown', value: null, uncertainty: null, margin: null, marginal: false, source: null, missing: v.missing, notes: v.reasons };
  const verdict = judgeNumeric(v.value, v.uncertainty, window, v.resolutionWarning);
  return { ink, status: verdict.status, value: v.value, uncertainty: v.uncertainty, margin: verdict.margin, marginal: verdict.marginal, source: v.source, missing: [], notes: v.warnings };
}

/**
 * A claim's status and reason, which follow from its elements' and parents' statuses alone. Lots repeat a few
 * patterns of those, so each claim remembers the decisions it has made (ClaimPlan.decisions).
 */
interface Decision {
  readonly status: ClaimStatus;
  readonly reason: string;
  /** Whether the parents are met (any one of them, or all): if not, an undetermined claim lacks what they lack. */
  readonly parentsMet: boolean;
}

/** A status as two bits of a decision pattern: pass/met 0, fail/not_met 1, unknown/undetermined 2. */
function statusCode(status: ElementStatus | ClaimStatus): number {
  switch (status) {
    case 'pass':
    case 'met':
      return 0;
    case 'fail':
    case 'not_met':
      return 1;
    case 'unknown':
    case 'undetermined':
      return 2;
  }
}

/** Two bits per element and parent: up to 15 of them keep the pattern a small integer. */
const MAX_PATTERN_ITEMS = 15;
/** Plenty for the patterns real lots show; a claim graded over every combination stops remembering. */
const MAX_DECISIONS = 256;

function decideClaim(set: string, plan: ClaimPlan, elements: readonly ElementResult[], parents: readonly ClaimResult[]): ClaimResult {
  const { claim } = plan;
  let pattern = 0;
  let marginalElement = false;
  for (const e of elements) {
    pattern = pattern * 4 + statusCode(e.status);
    if (e.marginal) marginalElement = true;
  }
  let marginalParentMet = false;
  for (const p of parents) {
    pattern = pattern * 4 + statusCode(p.status);
    if (p.status === 'met' && p.marginal) marginalParentMet = true;
  }
  const remembered = elements.length + parents.length <= MAX_PATTERN_ITEMS;
  let decision = remembered ? plan.decisions.get(pattern) : undefined;
  if (!decision) {
    decision = decide(plan, elements, parents);
    if (remembered && plan.decisions.size < MAX_DECISIONS) plan.decisions.set(pattern, decision);
  }
  const { status, reason, parentsMet } = decision;
  return {
    set,
    claim: claim.id,
    title: claim.title,
    note: claim.note ?? null,
    status,
    marginal: marginalElement || (status === 'met' && marginalParentMet),
    parents: { rule: claim.parentsRule, claims: parents.map((p, i) => (plan.parentEntries[i] as Record<ClaimStatus, ParentEntry>)[p.status]) },
    reason,
    missing: status === 'undetermined' ? missingOf(elements, parentsMet ? [] : parents) : [],
    elements,
    [DEFINITION]: claim,
  };
}

/** claims.md, "Verdicts": the claim's status from its elements' and parents', and one sentence saying why. */
function decide(plan: ClaimPlan, elements: readonly ElementResult[], parents: readonly ClaimResult[]): Decision {
  const any = plan.claim.parentsRule === 'any_one_of';
  const failing = elements.filter((e) => e.status === 'fail');
  const unknown = elements.filter((e) => e.status === 'unknown');
  const parentsMet = any ? parents.some((p) => p.status === 'met') : parents.every((p) => p.status === 'met');
  const parentsFailed = parents.length > 0 && (any ? parents.every((p) => p.status === 'not_met') : parents.some((p) => p.status === 'not_met'));
  const open = parents.filter((p) => p.status === 'undetermined');

  const why: string[] = [];
  if (failing.length > 0 || parentsFailed) {
    if (failing.length > 0) why.push(`${plural(failing.length, 'element')} ${failing.map((e) => e.id).join(', ')} ${failing.length === 1 ? 'fails' : 'fail'}`);
    if (parentsFailed) why.push(any ? `none of claims ${plan.parentList} is met` : `claim ${parents.filter((p) => p.status === 'not_met').map((p) => p.claim).join(', ')} is not met`);
    return { status: 'not_met', reason: why.join('; '), parentsMet };
  }
  if (unknown.length === 0 && parentsMet) {
    why.push('every element passes');
    const met = parents.filter((p) => p.status === 'met').map((p) => p.claim);
    if (met.length > 0) why.push(`${plural(met.length, 'claim')} ${met.join(', ')} ${met.length === 1 ? 'is' : 'are'} met${any ? ` (any one of ${plan.parentList} suffices)` : ''}`);
    return { status: 'met', reason: why.join('; '), parentsMet };
  }
  if (unknown.length > 0) why.push(`${plural(unknown.length, 'element')} ${unknown.map((e) => e.id).join(', ')} cannot be judged`);
  if (!parentsMet) why.push(`${plural(open.length, 'claim')} ${open.map((p) => p.claim).join(', ')} ${open.length === 1 ? 'is' : 'are'} undetermined`);
  return { status: 'undetermined', reason: why.join('; '), parentsMet };
}

/** What an undetermined claim lacks: its unknown elements' names, then those of its undetermined `parents`. */
function missingOf(elements: readonly ElementResult[], parents: readonly ClaimResult[]): string[] {
  const missing: string[] = [];
  for (const e of elements) if (e.status === 'unknown') addNew(missing, e.missing);
  for (const p of parents) if (p.status === 'undetermined') addNew(missing, p.missing);
  return missing;
}

function windowResult(w: Window): WindowResult {
  const limit = (l: Limit | null) => (l ? { value: l.value, inclusive: l.inclusive, printed: l.printed } : null);
  return { text: describeWindow(w), unit: w.unit.text, lower: limit(w.lower), upper: limit(w.upper) };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/**
 * Appends the items `out` lacks, keeping the order of first appearance (as `unique` of the concatenation). A linear
 * search: these lists hold a few lot names, where it is quicker than building a Set for every claim.
 */
function addNew(out: string[], items: readonly string[]): void {
  for (const item of items) if (!out.includes(item)) out.push(item);
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
