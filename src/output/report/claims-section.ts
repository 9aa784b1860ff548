/**
 * The claim chart: every claim of every set with its verdict and why, and under it each element in the claim's own
 * words beside the evidence — value (± its uncertainty), window, margin, per-ink values, source, or what is missing —
 * coloured by status (../shared/docs/claims.md, "Verdicts"). The HTML twin of the terminal chart (../claim-chart.ts),
 * with its number format.
 */
import { dependsOnText } from '../../claims/claim-set.js';
import { formatNumber } from '../claim-chart.js';
import { html, type Html } from './html.js';
import type { ClaimElementRow, ClaimRow, ClaimSetRow, Verdict } from './model.js';

export const VERDICT_LABELS: Record<Verdict, string> = { met: 'met', not_met: 'not met', undetermined: 'undetermined' };

/** " cm³/g", or nothing for a plain number (unit "1"). */
const unitSuffix = (unit: string | null): string => (unit === null || unit === '1' ? '' : ` ${unit}`);
const signed = (x: number): string => (x > 0 ? `+${formatNumber(x)}` : formatNumber(x));

function valueCell(e: ClaimElementRow): Html {
  if (e.value === null) return html`–`;
  if (typeof e.value === 'string') return html`<span class="declared">${e.value}</span>`;
  return html`${formatNumber(e.value)}${e.uncertainty !== null ? ` ± ${formatNumber(e.uncertainty)}` : ''}${unitSuffix(e.unit)}`;
}

function inksList(e: ClaimElementRow): Html {
  if (e.inks.length === 0) return html``;
  return html`<ul class="inks">${e.inks.map(
    (i) =>
      html`<li><span class="badge ${i.status}">${i.ink}</span> ${i.value === null ? `missing ${i.missing.join(', ') || 'value'}` : `${formatNumber(i.value)}${unitSuffix(e.unit)}`}${
        i.margin !== null ? `, margin ${signed(i.margin)}` : ''
      }${i.marginal ? html` <span class="marginal">marginal</span>` : ''}</li>`,
  )}</ul>`;
}

/** Under the element's words: what is tested, where the value came from, what is missing, the set's notes. */
function evidence(e: ClaimElementRow): Html {
  return html`${e.test && e.kind === 'numeric' ? html`<div class="test">${e.test}</div>` : ''}${e.source ? html`<div class="source">${e.source}</div>` : ''}${
    e.missing.length > 0 ? html`<div class="missing">missing: ${e.missing.join('; ')}</div>` : ''
  }${e.notes.map((n) => html`<div class="source">note: ${n}</div>`)}`;
}

/** A heading row for the claim (number, parents, title, verdict and why), then one row per element. */
function claimRowsHtml(claim: ClaimRow): Html {
  const head = html`<tr class="claim-head"><td colspan="5"><strong>Claim ${claim.claim}</strong>${claim.parents.length ? html` <small>(${dependsOnText(claim.parentRule, claim.parents)})</small>` : ''}${
    claim.title ? html` — ${claim.title}` : ''
  } <span class="badge ${claim.status}">${VERDICT_LABELS[claim.status]}</span>${claim.marginal ? html` <span class="marginal">marginal</span>` : ''}${
    claim.reason ? html`<div class="reason">${claim.reason}</div>` : ''
  }</td></tr>`;
  if (claim.elements.length === 0) return html`${head}<tr><td colspan="5" class="omitted">no elements in the record</td></tr>`;
  return html`${head}${claim.elements.map(
    (e) =>
      html`<tr><td class="element">${e.text || e.id}${evidence(e)}</td><td><span class="badge ${e.status}">${e.status}</span>${
        e.marginal ? html`<div class="marginal" title="the value's own uncertainty reaches across a limit (ISO 14253-1)">marginal</div>` : ''
      }</td><td class="value">${valueCell(e)}${inksList(e)}</td><td>${e.window ?? '–'}</td><td class="num">${e.margin === null ? '–' : `${signed(e.margin)}${unitSuffix(e.unit)}`}</td></tr>`,
  )}`;
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

export function claimsSection(claims: ClaimRow[], sets: ClaimSetRow[]): Html {
  return html`${[...bySet(claims)].map(([set, rows]) => {
    const about = sets.find((s) => s.set === set);
    return html`<h3>${set}${about?.title ? html` <small>— ${about.title}</small>` : ''}</h3>
${about?.settings ? html`<p class="sub">read with: ${about.settings}</p>` : ''}
${about?.notes.length ? html`<details class="set-notes"><summary>how the set reads its claims</summary><ul>${about.notes.map((n) => html`<li>${n}</li>`)}</ul></details>` : ''}
<table class="claims"><colgroup><col class="c-element"><col class="c-status"><col class="c-value"><col class="c-window"><col class="c-margin"></colgroup>
<thead><tr><th>element (the claim's words; what is tested; source)</th><th>status</th><th class="num">value</th><th>window</th><th class="num">margin</th></tr></thead>
<tbody>${rows.map(claimRowsHtml)}</tbody></table>`;
  })}
<p class="sub">Margin: distance from the value to the nearest limit of the window, in the value's unit (positive inside). Marginal: the value's own uncertainty reaches across a limit, so the verdict is not a clean pass or fail (ISO 14253-1). Per-ink elements pass only if every ink passes; the value shown is the ink nearest a limit.</p>`;
}
