/**
 * Synthetic coating lots for the benchmark: per lot an isotherm of ~120 points (both branches) and a 100-bin
 * number-based particle-size histogram, a lot file, and one manifest row. Parameters vary per lot (seeded), so the
 * analysis does real work on every file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LIQUID_FACTOR = 0.0015468;

function isothermCsv(random: () => number): string {
  const monolayer = 20 + 60 * random();
  const c = 40 + 150 * random();
  const poreVolume = 0.3 + 0.6 * random();
  const fillAt = 0.75 + 0.15 * random();
  const emptyAt = fillAt - 0.05 - 0.05 * random();
  const load = (x: number, centre: number): number => {
    const xb = Math.min(x, 0.35);
    let q = (monolayer * c * xb) / ((1 - xb) * (1 - xb + c * xb));
    if (x > 0.35) q += monolayer * 1.2 * (x - 0.35);
    return q + poreVolume / LIQUID_FACTOR / (1 + Math.exp(-(x - centre) / 0.02));
  };
  const rows = ['Relative Pressure (P/Po),Quantity Adsorbed (cm³/g STP),Branch'];
  for (let i = 0; i < 60; i++) {
    const x = 0.01 + (0.985 * i) / 59;
    rows.push(`${x.toFixed(5)},${load(x, fillAt).toFixed(5)},ads`);
  }
  for (let i = 0; i < 60; i++) {
    const x = 0.99 - (0.84 * i) / 59;
    rows.push(`${x.toFixed(5)},${Math.max(load(x, emptyAt), load(x, fillAt)).toFixed(5)},des`);
  }
  return rows.join('\n') + '\n';
}

/** 100 log-spaced bins 5–2000 nm, log-normal number distribution. */
function psdCsv(random: () => number): string {
  const median = 60 + 150 * random();
  const gsd = 1.3 + 0.5 * random();
  const edges = Array.from({ length: 101 }, (_, i) => 5 * Math.pow(400, i / 100));
  const rows = ['Size Lower (nm),Size Upper (nm),Number (%)'];
  const cdf = (d: number): number => 0.5 * (1 + erf(Math.log(d / median) / (Math.SQRT2 * Math.log(gsd))));
  for (let i = 0; i < 100; i++) rows.push(`${edges[i]!.toFixed(3)},${edges[i + 1]!.toFixed(3)},${(100 * (cdf(edges[i + 1]!) - cdf(edges[i]!))).toFixed(6)}`);
  return rows.join('\n') + '\n';
}

/** Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for synthetic input. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

export function generateLots(dir: string, count: number, seed = 1): { manifest: string; isotherms: string[] } {
  const random = seeded(seed);
  mkdirSync(join(dir, 'isotherms'), { recursive: true });
  mkdirSync(join(dir, 'psd'), { recursive: true });
  const manifestRows = ['lot,files.isotherm,files.pigment_psd,values.coat_weight_g_m2,values.receiving_layer_thickness_um,values.polymer_particle_size_nm,facts.receiving_layer_porous'];
  const isotherms: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `LOT-${String(i).padStart(6, '0')}`;
    const isotherm = join('isotherms', `${id}.csv`);
    const psd = join('psd', `${id}.csv`);
    writeFileSync(join(dir, isotherm), isothermCsv(random));
    writeFileSync(join(dir, psd), psdCsv(random));
    isotherms.push(join(dir, isotherm));
    manifestRows.push(`${id},${isotherm},${psd},${(20 + 20 * random()).toFixed(2)},${(25 + 15 * random()).toFixed(1)},${(30 + 60 * random()).toFixed(0)},true`);
  }
  const manifest = join(dir, 'manifest.csv');
  writeFileSync(manifest, manifestRows.join('\n') + '\n');
  return { manifest, isotherms };
}
