/**
 * Files shipped with the package beside the code (claims/, schemas/). The package root is the nearest folder above
 * this module that holds package.json: the module runs as src/project-files.ts (tsx, vitest), dist/project-files.js
 * and from a chunk in dist/bundle/chunks/ (bin/poregrade.js), at different depths.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`internal: no package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = packageRoot();

export function projectFile(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
