/**
 * Adapter: the grade record (schema poregrade/grade-result@1, src/claims/grade.ts) → claim rows and claim-set rows.
 * Read defensively: a record from another version, or hand-edited, gives a thinner chart, never a crash.
 */
import type { ClaimElementRow, ClaimRow, ClaimSetRow, ElementStatus, InkRow, Verdict } from './model.js';
import { arrayOrEmpty, finiteOrNull, objectOrNull, stringList, stringOrNull } from './record-fields.js';

const VERDICTS: readonly Verdict[] = ['met', 'not_met', 'undetermined'];
const STATUSES: readonly ElementStatus[] = ['pass', 'fail', 'unknown'];

function verdict(value: unknown): Verdict {
  return VERDICTS.find((v) => v === value) ?? 'undetermined';
}

function elementStatus(value: unknown): ElementStatus {
  return STATUSES.find((v) => v === value) ?? 'unknown';
}

/** A fact's declared value as text; a numeric value stays a number. */
function valueOf(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return stringList(value).join(', ');
  return null;
}

function inkRow(value: unknown): InkRow | null {
  const i = objectOrNull(value);
  const ink = stringOrNull(i?.ink);
  if (!i || ink === null) return null;
  return { ink, status: elementStatus(i.status), value: finiteOrNull(i.value), margin: finiteOrNull(i.margin), marginal: i.marginal === true, missing: stringList(i.missing) };
}

function elementRow(value: unknown, index: number): ClaimElementRow {
  const e = objectOrNull(value) ?? {};
  const window = objectOrNull(e.window);
  return {
    id: stringOrNull(e.id) ?? String(index + 1),
    text: stringOrNull(e.text) ?? '',
    kind: e.kind === 'fact' ? 'fact' : 'numeric',
    status: elementStatus(e.status),
    test: stringOrNull(e.test),
    value: valueOf(e.value),
    uncertainty: finiteOrNull(e.uncertainty),
    unit: stringOrNull(e.unit),
    window: stringOrNull(window?.text) ?? stringOrNull(e.window),
    margin: finiteOrNull(e.margin),
    marginal: e.marginal === true,
    missing: stringList(e.missing),
    source: stringOrNull(e.source),
    inks: arrayOrEmpty(e.inks).flatMap((i) => inkRow(i) ?? []),
    notes: stringList(e.notes),
  };
}

export function claimRows(grade: unknown): ClaimRow[] | null {
  const record = objectOrNull(grade);
  if (!record || !Array.isArray(record.claims)) return null;
  return arrayOrEmpty(record.claims).map((value) => {
    const c = objectOrNull(value) ?? {};
    const parents = objectOrNull(c.parents);
    return {
      set: stringOrNull(c.set) ?? '–',
      claim: typeof c.claim === 'string' || typeof c.claim === 'number' ? String(c.claim) : '–',
      title: stringOrNull(c.title),
      status: verdict(c.status),
      marginal: c.marginal === true,
      parents: arrayOrEmpty(parents?.claims).flatMap((p) => stringOrNull(objectOrNull(p)?.claim) ?? []),
      parentRule: parents?.rule === 'any_one_of' ? 'any_one_of' : 'all',
      reason: stringOrNull(c.reason),
      missing: stringList(c.missing),
      elements: arrayOrEmpty(c.elements).map(elementRow),
    };
  });
}

export function claimSetRows(grade: unknown): ClaimSetRow[] {
  const settings = objectOrNull(objectOrNull(grade)?.settings);
  return arrayOrEmpty(settings?.claim_sets).flatMap((value) => {
    const s = objectOrNull(value);
    const set = stringOrNull(s?.set);
    if (!s || set === null) return [];
    const substantially = finiteOrNull(s.substantially);
    const parts = [
      substantially === null ? null : `substantially ≥ ${substantially}`,
      stringOrNull(s.pore_volume_basis) ? `pore volume ${String(s.pore_volume_basis)}` : null,
      stringOrNull(s.bjh_branch) ? `BJH ${String(s.bjh_branch)} branch` : null,
    ].filter((p): p is string => p !== null);
    return [{ set, title: stringOrNull(s.title), settings: parts.length ? parts.join('; ') : null, notes: stringList(s.notes) }];
  });
}
