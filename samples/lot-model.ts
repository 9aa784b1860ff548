/**
 * Coating lots made from stated models, so that every verdict has a known answer: the isotherm comes from the pore
 * model (samples/pore-model.ts: BET area ≈ wall + external area, dV/dlogD peak at the median pore diameter), the
 * particle-size files are log-normal number histograms whose window fractions follow from the normal CDF.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { erf, generateBranch, loadingAt, poreClasses, type PoreSample } from './pore-model.js';

export interface LogNormal {
  medianNm: number;
  /** Geometric standard deviation σg. */
  gsd: number;
}

export interface LotSpec {
  id: string;
  pores?: PoreSample;
  pigments?: Record<string, LogNormal>;
  polymerParticles?: LogNormal;
  values: Record<string, number>;
  facts: Record<string, boolean | string | string[]>;
}

/** Number fraction of a log-normal between two diameters (exact). */
export function logNormalFraction(d: LogNormal, fromNm: number, toNm: number): number {
  const cdf = (x: number): number => 0.5 * (1 + erf(Math.log(x / d.medianNm) / (Math.SQRT2 * Math.log(d.gsd))));
  return cdf(toNm) - cdf(fromNm);
}

/** 100 log-spaced classes from 5 nm to 2 µm, as lower/upper limits with the number % in each. */
export function psdCsv(d: LogNormal): string {
  const edges = Array.from({ length: 101 }, (_, i) => 5 * Math.pow(400, i / 100));
  const rows = ['Size Lower (nm),Size Upper (nm),Number (%)'];
  for (let i = 0; i < 100; i++) rows.push(`${edges[i]!.toFixed(4)},${edges[i + 1]!.toFixed(4)},${(100 * logNormalFraction(d, edges[i]!, edges[i + 1]!)).toExponential(8)}`);
  return rows.join('\n') + '\n';
}

/** Both branches: 11 BET-range points (0.05–0.30) and 40 pore-filling points, then 40 desorption points. */
export function isothermCsv(sample: PoreSample): string {
  const classes = poreClasses(sample);
  const rows = ['Relative Pressure (P/Po),Quantity Adsorbed (cm³/g STP),Branch'];
  const ads = generateBranch(sample, 'adsorption', 40);
  const points: [number, number][] = [];
  for (let i = 0; i <= 10; i++) {
    const p = 0.05 + 0.025 * i;
    points.push([p, loadingAt(p, classes, sample, 'adsorption')]);
  }
  ads.relativePressure.forEach((p, i) => {
    if (p > 0.31) points.push([p, ads.loading[i]!]);
  });
  for (const [p, q] of points) rows.push(`${p.toPrecision(10)},${q.toPrecision(10)},ads`);
  const des = generateBranch(sample, 'desorption', 40);
  des.relativePressure.forEach((p, i) => rows.push(`${p.toPrecision(10)},${des.loading[i]!.toPrecision(10)},des`));
  return rows.join('\n') + '\n';
}

/** Writes the lot's measurement files and its lot file into `dir`; returns the lot file's path. */
export function writeLot(dir: string, spec: LotSpec): string {
  const files: Record<string, unknown> = {};
  mkdirSync(join(dir, 'data'), { recursive: true });
  if (spec.pores) {
    writeFileSync(join(dir, 'data', `${spec.id}-isotherm.csv`), isothermCsv(spec.pores));
    files.isotherm = `data/${spec.id}-isotherm.csv`;
  }
  if (spec.pigments) {
    const map: Record<string, string> = {};
    for (const [ink, d] of Object.entries(spec.pigments)) {
      writeFileSync(join(dir, 'data', `${spec.id}-${ink}.csv`), psdCsv(d));
      map[ink] = `data/${spec.id}-${ink}.csv`;
    }
    files.pigment_psd = map;
  }
  if (spec.polymerParticles) {
    writeFileSync(join(dir, 'data', `${spec.id}-polymer.csv`), psdCsv(spec.polymerParticles));
    files.polymer_particle_psd = `data/${spec.id}-polymer.csv`;
  }
  const path = join(dir, `${spec.id}.json`);
  writeFileSync(path, JSON.stringify({ lot: spec.id, files, values: spec.values, facts: spec.facts }, null, 2) + '\n');
  return path;
}

/** Facts under which every qualitative element of the three built-in sets passes. */
export const ALL_FACTS: LotSpec['facts'] = {
  apparatus_parts: ['medium holding part', 'ink holding part'],
  receiving_layer_porous: true,
  receiving_layer_materials: ['alumina hydrate', 'resin binder'],
  ink_components: ['aqueous medium', 'resin', 'pigment'],
  ink_colors: ['cyan', 'magenta', 'yellow', 'black'],
  ink_components_heat_press: ['pigment', 'water', 'organic solvent'],
  support_has_non_solvent_permeable_resin_layer: true,
  receiving_layer_structure: ['solvent absorbing layer', 'surface layer'],
  solvent_absorbing_layer_materials: ['inorganic fine particles', 'binder'],
  surface_layer_materials: ['resin fine particles', 'inorganic pigment', 'binder'],
  heat_and_press_applied: true,
  support_is_paper_with_resin_layer: true,
  resin_layer_polyolefin: true,
  recording_head: true,
  heat_roller_and_pressure_roller_nip: true,
  endless_belt_houses_heat_roller: true,
  heat_roller_silicone_surface: true,
  belt_silicone_surface: true,
  heat_roller_contacts_receiving_layer: true,
  belt_contacts_receiving_layer: true,
  receiving_layer_contains_polymer_particles: true,
  ink_dispersion_components: ['hydrophobic dye', 'hydrophobic polymer', 'high-boiling organic solvent'],
  dye_formulas: ['M-I'],
  porous_structure_of_secondary_polymer_particles: true,
};

/**
 * Values inside every window of the three sets, with the margins worked out from the claim text:
 * (T − Tg)·t = (130 − 110) × 0.4 = 8 (> 6 and > 2); (T − TM)·t = (130 − 125) × 0.4 = 2 (< 3); surface layer 6 µm
 * (3–10); solvent-absorbing layers 32 µm (25–40); pigment/resin ratio 1 (3/7–7/3); TM 125 °C (100–180); Tg 110 °C
 * (50–180); resin particles 100 µm (50–500 µm as printed); 0.8 MPa (≥ 0.6); roughness 50 and 60 nm (≤ 80); ink resin
 * 1.2 % (0.001–10 %); solvent solubility 2.5 g/100 g (≤ 4).
 */
export const PASSING_VALUES: LotSpec['values'] = {
  coat_weight_g_m2: 25,
  receiving_layer_thickness_um: 35,
  polymer_particle_size_nm: 30,
  ink_resin_mass_percent: 1.2,
  solvent_water_solubility_g_per_100g: 2.5,
  heating_member_temperature_c: 130,
  resin_particle_tg_c: 110,
  resin_layer_melting_c: 125,
  processing_time_s: 0.4,
  surface_layer_thickness_um: 6,
  solvent_absorbing_layer_thickness_um: 32,
  inorganic_pigment_to_resin_particle_mass_ratio: 1,
  resin_particle_mean_diameter_um: 100,
  press_pressure_mpa: 0.8,
  heat_roller_roughness_nm: 50,
  belt_roughness_nm: 60,
};

/** Mesopores with median 40 nm (Y ≥ 33), 0.6 cm³/g (0.1–1.0 ml/g), wall + external area ≈ 98 m²/g (20–450). */
export const PASSING_PORES: PoreSample = { medianNm: 40, sigmaLn: 0.35, poreVolumeCm3PerG: 0.6, externalAreaM2PerG: 20 };
/** Pigment median 120 nm, σg 1.5: 100 % in 10–500 nm (≥ 95 %), 1.2 % in 300–500 nm (≤ 30 %). */
export const FINE_PIGMENT: LogNormal = { medianNm: 120, gsd: 1.5 };

/**
 * The sample lots: one meets every claim, one misses the parent claim of every set, one has no measurement files
 * (claims that need a measurement are undetermined and name the file to add).
 */
export const SAMPLE_LOTS: LotSpec[] = [
  {
    id: 'CL-2026-0412-meets',
    pores: PASSING_PORES,
    pigments: { cyan: FINE_PIGMENT, magenta: FINE_PIGMENT, yellow: FINE_PIGMENT },
    values: PASSING_VALUES,
    facts: ALL_FACTS,
  },
  {
    // Pores of median 25 nm read at X = 60 nm: A/B ≈ 0.5 (< 2.0); the magenta pigment has 46 % of its particles in
    // 300–500 nm (> 30 %); (T − TM)·t = (130 − 120) × 0.4 = 4 (not < 3).
    id: 'CL-2026-0413-misses',
    pores: { medianNm: 25, sigmaLn: 0.35, poreVolumeCm3PerG: 0.6, externalAreaM2PerG: 20 },
    pigments: { cyan: FINE_PIGMENT, magenta: { medianNm: 330, gsd: 1.35 }, yellow: FINE_PIGMENT },
    values: { ...PASSING_VALUES, polymer_particle_size_nm: 60, resin_layer_melting_c: 120 },
    facts: ALL_FACTS,
  },
  {
    id: 'CL-2026-0414-no-measurements',
    values: PASSING_VALUES,
    facts: ALL_FACTS,
  },
];
