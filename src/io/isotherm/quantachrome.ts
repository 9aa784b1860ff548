/**
 * Quantachrome / Anton Paar text exports (ASiQwin, QuadraWin, NovaWin): fixed-width, Latin-1/CP1252, a header block
 * of "Label: value" fields run together on each line ("Date:11/30/2012 18:59Operator:ir"), then one table:
 * - "Raw Analysis Data": Press | P0 (Torr or mmHg) | Volume @ STP in cc — the TOTAL for the sample, divided here by
 *   the header's sample weight — | Time | Tol | Equ (NovaWin: P/Po | Po | Volume @ STP);
 * - "Isotherm": Relative Pressure | Volume @ STP in cc/g (already per gram).
 * Adsorption and desorption share the table; the turning point is the highest relative pressure.
 * ../shared/docs/formats.md; files: instrument-exports/quantachrome, parser-conformance/qnt.
 */
import { InputError, withFile } from '../../errors.js';
import { branchesByTurningPoint, type Isotherm } from '../../model/isotherm.js';
import { splitLines } from '../decode.js';
import type { RawInput } from '../input.js';
import { parseNumber, tryParseNumber } from '../numbers.js';
import { normaliseAdsorbate, parseLoadingUnit, pressureUnitToKpa, temperatureToK } from '../units.js';
import { buildIsotherm, emptyPoints } from './build.js';
import { dropInstrumentArtefacts } from './instrument-artefacts.js';
import { loadingScale } from './mass.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

/**
 * Header labels seen in ASiQwin 3.0, QuadraWin 5.05 and NovaWin 11.03 exports, longest first where one is the start
 * of another ("Instrument version" before "Instrument"). A value runs to the next label or the end of the line.
 */
const LABELS = [
  'Approx\\. Outgas Time', 'Final Outgas Temp\\.', 'Outgas Time', 'Outgas ?Temp\\.?', 'Instrument version', 'Instrument',
  'Operator', 'Date', 'Sample ID', 'Sample Desc', 'Sample weight', 'Sample Volume', 'Filename', 'Comment',
  'Analysis Time', 'Analysis gas', 'Analysis Mode', 'End of run', 'VoidVol\\. Mode', 'VoidVol Remeasure', 'Void ?Vol\\.',
  'Bath temp\\.?', 'Molec\\. Wt\\.?', 'Non-ideality', 'Press\\. Tolerance', 'Equil timeout', 'Equil time', 'Extended info',
  'CellType', 'Cell ID', 'Cell', 'Cold Zone V', 'Warm Zone V', 'Thermal Transpiration',
];
const LABEL = new RegExp(`(${LABELS.join('|')}):`, 'gi');
const VOLUME_HEADER = /Volume\s*@\s*STP/i;

interface Field {
  value: string;
  line: number;
}

/** Header fields by lower-case label (first occurrence; the second Operator/Date pair is the report's). */
function headerFields(lines: string[], end: number): Map<string, Field> {
  const fields = new Map<string, Field>();
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    const hits = [...line.matchAll(LABEL)];
    hits.forEach((hit, k) => {
      const label = hit[1]!.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
      const from = hit.index! + hit[0].length;
      const to = k + 1 < hits.length ? hits[k + 1]!.index! : line.length;
      const key = fields.has(label) ? `report ${label}` : label;
      if (!fields.has(key)) fields.set(key, { value: line.slice(from, to).trim(), line: i + 1 });
    });
  }
  return fields;
}

/** A value with its unit ("0.0539 g", "77.3 K", "150.0 °C"). */
function valueWithUnit(field: Field | undefined, label: string): { value: number; unit: string; line: number } | null {
  if (!field || field.value === '') return null;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(\S*)/.exec(field.value);
  if (!m) throw new InputError('E_BAD_NUMBER', `"${field.value}" is not a number with a unit`, { line: field.line, field: label }, 'correct the header value');
  return { value: Number(m[1]), unit: m[2] ?? '', line: field.line };
}

/** ASiQwin writes US dates (11/30/2012 18:59); QuadraWin and NovaWin also write 2016/10/07. */
function isoDate(value: string): string {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(value);
  const time = (h?: string, min?: string): string => (h && min ? `T${h.padStart(2, '0')}:${min}:00` : '');
  if (m) return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}${time(m[4], m[5])}`;
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?/.exec(value);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}${time(m[4], m[5])}`;
  return value;
}

interface Column {
  name: string;
  unit: string;
  centre: number;
}

/** Tokens of a fixed-width line (separated by two or more spaces) with their centre positions. */
function tokens(line: string, separator: RegExp): { text: string; centre: number }[] {
  const out: { text: string; centre: number }[] = [];
  for (const m of line.matchAll(separator)) out.push({ text: m[0], centre: m.index! + m[0].length / 2 });
  return out;
}

const nearest = (columns: Column[], centre: number): Column => columns.reduce((a, b) => (Math.abs(b.centre - centre) < Math.abs(a.centre - centre) ? b : a));

const isUnitToken = (t: string): boolean => pressureUnitToKpa(t) !== null || parseLoadingUnit(t) !== null || /^(min|sec|s|h|hrs?)$/i.test(t);

function detect(input: RawInput): Detection {
  if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet, not Quantachrome text' };
  let head: string;
  try {
    head = input.text.slice(0, 8_000);
  } catch {
    return { score: 0, reason: 'not text' };
  }
  if (/Quantachrome/i.test(head.slice(0, 600)) && VOLUME_HEADER.test(head)) return { score: 100, reason: 'Quantachrome export: title and a "Volume @ STP" column' };
  return { score: 0, reason: 'no Quantachrome title with a "Volume @ STP" column' };
}

function read(input: RawInput, options: IsothermReadOptions): Isotherm {
  return withFile(input.file, () => {
    const lines = splitLines(input.text);
    const headerAt = lines.findIndex((l) => VOLUME_HEADER.test(l) && !/:/.test(l));
    if (headerAt < 0) throw new InputError('E_MISSING_COLUMN', 'no table header with a "Volume @ STP" column', {}, 'export "Raw Analysis Data" or "Isotherm" from ASiQwin unchanged');
    const fields = headerFields(lines, headerAt);

    // Column names from the header line (and continuation lines), units from the units line, data after them.
    const columns: Column[] = tokens(lines[headerAt]!, /\S+(?: \S+)*/g).map((t) => ({ name: t.text, unit: '', centre: t.centre }));
    let dataAt = headerAt + 1;
    let unitsLine = headerAt + 1;
    for (; dataAt < lines.length; dataAt++) {
      const line = lines[dataAt]!;
      if (line.trim() === '') continue;
      const parts = tokens(line, /\S+/g);
      if (parts.every((p) => tryParseNumber(p.text) !== null)) break;
      if (parts.every((p) => isUnitToken(p.text))) {
        for (const p of parts) nearest(columns, p.centre).unit = p.text;
        unitsLine = dataAt + 1;
      } else {
        for (const p of tokens(line, /\S+(?: \S+)*/g)) {
          const column = nearest(columns, p.centre);
          column.name = `${column.name} ${p.text}`;
        }
      }
    }
    const find = (test: RegExp): number => columns.findIndex((c) => test.test(c.name));
    const absolute = find(/^Press$/i);
    const relative = find(/^(P\/Po|Relative Pressure)$/i);
    const saturation = find(/^P[0o]$/i);
    const volume = find(VOLUME_HEADER);
    const names = columns.map((c) => c.name);
    if (volume < 0 || (relative < 0 && (absolute < 0 || saturation < 0))) {
      throw new InputError('E_MISSING_COLUMN', `the table needs Press and P0, or a relative pressure, and Volume @ STP (columns: ${names.join(', ')})`, { line: headerAt + 1 });
    }
    const volumeUnit = parseLoadingUnit(columns[volume]!.unit);
    if (!volumeUnit) throw new InputError('E_UNKNOWN_UNIT', `the Volume @ STP unit "${columns[volume]!.unit}" is not recognised`, { line: unitsLine, field: names[volume] }, 'the units line under the header must say cc or cc/g');
    const pressureUnit = saturation >= 0 ? columns[saturation]!.unit : '';
    if (relative < 0 && pressureUnitToKpa(columns[absolute]!.unit) !== pressureUnitToKpa(pressureUnit)) {
      throw new InputError('E_UNKNOWN_UNIT', `Press (${columns[absolute]!.unit}) and P0 (${pressureUnit}) are not in the same known unit`, { line: unitsLine, field: names[absolute] });
    }

    const weight = valueWithUnit(fields.get('sample weight'), 'Sample Weight');
    let fileMassG: number | null = null;
    if (weight) {
      const factor = weight.unit.toLowerCase() === 'mg' ? 1e-3 : weight.unit === '' || weight.unit.toLowerCase() === 'g' ? 1 : null;
      if (factor === null) throw new InputError('E_UNKNOWN_UNIT', `sample weight unit "${weight.unit}" is not g or mg`, { line: weight.line, field: 'Sample Weight' });
      fileMassG = weight.value > 0 ? weight.value * factor : null;
    }
    // A total amount needs the mass: the error points at the Volume @ STP column that makes it needed.
    const scale = loadingScale(volumeUnit, fileMassG, options, { line: headerAt + 1, field: 'Sample Weight' });

    const points = emptyPoints();
    let firstP0: number | undefined;
    for (let i = dataAt; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      const cells = line.trim().split(/\s+/);
      if (cells.length < columns.length) {
        throw new InputError('E_ROW_LENGTH', `the row has ${cells.length} of the ${columns.length} values of the table (the table is truncated)`, { line: i + 1, field: names[cells.length] }, 'export the file again, or delete the incomplete row');
      }
      if (cells.length > columns.length) throw new InputError('E_ROW_LENGTH', `the row has ${cells.length} values, the table ${columns.length} columns`, { line: i + 1 });
      const number = (c: number): number => parseNumber(cells[c]!, { line: i + 1, field: names[c] });
      let p: number;
      if (relative >= 0) {
        p = number(relative);
        if (saturation >= 0) firstP0 ??= number(saturation);
      } else {
        const p0 = number(saturation);
        if (!(p0 > 0)) throw new InputError('E_BAD_NUMBER', `saturation pressure ${p0} is not positive`, { line: i + 1, field: names[saturation] });
        firstP0 ??= p0;
        p = number(absolute) / p0;
      }
      points.relativePressure.push(p);
      points.loadingCm3StpPerG.push(number(volume) * scale.factor);
      points.line.push(i + 1);
    }
    points.branch.push(...branchesByTurningPoint(Float64Array.from(points.relativePressure)));
    const screened = dropInstrumentArtefacts(points);

    const bath = valueWithUnit(fields.get('bath temp'), 'Bath temp.');
    let temperatureK: number | null = null;
    if (bath) {
      temperatureK = temperatureToK(bath.value, bath.unit);
      if (temperatureK === null) throw new InputError('E_UNKNOWN_UNIT', `bath temperature unit "${bath.unit}" is not K or °C`, { line: bath.line, field: 'Bath temp.' });
    }
    const text = (label: string): string | undefined => {
      const v = fields.get(label)?.value;
      return v ? v : undefined;
    };
    const extra: Record<string, string> = { layout: volumeUnit.perGram ? 'Isotherm' : 'Raw Analysis Data' };
    const software = lines.slice(0, 6).join(' ').match(/Quantachrome\S*\s+(\w+)/)?.[1];
    const version = lines.slice(0, 6).join(' ').match(/version\s+([\d.]+)/i)?.[1];
    if (software) extra.software = `${software}${version ? ` ${version}` : ''}`;
    for (const [label, key] of [['sample desc', 'sampleDescription'], ['filename', 'fileName'], ['comment', 'comment'], ['end of run', 'endOfRun']] as const) {
      const v = text(label);
      if (v) extra[key] = v;
    }
    const date = text('date');
    const p0Unit = pressureUnit || 'Torr';
    return buildIsotherm({
      file: input.file,
      format: quantachromeReader.id,
      points: screened.points,
      adsorbate: normaliseAdsorbate(options.adsorbate ?? text('analysis gas') ?? 'unknown'),
      temperatureK,
      sampleMassG: scale.massG,
      metadata: {
        ...(text('sample id') ? { sampleName: text('sample id')! } : {}),
        ...(text('instrument') ? { instrument: text('instrument')! } : {}),
        ...(date ? { date: isoDate(date) } : {}),
        ...(text('operator') ? { operator: text('operator')! } : {}),
        ...(firstP0 !== undefined ? { p0: { value: firstP0, unit: p0Unit } } : {}),
        extra,
      },
      assumptions: [
        ...(volumeUnit.perGram ? [] : [`"Volume @ STP" in cc is the total for the sample: divided by ${scale.massG} g`]),
        ...(scale.assumption ? [scale.assumption] : []),
        'adsorption up to the highest relative pressure, desorption after it (the export does not label branches)',
        ...screened.assumptions,
      ],
    });
  });
}

export const quantachromeReader: IsothermReader = {
  id: 'quantachrome',
  description: 'Quantachrome ASiQwin/QuadraWin/NovaWin text export: "Raw Analysis Data" (total cc ÷ sample weight) or "Isotherm" (cc/g)',
  extensions: ['.txt'],
  detect,
  read,
};
