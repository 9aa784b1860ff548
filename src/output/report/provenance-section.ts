/** What is needed to reproduce the report: every setting, and each input file with its SHA-256. */
import { html, type Html } from './html.js';
import type { InputFile, KeyValue } from './model.js';

export function keyValueTable(rows: KeyValue[], className = 'kv'): Html {
  return html`<table class="${className}"><tbody>${rows.map((r) => html`<tr><th>${r.label}</th><td>${r.value}</td></tr>`)}</tbody></table>`;
}

export function inputsTable(inputs: InputFile[]): Html {
  return html`<table><thead><tr><th>role</th><th>file</th><th>format</th><th>SHA-256</th></tr></thead><tbody>${inputs.map(
    (f) => html`<tr><td class="nowrap">${f.role}</td><td>${f.file}</td><td class="nowrap">${f.format ?? '–'}</td><td class="mono">${f.sha256 ?? '–'}</td></tr>`,
  )}</tbody></table>`;
}
