/** Size units as particle-size exports write them (nm, µm with µ U+00B5 or μ U+03BC, um, micron, mm), in nm. */

export interface SizeUnit {
  /** Canonical spelling shown in output. */
  name: 'nm' | 'µm' | 'mm';
  toNm: number;
}

const UNITS: Record<string, SizeUnit> = {
  nm: { name: 'nm', toNm: 1 },
  'd.nm': { name: 'nm', toNm: 1 },
  nanometer: { name: 'nm', toNm: 1 },
  nanometers: { name: 'nm', toNm: 1 },
  nanometre: { name: 'nm', toNm: 1 },
  nanometres: { name: 'nm', toNm: 1 },
  um: { name: 'µm', toNm: 1000 },
  micron: { name: 'µm', toNm: 1000 },
  microns: { name: 'µm', toNm: 1000 },
  micrometer: { name: 'µm', toNm: 1000 },
  micrometers: { name: 'µm', toNm: 1000 },
  micrometre: { name: 'µm', toNm: 1000 },
  micrometres: { name: 'µm', toNm: 1000 },
  mm: { name: 'mm', toNm: 1e6 },
};

/** Recognises a unit written on its own ("µm", "um", "(nm)", "d.nm"), or returns null. */
export function parseSizeUnit(text: string): SizeUnit | null {
  const s = text.trim().toLowerCase().replace(/[µμ]/g, 'u').replace(/^[([]|[)\]]$/g, '').trim();
  return UNITS[s] ?? null;
}

/**
 * The size unit a column header names: in brackets ("Size (µm)", "[µm]", "(d.nm)"), after a slash ("x0/µm"), after
 * "in" ("Sizes in um"), or as a suffix ("diameter_nm"). Null when the header names none.
 */
export function sizeUnitInHeader(header: string): SizeUnit | null {
  const s = header.replace(/[µμ]/g, 'u');
  const candidates: string[] = [];
  for (const m of s.matchAll(/[([]\s*([^)\]]*?)\s*[)\]]/g)) candidates.push(m[1]!);
  const slash = /\/\s*([a-z.]+)\s*$/i.exec(s);
  if (slash) candidates.push(slash[1]!);
  const inUnit = /\bin\s+([a-z.]+)/gi;
  for (const m of s.matchAll(inUnit)) candidates.push(m[1]!);
  const suffix = /[_\s]([a-z.]+)\s*$/i.exec(s);
  if (suffix) candidates.push(suffix[1]!);
  for (const c of candidates) {
    const unit = parseSizeUnit(c);
    if (unit) return unit;
  }
  return null;
}

/** A size cell that carries its own unit ("0.5 µm", "300nm"): the number and the unit, or null. */
export function splitValueAndUnit(cell: string): { number: string; unit: SizeUnit } | null {
  // Most size cells are bare numbers: one ending in a digit has no unit after it, and the pattern need not run.
  const last = cell.charCodeAt(cell.length - 1);
  if (last >= 0x30 && last <= 0x39) return null;
  const m = /^\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Zµμ.]+)\s*$/.exec(cell);
  if (!m) return null;
  const unit = parseSizeUnit(m[2]!);
  return unit ? { number: m[1]!, unit } : null;
}
