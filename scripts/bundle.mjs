/**
 * Bundles the compiled CLI (dist/cli/main.js) and its threads' modules (dist/batch/worker.js,
 * dist/io/read-ahead-worker.js) into dist/bundle/, which bin/poregrade.js runs. Node 20 resolves and links each ES
 * module separately: loading the 70-odd modules of one `analyze` took 10 ms more than the bundle at quiet moments and
 * ~35 ms more on a loaded machine, of a ~0.2 s call. Bundled, the same code loads from a few files; the modules a
 * command does not use (claim sets, reports, spreadsheet reading) stay in chunks loaded only when imported. Packages
 * stay in node_modules (`packages: 'external'`).
 *
 * Every output file sits one folder below dist/bundle/ (cli/, batch/, io/, chunks/), as every compiled module sits
 * one folder below dist/, so `new URL('../batch/worker.js', import.meta.url)` finds the bundled worker from either.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
rmSync(`${dist}bundle`, { recursive: true, force: true });
await build({
  entryPoints: [`${dist}cli/main.js`, `${dist}batch/worker.js`, `${dist}io/read-ahead-worker.js`],
  outbase: dist,
  outdir: `${dist}bundle`,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
