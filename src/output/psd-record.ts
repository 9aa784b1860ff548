/** The JSON record of `poregrade psd` for one file: schema, what was read, then the analysis. */
import type { PsdResult } from '../analysis/psd-analysis.js';
import type { PoregradeError } from '../errors.js';
import type { Basis, Distribution } from '../model/distribution.js';

export const PSD_SCHEMA = 'poregrade/psd-result@1';

export interface PsdInput {
  file: string;
  format: string;
  basis: Basis;
  encoding: string;
  metadata: {
    sample_name: string | null;
    instrument: string | null;
    date: string | null;
    record: string | null;
    extra: Record<string, string>;
  };
}

export type PsdRecord = { schema: typeof PSD_SCHEMA; input: PsdInput } & Omit<PsdResult, 'settings'> & { settings: PsdResult['settings'] & Record<string, unknown> };

/** A file that could not be read or analysed, in the place of its record in a JSON array. */
export interface PsdFailure {
  schema: typeof PSD_SCHEMA;
  input: { file: string };
  error: ReturnType<PoregradeError['toJSON']>;
}

/** `readSettings` are the reader options (format, basis, unit, record …), echoed beside the analysis settings. */
export function psdRecord(dist: Distribution, encoding: string, result: PsdResult, readSettings: Record<string, string | number | null> = {}): PsdRecord {
  const m = dist.metadata;
  return {
    schema: PSD_SCHEMA,
    input: {
      file: dist.source.file,
      format: dist.source.format,
      basis: dist.basis,
      encoding,
      metadata: { sample_name: m.sampleName ?? null, instrument: m.instrument ?? null, date: m.date ?? null, record: m.record ?? null, extra: m.extra ?? {} },
    },
    ...result,
    settings: { ...readSettings, ...result.settings },
  };
}

export function psdFailure(file: string, error: PoregradeError): PsdFailure {
  return { schema: PSD_SCHEMA, input: { file }, error: error.toJSON() };
}

/** The flat CSV view: one row per file; one number- and one volume-fraction column per size window, in order. */
export function psdCsvHeader(windowsNm: readonly (readonly [number, number])[]): string[] {
  const windows = windowsNm.flatMap(([min, max]) => [`number_fraction_${min}_${max}nm`, `volume_fraction_${min}_${max}nm`]);
  const statistics = ['number', 'volume'].flatMap((basis) => ['d10_nm', 'd50_nm', 'd90_nm', 'mean_nm'].map((name) => `${basis}_${name}`));
  return ['file', 'format', 'basis', 'sample', ...statistics, ...windows, 'warnings', 'error_code', 'error_message'];
}

/** `windowCount`: the number of size windows, so that a failed file's row has as many (empty) cells as the header. */
export function psdCsvRows(record: PsdRecord | PsdFailure, windowCount: number): unknown[][] {
  if ('error' in record) return [[record.input.file, '', '', '', ...Array<null>(8 + 2 * windowCount).fill(null), '', record.error.code, record.error.message]];
  const statistics = [record.number, record.volume].flatMap((s) => [s.d10_nm, s.d50_nm, s.d90_nm, s.mean_nm]);
  const windows = record.fractions.flatMap((f) => [f.number_fraction, f.volume_fraction]);
  return [[record.input.file, record.input.format, record.input.basis, record.input.metadata.sample_name ?? '', ...statistics, ...windows, record.warnings.map((w) => w.code).join(' '), '', '']];
}
