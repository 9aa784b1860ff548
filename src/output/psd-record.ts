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
