/**
 * All isotherm readers, and the detection that picks one by content (never by file extension). The highest
 * detection score wins; ties go to the earlier reader in the list, so specific layouts come before generic ones.
 */
import { InputError } from '../../errors.js';
import type { Isotherm } from '../../model/isotherm.js';
import { detectReader } from '../detect.js';
import type { RawInput } from '../input.js';
import { aifReader } from './aif.js';
import { belsorpCsvReader } from './belsorp-csv.js';
import { belsorpDatReader } from './belsorp-dat.js';
import { belsorpXlsReader } from './belsorp-xls.js';
import { genericCsvReader } from './generic-csv.js';
import { genericSpreadsheetReader } from './generic-spreadsheet.js';
import { micromeriticsTextReader } from './micromeritics-text.js';
import { micromeriticsXlsReader } from './micromeritics-xls.js';
import { nistIsodbReader } from './nist-isodb.js';
import { pygapsJsonReader } from './pygaps-json.js';
import { quantachromeReader } from './quantachrome.js';
import type { IsothermReadOptions, IsothermReader } from './reader.js';
import { threepXlsxReader } from './threep-xlsx.js';

export const ISOTHERM_READERS: readonly IsothermReader[] = [
  // Vendor layouts, each recognised by a signature no other format has.
  belsorpDatReader,
  belsorpCsvReader,
  belsorpXlsReader,
  quantachromeReader,
  nistIsodbReader,
  micromeriticsXlsReader,
  micromeriticsTextReader,
  threepXlsxReader,
  aifReader,
  pygapsJsonReader,
  genericCsvReader,
  genericSpreadsheetReader,
];

export function findIsothermReader(id: string): IsothermReader | undefined {
  return ISOTHERM_READERS.find((r) => r.id === id);
}

/** Picks the reader for `input` (or the forced `format`) and reads it. */
export function readIsotherm(input: RawInput, options: IsothermReadOptions & { format?: string } = {}): Isotherm {
  if (options.format && options.format !== 'auto') {
    const reader = findIsothermReader(options.format);
    if (!reader) {
      throw new InputError('E_UNKNOWN_FORMAT', `--input-format ${options.format} is not a known isotherm format`, { field: '--input-format' }, `use one of: ${ISOTHERM_READERS.map((r) => r.id).join(', ')}`);
    }
    return reader.read(input, options);
  }
  const { best, misses, containerError } = detectReader(ISOTHERM_READERS, input);
  if (!best) {
    // Let text-decoding and spreadsheet-container problems speak for themselves before blaming the layout.
    if (containerError) throw containerError;
    if (!input.isSpreadsheet) void input.text;
    throw new InputError('E_UNKNOWN_FORMAT', `no reader recognises this layout (tried ${misses.join('; ')})`, { file: input.file }, 'see `poregrade formats`; --input-format forces a reader');
  }
  return best.read(input, options);
}
