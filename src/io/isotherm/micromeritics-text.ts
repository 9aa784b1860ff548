/**
 * Micromeritics text reports (MicroActive / Gemini VII "Save as text"): UTF-16LE with a byte-order mark, pages of
 * fixed-width text, each with the page header and one section (../shared/docs/formats.md). `Label:    value`
 * pairs are separated by runs of spaces; tables have a header over two or three lines (name, name, unit in
 * parentheses) closed by a line of dashes, and values right-aligned under it — a row that records only the
 * saturation pressure has a single number, far right, so cells are placed by column position, not by count.
 * The rows of cells go to micromeritics-report.ts, like the .xls reader's.
 */
import type { ErrorLocation } from '../../errors.js';
import type { Isotherm } from '../../model/isotherm.js';
import { splitLines } from '../decode.js';
import type { RawInput } from '../input.js';
import { buildMicromeriticsIsotherm, hasIsothermTable, splitSections, type ReportRow } from './micromeritics-report.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

/** A report page of this kind is a few kB; a text that does not name the table early is not one. */
const DETECTION_CHARS = 200_000;

export const micromeriticsTextReader: IsothermReader = {
  id: 'micromeritics-text',
  description: 'Micromeritics text report (MicroActive / Gemini, UTF-16): the Isotherm Tabular Report, with the BET, BJH and pore-volume results it prints',
  extensions: ['.txt', '.rep'],
  detect(input: RawInput): Detection {
    if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet, not a text report' };
    let text: string;
    try {
      text = input.text;
    } catch {
      return { score: 0, reason: 'not text' };
    }
    if (!/^\s*Isotherm Tabular Report\s*$/m.test(text.slice(0, DETECTION_CHARS))) return { score: 0, reason: 'no "Isotherm Tabular Report" line' };
    const { sections } = splitSections(textRows(text, input.file));
    if (!hasIsothermTable(sections)) return { score: 0, reason: 'an "Isotherm Tabular Report" line without a table of pressures and quantities adsorbed' };
    return { score: 90, reason: '"Isotherm Tabular Report" with its table' };
  },
  read(input: RawInput, options: IsothermReadOptions): Isotherm {
    const { header, sections } = splitSections(textRows(input.text, input.file));
    return buildMicromeriticsIsotherm({ file: input.file, header, sections }, micromeriticsTextReader.id, options);
  },
};

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Runs of text separated by two or more spaces or a tab (single spaces stay inside: "Sample mass:"). */
function phrases(line: string): Token[] {
  const tokens: Token[] = [];
  for (const m of line.matchAll(/[^\s](?:[^\S\t\n]?[^\s])*/g)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

const DASHES = /^\s*-{3,}\s*$/;

/** The report as rows of cells; a table's header lines become one row of column names. */
export function textRows(text: string, file: string): ReportRow[] {
  const lines = splitLines(text);
  const rows: ReportRow[] = [];
  const plain = (lineNo: number, cells: string[]): ReportRow => ({
    cells,
    where: (_i: number, what?: string): ErrorLocation => (what ? { file, line: lineNo, field: what } : { file, line: lineNo }),
  });
  for (let i = 0; i < lines.length; i++) {
    if (!DASHES.test(lines[i]!)) {
      rows.push(plain(i + 1, phrases(lines[i]!).map((t) => t.text)));
      continue;
    }
    // A table: the non-blank lines just above the dashes are its header (already emitted as rows: take them back).
    let first = i;
    while (first > 0 && first > i - 4 && lines[first - 1]!.trim() !== '') first--;
    if (first === i) continue;
    rows.splice(rows.length - (i - first), i - first);
    const columns = tableColumns(lines.slice(first, i));
    rows.push(plain(first + 1, columns.map((c) => c.name)));
    let j = i + 1;
    for (; j < lines.length && lines[j]!.trim() !== ''; j++) {
      const cells = columns.map(() => '');
      for (const t of lines[j]!.matchAll(/\S+/g)) {
        const k = columnAt(columns, t.index + t[0].length / 2);
        cells[k] = cells[k] ? `${cells[k]} ${t[0]}` : t[0];
      }
      const lineNo = j + 1;
      rows.push({ cells, where: (index, what) => ({ file, line: lineNo, field: what ?? columns[index]?.name ?? `column ${index + 1}` }) });
    }
    i = j - 1;
  }
  return rows;
}

interface Column {
  name: string;
  center: number;
}

/** Column names and positions from header lines: the line with most phrases anchors the columns. */
function tableColumns(headerLines: string[]): Column[] {
  const perLine = headerLines.map(phrases);
  let anchor = 0;
  perLine.forEach((tokens, k) => {
    if (tokens.length >= perLine[anchor]!.length) anchor = k;
  });
  const columns = perLine[anchor]!.map((t) => ({ parts: [] as string[], center: (t.start + t.end) / 2 }));
  for (const tokens of perLine) {
    for (const t of tokens) columns[columnAt(columns, (t.start + t.end) / 2)]!.parts.push(t.text);
  }
  return columns.map((c) => ({ name: c.parts.join(' '), center: c.center }));
}

/** The column whose centre is nearest to position x. */
function columnAt(columns: readonly { center: number }[], x: number): number {
  let best = 0;
  for (let k = 1; k < columns.length; k++) if (Math.abs(columns[k]!.center - x) < Math.abs(columns[best]!.center - x)) best = k;
  return best;
}
