/**
 * MicrotracBEL BELSORP .DAT (BELSORP-mini/-max software "Save as text"): sections between rules of '=' signs —
 * "System property", "Measurement condition", "Sample information", "Time and dead volume", then "Adsorption data"
 * and "Desorption data" — with tab-separated quoted keys (`"Sample weight/g:"<TAB>0.14320`) and tables headed
 * `"No." "Pe/kPa" "P0/kPa" "Vd/ml" "V/ml(STP) g-1"`, each ended by a row of zeros. The Japanese edition writes the
 * same layout in Shift-JIS with Japanese keys. ../shared/docs/formats.md; files in ../shared/data/isotherms/
 * instrument-exports/bel and parser-conformance/bel.
 */
import { InputError, withFile } from '../../errors.js';
import type { Isotherm } from '../../model/isotherm.js';
import { ADSORPTION, DESORPTION } from '../../model/isotherm.js';
import { splitLines } from '../decode.js';
import type { RawInput } from '../input.js';
import { parseNumber } from '../numbers.js';
import { normaliseAdsorbate } from '../units.js';
import {
  addHeaderEntry,
  belMetadata,
  belText,
  headerAdsorptive,
  headerMassG,
  headerTemperatureK,
  locateColumns,
  normaliseBelKey,
  tableRowCells,
  type BelColumns,
  type BelHeader,
  whereOf,
} from './belsorp-common.js';
import { buildIsotherm, emptyPoints } from './build.js';
import { dropInstrumentArtefacts } from './instrument-artefacts.js';
import { loadingScale } from './mass.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

const RULE = /^={5,}\s*$/;
const COLUMN_HEADER = /^"No\."\t"P[ei]\s*\//m;

type Section = 'meta' | 'adsorption' | 'desorption';

function sectionOf(title: string): Section {
  const t = title.normalize('NFKC').toLowerCase();
  if (/desorption data|脱着データ/.test(t)) return 'desorption';
  if (/adsorption data|吸着データ/.test(t)) return 'adsorption';
  return 'meta';
}

interface RawPoint {
  pressure: number;
  saturationPressure: number;
  amount: number;
  branch: number;
  line: number;
  columns: BelColumns;
}

function detect(input: RawInput): Detection {
  if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet, not BELSORP .DAT text' };
  let text: string;
  try {
    text = input.text.slice(0, 20_000);
  } catch {
    return { score: 0, reason: 'not text' };
  }
  // Most files have no rule at all; splitting them into lines only to find none cost more than reading a lot.
  const rules = text.includes('=====') ? text.split(/\r\n|\n|\r/).filter((l) => RULE.test(l)).length : 0;
  if (rules >= 2 && COLUMN_HEADER.test(text)) return { score: 100, reason: 'BELSORP .DAT: =====-ruled sections and a "No." "Pe/kPa" table' };
  return { score: 0, reason: 'no =====-ruled sections with a "No."<TAB>"Pe/kPa" table header' };
}

function read(input: RawInput, options: IsothermReadOptions): Isotherm {
  return withFile(input.file, () => {
    const { text } = belText(input);
    const lines = splitLines(text);
    const header: BelHeader = new Map();
    const rows: RawPoint[] = [];
    let section: Section = 'meta';
    let afterRule = false;
    let software: string | undefined;
    let columns: BelColumns | undefined;
    let firstTableLine: number | undefined;

    for (let i = 0; i < lines.length; i++) {
      const lineNo = i + 1;
      const line = lines[i]!;
      const trimmed = line.trim();
      if (trimmed === '') continue;
      if (RULE.test(trimmed)) {
        afterRule = true;
        continue;
      }
      if (afterRule && !trimmed.startsWith('"') && !/^[+-]?\d/.test(trimmed)) {
        // A section title between two rules.
        afterRule = false;
        section = sectionOf(trimmed);
        columns = undefined;
        const property = /^(?:system property|装置情報)\s*(.*)$/i.exec(trimmed.normalize('NFKC'));
        if (property && property[1]) software = property[1].trim();
        continue;
      }
      afterRule = false;
      const cells = line.split('\t').map((c) => c.trim());
      if (trimmed.startsWith('"')) {
        if (normaliseBelKey(cells[0]!) === 'no.') {
          columns = locateColumns(cells.map((c) => c.replace(/^"|"$/g, '')), { line: lineNo });
          firstTableLine ??= lineNo;
        } else if (section === 'meta') {
          addHeaderEntry(header, cells[0]!, cells[1] ?? '', null, { line: lineNo });
        }
        continue;
      }
      if (section === 'meta') continue;
      if (!columns) throw new InputError('E_MISSING_COLUMN', `a data row comes before the "No." column header of the ${section} section`, { line: lineNo });
      const row = tableRowCells(line, '\t', columns, lineNo);
      const number = (index: number): number => parseNumber(row[index]!, { line: lineNo, field: columns!.names[index] });
      const pressure = number(columns.pressure);
      const saturationPressure = number(columns.saturationPressure);
      const amount = number(columns.loading);
      // Each table ends with a row of zeros (point "No." 0): an end marker, not a point.
      if (number(0) === 0 && pressure === 0 && saturationPressure === 0 && amount === 0) continue;
      rows.push({ pressure, saturationPressure, amount, branch: section === 'desorption' ? DESORPTION : ADSORPTION, line: lineNo, columns });
    }
    if (rows.length === 0) throw new InputError('E_NO_DATA', 'the file has no "Adsorption data" or "Desorption data" rows', firstTableLine ? { line: firstTableLine } : {});

    const massG = headerMassG(header);
    const massEntry = header.get('mass');
    const massWhere = massEntry ? whereOf(massEntry) : { line: firstTableLine, field: 'Sample weight/g' };
    const points = emptyPoints();
    const assumptions: string[] = [];
    let reportedMassG = massG;
    for (const row of rows) {
      // Per row: the adsorption and desorption tables each have their own header (and could differ in unit).
      const scale = loadingScale(row.columns.loadingUnit, massG, options, massWhere);
      reportedMassG = scale.massG;
      if (scale.assumption && !assumptions.includes(scale.assumption)) assumptions.push(scale.assumption);
      if (!(row.saturationPressure > 0)) {
        throw new InputError('E_BAD_NUMBER', `saturation pressure ${row.saturationPressure} is not positive`, { line: row.line, field: row.columns.names[row.columns.saturationPressure] });
      }
      points.relativePressure.push(row.pressure / row.saturationPressure);
      points.loadingCm3StpPerG.push(row.amount * scale.factor);
      points.branch.push(row.branch);
      points.line.push(row.line);
    }
    const screened = dropInstrumentArtefacts(points);
    const first = rows[0]!;
    const adsorptive = headerAdsorptive(header);
    return buildIsotherm({
      file: input.file,
      format: belsorpDatReader.id,
      points: screened.points,
      adsorbate: normaliseAdsorbate(options.adsorbate ?? adsorptive ?? 'unknown'),
      temperatureK: headerTemperatureK(header),
      sampleMassG: reportedMassG,
      metadata: belMetadata(header, software, first.saturationPressure, first.columns),
      assumptions: [...assumptions, ...screened.assumptions],
    });
  });
}

export const belsorpDatReader: IsothermReader = {
  id: 'belsorp-dat',
  description: 'MicrotracBEL BELSORP .DAT text export (English or Japanese Shift-JIS; Pe, P0 and V per gram)',
  extensions: ['.DAT'],
  detect,
  read,
};
