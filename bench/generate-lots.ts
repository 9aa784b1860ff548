/**
 * Synthetic coating lots for the benchmark: per lot an isotherm of ~120 points (both branches) and a 100-bin
 * number-based particle-size histogram, a lot file, and one manifest row. Parameters vary per lot (seeded), so the
 * analysis does real work on every file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { psdCsv } from '../samples/lot-model.js';
import { seededRandom as seeded } from '../samples/math.js';


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
    writeFileSync(join(dir, psd), psdCsv({ medianNm: 60 + 150 * random(), gsd: 1.3 + 0.5 * random() }));
    isotherms.push(join(dir, isotherm));
    manifestRows.push(`${id},${isotherm},${psd},${(20 + 20 * random()).toFixed(2)},${(25 + 15 * random()).toFixed(1)},${(30 + 60 * random()).toFixed(0)},true`);
  }
  const manifest = join(dir, 'manifest.csv');
  writeFileSync(manifest, manifestRows.join('\n') + '\n');
  return { manifest, isotherms };
}
