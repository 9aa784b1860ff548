/**
 * The safe arithmetic of claim sets: "A / B", "Y / X", "(T - Tg) * t", "3/7". jsep parses the text; this module
 * walks jsep's tree into its own four-node tree and refuses everything else (calls, member access, strings,
 * booleans, conditionals, other operators). Names are looked up only through the caller's function, so
 * `constructor` or `__proto__` are unknown names like any other. Nothing is ever run through eval, Function or
 * import().
 *
 * Evaluation carries dimensions (units.ts) and first-order sensitivities ∂result/∂input, so a derived value gets
 * a standard uncertainty by the GUM law of propagation for uncorrelated inputs (JCGM 100:2008, eq. 10).
 */
import jsep from 'jsep';
import { combine, DIMENSIONLESS, formatDimension, sameDimension, type Dimension } from './units.js';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'negate'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr };

export class ExpressionError extends Error {}

/** Claim expressions are one line; a limit stops pathological input before jsep's recursive descent sees it. */
export const MAX_EXPRESSION_LENGTH = 500;
const MAX_DEPTH = 50;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses an expression; the typographic ×, ÷, − and · of claim texts are accepted for *, / and -. */
export function parseExpression(text: string): Expr {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const ascii = text.replace(/[×·]/g, '*').replace(/÷/g, '/').replace(/−/g, '-');
  if (ascii.trim() === '') throw new ExpressionError('is empty');
  let tree: jsep.Expression;
  try {
    tree = jsep(ascii);
  } catch (error) {
    throw new ExpressionError(`cannot be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return convertNode(tree, 0);
}

function convertNode(node: jsep.Expression, depth: number): Expr {
  if (depth > MAX_DEPTH) throw new ExpressionError(`nests deeper than ${MAX_DEPTH} levels`);
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ExpressionError(`contains ${JSON.stringify((node as jsep.Literal).raw)}: only numbers and quantity names are allowed`);
      return { kind: 'number', value };
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (!NAME.test(name)) throw new ExpressionError(`contains "${name}", which is not a quantity name (letters, digits and _)`);
      return { kind: 'name', name };
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression;
      if (unary.operator === '-') return { kind: 'negate', operand: convertNode(unary.argument, depth + 1) };
      if (unary.operator === '+') return convertNode(unary.argument, depth + 1);
      throw new ExpressionError(`uses the operator "${unary.operator}": only + - * / and parentheses are allowed`);
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression;
      const op = binary.operator;
      if (op !== '+' && op !== '-' && op !== '*' && op !== '/') {
        throw new ExpressionError(`uses the operator "${op}": only + - * / and parentheses are allowed`);
      }
      return { kind: 'binary', op, left: convertNode(binary.left, depth + 1), right: convertNode(binary.right, depth + 1) };
    }
    case 'CallExpression':
      throw new ExpressionError('calls a function: only + - * / over numbers and quantity names are allowed');
    case 'MemberExpression':
      throw new ExpressionError('uses member access (a.b or a[b]): only quantity names are allowed');
    case 'Compound':
      throw new ExpressionError('holds several expressions (a stray space, comma or semicolon?)');
    default:
      throw new ExpressionError(`contains a ${node.type}: only + - * / over numbers and quantity names are allowed`);
  }
}

/** Every name the expression reads, once each, in order of appearance. */
export function namesIn(expr: Expr): string[] {
  const names: string[] = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'name') {
      if (!names.includes(e.name)) names.push(e.name);
    } else if (e.kind === 'negate') visit(e.operand);
    else if (e.kind === 'binary') {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(expr);
  return names;
}

/** A value in coherent base units (see units.ts) with its dimension. */
export interface Operand {
  readonly value: number;
  readonly dimension: Dimension;
}

/** The result in base units, its dimension, and ∂result/∂input for each name (in base units). */
export interface Evaluated extends Operand {
  readonly sensitivity: ReadonlyMap<string, number>;
}

/** Evaluates over named operands. Adding or subtracting different dimensions throws ExpressionError. */
export function evaluate(expr: Expr, lookup: (name: string) => Operand): Evaluated {
  switch (expr.kind) {
    case 'number':
      return { value: expr.value, dimension: DIMENSIONLESS, sensitivity: new Map() };
    case 'name': {
      const operand = lookup(expr.name);
      return { ...operand, sensitivity: new Map([[expr.name, 1]]) };
    }
    case 'negate': {
      const a = evaluate(expr.operand, lookup);
      return { value: -a.value, dimension: a.dimension, sensitivity: scaled(a.sensitivity, -1) };
    }
    case 'binary': {
      const a = evaluate(expr.left, lookup);
      const b = evaluate(expr.right, lookup);
      switch (expr.op) {
        case '+':
        case '-': {
          if (!sameDimension(a.dimension, b.dimension)) {
            throw new ExpressionError(`${expr.op === '+' ? 'adds' : 'subtracts'} ${formatDimension(b.dimension)} ${expr.op === '+' ? 'to' : 'from'} ${formatDimension(a.dimension)}`);
          }
          const sign = expr.op === '+' ? 1 : -1;
          return { value: a.value + sign * b.value, dimension: a.dimension, sensitivity: summed(a.sensitivity, 1, b.sensitivity, sign) };
        }
        case '*':
          // d(ab) = b·da + a·db
          return { value: a.value * b.value, dimension: combine(a.dimension, b.dimension, 1), sensitivity: summed(a.sensitivity, b.value, b.sensitivity, a.value) };
        case '/':
          // d(a/b) = da/b − a·db/b²
          return {
            value: a.value / b.value,
            dimension: combine(a.dimension, b.dimension, -1),
            sensitivity: summed(a.sensitivity, 1 / b.value, b.sensitivity, -a.value / (b.value * b.value)),
          };
      }
    }
  }
}

/**
 * An expression prepared once for evaluation over many lots: `names` in order of appearance (namesIn), and
 * `run`, which takes their values in base units in that order and gives the value with ∂result/∂input per name,
 * in the same order. The arithmetic is operation for operation that of `evaluate` (same operands, same order),
 * so values and propagated uncertainties are bit-identical; dimensions are left out, as they depend only on the
 * claim set and are checked when it is loaded.
 */
export interface CompiledExpression {
  readonly names: readonly string[];
  run(values: readonly number[]): { readonly value: number; readonly sensitivity: readonly number[] };
}

/** A compiled node: which names its sensitivity holds (known from the tree alone) and how to compute it. */
interface CompiledNode {
  readonly present: readonly number[];
  run(values: readonly number[]): { value: number; d: number[] };
}

export function compileExpression(expr: Expr): CompiledExpression {
  const names = namesIn(expr);
  const root = compileNode(expr, names);
  return {
    names,
    run(values) {
      const { value, d } = root.run(values);
      return { value, sensitivity: d };
    },
  };
}

function compileNode(expr: Expr, names: readonly string[]): CompiledNode {
  const n = names.length;
  switch (expr.kind) {
    case 'number': {
      const constant = { value: expr.value, d: [] };
      return { present: [], run: () => constant };
    }
    case 'name': {
      const i = names.indexOf(expr.name);
      return {
        present: [i],
        run(values) {
          const d = new Array<number>(n).fill(0);
          d[i] = 1;
          return { value: values[i] as number, d };
        },
      };
    }
    case 'negate': {
      const a = compileNode(expr.operand, names);
      return {
        present: a.present,
        run(values) {
          const r = a.run(values);
          const d = new Array<number>(n).fill(0);
          for (const i of a.present) d[i] = (r.d[i] as number) * -1;
          return { value: -r.value, d };
        },
      };
    }
    case 'binary': {
      const a = compileNode(expr.left, names);
      const b = compileNode(expr.right, names);
      const inA = names.map((_, i) => a.present.includes(i));
      const present = [...a.present, ...b.present.filter((i) => !inA[i])];
      // As `summed`: a's terms scaled by ka, then b's added to them (to 0 where a has none).
      const combineSensitivities = (ra: { d: number[] }, ka: number, rb: { d: number[] }, kb: number): number[] => {
        const d = new Array<number>(n).fill(0);
        for (const i of a.present) d[i] = (ra.d[i] as number) * ka;
        for (const i of b.present) d[i] = (inA[i] ? (d[i] as number) : 0) + (rb.d[i] as number) * kb;
        return d;
      };
      const op = expr.op;
      return {
        present,
        run(values) {
          const ra = a.run(values);
          const rb = b.run(values);
          switch (op) {
            case '+':
            case '-': {
              const sign = op === '+' ? 1 : -1;
              return { value: ra.value + sign * rb.value, d: combineSensitivities(ra, 1, rb, sign) };
            }
            case '*':
              return { value: ra.value * rb.value, d: combineSensitivities(ra, rb.value, rb, ra.value) };
            case '/':
              return { value: ra.value / rb.value, d: combineSensitivities(ra, 1 / rb.value, rb, -ra.value / (rb.value * rb.value)) };
          }
        },
      };
    }
  }
}

function scaled(m: ReadonlyMap<string, number>, k: number): Map<string, number> {
  return new Map([...m].map(([name, d]) => [name, d * k]));
}

function summed(a: ReadonlyMap<string, number>, ka: number, b: ReadonlyMap<string, number>, kb: number): Map<string, number> {
  const out = scaled(a, ka);
  for (const [name, d] of b) out.set(name, (out.get(name) ?? 0) + d * kb);
  return out;
}

/** Combined standard uncertainty from sensitivities and the inputs' standard uncertainties (null = none known). */
export function propagatedUncertainty(sensitivity: ReadonlyMap<string, number>, uncertaintyOf: (name: string) => number | null): number | null {
  let sumSquares = 0;
  let any = false;
  for (const [name, d] of sensitivity) {
    const u = uncertaintyOf(name);
    if (u === null) continue;
    any = true;
    sumSquares += (d * u) ** 2;
  }
  return any ? Math.sqrt(sumSquares) : null;
}
