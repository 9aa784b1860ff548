import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withErrorTable } from '../scripts/error-table.js';
import { PROJECT_ROOT } from './helpers/shared-data.js';

it('README lists every error code with its meaning and fix (regenerate with npm run docs)', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  expect(readme).toBe(withErrorTable(readme));
});
