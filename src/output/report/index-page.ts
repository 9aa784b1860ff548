/**
 * The index page of a batch: one row per lot with its headline numbers and its verdicts per claim set, linking to the
 * lot's own report; lots that could not be read are listed with their one-line error. Plain HTML table, no charts and
 * no script, so that a page of thousands of lots still opens at once.
 */
import { fmt } from '../text-table.js';
import { VERDICT_LABELS, verdictSummary } from './claims-section.js';
import { Html, html } from './html.js';
import type { ClaimRow, ReportModel, Verdict } from './model.js';
import { REPORT_CSS } from './style.js';

export interface IndexEntry {
  lot: string;
  /** Relative link to the lot's report; null when none was written. */
  href: string | null;
  sampleName: string | null;
  betAreaM2PerG: number | null;
  poreVolumeCm3PerG: number | null;
  peakDiameterNm: number | null;
  claims: ClaimRow[] | null;
  warnings: number;
  /** One-line error when the lot could not be read or reported. */
  error: string | null;
}

/** The index row of a rendered report's model. */
export function indexEntry(model: ReportModel, href: string | null): IndexEntry {
  return {
    lot: model.title,
    href,
    sampleName: model.sampleName,
    ...model.numbers,
    peakDiameterNm: model.bjh?.peak?.diameterNm ?? null,
    claims: model.claims,
    warnings: model.warnings.length,
    error: null,
  };
}

/** The index row of a lot without a report. */
export function failedEntry(lot: string, error: string): IndexEntry {
  return { lot, href: null, sampleName: null, betAreaM2PerG: null, poreVolumeCm3PerG: null, peakDiameterNm: null, claims: null, warnings: 0, error };
}

const INDEX_CSS = new Html(`${REPORT_CSS}
body { max-width: none; }
table.lots { width: 100%; }
table.lots td, table.lots th { padding-right: 12px; }
table.lots td.set .badge { margin: 1px 2px 1px 0; }
tr.error td { color: var(--fail); }
.counts { margin: 8px 0 16px; }
.counts .badge { margin-right: 6px; }
`);

/** The verdict that sums up a set for one lot: met if any claim is met, else undetermined if any is, else not met. */
function setVerdict(rows: { met: string[]; notMet: string[]; undetermined: string[] }): Verdict {
  return rows.met.length > 0 ? 'met' : rows.undetermined.length > 0 ? 'undetermined' : 'not_met';
}

function setCell(claims: ClaimRow[] | null, set: string): Html {
  const s = claims ? verdictSummary(claims).find((v) => v.set === set) : undefined;
  if (!s) return html`<td class="set">–</td>`;
  return html`<td class="set">${s.met.length ? html`<span class="badge met">met ${s.met.join(', ')}</span>` : ''}${
    s.notMet.length ? html`<span class="badge not_met">not ${s.notMet.join(', ')}</span>` : ''
  }${s.undetermined.length ? html`<span class="badge undetermined">? ${s.undetermined.join(', ')}</span>` : ''}</td>`;
}

export function renderIndex(entries: readonly IndexEntry[], meta: { version: string; generatedAt: string | null; title?: string }): string {
  const sets: string[] = [];
  for (const e of entries) for (const c of e.claims ?? []) if (!sets.includes(c.set)) sets.push(c.set);
  const counts = sets.map((set) => {
    const tally: Record<Verdict, number> = { met: 0, not_met: 0, undetermined: 0 };
    for (const e of entries) {
      const s = e.claims ? verdictSummary(e.claims).find((v) => v.set === set) : undefined;
      if (s) tally[setVerdict(s)]++;
    }
    return { set, tally };
  });
  const failed = entries.filter((e) => e.error !== null).length;
  const title = meta.title ?? 'poregrade batch';
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title} · ${entries.length} lots</title>
<style>${INDEX_CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="sub">${entries.length} lots${failed ? `, ${failed} could not be reported` : ''} · poregrade ${meta.version}${meta.generatedAt ? ` · ${meta.generatedAt}` : ''}</p>
</header>
${counts.map(
  (c) =>
    html`<p class="counts"><strong>${c.set}</strong>: ${(['met', 'not_met', 'undetermined'] as const).map((v) => html`<span class="badge ${v}">${c.tally[v]} ${c.tally[v] === 1 ? 'lot' : 'lots'} ${VERDICT_LABELS[v]}</span>`)}</p>`,
)}
<p class="sub">A set counts as met for a lot when at least one of its claims is met. Badges list the claims by verdict: met, not (met), ? (undetermined).</p>
<table class="lots">
<thead><tr><th>lot</th><th>sample</th><th class="num">BET area, m²/g</th><th class="num">pore volume, cm³/g</th><th class="num">Y, nm</th>${sets.map((s) => html`<th>${s}</th>`)}<th class="num">warnings</th></tr></thead>
<tbody>
${entries.map((e) =>
  e.error !== null
    ? html`<tr class="error"><td>${e.href ? html`<a href="${e.href}">${e.lot}</a>` : e.lot}</td><td colspan="${4 + sets.length + 1}">${e.error}</td></tr>`
    : html`<tr><td>${e.href ? html`<a href="${e.href}">${e.lot}</a>` : e.lot}</td><td>${e.sampleName ?? ''}</td><td class="num">${fmt(e.betAreaM2PerG, 4)}</td><td class="num">${fmt(
        e.poreVolumeCm3PerG,
        3,
      )}</td><td class="num">${fmt(e.peakDiameterNm, 3)}</td>${sets.map((s) => setCell(e.claims, s))}<td class="num">${e.warnings || ''}</td></tr>`,
)}
</tbody>
</table>
</body>
</html>
`.text;
}
