/** Cell parsing shared by the particle-size readers: shares are finite and non-negative, sizes finite and positive. */
import { InputError, type ErrorLocation } from '../../errors.js';
import { parseNumber } from '../numbers.js';

/** A per-class share, count or density: a finite number ≥ 0. */
export function parseShare(cell: string, where: ErrorLocation, decimalComma: boolean): number {
  const value = parseNumber(cell, where, decimalComma);
  if (value < 0) throw new InputError('E_NEGATIVE_FRACTION', `value ${cell.trim()} is negative`, where, 'a size class cannot hold less than nothing: correct the cell');
  return value;
}

/** True for an empty cell (a table's "no value here"). */
export const isBlank = (cell: string | undefined): boolean => cell === undefined || cell.trim() === '';
