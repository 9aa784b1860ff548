/**
 * `batch --report-dir DIR`: one report per lot and an index page linking them with their verdicts. Lots are taken
 * one at a time from an iterable (sync or async), rendered, written and dropped, so memory does not grow with the
 * batch; each file is written whole or not at all (atomic rename), the index last.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { buildReportModel, type ReportSource } from './build-model.js';
import { failedEntry, indexEntry, renderIndex, type IndexEntry } from './index-page.js';
import { renderReport } from './page.js';

export interface BatchLot {
  lot: string;
  /** What the lot's report is drawn from; absent when the lot could not be read. */
  source?: ReportSource;
  /** The one-line error of a lot that could not be read. */
  error?: string;
}

export interface BatchReportOptions {
  version: string;
  /** Printed on the index; null leaves it out. Each lot's source carries its own. */
  generatedAt?: string | null;
  title?: string;
}

export interface BatchReportResult {
  /** Path of the index page. */
  index: string;
  reports: { lot: string; file: string }[];
  /** Lots without a report: unreadable, or their report failed to render. */
  failed: { lot: string; error: string }[];
}

export const INDEX_FILE = 'index.html';
const MAX_NAME_CHARS = 80;

/**
 * A file name for a lot id that is safe on every file system and in a URL: letters, digits, '.', '_' and '-' kept,
 * anything else '_', never hidden, never 'index', unique within the batch (a numeric suffix when two ids collide).
 */
export function reportFileName(lot: string, used: Set<string>): string {
  let stem = lot.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, MAX_NAME_CHARS) || 'lot';
  if (stem.toLowerCase() === 'index') stem = 'index_lot';
  let name = `${stem}.html`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.html`;
  used.add(name.toLowerCase());
  return name;
}

export async function writeBatchReports(dir: string, lots: Iterable<BatchLot> | AsyncIterable<BatchLot>, options: BatchReportOptions): Promise<BatchReportResult> {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>([INDEX_FILE]);
  const entries: IndexEntry[] = [];
  const result: BatchReportResult = { index: join(dir, INDEX_FILE), reports: [], failed: [] };
  for await (const lot of lots) {
    if (!lot.source) {
      const error = lot.error ?? 'the lot could not be read';
      entries.push(failedEntry(lot.lot, error));
      result.failed.push({ lot: lot.lot, error });
      continue;
    }
    const name = reportFileName(lot.lot, used);
    try {
      const model = buildReportModel({ ...lot.source, lot: lot.source.lot ?? lot.lot });
      const file = join(dir, name);
      writeFileAtomic(file, await renderReport(model));
      entries.push(indexEntry(model, encodeURIComponent(name)));
      result.reports.push({ lot: lot.lot, file });
    } catch (error) {
      // One lot's failure (a full disk, a bug) is reported on the index and does not lose the others' reports.
      const message = `report not written: ${error instanceof Error ? error.message : String(error)}`;
      entries.push(failedEntry(lot.lot, message));
      result.failed.push({ lot: lot.lot, error: message });
    }
  }
  writeFileAtomic(result.index, renderIndex(entries, { version: options.version, generatedAt: options.generatedAt ?? null, ...(options.title ? { title: options.title } : {}) }));
  return result;
}
