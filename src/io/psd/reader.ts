/** The contract every particle-size reader fulfils: recognise its layout by content, then produce a Distribution. */
import type { Basis, Distribution } from '../../model/distribution.js';
import type { RawInput } from '../input.js';
import type { Detection } from '../isotherm/reader.js';

export type { Detection };

/** Which ImageJ measurement becomes a particle's diameter. */
export type ParticleSizeMeasure = 'area' | 'feret' | 'minferet';

/** Values the user supplies on the command line when a file is silent about them. */
export interface PsdReadOptions {
  /** Reader id to force (`--input-format`); 'auto' or undefined detects by content. */
  format?: string;
  /** What the fractions count, for files whose headers do not say (`--basis`); overrides a header that does. */
  basis?: Basis;
  /** Size unit for files whose headers do not name one (`--size-unit`: nm, µm, um, mm). */
  sizeUnit?: string;
  /** 1-based record of a multi-record file, or 'mean' of all records (`--record`, default mean). */
  record?: number | 'mean';
  /** ImageJ results: which measurement becomes the diameter (`--particle-size`, default area → circle diameter). */
  particleSize?: ParticleSizeMeasure;
  /** Per-particle lists: bins per decade of the geometric grid they are counted on (`--bins-per-decade`). */
  binsPerDecade?: number;
}

export interface PsdReader {
  /** Stable id, shown as `input.format` and accepted by `--input-format`. */
  id: string;
  /** What it reads, one line, for `poregrade formats`. */
  description: string;
  /** Typical file names, informational only: detection is by content. */
  extensions: readonly string[];
  detect(input: RawInput): Detection;
  read(input: RawInput, options: PsdReadOptions): Distribution;
}
