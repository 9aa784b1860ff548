/**
 * MicrotracBEL BELSORP / BELMaster .csv export: `key,value[,[unit]]` lines (File Name, Date of measurement, COMMENT1–4,
 * Serial number, Sample weight,…,[g], Adsorptive, Adsorption temperature,…,[K], Saturated vapor pressure,…,[kPa]),
 * a blank line, the header `No,pi/kPa,pe/kPa,pe2/kPa,p0/kPa,p/p0,Va/cm^3(STP) g^-1` (or `na/mol g^-1`), then the
 * rows of each branch after an `ADS` or `DES` marker row. The Japanese edition writes Shift-JIS keys.
 * ../shared/docs/formats.md; files: instrument-exports/cheminfo/belsorp.csv, parser-conformance/bel/*.csv.
 *
 * Relative pressure is pe/p0 from the full-precision columns, not the rounded p/p0 column (5 digits).
 */
import { InputError, withFile } from '../../errors.js';
import { ADSORPTION, DESORPTION, type Isotherm } from '../../model/isotherm.js';
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
  tableRowCells,
  type BelColumns,
  type BelHeader,
  whereOf,
} from './belsorp-common.js';
import { buildIsotherm, emptyPoints } from './build.js';
import { dropInstrumentArtefacts } from './instrument-artefacts.js';
import { loadingScale } from './mass.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

const TABLE_HEADER = /^No\s*,(?=.*\bpe\s*\/)(?=.*\bp0\s*\/)/im;
const BRANCH_MARKER = /^(ADS|DES)\s*,*\s*$/;

function detect(input: RawInput): Detection {
  if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet, not BELSORP .csv text' };
  let text: string;
  try {
    text = input.text.slice(0, 20_000);
  } catch {
    return { score: 0, reason: 'not text' };
  }
  if (TABLE_HEADER.test(text) && /^ADS\s*,*\s*$/m.test(text)) return { score: 100, reason: 'BELSORP .csv: "No,pi/kPa,pe/kPa,…,p0/kPa" header and an ADS marker row' };
  return { score: 0, reason: 'no "No,…,pe/kPa,…,p0/kPa,…" header followed by an ADS marker row' };
}

function read(input: RawInput, options: IsothermReadOptions): Isotherm {
  return withFile(input.file, () => {
    const lines = splitLines(belText(input).text);
    const header: BelHeader = new Map();
    let columns: BelColumns | undefined;
    let headerLine = 0;
    let branch: number | null = null;
    const points = emptyPoints();
    const amounts: number[] = [];
    let firstSaturationPressure: number | undefined;

    for (let i = 0; i < lines.length; i++) {
      const lineNo = i + 1;
      const line = lines[i]!;
      if (line.trim() === '') continue;
      const cells = line.split(',').map((c) => c.trim());
      if (!columns) {
        if (/^no$/i.test(cells[0]!) && cells.length > 2) {
          columns = locateColumns(cells, { line: lineNo });
          headerLine = lineNo;
          continue;
        }
        // key,value[,[unit]] — a comment may itself hold commas, so the value is everything between key and unit.
        const unit = cells.length > 2 && /^\[.*\]$/.test(cells[cells.length - 1]!) ? cells.pop()! : null;
        addHeaderEntry(header, cells[0]!, cells.slice(1).join(',').trim(), unit, { line: lineNo });
        continue;
      }
      const marker = BRANCH_MARKER.exec(line.trim());
      if (marker) {
        branch = marker[1] === 'DES' ? DESORPTION : ADSORPTION;
        continue;
      }
      if (branch === null) throw new InputError('E_BAD_BRANCH', 'a data row comes before the ADS or DES marker row', { line: lineNo }, 'export the file again from the BEL software');
      const row = tableRowCells(line, ',', columns, lineNo);
      const number = (index: number): number => parseNumber(row[index]!, { line: lineNo, field: columns!.names[index] });
      const pressure = number(columns.pressure);
      const saturationPressure = number(columns.saturationPressure);
      if (!(saturationPressure > 0)) throw new InputError('E_BAD_NUMBER', `saturation pressure ${saturationPressure} is not positive`, { line: lineNo, field: columns.names[columns.saturationPressure] });
      firstSaturationPressure ??= saturationPressure;
      points.relativePressure.push(pressure / saturationPressure);
      amounts.push(number(columns.loading));
      points.branch.push(branch);
      points.line.push(lineNo);
    }
    if (!columns) throw new InputError('E_MISSING_COLUMN', 'no "No,pi/kPa,pe/kPa,…" table header was found', {});
    if (amounts.length === 0) throw new InputError('E_NO_DATA', 'the table has no rows after its ADS/DES markers', { line: headerLine });

    const massG = headerMassG(header);
    const massEntry = header.get('mass');
    const scale = loadingScale(columns.loadingUnit, massG, options, massEntry ? whereOf(massEntry) : { line: headerLine, field: 'Sample weight' });
    for (const amount of amounts) points.loadingCm3StpPerG.push(amount * scale.factor);
    const screened = dropInstrumentArtefacts(points);

    return buildIsotherm({
      file: input.file,
      format: belsorpCsvReader.id,
      points: screened.points,
      adsorbate: normaliseAdsorbate(options.adsorbate ?? headerAdsorptive(header) ?? 'unknown'),
      temperatureK: headerTemperatureK(header),
      sampleMassG: scale.massG,
      metadata: belMetadata(header, undefined, firstSaturationPressure!, columns),
      assumptions: [...(scale.assumption ? [scale.assumption] : []), ...screened.assumptions],
    });
  });
}

export const belsorpCsvReader: IsothermReader = {
  id: 'belsorp-csv',
  description: 'MicrotracBEL BELSORP/BELMaster .csv export (key,value header; ADS/DES marker rows; English or Shift-JIS)',
  extensions: ['.csv'],
  detect,
  read,
};
