/**
 * A grade (or batch) record as UTF-8 JSON, byte for byte what JSON.stringify gives, made fast for batches: the fields
 * of each claim and element that are the same for every lot (ids, claim text, window, test) are serialised and
 * encoded once per claim-set definition and copied in; only what depends on the lot goes through JSON.stringify.
 * The claim texts are most of a record (~70 kB of 41 claims), and encoding them to UTF-8 for every lot cost more
 * than grading it.
 */
import { DEFINITION, type ClaimResult, type ElementResult } from '../claims/grade.js';
import { Utf8Builder } from './utf8-builder.js';

const ENCODER = new TextEncoder();

/**
 * Each definition's lot-independent fields, serialised once as `{"k":v,…,` (the opening of an object that continues
 * with the lot's own fields), by index; `headIndex` finds a definition's.
 */
const heads: Uint8Array[] = [];
const headIndex = new WeakMap<object, number>();
function headOf(definition: object, fields: () => Record<string, unknown>): number {
  let index = headIndex.get(definition);
  if (index === undefined) {
    index = heads.push(ENCODER.encode(JSON.stringify(fields()).slice(0, -1) + ',')) - 1;
    headIndex.set(definition, index);
  }
  return index;
}

/**
 * The lot's own fields are copied into object literals in the results' key order (the grader builds every result the
 * same way; the tests compare with JSON.stringify): an object rest pattern copied them through V8's slow generic path.
 * The first result of each definition is checked to have exactly these keys; otherwise its results are written whole.
 */
const ELEMENT_KEYS = 'id,text,kind,unit,window,test,status,value,margin,marginal,missing,uncertainty,source,as_given,inputs,inks,notes';
const CLAIM_KEYS = 'set,claim,title,note,status,marginal,parents,reason,missing,elements';
const shapeChecked = new WeakMap<object, boolean>();
function hasKeys(definition: object, result: object, keys: string): boolean {
  let ok = shapeChecked.get(definition);
  if (ok === undefined) shapeChecked.set(definition, (ok = Object.keys(result).join(',') === keys));
  return ok;
}

/**
 * A claim or element stands in one JSON.stringify of all the claims as `{"\u0001":n,` + its lot's own fields, and
 * the marker is then replaced by head n's bytes: one stringify a lot cost ~25 % less than one per claim and element
 * (~120 a lot, each a new string written on its own). Every key inside a claim result is this code's, never a lot
 * file's (fact values are strings, string lists or booleans), so no other "\u0001" key can appear; the markers are
 * matched against the heads used all the same.
 */
const MARKER = '{"\\u0001":';
const MARKER_KEY = '\u0001';

function elementMirror(e: ElementResult, used: number[]): object {
  const definition = e[DEFINITION];
  if (!definition || !hasKeys(definition, e, ELEMENT_KEYS)) return e;
  const head = headOf(definition, () => ({ id: e.id, text: e.text, kind: e.kind, unit: e.unit, window: e.window, test: e.test }));
  used.push(head);
  const { status, value, margin, marginal, missing, uncertainty, source, as_given, inputs, inks, notes } = e;
  return { [MARKER_KEY]: head, status, value, margin, marginal, missing, uncertainty, source, as_given, inputs, inks, notes };
}

function claimMirror(c: ClaimResult, used: number[]): object {
  const definition = c[DEFINITION];
  if (!definition || !hasKeys(definition, c, CLAIM_KEYS)) return c;
  const head = headOf(definition, () => ({ set: c.set, claim: c.claim, title: c.title, note: c.note }));
  used.push(head);
  const { status, marginal, parents, reason, missing } = c;
  const elements = c.elements.map((e) => elementMirror(e, used));
  return { [MARKER_KEY]: head, status, marginal, parents, reason, missing, elements };
}

/** Writes `json` with each marker replaced by the head `used` names in turn; false if they disagree. */
function writeWithHeads(out: Utf8Builder, json: string, used: readonly number[]): boolean {
  let from = 0;
  let k = 0;
  for (let at = json.indexOf(MARKER); at >= 0; at = json.indexOf(MARKER, from)) {
    const comma = json.indexOf(',', at + MARKER.length);
    if (k >= used.length || json.slice(at + MARKER.length, comma) !== String(used[k])) return false;
    out.text(json.slice(from, at));
    out.bytes(heads[used[k++]!]!);
    from = comma + 1;
  }
  if (k !== used.length) return false;
  out.text(from === 0 ? json : json.slice(from));
  return true;
}

const builder = new Utf8Builder();

/** Lets the next records overwrite the bytes of all earlier ones (call once those have been copied or written). */
export function reuseRecordBytes(): void {
  builder.reset();
}

/**
 * The record's JSON (keys in the record's own order, as JSON.stringify), its claims' lot-independent fields copied
 * from their heads. The bytes are a view that stays valid until reuseRecordBytes() is called.
 */
export function gradeRecordJson(record: Readonly<Record<string, unknown>>, lineEnd = ''): Uint8Array {
  let first = true;
  builder.text('{');
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || typeof value === 'function') continue;
    builder.text(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (key === 'claims' && Array.isArray(value)) {
      const used: number[] = [];
      const json = JSON.stringify((value as ClaimResult[]).map((c) => claimMirror(c, used)));
      if (!writeWithHeads(builder, json, used)) throw new Error('internal: a claim result holds the key "\\u0001"');
    } else {
      builder.text(JSON.stringify(value));
    }
  }
  builder.text('}' + lineEnd);
  return builder.take();
}
