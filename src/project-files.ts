/**
 * Files shipped with the package beside the code (claims/, schemas/). Located from this module, which sits one level
 * below the package root both as src/project-files.ts (tsx, vitest) and as dist/project-files.js (installed).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function projectFile(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
