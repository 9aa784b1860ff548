/**
 * All particle-size readers, and the detection that picks one by content (never by file extension). The highest
 * detection score wins; ties go to the earlier reader, so specific instrument layouts come before generic tables.
 */
import { InputError } from '../../errors.js';
import type { Distribution } from '../../model/distribution.js';
import { detectReader } from '../detect.js';
import type { RawInput } from '../input.js';
import { camsizerXleReader } from './camsizer-xle.js';
import { genericReader } from './generic.js';
import { horibaLaReader } from './horiba-la.js';
import { mastersizer2000Reader } from './mastersizer2000.js';
import { mastersizer3000Reader } from './mastersizer3000.js';
import { particleListReader } from './particle-list.js';
import type { PsdReadOptions, PsdReader } from './reader.js';
import { sourceTable } from './table-source.js';
import { zetasizerReader } from './zetasizer.js';

export const PSD_READERS: readonly PsdReader[] = [
  zetasizerReader,
  camsizerXleReader,
  mastersizer2000Reader,
  mastersizer3000Reader,
  horibaLaReader,
  particleListReader,
  genericReader,
];

/** `--input-format` also accepts 'imagej', the format name the particle-list reader reports for ImageJ results. */
export function findPsdReader(id: string): PsdReader | undefined {
  return PSD_READERS.find((r) => r.id === id) ?? (id === 'imagej' ? particleListReader : undefined);
}

/** Picks the reader for `input` (or the forced `options.format`) and reads it. */
export function readDistribution(input: RawInput, options: PsdReadOptions = {}): Distribution {
  if (options.format && options.format !== 'auto') {
    const reader = findPsdReader(options.format);
    if (!reader) {
      throw new InputError('E_UNKNOWN_FORMAT', `--input-format ${options.format} is not a known particle-size format`, { field: '--input-format' }, `use one of: auto, ${PSD_READERS.map((r) => r.id).join(', ')}`);
    }
    return reader.read(input, options);
  }
  const { best, misses } = detectReader(PSD_READERS, input);
  if (!best) {
    // Let decoding problems (binary, broken UTF-16, empty) speak for themselves before blaming the layout.
    sourceTable(input);
    throw new InputError('E_UNKNOWN_FORMAT', `no particle-size reader recognises this layout (${misses.join('; ')})`, { file: input.file }, '`poregrade psd --help` lists the layouts; --input-format forces a reader');
  }
  return best.read(input, options);
}
