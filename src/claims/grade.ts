/**
 * Grading, pure: (lot, measurements, claim sets) → verdicts for every element and claim (claims.md, "Verdicts").
 * An element passes, fails, or is unknown (naming what to add). A claim is met when every element passes and its
 * parent is met (or, "according to any one of claims …", at least one parent is met); not_met when an element
 * fails or no parent can be met; otherwise undetermined, listing what is missing. The result is the JSON the CLI
 * prints, so every verdict carries the value, unit, window, margin and source behind it.
 */
import { InputError } from '../errors.js';
import type { AnalysisSettings } from '../analysis/lot-analysis.js';
import { describeFactTest, describeWindow, type Claim, type ClaimSet, type Element, type FactElement, type Limit, type NumericElement, type Window } from './claim-set.js';
import type { LotFile } from './lot.js';
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

export interface ClaimResult {
  readonly set: string;
  readonly claim: string;
  readonly title: string;
  readonly status: ClaimStatus;
  /** Some element's (or a parent's) verdict is within its uncertainty of a limit. */
  readonly marginal: boolean;
  readonly parents: { readonly rule: 'all' | 'any_one_of'; readonly claims: ReadonlyArray<{ readonly claim: string; readonly status: ClaimStatus }> };
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
    claims.push(...new SetGrader(set, lot, new QuantityResolver(set, lot, measurements, settings)).gradeAll());
  }
  const summary = { met: [] as string[], not_met: [] as string[], undetermined: [] as string[] };
  for (const c of claims) summary[c.status].push(`${c.set}:${c.claim}`);
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

/** A fact of the wrong type is an error in the lot, reported against its field with the claim that reads it. */
function checkFactTypes(lot: LotFile, sets: readonly ClaimSet[]): void {
  for (const set of sets) {
    for (const [name, declaration] of set.facts) {
      const value = lot.facts.get(name);
      if (value === undefined) continue;
      const ok = declaration.type === 'boolean' ? typeof value === 'boolean' : typeof value !== 'boolean';
      if (!ok) {
        const wanted = declaration.type === 'boolean' ? 'true or false' : 'a list of strings';
        throw new InputError('E_LOT_FIELD', `must be ${wanted} for claim set ${set.id} (${declaration.description}); found ${JSON.stringify(value)}`, { file: lot.file, field: `facts.${name}` });
      }
    }
  }
}

class SetGrader {
  private readonly results = new Map<string, ClaimResult>();
  private readonly byId: ReadonlyMap<string, Claim>;

  constructor(
    private readonly set: ClaimSet,
    private readonly lot: LotFile,
    private readonly resolver: QuantityResolver,
  ) {
    this.byId = new Map(set.claims.map((c) => [c.id, c]));
  }

  gradeAll(): ClaimResult[] {
    return this.set.claims.map((c) => this.grade(c));
  }

  /** Parents first (memoised); the loader has refused parent cycles. */
  private grade(claim: Claim): ClaimResult {
    const done = this.results.get(claim.id);
    if (done) return done;
    const parents = claim.parents.map((id) => {
      const parent = this.byId.get(id);
      if (!parent) throw new Error(`internal: claim ${claim.id} names unknown parent ${id}`);
      return this.grade(parent);
    });
    const elements = claim.elements.map((e) => this.element(e));
    const result = decideClaim(this.set.id, claim, elements, parents);
    this.results.set(claim.id, result);
    return result;
  }

  private element(e: Element): ElementResult {
    return e.kind === 'fact' ? this.factElement(e) : this.numericElement(e);
  }

  private factElement(e: FactElement): ElementResult {
    const value = this.lot.facts.get(e.fact);
    const c = constantsOf(e);
    if (value === undefined) return elementResult(e, c, { status: 'unknown', value: null, missing: [`facts.${e.fact}`], notes: c.notes });
    const status = judgeFact(e.test, value);
    const lacking = e.test.kind === 'includes_all' && status === 'fail' ? [`lacks: ${missingTerms(e.test, value).join(', ')}`] : [];
    return elementResult(e, c, { status, value, source: `declared: facts.${e.fact}`, notes: lacking.length > 0 ? [...lacking, ...c.notes] : c.notes });
  }

  private numericElement(e: NumericElement): ElementResult {
    const c = constantsOf(e);
    const r = this.resolver.valueIn(e.expr, e.valueText, e.window.unit);
    if (r.kind === 'missing') return elementResult(e, c, { status: 'unknown', missing: r.missing, notes: [...r.reasons, ...c.notes] });
    if (r.kind === 'value') {
      const v = judgeNumeric(r.value, r.uncertainty, e.window, r.resolutionWarning);
      return elementResult(e, c, { status: v.status, value: r.value, margin: v.margin, marginal: v.marginal, uncertainty: r.uncertainty, source: r.source, as_given: r.asGiven, inputs: r.inputs, notes: r.warnings.length > 0 ? [...r.warnings, ...c.notes] : c.notes });
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

function decideClaim(set: string, claim: Claim, elements: readonly ElementResult[], parents: readonly ClaimResult[]): ClaimResult {
  const any = claim.parentsRule === 'any_one_of';
  const failing = elements.filter((e) => e.status === 'fail');
  const unknown = elements.filter((e) => e.status === 'unknown');
  const parentsMet = any ? parents.some((p) => p.status === 'met') : parents.every((p) => p.status === 'met');
  const parentsFailed = parents.length > 0 && (any ? parents.every((p) => p.status === 'not_met') : parents.some((p) => p.status === 'not_met'));
  const open = parents.filter((p) => p.status === 'undetermined');

  let status: ClaimStatus;
  const why: string[] = [];
  if (failing.length > 0 || parentsFailed) {
    status = 'not_met';
    if (failing.length > 0) why.push(`${plural(failing.length, 'element')} ${failing.map((e) => e.id).join(', ')} ${failing.length === 1 ? 'fails' : 'fail'}`);
    if (parentsFailed) why.push(any ? `none of claims ${claim.parents.join(', ')} is met` : `claim ${parents.filter((p) => p.status === 'not_met').map((p) => p.claim).join(', ')} is not met`);
  } else if (unknown.length === 0 && parentsMet) {
    status = 'met';
    why.push('every element passes');
    const met = parents.filter((p) => p.status === 'met').map((p) => p.claim);
    if (met.length > 0) why.push(`${plural(met.length, 'claim')} ${met.join(', ')} ${met.length === 1 ? 'is' : 'are'} met${any ? ` (any one of ${claim.parents.join(', ')} suffices)` : ''}`);
  } else {
    status = 'undetermined';
    if (unknown.length > 0) why.push(`${plural(unknown.length, 'element')} ${unknown.map((e) => e.id).join(', ')} cannot be judged`);
    if (!parentsMet) why.push(`${plural(open.length, 'claim')} ${open.map((p) => p.claim).join(', ')} ${open.length === 1 ? 'is' : 'are'} undetermined`);
  }

  const missing = status === 'undetermined' ? unique([...unknown.flatMap((e) => e.missing), ...(parentsMet ? [] : open.flatMap((p) => p.missing))]) : [];
  const marginal = elements.some((e) => e.marginal) || (status === 'met' && parents.some((p) => p.status === 'met' && p.marginal));
  return {
    set,
    claim: claim.id,
    title: claim.title,
    note: claim.note ?? null,
    status,
    marginal,
    parents: { rule: claim.parentsRule, claims: parents.map((p) => ({ claim: p.claim, status: p.status })) },
    reason: why.join('; '),
    missing,
    elements,
    [DEFINITION]: claim,
  };
}

function windowResult(w: Window): WindowResult {
  const limit = (l: Limit | null) => (l ? { value: l.value, inclusive: l.inclusive, printed: l.printed } : null);
  return { text: describeWindow(w), unit: w.unit.text, lower: limit(w.lower), upper: limit(w.upper) };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
