/** `poregrade claims list|show|validate`: what the claim sets say, what each claim needs from a lot, and checks. */
import type { Command } from 'commander';
import { dependsOnText, describeFactTest, describeWindow, type ClaimSet, type Element } from '../claims/claim-set.js';
import { ClaimSetError, loadClaimSet } from '../claims/claim-set-loader.js';
import { builtInClaimSets, resolveClaimSets } from '../claims/claim-set-registry.js';
import { namesReadByClaim } from '../claims/lot-names.js';
import { EXIT } from '../exit-codes.js';
import { toJson } from '../output/json.js';

export function registerClaims(program: Command): void {
  const claims = program
    .command('claims')
    .description('list, show and check claim sets (the built-in ones and your own files)')
    .addHelpText(
      'after',
      `
Examples:
  poregrade claims list
  poregrade claims show polymer-particle-voids
  poregrade claims validate my-claims.json`,
    );

  claims
    .command('list')
    .description('list the built-in claim sets')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const sets = builtInClaimSets();
      if (options.json) {
        process.stdout.write(`${toJson(sets.map((s) => ({ id: s.id, title: s.title, claims: s.claims.length, source: s.source, file: s.file })))}\n`);
        return;
      }
      const width = Math.max(...sets.map((s) => s.id.length));
      for (const s of sets) process.stdout.write(`${s.id.padEnd(width)}  ${String(s.claims.length).padStart(2)} claims  ${s.title}\n`);
    });

  claims
    .command('show')
    .description('show a claim set: its settings, quantities, and every claim with its elements and the lot names it needs')
    .argument('<id|file>', 'a built-in claim set id or a claim-set file')
    .option('--json', 'print JSON')
    .action((spec: string, options: { json?: boolean }) => {
      const [set] = resolveClaimSets([spec], '<id|file>');
      if (!set) return;
      process.stdout.write(options.json ? `${toJson(describeSet(set))}\n` : renderSet(set));
    });

  claims
    .command('validate')
    .description('check a claim-set file against the schema and for unknown names, bad expressions, units and parent cycles; lists every problem')
    .argument('<file>', 'claim-set file (JSON)')
    .action((file: string) => {
      try {
        const set = loadClaimSet(file);
        const elements = set.claims.reduce((n, c) => n + c.elements.length, 0);
        process.stdout.write(`${file}: valid claim set "${set.id}": ${set.claims.length} claims, ${elements} elements\n`);
      } catch (error) {
        if (!(error instanceof ClaimSetError)) throw error;
        for (const p of error.problems) process.stderr.write(`poregrade: ${file}: ${p.field}: ${p.where}: ${p.message} (E_CLAIM_SET)\n`);
        process.stderr.write(`poregrade: ${file}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; the claim set cannot be used\n`);
        process.exitCode = EXIT.INPUT;
      }
    });
}

function elementTest(e: Element): string {
  return e.kind === 'numeric' ? `${e.valueText}: ${describeWindow(e.window)}` : describeFactTest(e);
}

function describeSet(set: ClaimSet): unknown {
  return {
    id: set.id,
    title: set.title,
    source: set.source,
    file: set.file,
    notes: set.notes,
    settings: set.settings,
    facts: Object.fromEntries(set.facts),
    quantities: Object.fromEntries(
      [...set.quantities.values()].map((q) => [
        q.name,
        { unit: q.unit.text, description: q.description, note: q.note ?? null, from: q.sources.map((s) => (s.kind === 'expression' ? { expression: s.text } : { [s.kind]: s.name })) },
      ]),
    ),
    claims: set.claims.map((c) => ({
      id: c.id,
      title: c.title,
      parents: c.parents,
      parents_rule: c.parentsRule,
      note: c.note ?? null,
      needs: namesReadByClaim(set, c),
      elements: c.elements.map((e) => ({ id: e.id, text: e.text, test: elementTest(e), note: e.note ?? null })),
    })),
  };
}

function renderSet(set: ClaimSet): string {
  const lines = [`${set.id}: ${set.title}`, `source: ${set.source}`, `file: ${set.file}`];
  for (const note of set.notes) lines.push(`note: ${note}`);
  const s = set.settings;
  lines.push(`settings: substantially ${s.substantially}; pore_volume_basis ${s.pore_volume_basis ?? '(lot or default)'}; bjh_branch ${s.bjh_branch ?? '(lot or default)'}`, '', 'Quantities:');
  for (const q of set.quantities.values()) {
    const from = q.sources.map((src) => (src.kind === 'expression' ? `= ${src.text}` : src.kind === 'declared' ? `values.${src.name}` : `measured ${src.name}`)).join(', else ');
    lines.push(`  ${q.name} [${q.unit.text}]: ${q.description} — ${from}`);
    if (q.note) lines.push(`      note: ${q.note}`);
  }
  for (const c of set.claims) {
    const parents = c.parents.length === 0 ? '' : ` (${dependsOnText(c.parentsRule, c.parents)})`;
    lines.push('', `Claim ${c.id}${parents} — ${c.title}`);
    if (c.note) lines.push(`  note: ${c.note}`);
    for (const e of c.elements) {
      lines.push(`  ${e.id}: "${e.text}"`, `      ${elementTest(e)}`);
      if (e.note) lines.push(`      note: ${e.note}`);
    }
    lines.push(`  needs: ${namesReadByClaim(set, c).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
