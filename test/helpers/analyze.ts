/** Reads an isotherm file through the real readers and analyses it, as the CLI does. */
import { analyzeIsotherm, ISOTHERM_DEFAULTS, type IsothermSettings } from '../../src/analysis/isotherm-analysis.js';
import { readInput } from '../../src/io/input.js';
import type { IsothermReadOptions } from '../../src/io/isotherm/reader.js';
import { readIsotherm } from '../../src/io/isotherm/registry.js';

export function readIsothermFile(path: string, options: IsothermReadOptions = {}) {
  return readIsotherm(readInput(path), options);
}

export function analyzeFile(path: string, settings: Partial<IsothermSettings> = {}, options: IsothermReadOptions = {}) {
  const isotherm = readIsothermFile(path, options);
  return { isotherm, analysis: analyzeIsotherm(isotherm, { ...ISOTHERM_DEFAULTS, ...settings }) };
}
