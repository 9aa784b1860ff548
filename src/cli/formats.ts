/** `poregrade formats`: the readers, what each reads, detected by content. */
import type { Command } from 'commander';
import { ISOTHERM_READERS } from '../io/isotherm/registry.js';
import { table } from '../output/text-table.js';

export function registerFormats(program: Command): void {
  program
    .command('formats')
    .description('list the input formats poregrade reads (detected by content; --input-format forces one)')
    .option('--json', 'print as JSON', false)
    .action((opts: { json: boolean }) => {
      const isotherms = ISOTHERM_READERS.map((r) => ({ kind: 'isotherm', id: r.id, extensions: r.extensions.join(' '), description: r.description }));
      if (opts.json) {
        process.stdout.write(JSON.stringify(isotherms, null, 2) + '\n');
        return;
      }
      process.stdout.write('Isotherm formats:\n' + table([['id', 'typical files', 'reads'], ...isotherms.map((r) => [r.id, r.extensions, r.description])]) + '\n');
    });
}
