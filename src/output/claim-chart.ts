/**
 * The grade result as a claim chart: for each claim its status and why, then each element as the claim's own words
 * beside the evidence (value, window, margin, source, or what is missing). Colour only marks statuses and is off
 * unless the caller says the output is a terminal that wants it.
 */
import { Chalk } from 'chalk';
import { dependsOnText } from '../claims/claim-set.js';
import type { ClaimResult, ClaimStatus, ElementResult, GradeResult, InkResult } from '../claims/grade.js';
import type { ElementStatus } from '../claims/verdict.js';

/** Four significant digits, without float noise or exponent for everyday magnitudes. */
export function formatNumber(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 1e-3 && abs < 1e7 ? String(Number(x.toPrecision(4))) : x.toPrecision(4);
}

const signed = (x: number): string => (x > 0 ? `+${formatNumber(x)}` : formatNumber(x));

export function renderClaimChart(result: GradeResult, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const claimStatus: Record<ClaimStatus, string> = { met: c.green.bold('MET'), not_met: c.red.bold('NOT MET'), undetermined: c.yellow.bold('UNDETERMINED') };
  const elementStatus: Record<ElementStatus, string> = { pass: c.green('pass   '), fail: c.red('fail   '), unknown: c.yellow('unknown') };
  const lines: string[] = [`Lot ${result.lot.id} (${result.lot.file})`];

  for (const set of result.settings.claim_sets) {
    lines.push('', c.bold(`${set.set}: ${set.title}`));
    lines.push(`  settings: substantially ${set.substantially}; pore volume basis ${set.pore_volume_basis} (${set.origin.pore_volume_basis}); BJH branch ${set.bjh_branch} (${set.origin.bjh_branch})`);
    for (const note of set.notes) lines.push(c.dim(`  note: ${note}`));
    for (const claim of result.claims.filter((r) => r.set === set.set)) {
      lines.push('', `  Claim ${claim.claim}${parentsText(claim)} — ${claim.title}: ${claimStatus[claim.status]}${claim.marginal ? c.yellow(' (marginal)') : ''}`);
      lines.push(`    ${claim.reason}`);
      if (claim.missing.length > 0) lines.push(`    missing: ${claim.missing.join('; ')}`);
      if (claim.note) lines.push(c.dim(`    note: ${claim.note}`));
      for (const element of claim.elements) lines.push(...renderElement(element, elementStatus[element.status], c.yellow(' MARGINAL')));
    }
  }

  const s = result.summary;
  lines.push('', c.bold('Summary'));
  lines.push(`  met (${s.met.length}): ${s.met.join(', ') || '—'}`);
  lines.push(`  not met (${s.not_met.length}): ${s.not_met.join(', ') || '—'}`);
  lines.push(`  undetermined (${s.undetermined.length}): ${s.undetermined.join(', ') || '—'}`);
  for (const warning of result.warnings) lines.push(c.yellow(`warning: ${warning}`));
  return `${lines.join('\n')}\n`;
}

function parentsText(claim: ClaimResult): string {
  const text = dependsOnText(claim.parents.rule, claim.parents.claims.map((p) => p.claim));
  return text && ` (${text})`;
}

function renderElement(e: ElementResult, status: string, marginalTag: string): string[] {
  const lines = [`    ${status}  ${e.id}: "${e.text}"`];
  const evidence = e.kind === 'fact' ? factEvidence(e) : numericEvidence(e);
  lines.push(`             ${evidence}${e.marginal ? marginalTag : ''}`);
  if (e.source && e.kind === 'numeric') lines.push(`             source: ${e.source}`);
  for (const ink of e.inks ?? []) lines.push(`             ink ${ink.ink}: ${inkEvidence(ink, e.unit)}`);
  if (e.missing.length > 0) lines.push(`             missing: ${e.missing.join('; ')}`);
  for (const note of e.notes) lines.push(`             note: ${note}`);
  return lines;
}

function factEvidence(e: ElementResult): string {
  return `${e.test} — declared: ${e.value === null ? '(not given)' : JSON.stringify(e.value)}`;
}

/** " cm³/g", or nothing for a plain number (unit "1"). */
const unitSuffix = (unit: string | null): string => (unit === null || unit === '1' ? '' : ` ${unit}`);

function numericEvidence(e: ElementResult): string {
  const window = e.window ? `window ${e.window.text.replace(/ 1$/, '')}` : '';
  if (typeof e.value !== 'number') return `${e.test} = ?; ${window}`;
  const u = e.uncertainty !== null ? ` ± ${formatNumber(e.uncertainty)}` : '';
  const given = e.as_given ? ` (given as ${formatNumber(e.as_given.value)}${unitSuffix(e.as_given.unit)})` : '';
  const margin = e.margin !== null ? `; margin ${signed(e.margin)}${unitSuffix(e.unit)}` : '';
  return `${e.test} = ${formatNumber(e.value)}${u}${unitSuffix(e.unit)}${given}; ${window}${margin}`;
}

function inkEvidence(ink: InkResult, unit: string | null): string {
  if (ink.value === null) return `${ink.status}; ${[...ink.missing.map((m) => `missing ${m}`), ...ink.notes].join('; ')}`;
  const margin = ink.margin !== null ? `, margin ${signed(ink.margin)}` : '';
  return `${formatNumber(ink.value)}${unitSuffix(unit)} ${ink.status}${margin}${ink.marginal ? ' (marginal)' : ''}`;
}
