/**
 * Read-ahead is only a hint: whatever its thread is sent (a missing path, a folder, a FIFO nobody writes to, standard
 * input) it reads the regular files, skips the rest without waiting, and closes every descriptor it opened; the task's
 * own read then sees the file as written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/input.js';

const dir = mkdtempSync(join(tmpdir(), 'poregrade-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The thread's module is compiled JavaScript, so the class is taken from the build (npm test builds first).
const built = new URL('../../dist/io/read-ahead.js', import.meta.url);
const haveBuild = existsSync(built);
if (!haveBuild) console.warn('read-ahead test SKIPPED: dist/io/read-ahead.js is missing; run `npm run build` (npm test does)');
const haveProcFd = existsSync('/proc/self/fd');
const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

async function until(done: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > 10_000) throw new Error(`read-ahead thread: ${what} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('ReadAhead', () => {
  it.skipIf(!haveBuild)('reads regular files, skips what it cannot read without waiting, and leaves no descriptor open', async () => {
    const { ReadAhead } = (await import(built.href)) as typeof import('../../src/io/read-ahead.js');
    const file = join(dir, 'export.csv');
    const text = 'p/p0,amount (cm3/g STP)\n0.05,40.1\n0.10,45.2\n';
    writeFileSync(file, text);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const skipped = [join(dir, 'missing.csv'), folder, '-'];
    // A FIFO nobody writes to: a blocking open would hold the thread for good.
    if (process.platform === 'linux') {
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      skipped.push(fifo);
    }
    const before = haveProcFd ? openDescriptors() : 0;
    const readAhead = new ReadAhead();
    readAhead.read([...skipped, file]);
    await until(() => readAhead.filesRead === 1, 'the one regular file read');
    // The thread was not held by anything in the first list: it reads the next one too.
    readAhead.read([file]);
    await until(() => readAhead.filesRead === 2, 'the next message read');
    await readAhead.close();
    if (haveProcFd) expect(openDescriptors()).toBe(before);
    else console.warn('read-ahead test: no /proc/self/fd here, so descriptor leaks are not checked');
    expect(Buffer.from(readInput(file).bytes).toString('utf8')).toBe(text);
  });
});
