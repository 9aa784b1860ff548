/**
 * Files that hold several records (Zetasizer runs, Mastersizer measurements, one column or row each): the record
 * chosen with --record, or by default the mean of all records, which is stated in the output.
 */
import { InputError } from '../../errors.js';

export interface RecordChoice<T> {
  chosen: T[];
  /** "2 of 3", "mean of 3 records", or "1 of 1". */
  label: string;
  /** True when one record is analysed, so the instrument's own statistics of that record apply. */
  single: boolean;
}

export function chooseRecords<T>(records: T[], choice: number | 'mean' | undefined, file: string): RecordChoice<T> {
  if (records.length === 0) throw new InputError('E_NO_DATA', 'the file holds no records', { file });
  if (choice === undefined || choice === 'mean') {
    if (records.length === 1) return { chosen: records, label: '1 of 1', single: true };
    return { chosen: records, label: `mean of ${records.length} records`, single: false };
  }
  const record = records[choice - 1];
  if (!Number.isInteger(choice) || choice < 1 || record === undefined) {
    throw new InputError('E_NO_SUCH_RECORD', `the file holds ${records.length} record${records.length === 1 ? '' : 's'}, not record ${choice}`, { file, field: '--record' }, `choose 1–${records.length}, or mean`);
  }
  return { chosen: [record], label: `${choice} of ${records.length}`, single: true };
}

/**
 * The mean of several records' per-class values, each first scaled to a total of 1 so that every record weighs
 * the same. A record summing to zero contributes nothing (buildDistribution rejects an all-zero result).
 */
export function meanOfRecords(records: number[][]): number[] {
  const n = records[0]?.length ?? 0;
  const mean = new Array<number>(n).fill(0);
  for (const values of records) {
    const total = values.reduce((a, b) => a + b, 0);
    if (!(total > 0)) continue;
    for (let i = 0; i < n; i++) mean[i]! += values[i]! / total / records.length;
  }
  return mean;
}
