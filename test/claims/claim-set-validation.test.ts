/**
 * Acceptance: a claim file with an unknown quantity, a bad expression, a cycle of parents or a window without
 * units is refused — by the loader behind `claims validate` and by `grade` (resolveClaimSets) — with a message
 * naming the claim and the element.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimSetError, loadClaimSet, parseClaimSet } from '../../src/claims/claim-set-loader.js';
import { resolveClaimSets } from '../../src/claims/claim-set-registry.js';
import { PoregradeError } from '../../src/errors.js';

type Json = Record<string, unknown>;

/** A small valid set: claim 1 compares A / B with a window; claim 2 depends on 1. */
function validSet(): Json {
  return {
    schema: 'poregrade/claim-set@1',
    id: 'test-set',
    title: 'test',
    source: 'test',
    facts: { porous: { type: 'boolean', description: 'porous' }, colors: { type: 'list', description: 'colours' } },
    quantities: {
      A: { unit: '1e-5 ml/cm2', description: 'A', from: [{ expression: 'V * CW' }] },
      V: { unit: 'cm3/g', description: 'V', from: [{ measured: 'bjh_dvdlogd_at_x' }] },
      CW: { unit: 'g/m2', description: 'CW', from: [{ declared: 'coat_weight_g_m2' }] },
      B: { unit: 'um', description: 'B', from: [{ declared: 'receiving_layer_thickness_um' }] },
    },
    claims: [
      {
        id: '1',
        title: 'one',
        elements: [
          { id: 'porous', text: 'porous', fact: 'porous', is: true },
          { id: 'ratio', text: 'A/B is 2.0 or more', value: 'A / B', window: { ge: 2, unit: '1e-5 ml/cm2/um' } },
        ],
      },
      { id: '2', title: 'two', parents: ['1'], elements: [{ id: 'colors', text: 'cyan', fact: 'colors', includes_all: ['cyan'] }] },
    ],
  };
}

type Claims = Array<{ id: string; parents?: string[]; elements: Json[] }>;
const claimsOf = (s: Json): Claims => s.claims as Claims;
const ratioElement = (s: Json): Json => {
  const e = claimsOf(s)[0]?.elements[1];
  if (!e) throw new Error('fixture changed');
  return e;
};

function problemsOf(set: Json): string[] {
  try {
    parseClaimSet(set, 'bad.json');
  } catch (error) {
    if (error instanceof ClaimSetError) return error.problems.map((p) => `${p.where}: ${p.message}`);
    throw error;
  }
  return [];
}

const dir = mkdtempSync(join(tmpdir(), 'poregrade-claims-'));
function refusedByGrade(set: Json, name: string): PoregradeError {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(set));
  try {
    resolveClaimSets([file]);
  } catch (error) {
    if (error instanceof PoregradeError) return error;
    throw error;
  }
  throw new Error('grade accepted an invalid claim set');
}

describe('claim-set validation', () => {
  it('accepts the valid fixture', () => {
    expect(problemsOf(validSet())).toEqual([]);
  });

  it('refuses an unknown quantity, naming claim and element', () => {
    const set = validSet();
    ratioElement(set).value = 'A / Z';
    expect(problemsOf(set)).toEqual([expect.stringMatching(/^claim 1, element ratio: .*unknown quantity "Z"/)]);
    const error = refusedByGrade(set, 'unknown-quantity');
    expect(error.code).toBe('E_CLAIM_SET');
    expect(error.format()).toContain('claim 1, element ratio');
  });

  it.each([
    ['A /', /cannot be parsed/],
    ['max(A, B)', /calls a function/],
    ['A.constructor', /member access/],
    ['constructor', /unknown quantity "constructor"/],
    ['__proto__ * 2', /unknown quantity "__proto__"/],
    ['"A"', /only numbers and quantity names/],
    ['A ? B : A', /ConditionalExpression/],
    ['A ** 2', /operator "\*\*"/],
    ['A B', /several expressions/],
  ])('refuses the bad expression %s, naming claim and element', (expression, message) => {
    const set = validSet();
    ratioElement(set).value = expression;
    const problems = problemsOf(set);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^claim 1, element ratio: /);
    expect(problems[0]).toMatch(message);
    expect(refusedByGrade(set, 'bad-expression').format()).toContain('claim 1, element ratio');
  });

  it('refuses a bad expression in a quantity definition, naming the elements that read it', () => {
    const set = validSet();
    (set.quantities as Record<string, Json>).A = { unit: '1e-5 ml/cm2', description: 'A', from: [{ expression: 'V * * CW' }] };
    expect(problemsOf(set)).toEqual([expect.stringMatching(/^quantity A \(read by claim 1, element ratio\): the expression "V \* \* CW"/)]);
  });

  it('refuses a cycle of parents, naming the claims in it', () => {
    const set = validSet();
    const [one] = claimsOf(set);
    if (!one) throw new Error('fixture changed');
    one.parents = ['2'];
    const problems = problemsOf(set);
    expect(problems).toEqual([expect.stringMatching(/^claim \d: its parents form a cycle: claim (1 → claim 2 → claim 1|2 → claim 1 → claim 2)$/)]);
    expect(refusedByGrade(set, 'cycle').format()).toMatch(/parents form a cycle/);
  });

  it('refuses quantities defined in terms of each other, naming the elements that read them', () => {
    const set = validSet();
    const quantities = set.quantities as Record<string, Json>;
    quantities.V = { unit: 'cm3/g', description: 'V', from: [{ expression: 'A / CW' }] };
    expect(problemsOf(set)).toEqual([expect.stringMatching(/^quantity A \(read by claim 1, element ratio\): is defined in terms of itself: A → V → A$/)]);
  });

  it('refuses a claim that is its own parent, and a parent that does not exist', () => {
    const set = validSet();
    const [, two] = claimsOf(set);
    if (!two) throw new Error('fixture changed');
    two.parents = ['2', '9'];
    (two as Json).parents_rule = 'all';
    const problems = problemsOf(set);
    expect(problems).toContain('claim 2: depends on claim "9", which this set does not have');
    expect(problems.some((p) => p.startsWith('claim 2: its parents form a cycle'))).toBe(true);
  });

  it('refuses a window without units, naming claim and element', () => {
    const set = validSet();
    ratioElement(set).window = { ge: 2 };
    expect(problemsOf(set)).toEqual([expect.stringMatching(/^claim 1, element ratio: has no unit/)]);
    const error = refusedByGrade(set, 'no-unit');
    expect(error.format()).toContain('claim 1, element ratio: has no unit');
    expect(error.field).toBe('claims[0].elements[1].window');
  });

  it('refuses a window whose unit has another dimension than the value', () => {
    const set = validSet();
    ratioElement(set).window = { ge: 2, unit: 'nm' };
    expect(problemsOf(set)).toEqual([expect.stringMatching(/^claim 1, element ratio: "A \/ B" has the dimension 1 \(a plain number\), which the unit nm \(m\) cannot hold/)]);
  });

  it('refuses an unknown unit, and a window in K on a quantity in °C', () => {
    const set = validSet();
    ratioElement(set).window = { ge: 2, unit: 'furlong' };
    expect(problemsOf(set)[0]).toMatch(/^claim 1, element ratio: unknown unit "furlong"/);
    (set.quantities as Record<string, Json>).T = { unit: '°C', description: 'T', from: [{ declared: 't_c' }] };
    Object.assign(ratioElement(set), { value: 'T', window: { ge: 300, unit: 'K' } });
    expect(problemsOf(set)[0]).toMatch(/^claim 1, element ratio: "T" has the dimension °C, which the unit K \(K\) cannot hold/);
  });

  it('refuses a window with a unit but no limit', () => {
    const set = validSet();
    ratioElement(set).window = { unit: 'um' };
    expect(problemsOf(set)).toContain('claim 1, element ratio: has no limit: give ge, gt, le or lt as the claim prints it');
  });

  it('refuses adding quantities of different dimensions', () => {
    const set = validSet();
    ratioElement(set).value = 'A + CW';
    expect(problemsOf(set)).toEqual(['claim 1, element ratio: "A + CW" adds g·m^-2 to m']);
  });

  it('refuses an unknown measured quantity and a declared fact used with the wrong test', () => {
    const set = validSet();
    (set.quantities as Record<string, Json>).V = { unit: 'cm3/g', description: 'V', from: [{ measured: 'bjh_peak_volume' }] };
    claimsOf(set)[0]?.elements.splice(0, 1, { id: 'porous', text: 'porous', fact: 'porous', includes_all: ['x'] });
    const problems = problemsOf(set);
    expect(problems).toContain('quantity V (read by claim 1, element ratio): unknown measured quantity "bjh_peak_volume" (known: bet_area, total_pore_volume, bjh_cumulative_pore_volume, pore_volume, bjh_peak_diameter, bjh_dvdlogd_at_x, polymer_particle_number_mean, pigment_fraction_10_500nm, pigment_fraction_300_500nm, resin_particle_mean_diameter)');
    expect(problems.some((p) => p.startsWith('claim 1, element porous: tests the boolean fact "porous" with "includes_all"'))).toBe(true);
  });

  it('refuses several parents without a rule, and an empty window', () => {
    const set = validSet();
    claimsOf(set).push({ id: '3', parents: ['1', '2'], title: 'three', elements: [{ id: 'x', text: 'x', value: 'B', window: { ge: 5, lt: 5, unit: 'um' } }] } as never);
    const problems = problemsOf(set);
    expect(problems.some((p) => p.startsWith('claim 3: has several parents but no parents_rule'))).toBe(true);
    expect(problems.some((p) => p.startsWith('claim 3, element x: is empty'))).toBe(true);
  });

  it('refuses unknown properties (typos) with the JSON path', () => {
    const set = validSet();
    ratioElement(set).windw = ratioElement(set).window;
    delete ratioElement(set).window;
    expect(problemsOf(set)).toContain('claim 1, element ratio: has an unknown property "windw"');
  });

  it('a claim-set file that is not JSON, or absurdly nested, is refused with its own code', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schema": "poregrade/claim-set@1",\n  "id": }');
    expect(() => loadClaimSet(broken)).toThrow(expect.objectContaining({ code: 'E_BAD_JSON', line: 2 }));
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, '['.repeat(100000));
    expect(() => loadClaimSet(deep)).toThrow(expect.objectContaining({ code: 'E_JSON_TOO_DEEP' }));
  });

  it('grade refuses an id that is neither built in nor a file, and the same set twice', () => {
    expect(() => resolveClaimSets(['no-such-set'])).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_CLAIM_SET' }));
    expect(() => resolveClaimSets(['alumina-pigment-ink', 'alumina-pigment-ink'])).toThrow(expect.objectContaining({ code: 'E_DUPLICATE_CLAIM_SET' }));
  });
});
