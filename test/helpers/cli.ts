/** Runs the built CLI (bin/poregrade.js → dist/bundle/) as a user would. `npm test` builds dist/ first. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './shared-data.js';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {}): CliResult {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'bundle', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'poregrade.js'), ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 120_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
