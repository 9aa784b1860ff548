/**
 * Adapter: the grade record → claim rows. Keys: claims[] {set, claim, status, parents, text?, elements[] {id, text,
 * status, value, unit, window, margin, marginal, missing[]}}, summary.
 */
import type { ClaimElementRow, ClaimRow, ElementStatus, Verdict } from './model.js';
import { arrayOrEmpty, finiteOrNull, objectOrNull, stringList, stringOrNull } from './record-fields.js';
import { fmt } from '../text-table.js';

const VERDICTS: readonly Verdict[] = ['met', 'not_met', 'undetermined'];
const STATUSES: readonly ElementStatus[] = ['pass', 'fail', 'unknown'];

function verdict(value: unknown): Verdict {
  return VERDICTS.find((v) => v === value) ?? 'undetermined';
}

function elementStatus(value: unknown): ElementStatus {
  return STATUSES.find((v) => v === value) ?? 'unknown';
}

/** A window as text: kept when the record gives text, else built from {min, max, min_inclusive, max_inclusive, unit}. */
export function windowText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const w = objectOrNull(value);
  if (!w) return null;
  const text = stringOrNull(w.text) ?? stringOrNull(w.description);
  if (text) return text;
  const min = finiteOrNull(w.min);
  const max = finiteOrNull(w.max);
  const unit = stringOrNull(w.unit);
  const lo = min === null ? '' : `${fmt(min, 6)} ${w.min_inclusive === false ? '<' : '≤'} `;
  const hi = max === null ? '' : ` ${w.max_inclusive === false ? '<' : '≤'} ${fmt(max, 6)}`;
  if (!lo && !hi) return null;
  return `${lo}value${hi}${unit ? ` ${unit}` : ''}`;
}

function elementRow(value: unknown, index: number): ClaimElementRow {
  const e = objectOrNull(value) ?? {};
  return {
    id: stringOrNull(e.id) ?? String(index + 1),
    text: stringOrNull(e.text) ?? '',
    status: elementStatus(e.status),
    value: finiteOrNull(e.value),
    unit: stringOrNull(e.unit),
    window: windowText(e.window),
    margin: finiteOrNull(e.margin),
    marginal: e.marginal === true,
    missing: stringList(e.missing),
  };
}

export function claimRows(grade: unknown): ClaimRow[] | null {
  const record = objectOrNull(grade);
  if (!record || !Array.isArray(record.claims)) return null;
  return arrayOrEmpty(record.claims).map((value) => {
    const c = objectOrNull(value) ?? {};
    return {
      set: stringOrNull(c.set) ?? '–',
      claim: c.claim === undefined || c.claim === null ? '–' : String(c.claim),
      status: verdict(c.status),
      parents: stringList(c.parents),
      text: stringOrNull(c.text),
      elements: arrayOrEmpty(c.elements).map(elementRow),
    };
  });
}
