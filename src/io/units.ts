/**
 * Unit strings as instrument exports write them, and their conversion factors to poregrade's internal units
 * (cm³(STP)/g for loading, kPa for pressure). ../shared/docs/science.md, "Units and constants".
 */
import { MOLAR_VOLUME_STP_CM3_PER_MOL } from '../core/constants.js';

export interface LoadingUnit {
  /** Canonical spelling shown in output. */
  name: string;
  /** Multiply a value in this unit by this to get cm³(STP) per gram (or cm³(STP) for a total amount). */
  toCm3Stp: number;
  /** false for a total amount (e.g. Quantachrome "Volume @ STP in cc"), which must be divided by the sample mass. */
  perGram: boolean;
}

const CM3_PER_MMOL = MOLAR_VOLUME_STP_CM3_PER_MOL / 1000;

/** Normalises the spellings: ³→3, µ/μ→u, drops spaces, "STP" markers and brackets, lower-case. */
function squash(unit: string): { core: string; stp: boolean } {
  let s = unit.toLowerCase().replace(/³/g, '3').replace(/[µμ]/g, 'u').replace(/\s+/g, '');
  const stp = /stp/.test(s);
  s = s.replace(/\(?stp\)?/g, '').replace(/@/g, '').replace(/[()[\]]/g, '');
  s = s.replace(/g-1$/, '/g').replace(/g\^-1$/, '/g').replace(/kg-1$/, '/kg');
  s = s.replace(/^volume(in)?/, '');
  return { core: s, stp };
}

/** Recognises a loading unit, or returns null. */
export function parseLoadingUnit(unit: string): LoadingUnit | null {
  const { core } = squash(unit);
  const volumePerGram = /^(cm3|cc|ml)\/g$/;
  const volumeTotal = /^(cm3|cc|ml)$/;
  if (volumePerGram.test(core)) return { name: 'cm³(STP)/g', toCm3Stp: 1, perGram: true };
  if (volumeTotal.test(core)) return { name: 'cm³(STP)', toCm3Stp: 1, perGram: false };
  const molar: Record<string, number> = {
    'mmol/g': CM3_PER_MMOL,
    'mol/g': CM3_PER_MMOL * 1000,
    'mol/kg': CM3_PER_MMOL,
    'mmol/kg': CM3_PER_MMOL / 1000,
    'umol/g': CM3_PER_MMOL / 1000,
    'kmol/kg': CM3_PER_MMOL * 1000,
  };
  const factor = molar[core];
  if (factor !== undefined) return { name: core.replace('u', 'µ'), toCm3Stp: factor, perGram: true };
  return null;
}

/** kPa per unit. */
const PRESSURE_TO_KPA: Record<string, number> = {
  pa: 0.001,
  kpa: 1,
  mpa: 1000,
  bar: 100,
  mbar: 0.1,
  torr: 101.325 / 760,
  mmhg: 101.325 / 760,
  atm: 101.325,
  psi: 6.894757293168361,
};

/** kPa per unit of a pressure unit string, or null. */
export function pressureUnitToKpa(unit: string): number | null {
  const s = unit.toLowerCase().replace(/\s+/g, '').replace(/[()[\]]/g, '');
  return PRESSURE_TO_KPA[s] ?? null;
}

export const PRESSURE_UNITS = Object.keys(PRESSURE_TO_KPA);

/** Parses "101.3kPa", "760 Torr" or a bare number (then in `defaultUnit`) into kPa. */
export function parsePressureWithUnit(text: string, defaultUnit = 'kpa'): number | null {
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m) return null;
  const factor = pressureUnitToKpa(m[2] || defaultUnit);
  const value = Number(m[1]);
  return factor === null || !Number.isFinite(value) ? null : value * factor;
}

/** Temperature in kelvin from a value and a unit string ('K', '°C', 'C', 'degC'). */
export function temperatureToK(value: number, unit: string): number | null {
  const u = unit.replace(/[°º\s]/g, '').toLowerCase();
  if (u === 'k' || u === 'kelvin') return value;
  if (u === 'c' || u === 'degc' || u === 'celsius') return value + 273.15;
  return null;
}

/** Canonical adsorptive names from the spellings files use. */
export function normaliseAdsorbate(name: string): string {
  const s = name.trim().toLowerCase();
  const map: Record<string, string> = { n2: 'nitrogen', nitrogen: 'nitrogen', ar: 'argon', argon: 'argon', kr: 'krypton', krypton: 'krypton', co2: 'carbon dioxide', 'carbon dioxide': 'carbon dioxide' };
  return map[s] ?? (s || 'unknown');
}
