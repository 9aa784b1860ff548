/**
 * Adsorption Information File (AIF; Evans et al., Langmuir 2021, 37, 4222), CIF/STAR syntax. Reads all three
 * generations of data names (../shared/docs/formats.md): raw2aif v003, the 2021–2025 core dictionary, and the 2026
 * draft (`_adsorptive_name`, `_adsnt_material_name`, `_adsorp_loading`, `_analysis_*`).
 */
import { InputError } from '../../errors.js';
import { ADSORPTION, DESORPTION, type VendorResults } from '../../model/isotherm.js';
import { assumedP0Kpa, assumedP0Statement } from '../../model/adsorbates.js';
import type { RawInput } from '../input.js';
import { tryParseNumber } from '../numbers.js';
import { normaliseAdsorbate, parseLoadingUnit, pressureUnitToKpa, temperatureToK } from '../units.js';
import { buildIsotherm, emptyPoints } from './build.js';
import type { IsothermReader, IsothermReadOptions } from './reader.js';

interface Token {
  text: string;
  line: number;
  quoted: boolean;
}

interface AifLoop {
  tags: string[];
  rows: Token[][];
}

interface AifDocument {
  items: Map<string, Token>;
  loops: AifLoop[];
}

/** Splits CIF text into tokens: bare words, 'single'/"double" quoted values, and ;-delimited text fields. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith(';')) {
      const start = i + 1;
      const body = [line.slice(1)];
      while (++i < lines.length && !lines[i]!.startsWith(';')) body.push(lines[i]!);
      tokens.push({ text: body.join('\n').trim(), line: start, quoted: true });
      continue;
    }
    const re = /'([^']*)'(?=\s|$)|"([^"]*)"(?=\s|$)|(#.*)|(\S+)/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[3] !== undefined) break;
      const quoted = m[1] !== undefined || m[2] !== undefined;
      tokens.push({ text: m[1] ?? m[2] ?? m[4]!, line: i + 1, quoted });
    }
  }
  return tokens;
}

function parseAif(text: string, file: string): AifDocument {
  const tokens = tokenize(text);
  const items = new Map<string, Token>();
  const loops: AifLoop[] = [];
  const isTag = (t: Token | undefined): boolean => !!t && !t.quoted && t.text.startsWith('_');
  const isKeyword = (t: Token | undefined): boolean => !!t && !t.quoted && /^(loop_|data_)/i.test(t.text);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (!token.quoted && /^data_/i.test(token.text)) {
      i++;
    } else if (!token.quoted && token.text.toLowerCase() === 'loop_') {
      const tags: string[] = [];
      i++;
      while (isTag(tokens[i])) tags.push(tokens[i++]!.text.toLowerCase());
      if (tags.length === 0) throw new InputError('E_BAD_NUMBER', 'loop_ without any data names', { file, line: token.line }, 'list the loop\'s data names after loop_');
      const values: Token[] = [];
      while (i < tokens.length && !isTag(tokens[i]) && !isKeyword(tokens[i])) values.push(tokens[i++]!);
      if (values.length % tags.length !== 0) {
        const last = values[values.length - 1];
        throw new InputError('E_ROW_LENGTH', `loop of ${tags.length} data names holds ${values.length} values, not a whole number of rows (truncated?)`, { file, line: last?.line ?? token.line }, 'complete or remove the last row');
      }
      const rows: Token[][] = [];
      for (let k = 0; k < values.length; k += tags.length) rows.push(values.slice(k, k + tags.length));
      loops.push({ tags, rows });
    } else if (isTag(token)) {
      const value = tokens[i + 1];
      if (!value || isTag(value) || isKeyword(value)) {
        items.set(token.text.toLowerCase(), { text: '', line: token.line, quoted: false });
        i++;
      } else {
        items.set(token.text.toLowerCase(), value);
        i += 2;
      }
    } else {
      throw new InputError('E_BAD_NUMBER', `unexpected "${token.text.slice(0, 30)}" outside a loop`, { file, line: token.line }, 'AIF values follow a data name or sit inside a loop_');
    }
  }
  return { items, loops };
}

function firstItem(doc: AifDocument, ...names: string[]): Token | undefined {
  for (const name of names) {
    const t = doc.items.get(name);
    if (t && t.text !== '' && t.text !== '?' && t.text !== '.') return t;
  }
  return undefined;
}

function numberItem(doc: AifDocument, file: string, ...names: string[]): number | null {
  const t = firstItem(doc, ...names);
  if (!t) return null;
  const value = tryParseNumber(t.text);
  if (value === null) throw new InputError('E_BAD_NUMBER', `"${t.text}" is not a number`, { file, line: t.line, field: names[0] });
  return value;
}

export const aifReader: IsothermReader = {
  id: 'aif',
  description: 'Adsorption Information File (.aif, CIF syntax; 2021, 2026-draft and raw2aif v003 data names)',
  extensions: ['.aif', '.aif_tst'],
  detect(input) {
    if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet' };
    const head = input.text.slice(0, 20000);
    if (/^\s*data_\S*/m.test(head) && /^\s*_(adsorp_|exptl_|adsnt_|units_)/m.test(head)) return { score: 90, reason: '' };
    return { score: 0, reason: 'no data_ block with _exptl_/_adsorp_ names' };
  },
  read(input: RawInput, options: IsothermReadOptions) {
    const file = input.file;
    const doc = parseAif(input.text, file);
    const assumptions: string[] = [];

    const adsorbateToken = firstItem(doc, '_adsorptive_name', '_exptl_adsorptive');
    const adsorbate = normaliseAdsorbate(options.adsorbate ?? adsorbateToken?.text ?? 'unknown');
    let temperatureK: number | null = null;
    const temperature = numberItem(doc, file, '_exptl_temperature');
    if (temperature !== null) {
      const unitToken = firstItem(doc, '_units_temperature');
      temperatureK = temperatureToK(temperature, unitToken?.text ?? 'K');
      if (temperatureK === null) throw new InputError('E_UNKNOWN_UNIT', `temperature unit "${unitToken?.text}" is not K or °C`, { file, line: unitToken?.line, field: '_units_temperature' });
    }
    const massG = options.massG ?? numberItem(doc, file, '_adsnt_sample_mass', '_exptl_sample_mass');

    const loadingUnitToken = firstItem(doc, '_units_loading');
    const loadingUnitText = options.loadingUnit ?? loadingUnitToken?.text;
    if (!loadingUnitText) throw new InputError('E_UNKNOWN_UNIT', 'no _units_loading', { file, field: '_units_loading' }, 'add _units_loading or pass --loading-unit');
    let loadingUnit = parseLoadingUnit(loadingUnitText);
    if (!loadingUnit) throw new InputError('E_UNKNOWN_UNIT', `loading unit "${loadingUnitText}" cannot be converted to cm³(STP)/g`, { file, line: loadingUnitToken?.line, field: '_units_loading' }, 'use cm³/g STP, mmol/g, mol/kg … or pass --loading-unit');
    if (!loadingUnit.perGram && /^\s*cc\s*$/i.test(loadingUnitText)) {
      // raw2aif writes 'cc' for Quantachrome data it has already divided by the mass (formats.md, AIF notes).
      loadingUnit = { ...loadingUnit, perGram: true };
      assumptions.push("_units_loading 'cc' read as cm³(STP)/g (raw2aif convention for Quantachrome data)");
    }
    if (!loadingUnit.perGram && massG === null) throw new InputError('E_MISSING_MASS', `loading unit "${loadingUnitText}" is a total amount and the file gives no sample mass`, { file, field: '_adsnt_sample_mass' }, 'pass --mass GRAMS');
    const loadingFactor = loadingUnit.toCm3Stp / (loadingUnit.perGram ? 1 : massG!);

    const pressureUnitToken = firstItem(doc, '_units_pressure');
    const kpaPerUnit = pressureUnitToken ? pressureUnitToKpa(pressureUnitToken.text) : null;
    const scalarP0 = numberItem(doc, file, '_exptl_p0');

    const points = emptyPoints();
    let p0Found: number | null = null;
    let assumedP0: number | null = null;
    for (const loop of doc.loops) {
      const prefix = loop.tags[0]!.startsWith('_adsorp_') ? '_adsorp_' : loop.tags[0]!.startsWith('_desorp_') ? '_desorp_' : null;
      if (!prefix) continue;
      const branch = prefix === '_adsorp_' ? ADSORPTION : DESORPTION;
      const col = (name: string): number => loop.tags.indexOf(prefix + name);
      const pressureCol = col('pressure');
      const p0Col = col('p0');
      const amountCol = col('amount') >= 0 ? col('amount') : col('loading');
      if (pressureCol < 0 || amountCol < 0) throw new InputError('E_MISSING_COLUMN', `${prefix}loop lacks ${pressureCol < 0 ? 'pressure' : 'amount/loading'}`, { file, line: loop.rows[0]?.[0]?.line, field: prefix + (pressureCol < 0 ? 'pressure' : 'amount') });
      for (const row of loop.rows) {
        const line = row[0]!.line;
        const cell = (c: number, field: string): number => {
          const value = tryParseNumber(row[c]!.text);
          if (value === null) throw new InputError('E_BAD_NUMBER', `"${row[c]!.text.slice(0, 30)}" is not a finite number`, { file, line, field });
          return value;
        };
        const pressure = cell(pressureCol, prefix + 'pressure');
        let p0 = p0Col >= 0 ? cell(p0Col, prefix + 'p0') : scalarP0;
        if (p0 === null && options.p0Kpa !== undefined && kpaPerUnit !== null) p0 = options.p0Kpa / kpaPerUnit;
        if (p0 === null && kpaPerUnit !== null) {
          const assumed = assumedP0Kpa(adsorbate, temperatureK);
          if (assumed !== null) {
            p0 = assumed / kpaPerUnit;
            assumedP0 = assumed;
          }
        }
        if (p0 === null) {
          throw new InputError('E_MISSING_P0', 'absolute pressures without _adsorp_p0 or _exptl_p0, and p0 of this adsorptive at this temperature is not known', { file, line, field: prefix + 'p0' }, 'add _exptl_p0, or pass --p0 VALUE[UNIT]');
        }
        if (p0 <= 0) throw new InputError('E_BAD_NUMBER', `p0 ${p0} is not positive`, { file, line, field: prefix + 'p0' });
        p0Found ??= p0;
        points.relativePressure.push(pressure / p0);
        points.loadingCm3StpPerG.push(cell(amountCol, prefix + 'amount') * loadingFactor);
        points.branch.push(branch);
        points.line.push(line);
      }
    }
    if (assumedP0 !== null) assumptions.push(assumedP0Statement(adsorbate, temperatureK!, assumedP0));

    const text = (...names: string[]): string | undefined => firstItem(doc, ...names)?.text;
    const isotherm = buildIsotherm({
      file,
      format: 'aif',
      points,
      adsorbate,
      temperatureK,
      sampleMassG: massG,
      metadata: {
        sampleName: text('_adsnt_sample_name', '_adsnt_sample_id', '_sample_id'),
        materialName: text('_adsnt_material_name', '_adsnt_material_id', '_sample_material_id'),
        instrument: text('_exptl_instrument'),
        date: text('_exptl_date'),
        operator: text('_exptl_operator'),
        ...(p0Found !== null && pressureUnitToken ? { p0: { value: p0Found, unit: pressureUnitToken.text } } : {}),
      },
      assumptions,
      vendor: vendorResults(doc, file),
    });
    return isotherm;
  },
};

/** The 2026 draft's `_analysis_*` results, when present. */
function vendorResults(doc: AifDocument, file: string): VendorResults | undefined {
  const area = numberItem(doc, file, '_analysis_bet_area');
  const poreVolume = numberItem(doc, file, '_analysis_total_pore_volume');
  if (area === null && poreVolume === null) return undefined;
  const vendor: VendorResults = {};
  if (area !== null) {
    const c = numberItem(doc, file, '_analysis_bet_c_constant');
    const min = numberItem(doc, file, '_analysis_bet_pressure_range_min');
    const max = numberItem(doc, file, '_analysis_bet_pressure_range_max');
    vendor.bet = { areaM2PerG: area, ...(c !== null ? { c } : {}), ...(min !== null ? { relativePressureMin: min } : {}), ...(max !== null ? { relativePressureMax: max } : {}) };
  }
  if (poreVolume !== null) {
    const at = numberItem(doc, file, '_analysis_total_pore_volume_pp0');
    vendor.totalPoreVolume = { cm3PerG: poreVolume, ...(at !== null ? { relativePressure: at } : {}) };
  }
  return vendor;
}
