/**
 * The value of each quantity of a claim set for one lot: declared (the lot's `values`), measured (LotMeasurements)
 * or derived (an expression over other quantities), trying the set's sources in order, so a declared value
 * overrides what could be derived and the result says which source was used. A quantity nothing can supply is
 * `missing`, with the lot names that would supply it.
 */
import { evaluate, namesIn, propagatedUncertainty, type Expr } from './expression.js';
import type { ClaimSet, QuantityDefinition, QuantitySource } from './claim-set.js';
import type { LotFile } from './lot.js';
import { isPerInk, MEASURED, selectMeasurement, type LotMeasurements, type Measurement } from './measurements.js';
import type { EffectiveSettings } from './settings.js';
import { convert, parseUnit, UnitError, type Dimension, type Unit } from './units.js';

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

export class QuantityResolver {
  private readonly cache = new Map<string, Resolved>();

  constructor(
    private readonly set: ClaimSet,
    private readonly lot: LotFile,
    private readonly measurements: LotMeasurements,
    private readonly settings: EffectiveSettings,
  ) {}

  /** The quantity's value in its own unit. */
  resolve(name: string): Resolved {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const q = this.set.quantities.get(name);
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
    return this.derive(expr, text, unit);
  }

  private fromSources(q: QuantityDefinition): Resolved {
    const failures: Missing[] = [];
    for (const [i, source] of q.sources.entries()) {
      const r = this.fromSource(q, source);
      if (r.kind !== 'missing') {
        if (i === 0 || r.kind === 'per_ink') return r;
        const skipped = q.sources.slice(0, i).map(describeSource).join(', ');
        return { ...r, source: `${r.source} (not given: ${skipped})` };
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

  private fromSource(q: QuantityDefinition, source: QuantitySource): Resolved {
    switch (source.kind) {
      case 'declared': {
        const declared = this.lot.values.get(source.name);
        if (!declared) return { kind: 'missing', missing: [`values.${source.name}`], reasons: [] };
        const overrides = q.sources.length > 1 ? ` (overrides ${q.sources.filter((s) => s !== source).map(describeSource).join(', ')})` : '';
        return known(declared.value, q.unit, declared.tolerance, `declared: values.${source.name}${overrides}`);
      }
      case 'measured': {
        const { measurement, via } = selectMeasurement(source.name, this.measurements, this.settings);
        const what = `measured: ${MEASURED[source.name].description}${via ? `; ${via}` : ''}`;
        if (isPerInk(measurement)) {
          return { kind: 'per_ink', inks: new Map(Object.entries(measurement.inks).map(([ink, m]) => [ink, fromMeasurement(m, q.unit, what)])) };
        }
        return fromMeasurement(measurement, q.unit, what);
      }
      case 'expression':
        return this.derive(source.expr, source.text, q.unit);
    }
  }

  /** Evaluates an expression over resolved quantities in base units, with propagated uncertainty. */
  private derive(expr: Expr, text: string, unit: Unit): Known | Missing {
    const inputs = new Map<string, Known>();
    const missingNames: string[] = [];
    const reasons: string[] = [];
    for (const name of namesIn(expr)) {
      const r = this.resolve(name);
      if (r.kind === 'value') inputs.set(name, r);
      else if (r.kind === 'missing') {
        for (const m of r.missing) if (!missingNames.includes(m)) missingNames.push(m);
        reasons.push(...r.reasons.map((reason) => `${name}: ${reason}`));
      } else reasons.push(`${name} is per ink and cannot enter an expression`);
    }
    if (missingNames.length > 0 || reasons.length > 0) return { kind: 'missing', missing: missingNames, reasons };

    const operand = (name: string): { value: number; dimension: Dimension } => {
      const input = inputs.get(name);
      if (!input) throw new Error(`internal: ${name} was not resolved`);
      return { value: input.value * input.unit.factor, dimension: input.unit.dimension };
    };
    const result = evaluate(expr, operand);
    if (!Number.isFinite(result.value)) {
      const zeros = [...inputs].filter(([, v]) => v.value === 0).map(([n]) => `${n} = 0`);
      return { kind: 'missing', missing: [], reasons: [`"${text}" has no finite value${zeros.length > 0 ? ` (${zeros.join(', ')})` : ''}`] };
    }
    const uncertaintyBase = propagatedUncertainty(result.sensitivity, (name) => {
      const input = inputs.get(name);
      return input?.uncertainty == null ? null : input.uncertainty * input.unit.factor;
    });
    const used = [...inputs.values()];
    return {
      kind: 'value',
      value: result.value / unit.factor,
      unit,
      uncertainty: uncertaintyBase === null ? null : uncertaintyBase / unit.factor,
      source: `derived: ${text}`,
      resolutionWarning: used.some((v) => v.resolutionWarning),
      warnings: used.flatMap((v) => v.warnings),
      inputs: [...inputs].map(([name, v]) => ({ name, value: v.value, unit: v.unit.text, source: v.source })),
      asGiven: null,
    };
  }
}

function known(value: number, unit: Unit, uncertainty: number | null, source: string, resolutionWarning = false, warnings: readonly string[] = []): Known {
  return { kind: 'value', value, unit, uncertainty, source, resolutionWarning, warnings, inputs: [], asGiven: null };
}

/** A measurement in the quantity's unit; a unit that cannot be converted makes it missing, with the reason. */
function fromMeasurement(m: Measurement, unit: Unit, what: string): Known | Missing {
  if (m.value === null) return { kind: 'missing', missing: m.missing, reasons: [m.reason] };
  try {
    const from = parseUnit(m.unit);
    const value = known(convert(m.value, from, unit), unit, m.uncertainty === null ? null : convert(m.uncertainty, from, unit), `${what}; ${m.source}`, m.resolution_warning === true, m.warnings);
    return from.text === unit.text ? value : { ...value, asGiven: { value: m.value, unit: m.unit } };
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
