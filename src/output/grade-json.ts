/**
 * A grade (or batch) record as UTF-8 JSON, byte for byte what JSON.stringify gives, made fast for batches: the fields
 * of each claim and element that are the same for every lot (ids, claim text, window, test) are serialised and
 * encoded once per claim-set definition and copied in; only what depends on the lot goes through JSON.stringify.
 * The claim texts are most of a record (~70 kB of 41 claims), and encoding them to UTF-8 for every lot cost more
 * than grading it.
 */
import { DEFINITION, type ClaimResult, type ElementResult } from '../claims/grade.js';

const ENCODER = new TextEncoder();

/**
 * UTF-8 records written one after another into one buffer. A finished record is handed out as a view, not a copy (a
 * fresh 70 kB array per lot was most of a batch's external memory); views stay valid until reset(), because a full
 * buffer is replaced, never overwritten.
 */
class Utf8Builder {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** Where the record being written starts. */
  private start = 0;
  /** Bytes written since the last reset, in this buffer and the ones it replaced. */
  private written = 0;

  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const inRecord = this.used - this.start;
    this.written += this.start;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length, 2 * (inRecord + bytes)));
    this.buffer.copy(next, 0, this.start, this.used);
    this.buffer = next;
    this.start = 0;
    this.used = inRecord;
  }

  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** JSON text; `from` skips leading characters (the brace of a serialised object being merged in). */
  text(json: string, from = 0): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.room(3 * (json.length - from));
    this.used += this.buffer.write(from === 0 ? json : json.slice(from), this.used, 'utf8');
  }

  /** The record just written, as a view valid until reset(). */
  take(): Uint8Array {
    const record = this.buffer.subarray(this.start, this.used);
    this.start = this.used;
    return record;
  }

  /** Reuses the buffer from the start: every view handed out before is then overwritten. */
  reset(): void {
    // Sized to hold all that was written since the last reset, the next chunk of records needs no new buffer.
    const written = this.written + this.used;
    if (written > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.ceil(1.25 * written));
    this.start = this.used = this.written = 0;
  }
}

/** `{"k":v,…,` of the given fields: the opening of an object that continues with the lot's own fields. */
const heads = new WeakMap<object, Uint8Array>();
function headOf(definition: object, fields: () => Record<string, unknown>): Uint8Array {
  let head = heads.get(definition);
  if (!head) heads.set(definition, (head = ENCODER.encode(JSON.stringify(fields()).slice(0, -1) + ',')));
  return head;
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

function writeElement(out: Utf8Builder, e: ElementResult): void {
  const definition = e[DEFINITION];
  if (!definition || !hasKeys(definition, e, ELEMENT_KEYS)) return out.text(JSON.stringify(e));
  out.bytes(headOf(definition, () => ({ id: e.id, text: e.text, kind: e.kind, unit: e.unit, window: e.window, test: e.test })));
  const { status, value, margin, marginal, missing, uncertainty, source, as_given, inputs, inks, notes } = e;
  out.text(JSON.stringify({ status, value, margin, marginal, missing, uncertainty, source, as_given, inputs, inks, notes }), 1);
}

function writeClaim(out: Utf8Builder, c: ClaimResult): void {
  const definition = c[DEFINITION];
  if (!definition || !hasKeys(definition, c, CLAIM_KEYS)) return out.text(JSON.stringify(c));
  const elements = c.elements;
  out.bytes(headOf(definition, () => ({ set: c.set, claim: c.claim, title: c.title, note: c.note })));
  const { status, marginal, parents, reason, missing } = c;
  out.text(JSON.stringify({ status, marginal, parents, reason, missing }).slice(1, -1));
  out.text(',"elements":[');
  elements.forEach((e, i) => {
    if (i > 0) out.text(',');
    writeElement(out, e);
  });
  out.text(']}');
}

const builder = new Utf8Builder();

/** Lets the next records overwrite the bytes of all earlier ones (call once those have been copied or written). */
export function reuseRecordBytes(): void {
  builder.reset();
}

/**
 * The record's JSON (keys in the record's own order, as JSON.stringify), with its `claims` written the fast way. The
 * bytes are a view that stays valid until reuseRecordBytes() is called.
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
      builder.text('[');
      (value as ClaimResult[]).forEach((c, i) => {
        if (i > 0) builder.text(',');
        writeClaim(builder, c);
      });
      builder.text(']');
    } else {
      builder.text(JSON.stringify(value));
    }
  }
  builder.text('}' + lineEnd);
  return builder.take();
}
