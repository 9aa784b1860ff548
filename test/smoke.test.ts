import { describe, expect, it } from 'vitest';
import { tryParseNumber } from '../src/io/numbers.js';

describe('numbers', () => {
  it('parses decimal comma only when asked', () => {
    expect(tryParseNumber('0,25', true)).toBe(0.25);
    expect(tryParseNumber('0,25')).toBeNull();
    expect(tryParseNumber('1e999')).toBeNull();
    expect(tryParseNumber('NaN')).toBeNull();
  });
});
