/** Output files are written whole or not at all: write a temporary file beside the target, then rename it. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.poregrade-tmp-${process.pid}-${Date.now().toString(36)}-${basename(target)}`);
}

/** Writes `content` to `target` atomically (same-directory rename). */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const temporary = temporaryPathFor(target);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
