/** `poregrade lot template`: a lot-file skeleton naming everything the chosen claim sets read. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { ClaimSet } from '../claims/claim-set.js';
import { resolveClaimSets } from '../claims/claim-set-registry.js';
import { namesReadBy } from '../claims/lot-names.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { toJson } from '../output/json.js';
import { claimsOption } from './grade.js';

export function registerLot(program: Command): void {
  const lot = program.command('lot').description('lot files: the measurement files, values and facts of one coating lot (`lot template` writes a skeleton)');
  lot
    .command('template')
    .description('write a lot-file skeleton with every name the claim sets read, all null (null = not given), and a description of each')
    .addOption(claimsOption())
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--force', 'overwrite an existing --output file')
    .addHelpText(
      'after',
      `
Fill in what you have and leave the rest null: a claim whose inputs are null is undetermined and says what to add.
Paths are relative to the lot file; a value with a known standard uncertainty may be {"value": 35, "tolerance": 2}.

Examples:
  poregrade lot template --claims polymer-particle-voids > CL-0412.json
  poregrade lot template -o CL-0412.json`,
    )
    .action((options: { claims: string[]; output?: string; force?: boolean }) => {
      const text = `${toJson(lotTemplate(resolveClaimSets(options.claims)))}\n`;
      if (options.output === undefined) {
        process.stdout.write(text);
        return;
      }
      if (existsSync(options.output) && !options.force) {
        throw new InputError('E_USAGE', `${options.output} exists`, { field: '--output' }, 'pass --force to overwrite it, or choose another name');
      }
      writeFileAtomic(options.output, text);
    });
}

/** The skeleton: sections in lot-format.md order, every name null, and `descriptions` saying what each is. */
export function lotTemplate(sets: readonly ClaimSet[]): Record<string, unknown> {
  const sections: Record<'files' | 'values' | 'facts', Record<string, null>> = { files: {}, values: {}, facts: {} };
  const descriptions: Record<string, string> = {};
  for (const name of namesReadBy(sets)) {
    const [section, key] = name.name.split('.', 2) as ['files' | 'values' | 'facts', string];
    sections[section][key] = null;
    descriptions[name.name] = `${name.description}; read by ${name.readBy.join(', ')}`;
  }
  return { lot: 'LOT-ID', ...sections, analysis: { bjh_branch: null, pore_volume_basis: null }, descriptions };
}
