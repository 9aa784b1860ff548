/** The flat views of a batch record (schema poregrade/batch-record@1): one CSV row per claim, one summary line. */
import type { ClaimStatus } from '../claims/grade.js';

interface BatchRecord {
  index: number;
  source: string;
  lot?: { id: string } | string | null;
  claims?: { set: string; claim: string; status: string; elements: { id: string; status: string; missing?: readonly string[] }[] }[];
  summary?: Record<ClaimStatus, string[]>;
  error?: { code: string; message: string; file: string | null; line: number | null };
}

const lotId = (r: BatchRecord): string => (typeof r.lot === 'string' ? r.lot : (r.lot?.id ?? ''));

export const BATCH_CSV_HEADER = ['index', 'lot', 'source', 'set', 'claim', 'status', 'failed_elements', 'missing', 'error_code', 'error_file', 'error_message'];

/** One CSV row per lot and claim (or one per failed lot), for spreadsheets and simple LIMS imports. */
export function batchCsvRows(record: unknown): unknown[][] {
  const r = record as BatchRecord;
  if (r.error) return [[r.index, lotId(r), r.source, '', '', 'error', '', '', r.error.code, r.error.file ?? '', r.error.message]];
  return (r.claims ?? []).map((c) => [
    r.index,
    lotId(r),
    r.source,
    c.set,
    c.claim,
    c.status,
    c.elements.filter((e) => e.status === 'fail').map((e) => e.id).join(' '),
    [...new Set(c.elements.flatMap((e) => e.missing ?? []))].join(' '),
    '',
    '',
    '',
  ]);
}

export function batchSummaryLine(record: unknown): string {
  const r = record as BatchRecord;
  if (r.error) return `#${r.index} ${r.source}: ERROR ${r.error.code} ${r.error.message}`;
  const s = r.summary!;
  return `#${r.index} ${lotId(r)} (${r.source}): ${s.met.length} met, ${s.not_met.length} not met, ${s.undetermined.length} undetermined`;
}

/** The statuses a graded lot's claims reached (for --fail-on); none for an error record. */
export function batchStatuses(record: unknown): ClaimStatus[] {
  const summary = (record as BatchRecord).summary;
  return summary ? (['met', 'not_met', 'undetermined'] as const).filter((status) => summary[status].length > 0) : [];
}
