/** The contract every isotherm reader fulfils: recognise its layout by content, then produce a normalised Isotherm. */
import type { Isotherm } from '../../model/isotherm.js';
import type { RawInput } from '../input.js';

/** Values the user supplies on the command line when a file is silent about them. */
export interface IsothermReadOptions {
  /** Loading unit for a file whose header does not name one (`--loading-unit`). */
  loadingUnit?: string;
  /** Saturation pressure in kPa for absolute-pressure files without p0 (`--p0`). */
  p0Kpa?: number;
  /** Sample mass in g for files with total amounts (`--mass`); overrides the file's own. */
  massG?: number;
  /** Adsorbate name when the file does not say (`--adsorbate`). */
  adsorbate?: string;
}

/** Detection answer: a score (higher wins; 0 = not this format) and, when 0, what was missing. */
export interface Detection {
  score: number;
  reason: string;
}

export interface IsothermReader {
  /** Stable id, shown as `input.format` and accepted by `--input-format`. */
  id: string;
  /** What it reads, one line, for `poregrade formats`. */
  description: string;
  /** Typical file names, informational only: detection is by content. */
  extensions: readonly string[];
  detect(input: RawInput): Detection;
  read(input: RawInput, options: IsothermReadOptions): Isotherm;
}
