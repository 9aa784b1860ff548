/**
 * Writes README's "Limits and errors" table from the ERROR_CODES catalogue in src/errors.ts, between the markers
 * <!-- errors:start --> and <!-- errors:end -->. `npm run docs` runs it; a test fails when README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../src/errors.js';

export const START = '<!-- errors:start -->';
export const END = '<!-- errors:end -->';

export function errorTable(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, { meaning, fix }]) => `| \`${code}\` | ${meaning} | ${fix.replace(/\|/g, '\\|')} |`);
  return ['| code | meaning | fix |', '|---|---|---|', ...rows].join('\n');
}

export function withErrorTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${errorTable()}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith('error-table.ts')) {
  const path = join(import.meta.dirname, '..', 'README.md');
  writeFileSync(path, withErrorTable(readFileSync(path, 'utf8')));
  console.log(`updated ${path}`);
}
