/** The flat views of a batch record (schema poregrade/batch-record@1): one CSV row per claim, one summary line. */
import type { ClaimStatus } from '../claims/grade.js';
import { csvCell } from './record-sink.js';

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

/**
 * The flat CSV of a record: one row per lot and claim (or one per failed lot), for spreadsheets and simple LIMS imports.
 * Written as text directly, the lot's own cells escaped once: an array of cells per claim, a Set per claim and the
 * joins allocated ~45 kB a lot and took longer than grading its claims.
 */
export function batchCsvText(record: unknown): string {
  const r = record as BatchRecord;
  const lead = `${csvCell(r.index)},${csvCell(lotId(r))},${csvCell(r.source)},`;
  if (r.error) return `${lead},,error,,,${csvCell(r.error.code)},${csvCell(r.error.file ?? '')},${csvCell(r.error.message)}\n`;
  let text = '';
  for (const c of r.claims ?? []) {
    let failed = '';
    const missing: string[] = [];
    for (const e of c.elements) {
      if (e.status === 'fail') failed += failed ? ` ${e.id}` : e.id;
      for (const m of e.missing ?? []) if (!missing.includes(m)) missing.push(m);
    }
    text += `${lead}${csvCell(c.set)},${csvCell(c.claim)},${csvCell(c.status)},${csvCell(failed)},${csvCell(missing.join(' '))},,,\n`;
  }
  return text;
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
