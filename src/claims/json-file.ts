/**
 * Reading the JSON files users write by hand (lot files, claim sets) without trusting them: a size limit before the
 * bytes are read, a nesting-depth limit before JSON.parse (V8's parser recurses, so a file of 100 000 '[' would
 * overflow the stack), and parse errors reported with line and column.
 */
import { InputError } from '../errors.js';
import { readInput } from '../io/input.js';

/** Lot files and claim sets are a few kilobytes; 4 MB leaves room for generous notes and still refuses the absurd. */
export const MAX_JSON_FILE_BYTES = 4 * 1024 * 1024;

/** The deepest real structure (claim → elements → window → limit) is under 10 levels. */
export const MAX_JSON_DEPTH = 32;

/** Reads and parses a hand-written JSON file; `what` names it in errors ("lot file", "claim set"). */
export function readJsonFile(file: string, what: string, maxBytes = MAX_JSON_FILE_BYTES): unknown {
  const text = readInput(file, maxBytes).text;
  return parseJsonText(text, file, what);
}

/** Parses JSON text with the depth guard; errors carry the file and the line:column of the problem. */
export function parseJsonText(text: string, file: string, what: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooDeep = findExcessiveNesting(body, MAX_JSON_DEPTH);
  if (tooDeep !== null) {
    const { line, column } = lineAndColumn(body, tooDeep);
    throw new InputError('E_JSON_TOO_DEEP', `the ${what} nests deeper than ${MAX_JSON_DEPTH} levels at column ${column}`, { file, line });
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const detail = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    const { line, column } = lineAndColumn(body, firstSyntaxError(body));
    throw new InputError('E_BAD_JSON', `the ${what} is not valid JSON: ${detail} at column ${column}`, { file, line });
  }
}

/**
 * Where JSON.parse gave up: V8 names the position for some errors only, so a small recursive-descent scan finds
 * it (the depth guard has already bounded the recursion).
 */
function firstSyntaxError(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const token = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (m) i += m[0].length;
    return m !== null;
  };
  const string = (): void => {
    if (!token(/"(?:[^"\\\u0000-\u001f]+|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y)) fail();
  };
  const sequence = (close: string, item: () => void): void => {
    i++;
    space();
    if (text.charAt(i) === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      space();
      const c = text.charAt(i);
      if (c === close) {
        i++;
        return;
      }
      if (c !== ',') fail();
      i++;
    }
  };
  const value = (): void => {
    space();
    const c = text.charAt(i);
    if (c === '{') {
      sequence('}', () => {
        space();
        string();
        space();
        if (text.charAt(i) !== ':') fail();
        i++;
        value();
      });
    } else if (c === '[') sequence(']', value);
    else if (c === '"') string();
    else if (!token(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y)) fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (index) {
    if (typeof index === 'number') return index;
    throw index;
  }
  return text.length;
}

/** Index of the first bracket that opens level maxDepth + 1, or null. Strings are skipped (with their escapes). */
function findExcessiveNesting(text: string, maxDepth: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** A plain JSON object (not an array or null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
