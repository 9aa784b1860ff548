/**
 * Claim-set files → ClaimSet. Two passes: the JSON Schema (schemas/claim-set.schema.json, draft 2020-12, via ajv)
 * for shape and types, then the checks a schema cannot make: every name known, every expression parsed and of the
 * window's dimension, every unit parsed, parents existing and acyclic. Every problem names the claim and element
 * (or the quantity, and the elements that read it), so a patent engineer can find it in the claim text.
 */
import { readFileSync } from 'node:fs';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { lazyRequire } from '../lazy-require.js';

const ajv = lazyRequire<{ Ajv2020: typeof Ajv2020 }>('ajv/dist/2020.js');
import { InputError } from '../errors.js';
import { evaluate, ExpressionError, namesIn, parseExpression, type Expr } from './expression.js';
import { isJsonObject, readJsonFile } from './json-file.js';
import { isMeasuredName, MEASURED, type BjhBranch, type PoreVolumeBasis } from './measurements.js';
import { projectFile } from '../project-files.js';
import { DIMENSIONLESS, formatDimension, parseUnit, sameDimension, UnitError, type Unit } from './units.js';
import {
  DEFAULT_SUBSTANTIALLY,
  type Claim,
  type ClaimSet,
  type Element,
  type FactDeclaration,
  type FactTest,
  type Limit,
  type QuantityDefinition,
  type QuantitySource,
  type SetSettings,
  type Window,
} from './claim-set.js';

export interface ClaimSetProblem {
  /** "claim 4, element colors", "quantity A (read by claim 1, element a-over-b)", or "set". */
  readonly where: string;
  /** JSON path in the file. */
  readonly field: string;
  readonly message: string;
}

/** A claim set that cannot be used; `problems` lists every problem found, the message the first. */
export class ClaimSetError extends InputError {
  constructor(
    file: string,
    readonly problems: readonly ClaimSetProblem[],
  ) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super('E_CLAIM_SET', `${first ? `${first.where}: ${first.message}` : 'invalid claim set'}${more}`, first ? { file, field: first.field } : { file });
  }
}

/** Reads, validates and compiles a claim-set file; throws ClaimSetError listing every problem. */
export function loadClaimSet(file: string, builtIn = false): ClaimSet {
  return parseClaimSet(readJsonFile(file, 'claim set'), file, builtIn);
}

/** Validates and compiles parsed claim-set JSON; `file` names it in errors. */
export function parseClaimSet(data: unknown, file: string, builtIn = false): ClaimSet {
  const problems: ClaimSetProblem[] = schemaProblems(data);
  if (problems.length > 0) throw new ClaimSetError(file, problems);
  return new Compiler(data as ClaimSetFile, file, builtIn).compile();
}

// ---- the file form (after the schema has checked it) ----

type LimitFile = number | string;
interface WindowFile {
  unit: string;
  ge?: LimitFile;
  gt?: LimitFile;
  le?: LimitFile;
  lt?: LimitFile;
}
interface ElementFile {
  id: string;
  text: string;
  note?: string;
  fact?: string;
  is?: boolean;
  includes_all?: string[];
  includes_any?: string[];
  value?: string;
  window?: WindowFile;
}
interface ClaimFile {
  id: string;
  title: string;
  parents?: string[];
  parents_rule?: 'all' | 'any_one_of';
  note?: string;
  elements: ElementFile[];
}
interface QuantityFile {
  unit: string;
  description: string;
  note?: string;
  from: Array<{ declared?: string; measured?: string; expression?: string }>;
}
interface ClaimSetFile {
  id: string;
  title: string;
  source: string;
  notes?: string[];
  settings?: { substantially?: number; pore_volume_basis?: PoreVolumeBasis; bjh_branch?: BjhBranch };
  facts?: Record<string, FactDeclaration>;
  quantities: Record<string, QuantityFile>;
  claims: ClaimFile[];
}

// ---- pass 1: the schema ----

let validator: ReturnType<Ajv2020['compile']> | undefined;

function schemaProblems(data: unknown): ClaimSetProblem[] {
  validator ??= new (ajv().Ajv2020)({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(projectFile('schemas', 'claim-set.schema.json'), 'utf8')) as object);
  if (validator(data)) return [];
  const seen = new Set<string>();
  const problems: ClaimSetProblem[] = [];
  for (const error of validator.errors ?? []) {
    // "if" repeats its branch's own errors; a oneOf's branch errors are noise behind the oneOf's own message.
    if (error.keyword === 'if' || error.schemaPath.includes('/oneOf/')) continue;
    const problem = { where: whereInFile(data, error.instancePath), field: jsonPath(error.instancePath), message: describeSchemaError(error) };
    const key = `${problem.field}|${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}

function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return params.missingProperty === 'unit'
        ? 'has no unit: every window and quantity needs one (write "1" for a plain number)'
        : `is missing the required property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `has an unknown property "${String(params.additionalProperty)}"`;
    case 'oneOf':
      return 'must be a number or a constant expression such as "3/7"';
    default:
      return error.message ?? `breaks the schema rule "${error.keyword}"`;
  }
}

/** "/claims/3/elements/1/window" → "claims[3].elements[1].window". */
function jsonPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

/** Names the claim and element a JSON pointer is inside, from the raw data. */
function whereInFile(data: unknown, pointer: string): string {
  const m = /^\/claims\/(\d+)(?:\/elements\/(\d+))?/.exec(pointer);
  if (!m || !isJsonObject(data) || !Array.isArray(data.claims)) {
    const q = /^\/(quantities|facts)\/([^/]+)/.exec(pointer);
    return q ? `${q[1] === 'facts' ? 'fact' : 'quantity'} ${q[2]}` : 'set';
  }
  const claim: unknown = data.claims[Number(m[1])];
  const claimId = isJsonObject(claim) && typeof claim.id === 'string' ? claim.id : `#${Number(m[1]) + 1}`;
  if (m[2] === undefined) return `claim ${claimId}`;
  const element: unknown = isJsonObject(claim) && Array.isArray(claim.elements) ? claim.elements[Number(m[2])] : undefined;
  const elementId = isJsonObject(element) && typeof element.id === 'string' ? element.id : `#${Number(m[2]) + 1}`;
  return `claim ${claimId}, element ${elementId}`;
}

// ---- pass 2: names, expressions, units, parents ----

/** Where a problem is: a claim and element, or a quantity (named with its readers only when reported). */
type Where = string | { readonly quantity: string };

class Compiler {
  private readonly problems: Array<{ where: Where; field: string; message: string }> = [];
  private readonly settings: SetSettings;
  private readonly quantities = new Map<string, QuantityDefinition>();

  constructor(
    private readonly data: ClaimSetFile,
    private readonly file: string,
    private readonly builtIn: boolean,
  ) {
    const s = data.settings ?? {};
    this.settings = { substantially: s.substantially ?? DEFAULT_SUBSTANTIALLY, ...(s.pore_volume_basis && { pore_volume_basis: s.pore_volume_basis }), ...(s.bjh_branch && { bjh_branch: s.bjh_branch }) };
  }

  compile(): ClaimSet {
    const facts = new Map(Object.entries(this.data.facts ?? {}));
    for (const [name, q] of Object.entries(this.data.quantities)) this.compileQuantity(name, q);
    this.checkQuantityReferences();
    const claims = this.data.claims.map((c, i) => this.compileClaim(c, i, facts));
    this.checkClaimGraph(claims);
    if (this.problems.length > 0) {
      const where = (w: Where): string => (typeof w === 'string' ? w : `quantity ${w.quantity}${this.readersOf(w.quantity)}`);
      throw new ClaimSetError(this.file, this.problems.map((p) => ({ ...p, where: where(p.where) })));
    }
    const d = this.data;
    return { id: d.id, title: d.title, source: d.source, notes: d.notes ?? [], file: this.file, builtIn: this.builtIn, settings: this.settings, facts, quantities: this.quantities, claims };
  }

  private problem(where: Where, field: string, message: string): void {
    this.problems.push({ where, field, message });
  }

  private unit(text: string, where: Where, field: string): Unit | null {
    try {
      return parseUnit(text);
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      this.problem(where, field, error.message);
      return null;
    }
  }

  private expression(text: string, where: Where, field: string): Expr | null {
    try {
      return parseExpression(text);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      this.problem(where, field, `the expression "${text}" ${error.message}`);
      return null;
    }
  }

  private compileQuantity(name: string, q: QuantityFile): void {
    const where = { quantity: name };
    const field = `quantities.${name}`;
    const unit = this.unit(q.unit, where, `${field}.unit`);
    const sources: QuantitySource[] = [];
    let perInk = false;
    q.from.forEach((source, i) => {
      const at = `${field}.from[${i}]`;
      if (source.declared !== undefined) sources.push({ kind: 'declared', name: source.declared });
      else if (source.measured !== undefined) {
        if (!isMeasuredName(source.measured)) {
          this.problem(where, `${at}.measured`, `unknown measured quantity "${source.measured}" (known: ${Object.keys(MEASURED).join(', ')})`);
          return;
        }
        const entry = MEASURED[source.measured];
        perInk ||= entry.perInk;
        const measuredUnit = parseUnit(entry.unit);
        if (unit && !sameDimension(unit.dimension, measuredUnit.dimension)) {
          this.problem(where, `${field}.unit`, `the unit ${unit.text} cannot hold ${source.measured}, which is measured in ${entry.unit}`);
        }
        sources.push({ kind: 'measured', name: source.measured });
      } else if (source.expression !== undefined) {
        const expr = this.expression(source.expression, where, `${at}.expression`);
        if (expr) sources.push({ kind: 'expression', text: source.expression, expr });
      }
    });
    if (perInk && q.from.length > 1) this.problem(where, `${field}.from`, 'a per-ink measurement must be the only source of its quantity');
    if (unit) this.quantities.set(name, { name, unit, description: q.description, ...(q.note && { note: q.note }), sources, perInk });
  }

  /** Expression sources: names known, no per-ink inputs, no cycles, and the dimension of the quantity's unit. */
  private checkQuantityReferences(): void {
    for (const q of this.quantities.values()) {
      for (const source of q.sources) {
        if (source.kind !== 'expression') continue;
        const where = { quantity: q.name };
        const field = `quantities.${q.name}.from`;
        if (!this.namesKnown(source.expr, source.text, where, field, false)) continue;
        this.checkDimension(source.expr, source.text, q.unit, where, field);
      }
    }
    const uses = (name: string): string[] =>
      (this.quantities.get(name)?.sources ?? []).flatMap((s) => (s.kind === 'expression' ? namesIn(s.expr).filter((n) => this.quantities.has(n)) : []));
    for (const cycle of cycles(this.quantities.keys(), uses)) {
      const [name = ''] = cycle;
      this.problem({ quantity: name }, `quantities.${name}.from`, `is defined in terms of itself: ${cycle.join(' → ')}`);
    }
  }

  /**
   * " (read by claim 1, element a-over-b; …)": the elements that depend on a quantity, directly or through other
   * quantities. Works on the file's text, so it can name them while the quantities are still being compiled.
   */
  private readersOf(name: string): string {
    const names = (text: string | undefined): string[] => {
      try {
        return text === undefined ? [] : namesIn(parseExpression(text));
      } catch {
        return [];
      }
    };
    const dependsOn = (n: string, seen: Set<string>): boolean => {
      if (n === name) return true;
      if (seen.has(n) || !Object.hasOwn(this.data.quantities, n)) return false;
      seen.add(n);
      return (this.data.quantities[n]?.from ?? []).some((s) => names(s.expression).some((m) => dependsOn(m, seen)));
    };
    const readers = this.data.claims.flatMap((claim) =>
      claim.elements.filter((e) => names(e.value).some((n) => dependsOn(n, new Set()))).map((e) => `claim ${claim.id}, element ${e.id}`),
    );
    return readers.length > 0 ? ` (read by ${readers.join('; ')})` : '';
  }

  /** Every name a defined quantity; a per-ink quantity only alone, as an element's whole value. */
  private namesKnown(expr: Expr, text: string, where: Where, field: string, perInkAlone: boolean): boolean {
    let ok = true;
    for (const name of namesIn(expr)) {
      const q = this.quantities.get(name);
      if (!q && Object.hasOwn(this.data.quantities, name)) {
        ok = false; // defined but refused: its own problem is reported
      } else if (!q) {
        this.problem(where, field, `"${text}" names the unknown quantity "${name}" (this set defines: ${[...this.quantities.keys()].join(', ')})`);
        ok = false;
      } else if (q.perInk && !(perInkAlone && expr.kind === 'name')) {
        this.problem(where, field, `"${text}" uses the per-ink quantity "${name}" in an expression; an element may only compare it on its own`);
        ok = false;
      }
    }
    return ok;
  }

  private checkDimension(expr: Expr, text: string, unit: Unit, where: Where, field: string): void {
    try {
      const result = evaluate(expr, (name) => ({ value: 1, dimension: this.quantities.get(name)?.unit.dimension ?? DIMENSIONLESS }));
      if (!sameDimension(result.dimension, unit.dimension)) {
        this.problem(where, field, `"${text}" has the dimension ${formatDimension(result.dimension)}, which the unit ${unit.text} (${formatDimension(unit.dimension)}) cannot hold`);
      }
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      this.problem(where, field, `"${text}" ${error.message}`);
    }
  }

  private compileClaim(c: ClaimFile, index: number, facts: ReadonlyMap<string, FactDeclaration>): Claim {
    const parents = c.parents ?? [];
    if (parents.length > 1 && c.parents_rule === undefined) {
      this.problem(`claim ${c.id}`, `claims[${index}].parents_rule`, 'has several parents but no parents_rule: say "any_one_of" ("according to any one of claims …") or "all"');
    }
    const seen = new Set<string>();
    const elements: Element[] = [];
    c.elements.forEach((e, j) => {
      const where = `claim ${c.id}, element ${e.id}`;
      const field = `claims[${index}].elements[${j}]`;
      if (seen.has(e.id)) this.problem(where, `${field}.id`, 'repeats an element id of this claim');
      seen.add(e.id);
      const element = e.fact !== undefined ? this.compileFactElement(e, e.fact, facts, where, field) : this.compileNumericElement(e, where, field);
      if (element) elements.push(element);
    });
    return { id: c.id, title: c.title, parents, parentsRule: c.parents_rule ?? 'all', ...(c.note && { note: c.note }), elements };
  }

  private compileFactElement(e: ElementFile, fact: string, facts: ReadonlyMap<string, FactDeclaration>, where: string, field: string): Element | null {
    const declaration = facts.get(fact);
    if (!declaration) {
      this.problem(where, `${field}.fact`, `names the undeclared fact "${fact}" (declare it under "facts" with its type)`);
      return null;
    }
    const tests: FactTest[] = [];
    if (e.is !== undefined) tests.push({ kind: 'is', value: e.is });
    if (e.includes_all !== undefined) tests.push({ kind: 'includes_all', values: e.includes_all });
    if (e.includes_any !== undefined) tests.push({ kind: 'includes_any', values: e.includes_any });
    const [test] = tests;
    if (test === undefined || tests.length > 1) {
      this.problem(where, field, 'needs exactly one test: "is", "includes_all" or "includes_any"');
      return null;
    }
    if ((test.kind === 'is') !== (declaration.type === 'boolean')) {
      this.problem(where, field, `tests the ${declaration.type} fact "${fact}" with "${test.kind}" (${declaration.type === 'boolean' ? 'use "is"' : 'use "includes_all" or "includes_any"'})`);
      return null;
    }
    return { kind: 'fact', id: e.id, text: e.text, ...(e.note && { note: e.note }), fact, test };
  }

  private compileNumericElement(e: ElementFile, where: string, field: string): Element | null {
    const valueText = e.value ?? '';
    const windowFile = e.window ?? { unit: '' };
    const expr = this.expression(valueText, where, `${field}.value`);
    const window = this.compileWindow(windowFile, where, `${field}.window`);
    if (!expr || !window || !this.namesKnown(expr, valueText, where, `${field}.value`, true)) return null;
    this.checkDimension(expr, valueText, window.unit, where, `${field}.window.unit`);
    return { kind: 'numeric', id: e.id, text: e.text, ...(e.note && { note: e.note }), valueText, expr, window };
  }

  private compileWindow(w: WindowFile, where: string, field: string): Window | null {
    const unit = this.unit(w.unit, where, `${field}.unit`);
    if (w.ge !== undefined && w.gt !== undefined) this.problem(where, field, 'has both ge and gt: keep the one the claim prints');
    if (w.le !== undefined && w.lt !== undefined) this.problem(where, field, 'has both le and lt: keep the one the claim prints');
    const lower = this.limit(w.ge ?? w.gt, w.ge !== undefined, where, `${field}.${w.ge !== undefined ? 'ge' : 'gt'}`);
    const upper = this.limit(w.le ?? w.lt, w.le !== undefined, where, `${field}.${w.le !== undefined ? 'le' : 'lt'}`);
    if (lower && upper && (lower.value > upper.value || (lower.value === upper.value && !(lower.inclusive && upper.inclusive)))) {
      this.problem(where, field, `is empty: the lower limit ${lower.printed} is not below the upper limit ${upper.printed}`);
    }
    if (w.ge === undefined && w.gt === undefined && w.le === undefined && w.lt === undefined) this.problem(where, field, 'has no limit: give ge, gt, le or lt as the claim prints it');
    if (!unit || (lower === null && upper === null)) return null;
    return { unit, lower, upper };
  }

  /** A number, or a constant expression over numbers and the set's numeric settings ("3/7", "substantially"). */
  private limit(spec: LimitFile | undefined, inclusive: boolean, where: string, field: string): Limit | null {
    if (spec === undefined) return null;
    if (typeof spec === 'number') return { value: spec, inclusive, printed: String(spec) };
    const expr = this.expression(spec, where, field);
    if (!expr) return null;
    const numeric: Record<string, number> = { substantially: this.settings.substantially };
    const unknown = namesIn(expr).filter((n) => !Object.hasOwn(numeric, n));
    if (unknown.length > 0) {
      this.problem(where, field, `the limit "${spec}" names ${unknown.map((n) => `"${n}"`).join(', ')}; a limit may use numbers and the settings ${Object.keys(numeric).join(', ')}`);
      return null;
    }
    const value = evaluate(expr, (name) => ({ value: numeric[name] ?? Number.NaN, dimension: DIMENSIONLESS })).value;
    if (!Number.isFinite(value)) {
      this.problem(where, field, `the limit "${spec}" is not a finite number`);
      return null;
    }
    const plainNumber = expr.kind === 'number';
    return { value, inclusive, printed: plainNumber ? spec.trim() : `${spec.trim()} (= ${Number(value.toPrecision(6))})` };
  }

  /** Parents exist, are not the claim itself, and form no cycle. */
  private checkClaimGraph(claims: readonly Claim[]): void {
    const byId = new Map<string, Claim>();
    claims.forEach((claim, i) => {
      if (byId.has(claim.id)) this.problem(`claim ${claim.id}`, `claims[${i}].id`, 'repeats the id of an earlier claim');
      byId.set(claim.id, claim);
    });
    claims.forEach((claim, i) => {
      for (const parent of claim.parents) {
        if (!byId.has(parent)) this.problem(`claim ${claim.id}`, `claims[${i}].parents`, `depends on claim "${parent}", which this set does not have`);
      }
    });
    const parentsOf = (id: string): string[] => (byId.get(id)?.parents ?? []).filter((p) => byId.has(p));
    for (const cycle of cycles(byId.keys(), parentsOf)) {
      const [id = ''] = cycle;
      this.problem(`claim ${id}`, `claims[${claims.findIndex((c) => c.id === id)}].parents`, `its parents form a cycle: claim ${cycle.join(' → claim ')}`);
    }
  }
}

/** Every cycle of a directed graph, each as the path that closes it (a → b → a), found by depth-first search. */
function cycles(nodes: Iterable<string>, next: (node: string) => readonly string[]): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const found: string[][] = [];
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      found.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    state.set(node, 'visiting');
    for (const n of next(node)) visit(n, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of nodes) visit(node, []);
  return found;
}
