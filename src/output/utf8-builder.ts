/** JSON records built as UTF-8 in one reusable buffer (the grade and analyze records' fast serialisers keep one each). */

/**
 * UTF-8 records written one after another into one buffer. A finished record is handed out as a view, not a copy (a
 * fresh 70 kB array per lot was most of a batch's external memory); views stay valid until reset(), because a full
 * buffer is replaced, never overwritten.
 */
export class Utf8Builder {
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

  /**
   * Lets `write` put at most `most` bytes straight into the buffer from `at`; it returns the offset after them. For
   * text made as bytes (numbers formatted by hand), which a string would only carry to be encoded again.
   */
  direct(most: number, write: (buffer: Uint8Array, at: number) => number): void {
    this.room(most);
    this.used = write(this.buffer, this.used);
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
