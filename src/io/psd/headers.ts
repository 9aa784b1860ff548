/**
 * What a column header of a particle-size table says: a size (class point, lower or upper limit) with its unit, or
 * a value with its kind (per-class share, count, cumulative undersize/oversize, density q or log density q*) and its
 * basis. ISO 9276-1 notation is case-sensitive: Q_r is cumulative, q_r a density, p_r a per-class share; r = 0
 * number, 1 length, 2 area, 3 volume (../shared/docs/science.md, formats.md).
 */
import type { Basis } from '../../model/distribution.js';
import { sizeUnitInHeader, type SizeUnit } from './size-units.js';

export type ValueKind = 'perBin' | 'count' | 'undersize' | 'oversize' | 'density' | 'logDensity';

export type HeaderRole =
  | { role: 'size'; edge: 'lower' | 'upper' | 'point'; unit: SizeUnit | null }
  | { role: 'value'; kind: ValueKind; basis: Basis | null; percent: boolean }
  | { role: 'other' };

/** Lower-case, µ/μ → u, whitespace collapsed: the form the patterns below are written for. */
function squash(header: string): string {
  return header.toLowerCase().replace(/[µμ]/g, 'u').replace(/\s+/g, ' ').trim();
}

const UNDERSIZE = /undersize|passing|% ?pass|\bpass\b|finer|cumulative|\bcum\b|\bsum\b/;
const OVERSIZE = /oversize|retained|residue|% ?ret\b|1 ?- ?q/;
const LOG_DENSITY = /q\*|q[0-3]? ?lg|q[0-3]? ?\*|dlog|d ?log|log ?density/;
const COUNT = /\bcounts?\b|number of particles|particle count|^n$|^#$/;
const SIZE_WORDS = /\b(sizes?|diameters?|diam|dia|class(es)?|channels?|bins?|edges?|grain|limit|x[0-9]?|x_?[ou]|xc|d)\b/;
const LOWER_WORDS = /\b(lower|from|min|minimum|low|start|bottom|x_?u)\b/;
const UPPER_WORDS = /\b(upper|to|max|maximum|high|end|top|x_?o)\b/;
const VALUE_WORDS = /%|percent|fraction|\bfrac\b|\bp[0-3]\b|chan|differential|\bdiff\b|\bin\b|vol|num|intens|area|surf|length|mass|weight|density|\bq\b/;

/** The basis a header names, or null. */
export function basisInHeader(header: string): Basis | null {
  const raw = header.replace(/[µμ]/g, 'u');
  const s = squash(header);
  if (/intens/.test(s)) return 'intensity';
  if (/\b[pqQ]3|vol|mass|weight/.test(raw) || /vol|mass|weight/.test(s)) return 'volume';
  if (/\b[pqQ]0/.test(raw) || /num|count|particles/.test(s)) return 'number';
  if (/\b[pqQ]2/.test(raw) || /area|surf/.test(s)) return 'area';
  if (/\b[pqQ]1/.test(raw) || /length/.test(s)) return 'length';
  return null;
}

/** A basis named in free text ("Volume", "Number", "Intensity", "Surface", "Length"), as in "Distribution base". */
export function basisWord(text: string): Basis | null {
  const s = squash(text);
  if (/^(number|num|count|n)\b/.test(s)) return 'number';
  if (/^(volume|vol|mass|weight|v)\b/.test(s)) return 'volume';
  if (/^(area|surface|s)\b/.test(s)) return 'area';
  if (/^(length|l)\b/.test(s)) return 'length';
  if (/^(intensity|i)\b/.test(s)) return 'intensity';
  return null;
}

/**
 * Roles already worked out, by header text (frozen, since callers share them). The bound keeps the data cells met
 * while hunting for a header row from piling up.
 */
const classified = new Map<string, HeaderRole>();
const MAX_CLASSIFIED = 1000;

/**
 * Classifies one header cell. Remembered by text: the files of a batch name their columns alike, and working a
 * header out costs a dozen regular expressions, asked again by each reader's detection and by the read.
 */
export function classifyHeader(header: string): HeaderRole {
  let role = classified.get(header);
  if (!role) {
    if (classified.size >= MAX_CLASSIFIED) classified.clear();
    role = Object.freeze(headerRole(header));
    classified.set(header, role);
  }
  return role;
}

function headerRole(header: string): HeaderRole {
  const s = squash(header);
  if (s === '') return { role: 'other' };
  const percent = /%|percent/.test(s);
  const unit = sizeUnitInHeader(header);
  // A density per unit size ("q3 [%/µm]") names a size unit after a slash but is a value.
  const perSize = /%\s*\/\s*(nm|um|mm|micron)/.test(s) || /\/\s*(nm|um|mm)\s*[)\]]/.test(s);
  if (OVERSIZE.test(s)) return { role: 'value', kind: 'oversize', basis: basisInHeader(header), percent };
  if (UNDERSIZE.test(s) || /(^|[^a-z])Q[0-3]?\b/.test(header.trim())) return { role: 'value', kind: 'undersize', basis: basisInHeader(header), percent };
  if (LOG_DENSITY.test(s)) return { role: 'value', kind: 'logDensity', basis: basisInHeader(header), percent };
  if (perSize || /^q[0-3]\b/.test(header.trim())) return { role: 'value', kind: 'density', basis: basisInHeader(header), percent };
  if (COUNT.test(s)) return { role: 'value', kind: 'count', basis: 'number', percent: false };
  if (unit && !percent) {
    const edge = LOWER_WORDS.test(s) ? 'lower' : UPPER_WORDS.test(s) ? 'upper' : 'point';
    return { role: 'size', edge, unit };
  }
  if (SIZE_WORDS.test(s) && !percent) {
    const edge = LOWER_WORDS.test(s) ? 'lower' : UPPER_WORDS.test(s) ? 'upper' : 'point';
    return { role: 'size', edge, unit: null };
  }
  if (VALUE_WORDS.test(s)) return { role: 'value', kind: 'perBin', basis: basisInHeader(header), percent };
  return { role: 'other' };
}
