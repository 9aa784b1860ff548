/**
 * Bytes → text. Instrument exports come as UTF-8 (with or without BOM), UTF-16LE with BOM (Micromeritics
 * MicroActive, CAMSIZER .xle) and Latin-1/CP1252 (Quantachrome ASiQwin, Zetasizer): ../shared/docs/formats.md.
 */
import { InputError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** A BIFF .xls (OLE2 compound document). */
export const isOle2 = (bytes: Uint8Array): boolean => startsWith(bytes, OLE2_MAGIC);
/** A ZIP container (.xlsx). */
export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP_MAGIC);

/** Heuristic for UTF-16LE without BOM: most odd bytes zero in the first kilobyte. */
function looksUtf16LeWithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return false;
  let zeroOdd = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeroOdd++;
  return zeroOdd > 0.6 * (n / 2);
}

/**
 * Decodes an instrument text file. Throws E_BINARY for data that is not text and E_ENCODING for truncated UTF-16.
 * Spreadsheet containers are not text: callers check isOle2/isZip first.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8OrLatin1(bytes.subarray(3)), encoding: 'utf-8' };
  }
  const utf16le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const utf16be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if (utf16le || utf16be || looksUtf16LeWithoutBom(bytes)) {
    const body = utf16le || utf16be ? bytes.subarray(2) : bytes;
    if (body.length % 2 !== 0) {
      throw new InputError('E_ENCODING', `UTF-16 text has an odd number of bytes (${body.length}): the file is truncated mid-character`, { file }, 'export or copy the file again');
    }
    const encoding: TextEncoding = utf16be ? 'utf-16be' : 'utf-16le';
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      throw new InputError('E_ENCODING', `the file is not valid ${encoding.toUpperCase()}`, { file }, 'export or copy the file again');
    }
    return { text: rejectBinary(text, file), encoding };
  }
  // One decoding tells both the text and whether it was UTF-8 (a second, validating decode was 2 % of reading a file).
  const decoded = utf8OrCp1252(bytes);
  return { text: rejectBinary(decoded.text, file), encoding: decoded.encoding };
}

function utf8OrLatin1(bytes: Uint8Array): string {
  return utf8OrCp1252(bytes).text;
}

/** Decoders are reusable: decode() without { stream: true } starts afresh each call, also after a fatal error. */
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const CP1252 = new TextDecoder('windows-1252');

function utf8OrCp1252(bytes: Uint8Array): DecodedText {
  try {
    return { text: UTF8_STRICT.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: CP1252 is a superset of Latin-1 for printable text and is what Windows instrument software writes.
    return { text: CP1252.decode(bytes), encoding: 'windows-1252' };
  }
}

/** The characters rejectBinary counts (NUL and controls other than TAB, LF, FF, CR). */
const CONTROL_CHARACTER = /[\0-\x08\x0b\x0e-\x1f]/;

/** Text with NUL or many control characters is binary data that happened to decode. */
function rejectBinary(text: string, file: string): string {
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  // Text has none of them: one native regex scan instead of a loop over 4,096 characters (2 % of reading a file).
  if (!CONTROL_CHARACTER.test(sample)) return text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw new InputError('E_BINARY', 'the file holds binary data (NUL bytes), not text', { file });
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 0.05 * sample.length) throw new InputError('E_BINARY', 'the file holds binary data, not text', { file });
  return text;
}

/** Splits text into lines on CRLF, LF or CR-only endings. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
