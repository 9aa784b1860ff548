/**
 * The report's CSS, inline (the file must open without network). Screen: a readable column. Print: A4 pages
 * (CSS Paged Media: @page size), each major section starting on a new page, no chart or table row split across pages,
 * and colours kept (print-color-adjust), so that the browser's "Print to PDF" gives a clean document.
 */
export const REPORT_CSS = `
:root { --ink: #1d1d1f; --muted: #666; --rule: #d9d9d9; --met: #1e7a3c; --met-bg: #e3f4e8; --fail: #b3261e; --fail-bg: #fbe6e4;
  --unknown: #7a5b00; --unknown-bg: #fdf3d3; --accent: #1f5fa8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 980px; padding: 24px 28px 48px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 14px; margin: 18px 0 6px; overflow-wrap: anywhere; }
p { margin: 6px 0; }
.sub { color: var(--muted); margin: 0 0 14px; overflow-wrap: anywhere; font-size: 13px; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; }
td { overflow-wrap: anywhere; }
td.nowrap { white-space: nowrap; overflow-wrap: normal; }
table.claims { width: 100%; table-layout: fixed; }
table.claims col.c-element { width: 46%; } table.claims col.c-status { width: 10%; } table.claims col.c-value { width: 17%; }
table.claims col.c-window { width: 15%; } table.claims col.c-margin { width: 12%; }
.claims tr.claim-head td { border-top: 2px solid #aaa; background: #f6f6f6; padding: 5px 6px; }
.claims td.value { text-align: right; font-variant-numeric: tabular-nums; }
.claims td.num { white-space: normal; overflow-wrap: anywhere; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
.kv th { font-weight: normal; color: var(--muted); padding-right: 18px; white-space: nowrap; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
figure { margin: 10px 0 14px; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--muted); max-width: 720px; }
.pair { display: flex; flex-wrap: wrap; gap: 8px 18px; }
.pair figure { flex: 1 1 300px; min-width: 0; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.met, .pass { color: var(--met); background: var(--met-bg); }
.not_met, .fail { color: var(--fail); background: var(--fail-bg); }
.undetermined, .unknown { color: var(--unknown); background: var(--unknown-bg); }
.marginal { color: var(--unknown); font-weight: 600; white-space: nowrap; }
.notes { border-left: 4px solid #e0a800; background: #fffaf0; padding: 6px 12px; margin: 10px 0; }
.notes li { margin: 2px 0; }
ul.plain { font-size: 12px; color: var(--muted); margin: 0 0 12px; padding-left: 18px; }
.omitted { color: var(--muted); font-style: italic; }
.claims .reason, .claims .test, .claims .source, .claims .missing { font-size: 12px; color: var(--muted); }
.claims .missing { color: var(--unknown); }
.claims .test { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.claims ul.inks { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12px; text-align: left; }
.claims .declared { font-size: 12px; }
h3 small { font-weight: normal; color: var(--muted); }
details.set-notes { font-size: 12px; color: var(--muted); margin: 0 0 6px; }
details.set-notes summary { cursor: pointer; color: var(--accent); }
.summary td { font-size: 15px; }
nav.toc { font-size: 13px; margin: 8px 0 0; }
nav.toc a { margin-right: 14px; color: var(--accent); }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.toc { display: none; }
  section { break-before: page; page-break-before: always; }
  section.first { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, figure, .notes { break-inside: avoid; page-break-inside: avoid; }
  tr.claim-head { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;
