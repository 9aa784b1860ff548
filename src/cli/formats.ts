/** `poregrade formats`: the readers, what each reads, detected by content. */
import type { Command } from 'commander';
import { ISOTHERM_READERS } from '../io/isotherm/registry.js';
import { PSD_READERS } from '../io/psd/registry.js';
import { table } from '../output/text-table.js';

export function registerFormats(program: Command): void {
  program
    .command('formats')
    .description('list the input formats poregrade reads (detected by content; --input-format forces one)')
    .option('--json', 'print as JSON', false)
    .action((opts: { json: boolean }) => {
      const list = (kind: string, readers: readonly { id: string; extensions: readonly string[]; description: string }[]) =>
        readers.map((r) => ({ kind, id: r.id, extensions: r.extensions.join(' '), description: r.description }));
      const isotherms = list('isotherm', ISOTHERM_READERS);
      const distributions = list('particle-size', PSD_READERS);
      if (opts.json) {
        process.stdout.write(JSON.stringify([...isotherms, ...distributions], null, 2) + '\n');
        return;
      }
      const rows = (l: typeof isotherms) => table([['id', 'typical files', 'reads'], ...l.map((r) => [r.id, r.extensions, r.description])]);
      process.stdout.write(`Isotherm formats (poregrade analyze, grade):\n${rows(isotherms)}\n\nParticle-size formats (poregrade psd, grade):\n${rows(distributions)}\n`);
    });
}
