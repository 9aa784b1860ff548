/**
 * The value of each quantity of a claim set for one lot: declared (the lot's `values`), measured (LotMeasurements)
 * or derived (an expression over other quantities), trying the set's sources in order, so a declared value
 * overrides what could be derived and the result says which source was used. A quantity nothing can supply is
 * `missing`, with the lot names that would supply it.
 */
import { compileExpression, evaluate, ExpressionError, type CompiledExpression, type Expr } from './expression.js';
import type { ClaimSet, QuantityDefinition, QuantitySource } from './claim-set.js';
import type { LotFile } from './lot.js';
import { isPerInk, MEASURED, selectMeasurement, type LotMeasurements, type MeasuredName, type Measurement } from './measurements.js';
import type { EffectiveSettings } from './settings.js';
import { convert, DIMENSIONLESS, parseUnit, UnitError, type Unit } from './units.js';

/** One input of a derived value, as shown in the output. */
export interface InputUsed {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

export interface Known {
  readonly kind: 'value';
  readonly value: number;
  readonly unit: Unit;
  /** Standard uncertainty in `unit`, or null. */
  readonly uncertainty: number | null;
  readonly source: string;
  /** An input carries the PSD resolution warning: every verdict on this value is marginal. */
  readonly resolutionWarning: boolean;
  readonly warnings: readonly string[];
  readonly inputs: readonly InputUsed[];
  /** The value as the lot or the analysis gave it, when a unit conversion came between. */
  readonly asGiven: { readonly value: number; readonly unit: string } | null;
}

export interface Missing {
  readonly kind: 'missing';
  /** Lot names that would supply the value; one entry may offer alternatives ("a, or b + c"). */
  readonly missing: readonly string[];
  readonly reasons: readonly string[];
}

export interface PerInkValues {
  readonly kind: 'per_ink';
  readonly inks: ReadonlyMap<string, Known | Missing>;
}

export type Resolved = Known | Missing | PerInkValues;

/**
 * What the sources of one quantity say whatever the lot: the words of each source, and what a missing declared
 * value lacks. Worked out once per claim set (a batch resolves the same sources for every lot).
 */
interface QuantityPlan {
  readonly definition: QuantityDefinition;
  readonly sources: readonly SourcePlan[];
  /** For a value from source i > 0: " (not given: …)", the sources tried before it. */
  readonly notGiven: readonly string[];
}

type SourcePlan =
  | { readonly kind: 'declared'; readonly name: string; readonly absent: Missing; readonly source: string }
  | { readonly kind: 'measured'; readonly name: MeasuredName; readonly what: string }
  | { readonly kind: 'expression'; readonly derivation: Derivation };

/** An expression ready to evaluate: compiled, its source text, and the dimension error it would raise, if any. */
interface Derivation {
  readonly text: string;
  readonly source: string;
  readonly compiled: CompiledExpression;
  /**
   * Adding metres to grams fails whatever the values: the inputs' units are their quantities' units, fixed by the set.
   * The loader refuses such sets; a set built in code still gets the error evaluate() gives, once all inputs are known.
   */
  readonly dimensionError: ExpressionError | null;
}

interface SetPlan {
  readonly quantities: ReadonlyMap<string, QuantityPlan>;
  /** Element expressions, by their parsed tree object. */
  readonly derivations: Map<Expr, Derivation>;
  /**
   * The same, by text and tree: claims repeat elements ("(T - Tg) * t" is in four heat-press claims), each parsed
   * on its own; one Derivation for all lets a lot evaluate it once (QuantityResolver.valueIn).
   */
  readonly derivationsByTree: Map<string, Derivation>;
  readonly set: ClaimSet;
}

const plans = new WeakMap<ClaimSet, SetPlan>();

function planOf(set: ClaimSet): SetPlan {
  let plan = plans.get(set);
  if (!plan) {
    const quantities = new Map<string, QuantityPlan>();
    for (const [name, q] of set.quantities) quantities.set(name, quantityPlan(set, q));
    plans.set(set, (plan = { quantities, derivations: new Map(), derivationsByTree: new Map(), set }));
  }
  return plan;
}

function quantityPlan(set: ClaimSet, q: QuantityDefinition): QuantityPlan {
  const sources = q.sources.map((source): SourcePlan => {
    switch (source.kind) {
      case 'declared': {
        const overrides = q.sources.length > 1 ? ` (overrides ${q.sources.filter((s) => s !== source).map(describeSource).join(', ')})` : '';
        return { kind: 'declared', name: source.name, absent: { kind: 'missing', missing: [`values.${source.name}`], reasons: [] }, source: `declared: values.${source.name}${overrides}` };
      }
      case 'measured':
        return { kind: 'measured', name: source.name, what: `measured: ${MEASURED[source.name].description}` };
      case 'expression':
        return { kind: 'expression', derivation: derivation(set, source.expr, source.text) };
    }
  });
  const notGiven = q.sources.map((_, i) => ` (not given: ${q.sources.slice(0, i).map(describeSource).join(', ')})`);
  return { definition: q, sources, notGiven };
}

function derivation(set: ClaimSet, expr: Expr, text: string): Derivation {
  let dimensionError: ExpressionError | null = null;
  try {
    evaluate(expr, (name) => ({ value: 1, dimension: set.quantities.get(name)?.unit.dimension ?? DIMENSIONLESS }));
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    dimensionError = error;
  }
  return { text, source: `derived: ${text}`, compiled: compileExpression(expr), dimensionError };
}

/** An element's expression, prepared once per set (by tree; a caller passing other text gets its own). */
function elementDerivation(plan: SetPlan, expr: Expr, text: string): Derivation {
  const cached = plan.derivations.get(expr);
  if (cached?.text === text) return cached;
  if (cached) return derivation(plan.set, expr, text);
  const key = `${JSON.stringify(text)} ${treeKey(expr)}`;
  let shared = plan.derivationsByTree.get(key);
  if (!shared) plan.derivationsByTree.set(key, (shared = derivation(plan.set, expr, text)));
  plan.derivations.set(expr, shared);
  return shared;
}

/** A tree's structure as text: equal keys, equal arithmetic (-0 kept apart from 0, names quoted). */
function treeKey(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return Object.is(expr.value, -0) ? '-0' : String(expr.value);
    case 'name':
      return JSON.stringify(expr.name);
    case 'negate':
      return `-(${treeKey(expr.operand)})`;
    case 'binary':
      return `(${treeKey(expr.left)} ${expr.op} ${treeKey(expr.right)})`;
  }
}

export class QuantityResolver {
  private readonly cache = new Map<string, Resolved>();
  /** Element expressions evaluated for this lot: a missing value holds for any unit, a value for its own unit. */
  private readonly derived = new Map<Derivation, Known | Missing>();
  private readonly plan: SetPlan;

  constructor(
    set: ClaimSet,
    private readonly lot: LotFile,
    private readonly measurements: LotMeasurements,
    private readonly settings: EffectiveSettings,
  ) {
    this.plan = planOf(set);
  }

  /** The quantity's value in its own unit. */
  resolve(name: string): Resolved {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const q = this.plan.quantities.get(name);
    // The loader guarantees every name read is defined; this guards a caller passing a raw name.
    const result: Resolved = q ? this.fromSources(q) : { kind: 'missing', missing: [], reasons: [`the set defines no quantity "${name}"`] };
    this.cache.set(name, result);
    return result;
  }

  /** An element's value: a quantity by name (keeping its source), or an expression, converted to `unit`. */
  valueIn(expr: Expr, text: string, unit: Unit): Resolved {
    if (expr.kind === 'name') {
      const r = this.resolve(expr.name);
      if (r.kind === 'missing') return r;
      if (r.kind === 'per_ink') return { kind: 'per_ink', inks: new Map([...r.inks].map(([ink, v]) => [ink, v.kind === 'value' ? inUnit(v, unit) : v])) };
      return inUnit(r, unit);
    }
    const d = elementDerivation(this.plan, expr, text);
    const done = this.derived.get(d);
    if (done && (done.kind === 'missing' || done.unit === unit)) return done;
    const result = this.derive(d, unit);
    this.derived.set(d, result);
    return result;
  }

  private fromSources(q: QuantityPlan): Resolved {
    const { sources } = q;
    // One source (most quantities): its failure is the quantity's, as the general rule below would build it.
    if (sources.length === 1) return this.fromSource(q, sources[0] as SourcePlan);
    const failures: Missing[] = [];
    for (let i = 0; i < sources.length; i++) {
      const r = this.fromSource(q, sources[i] as SourcePlan);
      if (r.kind !== 'missing') {
        if (i === 0 || r.kind === 'per_ink') return r;
        return { ...r, source: `${r.source}${q.notGiven[i]}` };
      }
      failures.push(r);
    }
    const alternatives = failures.map((f) => f.missing.join(' + ')).filter((a) => a !== '');
    return {
      kind: 'missing',
      missing: alternatives.length > 1 ? [alternatives.join(', or ')] : (failures.find((f) => f.missing.length > 0)?.missing ?? []),
      reasons: failures.flatMap((f) => f.reasons),
    };
  }

  private fromSource(q: QuantityPlan, source: SourcePlan): Resolved {
    const unit = q.definition.unit;
    switch (source.kind) {
      case 'declared': {
        const declared = this.lot.values.get(source.name);
        if (!declared) return source.absent;
        return known(declared.value, unit, declared.tolerance, source.source);
      }
      case 'measured': {
        const { measurement, via } = selectMeasurement(source.name, this.measurements, this.settings);
        const what = via ? `${source.what}; ${via}` : source.what;
        if (isPerInk(measurement)) {
          const inks = new Map<string, Known | Missing>();
          for (const ink of Object.keys(measurement.inks)) inks.set(ink, fromMeasurement(measurement.inks[ink] as Measurement, unit, what));
          return { kind: 'per_ink', inks };
        }
        return fromMeasurement(measurement, unit, what);
      }
      case 'expression':
        return this.derive(source.derivation, unit);
    }
  }

  /** Evaluates an expression over resolved quantities in base units, with propagated uncertainty. */
  private derive(d: Derivation, unit: Unit): Known | Missing {
    const names = d.compiled.names;
    const inputs: Known[] = [];
    const missingNames: string[] = [];
    const reasons: string[] = [];
    for (const name of names) {
      const r = this.resolve(name);
      if (r.kind === 'value') inputs.push(r);
      else if (r.kind === 'missing') {
        for (const m of r.missing) if (!missingNames.includes(m)) missingNames.push(m);
        for (const reason of r.reasons) reasons.push(`${name}: ${reason}`);
      } else reasons.push(`${name} is per ink and cannot enter an expression`);
    }
    if (missingNames.length > 0 || reasons.length > 0) return { kind: 'missing', missing: missingNames, reasons };
    if (d.dimensionError) throw d.dimensionError;

    const result = d.compiled.run(inputs.map((v) => v.value * v.unit.factor));
    if (!Number.isFinite(result.value)) {
      const zeros = names.filter((_, i) => inputs[i]?.value === 0).map((n) => `${n} = 0`);
      return { kind: 'missing', missing: [], reasons: [`"${d.text}" has no finite value${zeros.length > 0 ? ` (${zeros.join(', ')})` : ''}`] };
    }
    const uncertaintyBase = propagatedUncertainty(result.sensitivity, inputs);
    return {
      kind: 'value',
      value: result.value / unit.factor,
      unit,
      uncertainty: uncertaintyBase === null ? null : uncertaintyBase / unit.factor,
      source: d.source,
      resolutionWarning: inputs.some((v) => v.resolutionWarning),
      warnings: inputs.flatMap((v) => v.warnings),
      inputs: inputs.map((v, i) => ({ name: names[i] as string, value: v.value, unit: v.unit.text, source: v.source })),
      asGiven: null,
    };
  }
}

/**
 * GUM combined standard uncertainty (JCGM 100:2008, eq. 10) over the inputs in base units, summed in the order of
 * the names as expression.ts propagatedUncertainty does; inputs without an uncertainty add nothing.
 */
function propagatedUncertainty(sensitivity: readonly number[], inputs: readonly Known[]): number | null {
  let sumSquares = 0;
  let any = false;
  inputs.forEach((input, i) => {
    if (input.uncertainty == null) return;
    any = true;
    sumSquares += ((sensitivity[i] as number) * (input.uncertainty * input.unit.factor)) ** 2;
  });
  return any ? Math.sqrt(sumSquares) : null;
}

/**
 * Units the analysis reports ("m2/g", "nm", "1"), parsed once each: a handful of strings for every lot. A unit
 * that cannot be parsed is remembered as its error. Bounded, in case a caller reports units without end.
 */
const measuredUnits = new Map<string, Unit | UnitError>();
const MAX_MEASURED_UNITS = 256;

function measuredUnit(text: string): Unit | UnitError {
  let unit = measuredUnits.get(text);
  if (unit === undefined) {
    try {
      unit = parseUnit(text);
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      unit = error;
    }
    if (measuredUnits.size < MAX_MEASURED_UNITS) measuredUnits.set(text, unit);
  }
  return unit;
}

function known(value: number, unit: Unit, uncertainty: number | null, source: string, resolutionWarning = false, warnings: readonly string[] = []): Known {
  return { kind: 'value', value, unit, uncertainty, source, resolutionWarning, warnings, inputs: [], asGiven: null };
}

/** A measurement in the quantity's unit; a unit that cannot be converted makes it missing, with the reason. */
function fromMeasurement(m: Measurement, unit: Unit, what: string): Known | Missing {
  if (m.value === null) return { kind: 'missing', missing: m.missing, reasons: [m.reason] };
  const from = measuredUnit(m.unit);
  try {
    if (from instanceof UnitError) throw from;
    const value = convert(m.value, from, unit);
    const uncertainty = m.uncertainty === null ? null : convert(m.uncertainty, from, unit);
    const asGiven = from.text === unit.text ? null : { value: m.value, unit: m.unit };
    return { kind: 'value', value, unit, uncertainty, source: `${what}; ${m.source}`, resolutionWarning: m.resolution_warning === true, warnings: m.warnings, inputs: [], asGiven };
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    return { kind: 'missing', missing: [], reasons: [`the analysis reported ${m.value} ${m.unit}: ${error.message}`] };
  }
}

/** The same value in another unit of the same dimension (the loader checked the dimensions). */
function inUnit(v: Known, unit: Unit): Known {
  if (v.unit.text === unit.text) return v;
  const uncertainty = v.uncertainty === null ? null : convert(v.uncertainty, v.unit, unit);
  return { ...v, value: convert(v.value, v.unit, unit), unit, uncertainty, asGiven: v.asGiven ?? { value: v.value, unit: v.unit.text } };
}

function describeSource(s: QuantitySource): string {
  switch (s.kind) {
    case 'declared':
      return `values.${s.name}`;
    case 'measured':
      return `measured ${s.name}`;
    case 'expression':
      return `derived ${s.text}`;
  }
}
