/** npm run fuzz [-- --cases N --seed S]: the long fuzz run; failing inputs are saved for reproduction. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DATA } from '../helpers/shared-data.js';
import { corpus, fuzz } from './harness.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const cases = option('--cases', 100_000);
const seed = option('--seed', Date.now() % 2 ** 31);
const files = corpus(join(SHARED_DATA, 'isotherms'));
console.log(`fuzz: ${cases} cases, seed ${seed}, corpus of ${files.length} files`);
const started = Date.now();
// The current case goes to fuzz-failures/current.bin first: a case that hangs (a synchronous loop no timer can stop)
// is then on disk when the run is killed.
mkdirSync('fuzz-failures', { recursive: true });
const failures = fuzz(files, cases, seed, 50, (k, name, bytes) => {
  writeFileSync(join('fuzz-failures', 'current.bin'), bytes);
  writeFileSync(join('fuzz-failures', 'current.txt'), `${k} ${name}\n`);
  if (k % 10_000 === 0) process.stderr.write(`${k} cases…\n`);
});
console.log(`${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; ${failures.length} failures`);
if (failures.length) {
  const dir = join('fuzz-failures', String(seed));
  mkdirSync(dir, { recursive: true });
  failures.forEach((f, i) => {
    writeFileSync(join(dir, `${i}.bin`), f.bytes);
    console.log(`${i}: ${f.kind} ${f.name}\n   ${f.detail.split('\n').join('\n   ')}`);
  });
  process.exitCode = 1;
}
