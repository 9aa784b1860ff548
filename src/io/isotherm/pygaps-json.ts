/**
 * pyGAPS isotherm JSON (file_version 3.x; pyGAPS docs "Parsing to and from JSON"): `isotherm_data` as a list of
 * {pressure, loading, branch} records or as a column dict; `pressure_mode` relative or absolute (`pressure_unit`);
 * `loading_basis`/`loading_unit` over `material_basis`/`material_unit`.
 */
import { InputError } from '../../errors.js';
import { ADSORPTION, DESORPTION, branchesByTurningPoint } from '../../model/isotherm.js';
import { assumedP0Kpa } from '../../model/adsorbates.js';
import type { RawInput } from '../input.js';
import { normaliseAdsorbate, parseLoadingUnit, pressureUnitToKpa, temperatureToK } from '../units.js';
import { buildIsotherm, emptyPoints } from './build.js';
import type { IsothermReader, IsothermReadOptions } from './reader.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parseJson(text: string, file: string): { [key: string]: Json } {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError('E_BAD_JSON', `malformed JSON: ${message}`, { file });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError('E_BAD_JSON', 'the top level is not a JSON object', { file });
  return value;
}

interface Record3 {
  pressure: unknown;
  loading: unknown;
  branch: unknown;
}

/** Normalises both layouts of isotherm_data into records. */
function records(data: Json | undefined, file: string): Record3[] {
  if (Array.isArray(data)) {
    return data.map((r, i) => {
      if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new InputError('E_BAD_JSON', `isotherm_data[${i}] is not an object`, { file, field: `isotherm_data[${i}]` });
      return { pressure: r.pressure, loading: r.loading, branch: r.branch };
    });
  }
  if (data && typeof data === 'object') {
    const column = (name: string): Json[] => {
      const c = data[name];
      if (c === undefined || c === null) return [];
      if (Array.isArray(c)) return c;
      if (typeof c === 'object') return Object.keys(c).sort((a, b) => Number(a) - Number(b)).map((k) => c[k]!);
      throw new InputError('E_BAD_JSON', `isotherm_data.${name} is not a column`, { file, field: `isotherm_data.${name}` });
    };
    const pressure = column('pressure');
    const loading = column('loading');
    const branch = column('branch');
    return pressure.map((p, i) => ({ pressure: p, loading: loading[i], branch: branch[i] }));
  }
  throw new InputError('E_BAD_JSON', 'isotherm_data is missing', { file, field: 'isotherm_data' }, 'a pyGAPS isotherm JSON has isotherm_data with pressure and loading');
}

function finite(value: unknown, file: string, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError('E_BAD_NUMBER', `${JSON.stringify(value)} is not a finite number`, { file, field });
  return value;
}

export const pygapsJsonReader: IsothermReader = {
  id: 'pygaps-json',
  description: 'pyGAPS isotherm JSON (relative or absolute pressure mode)',
  extensions: ['.json'],
  detect(input) {
    if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet' };
    const head = input.text.slice(0, 4096);
    return /^\s*\{/.test(head) && /"isotherm_data"/.test(input.text) ? { score: 80, reason: '' } : { score: 0, reason: 'no JSON object with "isotherm_data"' };
  },
  read(input: RawInput, options: IsothermReadOptions) {
    const file = input.file;
    const doc = parseJson(input.text, file);
    const str = (key: string): string | undefined => (typeof doc[key] === 'string' ? (doc[key] as string) : undefined);
    const adsorbate = normaliseAdsorbate(options.adsorbate ?? str('adsorbate') ?? 'unknown');
    const temperature = typeof doc.temperature === 'number' ? doc.temperature : null;
    const temperatureK = temperature === null ? null : temperatureToK(temperature, str('temperature_unit') ?? 'K');

    const loadingBasis = str('loading_basis') ?? 'molar';
    const materialBasis = str('material_basis') ?? 'mass';
    if (!['molar', 'volume_gas'].includes(loadingBasis) || materialBasis !== 'mass') {
      throw new InputError('E_UNKNOWN_UNIT', `loading basis "${loadingBasis}" per material basis "${materialBasis}" cannot be converted to cm³(STP)/g`, { file, field: 'loading_basis' }, 'export the isotherm with a molar or gas-volume loading per mass');
    }
    const unitText = options.loadingUnit ?? `${str('loading_unit') ?? 'mmol'}/${str('material_unit') ?? 'g'}`;
    const loadingUnit = parseLoadingUnit(unitText);
    if (!loadingUnit) throw new InputError('E_UNKNOWN_UNIT', `loading unit "${unitText}" is not recognised`, { file, field: 'loading_unit' }, 'pass --loading-unit');

    const assumptions: string[] = [];
    let p0InFileUnits = 1;
    const absolute = str('pressure_mode') === 'absolute';
    let pressureUnit: string | undefined;
    if (absolute) {
      pressureUnit = str('pressure_unit') ?? 'bar';
      const kpaPerUnit = pressureUnitToKpa(pressureUnit);
      if (kpaPerUnit === null) throw new InputError('E_UNKNOWN_UNIT', `pressure unit "${pressureUnit}" is not recognised`, { file, field: 'pressure_unit' });
      let p0Kpa = options.p0Kpa ?? null;
      if (p0Kpa === null) {
        p0Kpa = assumedP0Kpa(adsorbate, temperatureK);
        if (p0Kpa === null) throw new InputError('E_MISSING_P0', `absolute pressures of ${adsorbate} at ${temperatureK ?? '?'} K and no p0`, { file, field: 'pressure_mode' }, 'pass --p0 VALUE[UNIT]');
        // pyGAPS takes p0 from CoolProp; at the normal boiling point that is one atmosphere.
        assumptions.push(`p0 taken as ${p0Kpa} kPa (${adsorbate} at its normal boiling point): the file gives absolute pressures only`);
      }
      p0InFileUnits = p0Kpa / kpaPerUnit;
    }

    const points = emptyPoints();
    const rows = records(doc.isotherm_data, file);
    let anyBranch = false;
    rows.forEach((r, i) => {
      points.relativePressure.push(finite(r.pressure, file, `isotherm_data[${i}].pressure`) / p0InFileUnits);
      points.loadingCm3StpPerG.push(finite(r.loading, file, `isotherm_data[${i}].loading`) * loadingUnit.toCm3Stp);
      if (r.branch === undefined || r.branch === null) {
        points.branch.push(-1);
      } else {
        anyBranch = true;
        const isDes = r.branch === 'des' || r.branch === true || r.branch === 1;
        const isAds = r.branch === 'ads' || r.branch === false || r.branch === 0;
        if (!isDes && !isAds) throw new InputError('E_BAD_BRANCH', `branch ${JSON.stringify(r.branch)} is not "ads" or "des"`, { file, field: `isotherm_data[${i}].branch` });
        points.branch.push(isDes ? DESORPTION : ADSORPTION);
      }
      points.line.push(undefined);
    });
    if (!anyBranch) points.branch = Array.from(branchesByTurningPoint(Float64Array.from(points.relativePressure)));
    else points.branch = points.branch.map((b) => (b < 0 ? ADSORPTION : b));

    return buildIsotherm({
      file,
      format: 'pygaps-json',
      points,
      adsorbate,
      temperatureK,
      sampleMassG: options.massG ?? null,
      metadata: {
        ...(str('material') ? { sampleName: str('material')!, materialName: str('material')! } : {}),
        ...(str('instrument') ? { instrument: str('instrument')! } : {}),
        ...(str('user') ? { operator: str('user')! } : {}),
        ...(str('date') ? { date: str('date')! } : {}),
        ...(absolute ? { p0: { value: p0InFileUnits, unit: pressureUnit! } } : {}),
      },
      assumptions,
    });
  },
};
