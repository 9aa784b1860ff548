/**
 * The claim chart: every claim of every set with its verdict, and under it each element with its status, value,
 * window and margin, coloured by verdict (../shared/docs/claims.md, "Verdicts"). The claim's text, when the record
 * carries it, opens from the claim number (<details>: no script needed).
 */
import { fmt } from '../text-table.js';
import { html, type Html } from './html.js';
import type { ClaimElementRow, ClaimRow, Verdict } from './model.js';

export const VERDICT_LABELS: Record<Verdict, string> = { met: 'met', not_met: 'not met', undetermined: 'undetermined' };

function valueCell(e: ClaimElementRow): string {
  if (e.value === null) return '–';
  return `${fmt(e.value, 5)}${e.unit ? ` ${e.unit}` : ''}`;
}

function noteCell(e: ClaimElementRow): Html {
  return html`${e.marginal ? html`<span class="marginal" title="the value's own uncertainty reaches across a limit (ISO 14253-1)">marginal</span> ` : ''}${
    e.missing.length > 0 ? html`missing: ${e.missing.join(', ')}` : ''
  }`;
}

function claimRowsHtml(claim: ClaimRow): Html {
  const elements = claim.elements.length > 0 ? claim.elements : [null];
  const span = elements.length;
  return html`${elements.map((e, i) => {
    const head =
      i === 0
        ? html`<td class="claim" rowspan="${span}"><strong>${claim.claim}</strong>${claim.parents.length ? html`<br><small>of ${claim.parents.join(', ')}</small>` : ''}${
            claim.text ? html`<details><summary>text</summary><p>${claim.text}</p></details>` : ''
          }</td><td rowspan="${span}"><span class="badge ${claim.status}">${VERDICT_LABELS[claim.status]}</span></td>`
        : '';
    const cells = e
      ? html`<td>${e.text || e.id}</td><td><span class="badge ${e.status}">${e.status}</span></td><td class="num">${valueCell(e)}</td><td>${e.window ?? '–'}</td><td class="num">${
          e.margin === null ? '–' : fmt(e.margin, 4)
        }</td><td>${noteCell(e)}</td>`
      : html`<td colspan="6" class="omitted">no elements in the record</td>`;
    return html`<tr class="${i === 0 ? 'first' : ''}">${head}${cells}</tr>`;
  })}`;
}

/** Groups claims by set, keeping the record's order. */
function bySet(claims: ClaimRow[]): Map<string, ClaimRow[]> {
  const sets = new Map<string, ClaimRow[]>();
  for (const c of claims) sets.set(c.set, [...(sets.get(c.set) ?? []), c]);
  return sets;
}

/** One line per set: which claims are met, not met, undetermined. */
export function verdictSummary(claims: ClaimRow[]): { set: string; met: string[]; notMet: string[]; undetermined: string[] }[] {
  return [...bySet(claims)].map(([set, rows]) => ({
    set,
    met: rows.filter((r) => r.status === 'met').map((r) => r.claim),
    notMet: rows.filter((r) => r.status === 'not_met').map((r) => r.claim),
    undetermined: rows.filter((r) => r.status === 'undetermined').map((r) => r.claim),
  }));
}

export function verdictBadges(claims: ClaimRow[]): Html {
  return html`${verdictSummary(claims).map(
    (s) =>
      html`<tr><th>${s.set}</th><td>${s.met.length ? html`<span class="badge met">met: ${s.met.join(', ')}</span> ` : ''}${
        s.notMet.length ? html`<span class="badge not_met">not met: ${s.notMet.join(', ')}</span> ` : ''
      }${s.undetermined.length ? html`<span class="badge undetermined">undetermined: ${s.undetermined.join(', ')}</span>` : ''}</td></tr>`,
  )}`;
}

export function claimsSection(claims: ClaimRow[]): Html {
  return html`${[...bySet(claims)].map(
    ([set, rows]) => html`<h3>${set}</h3>
<table class="claims"><thead><tr><th>claim</th><th>verdict</th><th>element</th><th>status</th><th class="num">value</th><th>window</th><th class="num">margin</th><th>note</th></tr></thead>
<tbody>${rows.map(claimRowsHtml)}</tbody></table>`,
  )}
<p class="sub">Margin: distance from the value to the nearest limit of the window, in the value's unit (positive inside). Marginal: the value's own uncertainty reaches across a limit, so the verdict is not a clean pass or fail (ISO 14253-1).</p>`;
}
