/**
 * Element verdicts beyond the limits themselves (claims.md, "Verdicts"): marginal when the value's uncertainty
 * reaches across a limit (ISO 14253-1 style), every ink for a pigment element, the source of each value, and
 * unknown — never a silent zero or Infinity — when an input is missing or a derived value has no finite value.
 */
import { describe, expect, it } from 'vitest';
import { builtIn, elementOf, grade, lotWith, measured, measurements } from './builders.js';

const alumina = builtIn('alumina-pigment-ink');
const heat = builtIn('heat-press-finishing');
const polymer = builtIn('polymer-particle-voids');

describe('marginal', () => {
  const bet = (value: number, standardError: number) =>
    elementOf(grade(alumina, lotWith(), measurements({ bet_area: measured(value, 'm2/g', { uncertainty: standardError }) })), 'alumina-pigment-ink', '2', 'bet-area');

  it('a pass within one standard error of the 20 m²/g limit is marginal; one clear of it is not', () => {
    expect(bet(20.5, 1)).toMatchObject({ status: 'pass', marginal: true, margin: 0.5 });
    expect(bet(22, 1)).toMatchObject({ status: 'pass', marginal: false, margin: 2 });
  });

  it('a fail within one standard error of the limit is marginal too', () => {
    expect(bet(19.5, 1)).toMatchObject({ status: 'fail', marginal: true, margin: -0.5 });
    expect(bet(451, 2)).toMatchObject({ status: 'fail', marginal: true, margin: -1 });
  });

  it('a declared tolerance makes a value marginal the same way', () => {
    const e = elementOf(grade(heat, lotWith({ values: { surface_layer_thickness_um: { value: 9.5, tolerance: 1 } } })), 'heat-press-finishing', '3', 'surface-layer-thickness');
    expect(e).toMatchObject({ status: 'pass', marginal: true, uncertainty: 1 });
  });

  it('tolerances propagate through expressions: (T − Tg)·t against > 2 with u(T) = 1 °C and t = 0.2 s', () => {
    // u((T − Tg)·t) = t · u(T) = 0.2 °C·s. T = 90.5: (90.5 − 80) · 0.2 = 2.1, within 0.2 of 2 → marginal pass.
    // T = 95: 3.0, 1.0 clear of the limit → clean pass.
    const at = (T: number) =>
      elementOf(grade(heat, lotWith({ values: { heating_member_temperature_c: { value: T, tolerance: 1 }, resin_particle_tg_c: 80, processing_time_s: 0.2 } })), 'heat-press-finishing', '1', 'expression-1');
    expect(at(90.5)).toMatchObject({ status: 'pass', marginal: true });
    expect(at(90.5).uncertainty).toBeCloseTo(0.2, 12);
    expect(at(95)).toMatchObject({ status: 'pass', marginal: false });
  });

  it('the PSD resolution warning makes a pigment verdict marginal wherever the value lies', () => {
    const m = measurements({ pigment_fraction_10_500nm: { cyan: measured(0.999, 'fraction', { resolution_warning: true }) } });
    expect(elementOf(grade(alumina, lotWith(), m), 'alumina-pigment-ink', '1', 'pigment-10-500nm')).toMatchObject({ status: 'pass', marginal: true });
  });
});

describe('pigment elements with several inks', () => {
  const fractions = (cyan: number, magenta: number, yellow: number) => ({ cyan: measured(cyan, 'fraction'), magenta: measured(magenta, 'fraction'), yellow: measured(yellow, 'fraction') });

  it('pass only if every ink passes, and show each ink', () => {
    const e = elementOf(grade(alumina, lotWith(), measurements({ pigment_fraction_300_500nm: fractions(0.1, 0.35, 0.2) })), 'alumina-pigment-ink', '1', 'pigment-300-500nm');
    expect(e.status).toBe('fail');
    expect(e.inks?.map((i) => [i.ink, i.status])).toEqual([
      ['cyan', 'pass'],
      ['magenta', 'fail'],
      ['yellow', 'pass'],
    ]);
    // the element reports the deciding ink: magenta, 35 % against "at most 30%"
    expect(e.value).toBeCloseTo(35, 9);
    expect(e.margin).toBeCloseTo(-5, 9);
    expect(e.source).toMatch(/^ink magenta/);
  });

  it('all inks inside → pass; one ink without a measurement → unknown', () => {
    expect(elementOf(grade(alumina, lotWith(), measurements({ pigment_fraction_300_500nm: fractions(0.1, 0.2, 0.3) })), 'alumina-pigment-ink', '1', 'pigment-300-500nm').status).toBe('pass');
    const withGap = { ...fractions(0.1, 0.2, 0.3), yellow: { value: null, missing: ['files.pigment_psd.yellow'], reason: 'unreadable', warnings: [] } };
    const e = elementOf(grade(alumina, lotWith(), measurements({ pigment_fraction_300_500nm: withGap })), 'alumina-pigment-ink', '1', 'pigment-300-500nm');
    expect(e).toMatchObject({ status: 'unknown', missing: ['files.pigment_psd.yellow'] });
  });
});

describe('sources and missing inputs', () => {
  it('a declared porosity overrides the derived one, and the output says so', () => {
    const lot = lotWith({ values: { porosity_percent: 48, coat_weight_g_m2: 30, receiving_layer_thickness_um: 35 } });
    const e = elementOf(grade(heat, lot, measurements({ total_pore_volume: measured(0.5, 'cm3/g') })), 'heat-press-finishing', '6', 'porosity');
    expect(e).toMatchObject({ status: 'pass', value: 48 });
    expect(e.source).toMatch(/^declared: values\.porosity_percent \(overrides derived pore_volume \* coat_weight \/ receiving_layer_thickness\)/);
  });

  it('without a declared porosity, φ = Vp · CW / h = 0.5 · 30 / 35 = 42.857 % from the Gurvich pore volume', () => {
    const lot = lotWith({ values: { coat_weight_g_m2: 30, receiving_layer_thickness_um: 35 } });
    const e = elementOf(grade(heat, lot, measurements({ total_pore_volume: measured(0.5, 'cm3/g') })), 'heat-press-finishing', '6', 'porosity');
    expect(e.value).toBeCloseTo(42.857142857, 6);
    expect(e.source).toMatch(/^derived: pore_volume \* coat_weight \/ receiving_layer_thickness \(not given: values\.porosity_percent\)/);
    expect(e.inputs.map((i) => i.name)).toEqual(['pore_volume', 'coat_weight', 'receiving_layer_thickness']);
  });

  it('a missing input leaves the element unknown and names what to add (either way to get the porosity)', () => {
    const e = elementOf(grade(heat, lotWith({ values: { coat_weight_g_m2: 30 } }), measurements({ total_pore_volume: measured(0.5, 'cm3/g') })), 'heat-press-finishing', '6', 'porosity');
    expect(e).toMatchObject({ status: 'unknown', value: null, missing: ['values.porosity_percent, or values.receiving_layer_thickness_um'] });
  });

  it('A at X: 0.25 cm³/g × 30 g/m² = 7.5 cm³/m² = 75 × 1e-5 ml/cm²; X declared in nm', () => {
    const lot = lotWith({ values: { coat_weight_g_m2: 30, polymer_particle_size_nm: 52 } });
    const e = elementOf(grade(polymer, lot, measurements({ bjh: { desorption: { dvdlogd_at_x: measured(0.25, 'cm3/g') } } })), 'polymer-particle-voids', '4', 'void-volume-a');
    expect(e.value).toBeCloseTo(75, 9);
    expect(e.status).toBe('pass');
  });

  it('the BJH branch of the set is the one read: an adsorption-only value does not count for a desorption set', () => {
    const m = measurements({ bjh: { adsorption: { peak_diameter: measured(40, 'nm') } } });
    expect(elementOf(grade(polymer, lotWith(), m), 'polymer-particle-voids', '11', 'peak-diameter').status).toBe('unknown');
  });

  it('a zero thickness gives no value (not Infinity) and says why', () => {
    const lot = lotWith({ values: { coat_weight_g_m2: 20, receiving_layer_thickness_um: 0 } });
    const e = elementOf(grade(polymer, lot, measurements({ bjh: { desorption: { dvdlogd_at_x: measured(0.1, 'cm3/g') } } })), 'polymer-particle-voids', '1', 'a-over-b');
    expect(e).toMatchObject({ status: 'unknown', value: null });
    expect(e.notes.join(' ')).toMatch(/"A \/ B" has no finite value \(B = 0\)/);
  });

  it('claim 10 of heat-press keeps the printed µm: resin particles of 200 nm (0.2 µm) do not meet "50 to 500 μm"', () => {
    const e = elementOf(grade(heat, lotWith(), measurements({ resin_particle_mean_diameter: measured(200, 'nm') })), 'heat-press-finishing', '10', 'resin-particle-diameter');
    expect(e).toMatchObject({ status: 'fail', unit: 'µm', as_given: { value: 200, unit: 'nm' } });
    expect(e.value).toBeCloseTo(0.2, 12);
  });
});

describe('facts', () => {
  it('terms match regardless of case, hyphens and spacing; a missing term fails and is named', () => {
    const ok = lotWith({ facts: { ink_dispersion_components: ['Hydrophobic Dye', 'hydrophobic  polymer', 'high boiling organic solvent'] } });
    expect(elementOf(grade(polymer, ok), 'polymer-particle-voids', '1', 'ink-dispersion').status).toBe('pass');
    const lacking = lotWith({ facts: { ink_dispersion_components: ['hydrophobic dye'] } });
    const e = elementOf(grade(polymer, lacking), 'polymer-particle-voids', '1', 'ink-dispersion');
    expect(e.status).toBe('fail');
    expect(e.notes[0]).toBe('lacks: hydrophobic polymer, high-boiling organic solvent');
  });

  it('"at least one of" formulas: any listed formula passes, none fails', () => {
    expect(elementOf(grade(polymer, lotWith({ facts: { dye_formulas: ['C-I'] } })), 'polymer-particle-voids', '2', 'dye-formula').status).toBe('pass');
    expect(elementOf(grade(polymer, lotWith({ facts: { dye_formulas: ['III'] } })), 'polymer-particle-voids', '2', 'dye-formula').status).toBe('fail');
  });

  it('a fact of the wrong type is an error naming the field and the set', () => {
    expect(() => grade(polymer, lotWith({ facts: { receiving_layer_porous: 'yes' } }))).toThrow(
      expect.objectContaining({ code: 'E_LOT_FIELD', field: 'facts.receiving_layer_porous', message: expect.stringContaining('polymer-particle-voids') }),
    );
  });
});
