/**
 * NIST/ARPA-E ISODB isotherm JSON (adsorption.nist.gov/isodb API; mirror github.com/NIST-ISODB/isodb-library):
 * `adsorbent {name, hashkey}`, `adsorbates [{name, InChIKey}]`, `temperature` (K), `pressureUnits`,
 * `adsorptionUnits`, and `isotherm_data [{pressure, total_adsorption, species_data [{adsorption, …}]}]`.
 * Pressures are absolute and the file has no p0: it comes from --p0, or from the adsorptive at its normal boiling
 * point (model/adsorbates.ts), stated as an assumption. Example: aif/converted_real/NIST-ISODB_10.1021Jp400480q.
 * Isotherm2.json (Ar 87 K on MWCNT, bar, kmol/m3) and its AIF conversion beside it.
 */
import { InputError, withFile } from '../../errors.js';
import { ADSORBATES, assumedP0Kpa } from '../../model/adsorbates.js';
import { branchesByTurningPoint, DESORPTION, type Isotherm } from '../../model/isotherm.js';
import type { RawInput } from '../input.js';
import { normaliseAdsorbate, parseLoadingUnit, pressureUnitToKpa } from '../units.js';
import { buildIsotherm, emptyPoints } from './build.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** 1-based line of a character offset. */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split(/\r\n|\n|\r/).length;

/** Line of the n-th (0-based) occurrence of `"key":` in the text, for errors about isotherm_data[n]. */
function lineOfKey(text: string, key: string, n: number): number | undefined {
  const pattern = new RegExp(`"${key}"\\s*:`, 'g');
  let match: RegExpExecArray | null = null;
  for (let i = 0; i <= n; i++) {
    match = pattern.exec(text);
    if (!match) return undefined;
  }
  return match ? lineAt(text, match.index) : undefined;
}

function parse(text: string): JsonObject {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    throw new InputError('E_BAD_JSON', `malformed JSON: ${message}`, position ? { line: lineAt(text, Number(position)) } : {});
  }
  if (!isObject(value)) throw new InputError('E_BAD_JSON', 'the top level is not a JSON object', {});
  return value;
}

/**
 * Amounts per volume of adsorbent (ISODB's kmol/m3, i.e. mmol per cm³ of solid) cannot become per gram without the
 * adsorbent's density, which ISODB files do not carry.
 */
const PER_ADSORBENT_VOLUME = /^(k?mol|mmol)\/(m3|cm3|l)$/i;

function detect(input: RawInput): Detection {
  if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet, not JSON' };
  let head: string;
  try {
    head = input.text.slice(0, 20_000);
  } catch {
    return { score: 0, reason: 'not text' };
  }
  // pyGAPS JSON also has "isotherm_data"; ISODB's own keys tell them apart.
  if (/^\s*\{/.test(head) && /"isotherm_data"/.test(head) && /"adsorptionUnits"/.test(head) && /"adsorbates"/.test(head)) {
    return { score: 100, reason: 'NIST ISODB JSON: "adsorbates", "adsorptionUnits" and "isotherm_data"' };
  }
  return { score: 0, reason: 'no JSON object with "adsorbates", "adsorptionUnits" and "isotherm_data"' };
}

function read(input: RawInput, options: IsothermReadOptions): Isotherm {
  return withFile(input.file, () => {
    const text = input.text;
    const doc = parse(text);
    const str = (key: string): string | undefined => (typeof doc[key] === 'string' && (doc[key] as string).trim() !== '' ? (doc[key] as string).trim() : undefined);
    const keyLine = (key: string): number | undefined => lineOfKey(text, key, 0);

    const adsorbates = doc.adsorbates;
    if (!Array.isArray(adsorbates) || adsorbates.length === 0 || !adsorbates.every(isObject)) {
      throw new InputError('E_BAD_JSON', '"adsorbates" is missing or not a list of {name, InChIKey}', { line: keyLine('adsorbates'), field: 'adsorbates' });
    }
    if (adsorbates.length > 1) {
      throw new InputError('E_BAD_JSON', `a mixture isotherm (${adsorbates.length} adsorbates) is not a single-gas isotherm that BET or BJH can analyse`, { line: keyLine('adsorbates'), field: 'adsorbates' }, 'use a pure-gas isotherm');
    }
    const adsorbateName = typeof adsorbates[0]!.name === 'string' ? adsorbates[0]!.name : 'unknown';
    const adsorbate = normaliseAdsorbate(options.adsorbate ?? adsorbateName);
    const temperatureK = typeof doc.temperature === 'number' && doc.temperature > 0 ? doc.temperature : null;

    const pressureUnit = str('pressureUnits') ?? '';
    const kpaPerUnit = pressureUnitToKpa(pressureUnit);
    if (kpaPerUnit === null) throw new InputError('E_UNKNOWN_UNIT', `pressureUnits "${pressureUnit}" is not a known pressure unit`, { line: keyLine('pressureUnits'), field: 'pressureUnits' });

    const assumptions: string[] = [];
    const fileLoadingUnit = str('adsorptionUnits') ?? '';
    let loadingUnit = parseLoadingUnit(options.loadingUnit ?? fileLoadingUnit);
    if (options.loadingUnit !== undefined) {
      if (!loadingUnit) throw new InputError('E_UNKNOWN_UNIT', `--loading-unit "${options.loadingUnit}" is not recognised`, { field: '--loading-unit' });
      assumptions.push(`amounts read as ${loadingUnit.name} (--loading-unit) although the file says "${fileLoadingUnit}"`);
    }
    if (!loadingUnit) {
      const why = PER_ADSORBENT_VOLUME.test(fileLoadingUnit.replace(/\s+/g, ''))
        ? `is an amount per volume of adsorbent: converting it to cm³(STP)/g needs the adsorbent's density, which the file does not give`
        : 'cannot be converted to cm³(STP)/g';
      throw new InputError('E_UNKNOWN_UNIT', `adsorptionUnits "${fileLoadingUnit}" ${why}`, { line: keyLine('adsorptionUnits'), field: 'adsorptionUnits' }, 'convert the amounts to mmol/g (or cm³(STP)/g), or pass --loading-unit if they already are');
    }
    if (!loadingUnit.perGram) throw new InputError('E_UNKNOWN_UNIT', `adsorptionUnits "${fileLoadingUnit}" is a total amount, and ISODB gives no sample mass`, { line: keyLine('adsorptionUnits'), field: 'adsorptionUnits' });

    let p0Kpa = options.p0Kpa ?? null;
    if (p0Kpa === null) {
      p0Kpa = assumedP0Kpa(adsorbate, temperatureK);
      if (p0Kpa === null) {
        throw new InputError('E_MISSING_P0', `ISODB gives absolute pressures and no p0, and p0 of ${adsorbate} at ${temperatureK ?? 'an unknown temperature'} K is not known`, { line: keyLine('temperature'), field: 'temperature' }, 'pass --p0 VALUE[UNIT]');
      }
      const boiling = ADSORBATES[adsorbate]!.normalBoilingPointK;
      assumptions.push(`p0 taken as ${p0Kpa} kPa, the vapour pressure of ${adsorbate} at its normal boiling point ${boiling} K (the file says ${temperatureK} K): ISODB files give no p0`);
    }
    const p0InFileUnits = p0Kpa / kpaPerUnit;

    const data = doc.isotherm_data;
    if (!Array.isArray(data)) throw new InputError('E_BAD_JSON', '"isotherm_data" is not a list of points', { line: keyLine('isotherm_data'), field: 'isotherm_data' });
    const points = emptyPoints();
    data.forEach((point, i) => {
      if (!isObject(point)) throw new InputError('E_BAD_JSON', `isotherm_data[${i}] is not an object`, { field: `isotherm_data[${i}]` });
      const species = Array.isArray(point.species_data) && isObject(point.species_data[0]) ? point.species_data[0].adsorption : undefined;
      const amount = point.total_adsorption ?? species;
      const pressure = point.pressure;
      if (typeof pressure !== 'number' || !Number.isFinite(pressure)) {
        throw new InputError('E_BAD_NUMBER', `${JSON.stringify(pressure ?? null)} is not a finite number`, { line: lineOfKey(text, 'pressure', i), field: `isotherm_data[${i}].pressure` });
      }
      if (typeof amount !== 'number' || !Number.isFinite(amount)) {
        throw new InputError('E_BAD_NUMBER', `${JSON.stringify(amount ?? null)} is not a finite number`, { line: lineOfKey(text, 'total_adsorption', i), field: `isotherm_data[${i}].total_adsorption` });
      }
      points.relativePressure.push(pressure / p0InFileUnits);
      points.loadingCm3StpPerG.push(amount * loadingUnit.toCm3Stp);
      points.line.push(lineOfKey(text, 'pressure', i));
    });
    points.branch = Array.from(branchesByTurningPoint(Float64Array.from(points.relativePressure)));
    if (points.branch.includes(DESORPTION)) assumptions.push('adsorption up to the highest pressure, desorption after it (ISODB does not label branches)');

    const adsorbent = isObject(doc.adsorbent) ? doc.adsorbent : {};
    const material = typeof adsorbent.name === 'string' && adsorbent.name.trim() !== '' ? adsorbent.name.trim() : undefined;
    const extra: Record<string, string> = {};
    for (const key of ['DOI', 'filename', 'articleSource', 'digitizer', 'category', 'isotherm_type']) {
      const v = str(key);
      if (v && v !== 'UNKNOWN') extra[key] = v;
    }
    if (typeof adsorbent.hashkey === 'string') extra.adsorbentHashkey = adsorbent.hashkey;
    const date = str('date');
    return buildIsotherm({
      file: input.file,
      format: nistIsodbReader.id,
      points,
      adsorbate,
      temperatureK,
      sampleMassG: null,
      metadata: {
        ...(material ? { sampleName: material, materialName: material } : {}),
        // ISODB's date is when the isotherm was digitised; "1000-01-01" stands for unknown.
        ...(date && !date.startsWith('1000-') ? { date } : {}),
        p0: { value: p0InFileUnits, unit: pressureUnit },
        extra,
      },
      assumptions,
    });
  });
}

export const nistIsodbReader: IsothermReader = {
  id: 'nist-isodb',
  description: 'NIST ISODB isotherm JSON (absolute pressures; p0 from --p0 or the adsorptive at its boiling point)',
  extensions: ['.json'],
  detect,
  read,
};
