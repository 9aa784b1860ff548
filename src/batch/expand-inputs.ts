/**
 * Command-line inputs → file list: plain files as given (and '-'), directories → the files directly inside, and glob
 * patterns (quoted, so the shell does not expand them; tinyglobby) → the sorted matches. A pattern that matches nothing
 * is an error rather than a silently empty batch.
 */
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import { lazyRequire } from '../lazy-require.js';
import { InputError } from '../errors.js';

const tinyglobby = lazyRequire<typeof Tinyglobby>('tinyglobby');

/** Glob characters; a plain path without them never loads the glob library. */
const GLOB_CHARACTERS = /[*?[\]{}()!]/;

export function expandInputs(args: readonly string[], directoryFilter: (name: string) => boolean = () => true): string[] {
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      files.push(arg);
      continue;
    }
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      // Not an existing path: a glob, or a missing file that the reader will report with its own error.
    }
    if (isDirectory) {
      const inside = readdirSync(arg, { withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.startsWith('.') && directoryFilter(e.name))
        .map((e) => join(arg, e.name))
        .sort();
      if (inside.length === 0) throw new InputError('E_FILE_NOT_FOUND', 'the directory holds no input files', { file: arg });
      files.push(...inside);
    } else if (GLOB_CHARACTERS.test(arg) && tinyglobby().isDynamicPattern(arg)) {
      // An absolute pattern gives absolute names (tinyglobby would otherwise return them relative to the working directory).
      const matches = tinyglobby().globSync(arg, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg) }).sort();
      if (matches.length === 0) throw new InputError('E_FILE_NOT_FOUND', 'the pattern matches no files', { file: arg }, 'check the pattern (quote it so the shell passes it through)');
      files.push(...matches);
    } else {
      files.push(arg);
    }
  }
  return files;
}
