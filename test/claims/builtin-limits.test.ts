/**
 * Acceptance: for every numeric element of every built-in claim, a value just inside, exactly on and just outside
 * each printed limit gets the verdict the claim text implies. The limits and their inclusiveness below are read
 * from the claim texts (../shared/seeds/claims-*.txt) and claims.md, not from the claim-set files; each case also
 * says how a lot produces the value v, worked out by hand from science.md (e.g. A = dV/dlogD · CW · 1e-4 / 1e-5).
 */
import { describe, expect, it } from 'vitest';
import { builtInClaimSets } from '../../src/claims/claim-set-registry.js';
import { builtIn, elementOf, grade, lotWith, measured, measurements, type MeasurementsSpec } from './builders.js';

interface PrintedLimit {
  value: number;
  /** "from a to b", "or more", "at most", "not less/more than" → true; ">" and "<" → false. */
  inclusive: boolean;
}

interface LimitCase {
  set: string;
  claims: string[];
  element: string;
  /** The words that set the limits. */
  printed: string;
  lower?: PrintedLimit;
  upper?: PrintedLimit;
  /** A lot and measurements whose value for this element is v, in the printed unit. */
  build: (v: number) => { values?: Record<string, number>; m?: MeasurementsSpec };
}

const incl = (value: number): PrintedLimit => ({ value, inclusive: true });
const strict = (value: number): PrintedLimit => ({ value, inclusive: false });

/** (T − Tg)·t = v with Tg = 80 °C, t = 0.5 s, T = 80 + 2v; (T − TM)·t = v with TM = 125 °C, T = 125 + 2v. */
const tgTimesT = (v: number) => ({ values: { heating_member_temperature_c: 80 + 2 * v, resin_particle_tg_c: 80, processing_time_s: 0.5 } });
const tmTimesT = (v: number) => ({ values: { heating_member_temperature_c: 125 + 2 * v, resin_layer_melting_c: 125, processing_time_s: 0.5 } });

const CASES: LimitCase[] = [
  // alumina-pigment-ink
  { set: 'alumina-pigment-ink', claims: ['1', '5'], element: 'pore-volume', printed: 'a pore volume ranging from 0.1 to 1.0 ml/g', lower: incl(0.1), upper: incl(1.0), build: (v) => ({ m: { total_pore_volume: measured(v, 'cm³/g') } }) },
  {
    set: 'alumina-pigment-ink',
    claims: ['1', '5'],
    element: 'pigment-10-500nm',
    printed: 'substantially falls within a range of from 10 to 500 nm (claims.md: number fraction ≥ 0.95)',
    lower: incl(0.95),
    build: (v) => ({ m: { pigment_fraction_10_500nm: { cyan: measured(v, 'fraction') } } }),
  },
  {
    set: 'alumina-pigment-ink',
    claims: ['1', '5'],
    element: 'pigment-300-500nm',
    printed: 'the proportion … of 300 to 500 nm is at most 30% based on the total number',
    upper: incl(30),
    build: (v) => ({ m: { pigment_fraction_300_500nm: { cyan: measured(v / 100, 'fraction') } } }),
  },
  { set: 'alumina-pigment-ink', claims: ['2', '6'], element: 'bet-area', printed: 'falls within a range of from 20 to 450 m²/g', lower: incl(20), upper: incl(450), build: (v) => ({ m: { bet_area: measured(v, 'm2/g') } }) },
  { set: 'alumina-pigment-ink', claims: ['3', '7'], element: 'ink-resin-content', printed: 'within a range of from 0.001 to 10 % by mass', lower: incl(0.001), upper: incl(10), build: (v) => ({ values: { ink_resin_mass_percent: v } }) },

  // polymer-particle-voids: A [1e-5 ml/cm²] = dV/dlogD [cm³/g] · CW [g/m²] · 1e-4 / 1e-5 = 10 · dV/dlogD · CW
  {
    set: 'polymer-particle-voids',
    claims: ['1'],
    element: 'a-over-b',
    printed: '(A/B) … is 2.0 (×10⁻⁵ ml/cm²/μm) or more',
    lower: incl(2.0),
    // CW = 20 g/m², B = 10 µm: A/B = 10 · dV · 20 / 10 = 20 · dV
    build: (v) => ({ values: { coat_weight_g_m2: 20, receiving_layer_thickness_um: 10 }, m: { bjh: { desorption: { dvdlogd_at_x: measured(v / 20, 'cm3/g') } } } }),
  },
  { set: 'polymer-particle-voids', claims: ['3'], element: 'solvent-solubility', printed: 'a water solubility of 4 g or less', upper: incl(4), build: (v) => ({ values: { solvent_water_solubility_g_per_100g: v } }) },
  {
    set: 'polymer-particle-voids',
    claims: ['4'],
    element: 'void-volume-a',
    printed: 'the void volume A … is 50 (×10⁻⁵ ml/cm²) or more',
    lower: incl(50),
    // CW = 20 g/m²: A = 200 · dV
    build: (v) => ({ values: { coat_weight_g_m2: 20 }, m: { bjh: { desorption: { dvdlogd_at_x: measured(v / 200, 'cm3/g') } } } }),
  },
  {
    set: 'polymer-particle-voids',
    claims: ['5'],
    element: 'y-over-x',
    printed: 'a ratio {(Y/X) × 100} … is 65% or more',
    lower: incl(65),
    // X = 80 nm declared: Y = v/100 · 80 nm
    build: (v) => ({ values: { polymer_particle_size_nm: 80 }, m: { bjh: { desorption: { peak_diameter: measured((v / 100) * 80, 'nm') } } } }),
  },
  ...['11', '12', '13', '14', '15'].map(
    (claim): LimitCase => ({ set: 'polymer-particle-voids', claims: [claim], element: 'peak-diameter', printed: 'a void diameter Y … is 33 nm or more', lower: incl(33), build: (v) => ({ m: { bjh: { desorption: { peak_diameter: measured(v, 'nm') } } } }) }),
  ),

  // heat-press-finishing
  { set: 'heat-press-finishing', claims: ['1', '12'], element: 'expression-1', printed: 'expression (1): (T − T_G) × t > 2', lower: strict(2), build: tgTimesT },
  { set: 'heat-press-finishing', claims: ['1', '12'], element: 'expression-2', printed: 'expression (2): (T − T_M) × t < 3', upper: strict(3), build: tmTimesT },
  { set: 'heat-press-finishing', claims: ['2', '13'], element: 'expression-3', printed: 'expression (3): (T − T_g) × t > 6', lower: strict(6), build: tgTimesT },
  { set: 'heat-press-finishing', claims: ['2', '13'], element: 'expression-4', printed: 'expression (4): (T − T_M) × t < 3', upper: strict(3), build: tmTimesT },
  { set: 'heat-press-finishing', claims: ['3'], element: 'surface-layer-thickness', printed: 'a thickness of the surface portion layer is from 3 to 10 μm', lower: incl(3), upper: incl(10), build: (v) => ({ values: { surface_layer_thickness_um: v } }) },
  { set: 'heat-press-finishing', claims: ['4'], element: 'absorbing-layer-thickness', printed: 'the total thickness of the solvent absorbing layer is from 25 to 40 μm', lower: incl(25), upper: incl(40), build: (v) => ({ values: { solvent_absorbing_layer_thickness_um: v } }) },
  { set: 'heat-press-finishing', claims: ['5'], element: 'pigment-to-resin-ratio', printed: 'is from 3/7 to 7/3', lower: incl(3 / 7), upper: incl(7 / 3), build: (v) => ({ values: { inorganic_pigment_to_resin_particle_mass_ratio: v } }) },
  { set: 'heat-press-finishing', claims: ['6'], element: 'porosity', printed: 'a porosity of the ink image receiving layer is from 30 to 70%', lower: incl(30), upper: incl(70), build: (v) => ({ values: { porosity_percent: v } }) },
  {
    set: 'heat-press-finishing',
    claims: ['6'],
    element: 'porosity',
    printed: 'porosity from 30 to 70%, derived as φ = Vp · CW / h (science.md)',
    lower: incl(30),
    upper: incl(70),
    // CW = 30 g/m², h = 35 µm: φ = Vp · 30 / 35 → Vp = (v/100) · 35 / 30 cm³/g
    build: (v) => ({ values: { coat_weight_g_m2: 30, receiving_layer_thickness_um: 35 }, m: { total_pore_volume: measured(((v / 100) * 35) / 30, 'cm3/g') } }),
  },
  { set: 'heat-press-finishing', claims: ['7'], element: 'resin-layer-melting-point', printed: 'a melting point … is from 100 to 180 °C', lower: incl(100), upper: incl(180), build: (v) => ({ values: { resin_layer_melting_c: v } }) },
  { set: 'heat-press-finishing', claims: ['9'], element: 'resin-particle-tg', printed: 'a glass transition temperature … is from 50 to 180 °C', lower: incl(50), upper: incl(180), build: (v) => ({ values: { resin_particle_tg_c: v } }) },
  { set: 'heat-press-finishing', claims: ['10'], element: 'resin-particle-diameter', printed: 'a mean particle diameter … is from 50 to 500 μm (as printed)', lower: incl(50), upper: incl(500), build: (v) => ({ values: { resin_particle_mean_diameter_um: v } }) },
  {
    set: 'heat-press-finishing',
    claims: ['10'],
    element: 'resin-particle-diameter',
    printed: 'from 50 to 500 μm, measured from the resin PSD in nm (1 μm = 1000 nm)',
    lower: incl(50),
    upper: incl(500),
    build: (v) => ({ m: { resin_particle_mean_diameter: measured(v * 1000, 'nm') } }),
  },
  { set: 'heat-press-finishing', claims: ['11'], element: 'press-pressure', printed: 'a pressure … is not less than 0.6 M Pa', lower: incl(0.6), build: (v) => ({ values: { press_pressure_mpa: v } }) },
  { set: 'heat-press-finishing', claims: ['17'], element: 'roller-roughness', printed: 'a surface roughness of not more than 80 nm', upper: incl(80), build: (v) => ({ values: { heat_roller_roughness_nm: v } }) },
  { set: 'heat-press-finishing', claims: ['18'], element: 'belt-roughness', printed: 'a surface roughness of not more than 80 nm', upper: incl(80), build: (v) => ({ values: { belt_roughness_nm: v } }) },
];

/** "Just" inside/outside: one part in a million of the limit, far coarser than rounding and far finer than any claim. */
const STEP = 1e-6;

function statusFor(c: LimitCase, claim: string, v: number): string {
  const { values = {}, m = {} } = c.build(v);
  const result = grade(builtIn(c.set), lotWith({ values }), measurements(m));
  return elementOf(result, c.set, claim, c.element).status;
}

describe('every numeric element of every built-in claim, at each printed limit', () => {
  for (const c of CASES) {
    for (const claim of c.claims) {
      if (c.lower) {
        const { value, inclusive } = c.lower;
        it(`${c.set} claim ${claim} ${c.element}: lower limit ${inclusive ? '≥' : '>'} ${value} — "${c.printed}"`, () => {
          expect(statusFor(c, claim, value * (1 + STEP))).toBe('pass');
          expect(statusFor(c, claim, value)).toBe(inclusive ? 'pass' : 'fail');
          expect(statusFor(c, claim, value * (1 - STEP))).toBe('fail');
        });
      }
      if (c.upper) {
        const { value, inclusive } = c.upper;
        it(`${c.set} claim ${claim} ${c.element}: upper limit ${inclusive ? '≤' : '<'} ${value} — "${c.printed}"`, () => {
          expect(statusFor(c, claim, value * (1 - STEP))).toBe('pass');
          expect(statusFor(c, claim, value)).toBe(inclusive ? 'pass' : 'fail');
          expect(statusFor(c, claim, value * (1 + STEP))).toBe('fail');
        });
      }
    }
  }

  it('the table above covers every numeric element and every limit of the built-in sets', () => {
    const uncovered: string[] = [];
    for (const set of builtInClaimSets()) {
      for (const claim of set.claims) {
        for (const e of claim.elements) {
          if (e.kind !== 'numeric') continue;
          const cases = CASES.filter((c) => c.set === set.id && c.claims.includes(claim.id) && c.element === e.id);
          const name = `${set.id}:${claim.id}/${e.id}`;
          if (cases.length === 0) uncovered.push(name);
          for (const c of cases) {
            if ((c.lower !== undefined) !== (e.window.lower !== null) || (c.upper !== undefined) !== (e.window.upper !== null)) uncovered.push(`${name} (limits differ from the claim text)`);
          }
        }
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('"2.0 or more": 2.0 passes and 1.999 fails; "> 2": 2 fails and 2.001 passes', () => {
    const aOverB = CASES.find((c) => c.element === 'a-over-b');
    const expr1 = CASES.find((c) => c.element === 'expression-1');
    if (!aOverB || !expr1) throw new Error('cases missing');
    expect(statusFor(aOverB, '1', 2.0)).toBe('pass');
    expect(statusFor(aOverB, '1', 1.999)).toBe('fail');
    expect(statusFor(expr1, '1', 2)).toBe('fail');
    expect(statusFor(expr1, '1', 2.001)).toBe('pass');
  });
});
