/**
 * `batch --report-dir DIR`: one report per lot and an index page linking them with their verdicts.
 *
 * Two halves, so that the batch can render on its worker threads and write on the main one:
 * - renderLotReport(source) → {html, entry}: plain data (structured-cloneable), rendered where the lot was graded;
 * - BatchReportWriter: gives each lot a safe unique file name, writes its report whole or not at all (atomic rename),
 *   and at finish() writes the index, last.
 * writeBatchReports(dir, lots) joins the two on one thread, taking lots one at a time from a (sync or async) iterable
 * so that memory does not grow with the batch.
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
  /** Lots without a report: unreadable, or their report failed to render or be written. */
  failed: { lot: string; error: string }[];
}

/** A rendered report and its index row (href still unset): plain data, safe to post from a worker thread. */
export interface RenderedLotReport {
  html: string;
  entry: IndexEntry;
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

export async function renderLotReport(source: ReportSource): Promise<RenderedLotReport> {
  const model = buildReportModel(source);
  return { html: await renderReport(model), entry: indexEntry(model, null) };
}

export class BatchReportWriter {
  private readonly used = new Set<string>([INDEX_FILE]);
  private readonly entries: IndexEntry[] = [];
  private readonly result: BatchReportResult;

  constructor(
    readonly dir: string,
    private readonly options: BatchReportOptions,
  ) {
    mkdirSync(dir, { recursive: true });
    this.result = { index: join(dir, INDEX_FILE), reports: [], failed: [] };
  }

  /** Writes one lot's report; a write that fails (a full disk) is listed on the index instead. Returns its path or null. */
  add(lot: string, report: RenderedLotReport): string | null {
    const name = reportFileName(lot, this.used);
    const file = join(this.dir, name);
    try {
      writeFileAtomic(file, report.html);
    } catch (error) {
      this.addFailure(lot, `report not written: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    this.entries.push({ ...report.entry, lot, href: encodeURIComponent(name) });
    this.result.reports.push({ lot, file });
    return file;
  }

  addFailure(lot: string, error: string): void {
    this.entries.push(failedEntry(lot, error));
    this.result.failed.push({ lot, error });
  }

  /** Writes the index (last, so that it never links a report not yet written). */
  finish(): BatchReportResult {
    const { version, generatedAt, title } = this.options;
    writeFileAtomic(this.result.index, renderIndex(this.entries, { version, generatedAt: generatedAt ?? null, ...(title ? { title } : {}) }));
    return this.result;
  }
}

export async function writeBatchReports(dir: string, lots: Iterable<BatchLot> | AsyncIterable<BatchLot>, options: BatchReportOptions): Promise<BatchReportResult> {
  const writer = new BatchReportWriter(dir, options);
  for await (const lot of lots) {
    if (!lot.source) {
      writer.addFailure(lot.lot, lot.error ?? 'the lot could not be read');
      continue;
    }
    let rendered: RenderedLotReport;
    try {
      rendered = await renderLotReport({ ...lot.source, lot: lot.source.lot ?? lot.lot });
    } catch (error) {
      // A bug in one lot's report is listed on the index and does not lose the other lots' reports.
      writer.addFailure(lot.lot, `report not rendered: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    writer.add(lot.lot, rendered);
  }
  return writer.finish();
}
