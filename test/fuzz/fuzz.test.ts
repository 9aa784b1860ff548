/** The bounded fuzz run of `npm test`; `npm run fuzz` runs it longer. */
import { expect, it } from 'vitest';
import { describeWithSharedData, shared } from '../helpers/shared-data.js';
import { corpus, fuzz } from './harness.js';

describeWithSharedData('fuzzing the isotherm readers and the analysis', () => {
  it('3,000 random and mutated inputs: no crash, no hang, no non-finite number', () => {
    const files = corpus(shared('isotherms'));
    expect(files.length).toBeGreaterThan(100);
    const failures = fuzz(files, 3000, 20261121);
    expect(failures.map((f) => `${f.kind}: ${f.name}: ${f.detail}`)).toEqual([]);
  }, 120_000);
});
