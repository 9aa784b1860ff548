/**
 * Claim dependency as claims.md defines it: met needs every element passing and the parent met ("any one of":
 * one parent met); not_met when an element fails or no parent can be met; undetermined otherwise, listing what
 * is missing, including what the undetermined parent misses.
 */
import { describe, expect, it } from 'vitest';
import { parseClaimSet } from '../../src/claims/claim-set-loader.js';
import { builtIn, claimOf, grade, lotWith, measured, measurements } from './builders.js';

/** Claims a and b stand alone; c depends on a; d on "any one of a, b". Each reads one boolean fact. */
const toy = parseClaimSet(
  {
    schema: 'poregrade/claim-set@1',
    id: 'toy',
    title: 'toy',
    source: 'test',
    facts: { fa: { type: 'boolean', description: 'a' }, fb: { type: 'boolean', description: 'b' }, fc: { type: 'boolean', description: 'c' }, fd: { type: 'boolean', description: 'd' } },
    quantities: {},
    claims: [
      { id: 'a', title: 'a', elements: [{ id: 'e', text: 'a', fact: 'fa', is: true }] },
      { id: 'b', title: 'b', elements: [{ id: 'e', text: 'b', fact: 'fb', is: true }] },
      { id: 'c', title: 'c', parents: ['a'], elements: [{ id: 'e', text: 'c', fact: 'fc', is: true }] },
      { id: 'd', title: 'd', parents: ['a', 'b'], parents_rule: 'any_one_of', elements: [{ id: 'e', text: 'd', fact: 'fd', is: true }] },
    ],
  },
  'toy.json',
);

const status = (facts: Record<string, boolean>, claim: string) => claimOf(grade(toy, lotWith({ facts })), 'toy', claim);

describe('parent propagation', () => {
  it('a dependent claim is met only when its own elements pass and its parent is met', () => {
    expect(status({ fa: true, fc: true }, 'c').status).toBe('met');
  });

  it('a dependent claim is not_met when its parent is not_met, even if its own elements pass', () => {
    const c = status({ fa: false, fc: true }, 'c');
    expect(c.status).toBe('not_met');
    expect(c.reason).toContain('claim a is not met');
  });

  it('a failing element makes the claim not_met even while its parent is undetermined', () => {
    expect(status({ fc: false }, 'c').status).toBe('not_met');
  });

  it('undetermined propagates from the parent, with the parent\'s missing names listed', () => {
    const c = status({ fc: true }, 'c');
    expect(c.status).toBe('undetermined');
    expect(c.missing).toEqual(['facts.fa']);
  });

  it('"any one of": one met parent suffices even when the other is not_met', () => {
    expect(status({ fa: false, fb: true, fd: true }, 'd').status).toBe('met');
    expect(status({ fa: true, fb: false, fd: true }, 'd').status).toBe('met');
  });

  it('"any one of": not_met only when every parent is not_met', () => {
    expect(status({ fa: false, fb: false, fd: true }, 'd').status).toBe('not_met');
  });

  it('"any one of": undetermined while no parent is met and one is undetermined, naming what that parent misses', () => {
    const d = status({ fa: false, fd: true }, 'd');
    expect(d.status).toBe('undetermined');
    expect(d.missing).toEqual(['facts.fb']);
  });
});

describe('built-in sets', () => {
  const aluminaFacts = {
    apparatus_parts: ['medium holding part', 'ink holding part'],
    receiving_layer_porous: true,
    receiving_layer_materials: ['alumina hydrate', 'resin binder'],
    ink_components: ['aqueous medium', 'resin', 'pigment'],
    ink_colors: ['cyan', 'magenta', 'yellow'],
  };
  const good = { total_pore_volume: measured(0.5, 'cm3/g'), pigment_fraction_10_500nm: { cyan: measured(0.99, 'fraction') }, pigment_fraction_300_500nm: { cyan: measured(0.1, 'fraction') } };

  it('alumina claim 2 is not_met when claim 1 fails on pore volume, although its BET area is inside 20–450 m²/g', () => {
    const r = grade(builtIn('alumina-pigment-ink'), lotWith({ facts: aluminaFacts }), measurements({ ...good, total_pore_volume: measured(1.5, 'cm3/g'), bet_area: measured(300, 'm2/g') }));
    expect(claimOf(r, 'alumina-pigment-ink', '1').status).toBe('not_met');
    expect(claimOf(r, 'alumina-pigment-ink', '2').status).toBe('not_met');
    expect(claimOf(r, 'alumina-pigment-ink', '4').status).toBe('not_met');
  });

  it('alumina claim 4 ("any one of claims 1 to 3") is met through claim 1 while claim 2 is undetermined', () => {
    const r = grade(builtIn('alumina-pigment-ink'), lotWith({ facts: aluminaFacts }), measurements(good));
    expect(claimOf(r, 'alumina-pigment-ink', '1').status).toBe('met');
    expect(claimOf(r, 'alumina-pigment-ink', '2').status).toBe('undetermined');
    expect(claimOf(r, 'alumina-pigment-ink', '4').status).toBe('met');
  });

  it('with no isotherm, alumina claims 1 and 2 are undetermined and name files.isotherm', () => {
    const m = measurements({ pigment_fraction_10_500nm: good.pigment_fraction_10_500nm, pigment_fraction_300_500nm: good.pigment_fraction_300_500nm });
    const noIsotherm = { ...m, bet_area: { value: null, missing: ['files.isotherm'], reason: 'no isotherm', warnings: [] }, total_pore_volume: { value: null, missing: ['files.isotherm'], reason: 'no isotherm', warnings: [] } } as const;
    const r = grade(builtIn('alumina-pigment-ink'), lotWith({ facts: aluminaFacts }), noIsotherm);
    expect(claimOf(r, 'alumina-pigment-ink', '1')).toMatchObject({ status: 'undetermined', missing: ['files.isotherm'] });
    expect(claimOf(r, 'alumina-pigment-ink', '2')).toMatchObject({ status: 'undetermined', missing: ['files.isotherm'] });
    expect(r.summary.undetermined).toContain('alumina-pigment-ink:2');
  });

  it('heat-press claim 16 (of 14) and 18 (of 14) are not_met when no endless belt houses the heat roller', () => {
    const r = grade(builtIn('heat-press-finishing'), lotWith({ facts: { endless_belt_houses_heat_roller: false, belt_silicone_surface: true } }));
    expect(claimOf(r, 'heat-press-finishing', '14').status).toBe('not_met');
    expect(claimOf(r, 'heat-press-finishing', '16').status).toBe('not_met');
    expect(claimOf(r, 'heat-press-finishing', '18').status).toBe('not_met');
  });

  it('polymer claims 11–15 each depend on their own claim 6–10, which depend on 1–5', () => {
    const set = builtIn('polymer-particle-voids');
    const parents = Object.fromEntries(set.claims.map((c) => [c.id, c.parents.join(',')]));
    expect(parents).toMatchObject({ '6': '1', '7': '2', '8': '3', '9': '4', '10': '5', '11': '6', '12': '7', '13': '8', '14': '9', '15': '10' });
  });
});
