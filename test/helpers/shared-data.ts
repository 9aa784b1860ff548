/**
 * Reference data live in ../shared/data beside the project (never copied in: several files are GPL). A test that
 * needs them and cannot find them is skipped with a loud reason, never passed silently.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DATA = resolve(PROJECT_ROOT, '..', 'shared', 'data');
export const HAVE_SHARED_DATA = existsSync(join(SHARED_DATA, 'INDEX.md'));

export function shared(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/** `describe` that skips, with the reason printed, when ../shared/data is missing. */
export function describeWithSharedData(name: string, body: () => void): void {
  if (!HAVE_SHARED_DATA) {
    console.warn(`\n!!! SKIPPED "${name}": reference data not found at ${SHARED_DATA} (expected ../shared/data beside the project)\n`);
    // The body is not run: it lists the data's folders while collecting, which would fail rather than skip.
    describe.skip(`${name} [SKIPPED: ../shared/data missing]`, () => it.skip('needs ../shared/data', () => undefined));
    return;
  }
  describe(name, body);
}
