/**
 * BJH on an Isotherm as the CLI reports it: chooses the branch, the thickness curve and the options, runs the pure
 * core (core/bjh.ts), reads the peak and the value at a diameter, checks for cavitation, and shapes the `bjh` JSON
 * object (snake_case, units in the key names, null with a warning for anything that cannot be computed). Also owns
 * the BJH command-line options so that every command that runs BJH offers the same ones with the same defaults.
 */
import { Option, type Command } from 'commander';
import { KELVIN_FACTOR_N2_NM, LIQUID_VOLUME_FACTOR_N2 } from '../core/constants.js';
import { bjh, bjhPeak, bjhValueAt, type BjhCorrection, type BjhDistribution, type BjhWarning, type PsdBasis } from '../core/bjh.js';
import { detectCavitation } from '../core/cavitation.js';
import type { Meniscus } from '../core/kelvin.js';
import { isThicknessModelName, tableThickness, THICKNESS_MODEL_NAMES, THICKNESS_MODELS, type ThicknessModel, type ThicknessModelName } from '../core/thickness.js';
import { AnalysisError, UsageError } from '../errors.js';
import { readThicknessTable, type ThicknessTableFile } from '../io/thickness-table.js';
import { tryParseNumber } from '../io/numbers.js';
import { ADSORPTION, DESORPTION, branchPoints, countBranch, type BranchData, type BranchName, type Isotherm } from '../model/isotherm.js';
import { sig } from '../output/json.js';

export type BjhBranchSetting = 'auto' | BranchName;

export interface BjhSettings {
  /** 'auto': desorption when the file has that branch, else adsorption (with a warning). */
  branch: BjhBranchSetting;
  thicknessModel: ThicknessModelName;
  /** A user thickness curve; when present it replaces thicknessModel. */
  thicknessTable: ThicknessTableFile | null;
  meniscus: Meniscus;
  correction: BjhCorrection;
  kjs: boolean;
  kelvinFactorNm: number;
  liquidVolumeFactor: number;
  minDiameterNm: number;
  maxDiameterNm: number;
  /** Read the curve at this diameter (claims' "void volume at the particle size X"); null: not asked. */
  atDiameterNm: number | null;
  psdBasis: PsdBasis;
}

/** Lab defaults: the Micromeritics report settings (Harkins–Jura, hemispherical meniscus, 9.53 Å, 0.0015468, 17–3000 Å). */
export const BJH_DEFAULTS: BjhSettings = {
  branch: 'auto',
  thicknessModel: 'harkins-jura',
  thicknessTable: null,
  meniscus: 'hemispherical',
  correction: 'standard',
  kjs: false,
  kelvinFactorNm: KELVIN_FACTOR_N2_NM,
  liquidVolumeFactor: LIQUID_VOLUME_FACTOR_N2,
  minDiameterNm: 1.7,
  maxDiameterNm: 300,
  atDiameterNm: null,
  psdBasis: 'dlogd',
};

export interface BjhDistributionRow {
  diameter_nm: number | null;
  diameter_min_nm: number | null;
  diameter_max_nm: number | null;
  average_diameter_nm: number | null;
  volume_cm3_g: number | null;
  area_m2_g: number | null;
  dv_dd_cm3_g_nm: number | null;
  dv_dlogd_cm3_g: number | null;
  cumulative_volume_cm3_g: number | null;
  cumulative_area_m2_g: number | null;
}

export interface BjhJson {
  branch: BranchName;
  thickness_model: string;
  thickness_equation: string;
  thickness_table: string | null;
  meniscus: Meniscus;
  correction: BjhCorrection;
  kjs: boolean;
  kelvin_factor_nm: number;
  liquid_volume_factor: number;
  min_diameter_nm: number;
  max_diameter_nm: number;
  psd_basis: PsdBasis;
  /** Points of the branch handed to BJH (the desorption branch starts at the isotherm's highest point). */
  points: number;
  peak_diameter_nm: number | null;
  peak_grid_diameter_nm: number | null;
  peak_dv_dlogd_cm3_g: number | null;
  peak_dv_dd_cm3_g_nm: number | null;
  cumulative_volume_cm3_g: number | null;
  cumulative_area_m2_g: number | null;
  average_diameter_nm: number | null;
  at_diameter: { diameter_nm: number; dv_dlogd_cm3_g: number | null; dv_dd_cm3_g_nm: number | null } | null;
  /** Largest pores first; cumulative values run from the largest pores down. */
  distribution: BjhDistributionRow[];
}

/**
 * BJH can report more pore volume than the isotherm holds as liquid at its highest point: the core-to-pore correction
 * (r_p/r_K)² inflates each group, and the vendors do it too (Micromeritics' own report for its silica-alumina
 * reference, Sample_A, gives a desorption volume of 0.6998 cm³/g against 0.6034 cm³/g of liquid at the top point).
 * poregrade keeps the vendor's numbers and says so rather than clamping them.
 */
function overshootOfLiquid(isotherm: Isotherm, bjhVolumeCm3PerG: number | null, liquidVolumeFactor: number): BjhWarning | null {
  if (bjhVolumeCm3PerG === null) return null;
  let top = 0;
  const loading = isotherm.loadingCm3StpPerG;
  for (let i = 0; i < loading.length; i++) top = Math.max(top, loading[i]!);
  const liquid = top * liquidVolumeFactor;
  if (bjhVolumeCm3PerG <= liquid) return null;
  return {
    code: 'BJH_EXCEEDS_LIQUID',
    message: `the BJH cumulative volume ${bjhVolumeCm3PerG.toPrecision(4)} cm³/g exceeds the liquid the isotherm holds at its highest point (${liquid.toPrecision(4)} cm³/g) by ${(((bjhVolumeCm3PerG - liquid) / liquid) * 100).toFixed(1)} %: the BJH core-to-pore correction overestimates narrow pores; prefer the Gurvich total pore volume for totals`,
  };
}

export function bjhReport(isotherm: Isotherm, settings: BjhSettings): { bjh: BjhJson; warnings: BjhWarning[] } {
  const warnings: BjhWarning[] = [];
  const branch = resolveBranch(isotherm, settings.branch, warnings);
  const adsorption = branchPoints(isotherm, ADSORPTION);
  const points = branch === 'desorption' ? desorptionFromTop(isotherm, adsorption) : adsorption;
  const thickness: ThicknessModel = settings.thicknessTable
    ? tableThickness(settings.thicknessTable.relativePressure, settings.thicknessTable.thicknessA)
    : THICKNESS_MODELS[settings.thicknessModel];
  if (settings.meniscus === 'cylindrical' && branch === 'desorption') {
    warnings.push({ code: 'BJH_MENISCUS', message: 'a cylindrical meniscus describes condensation; evaporation on desorption goes through a hemispherical one (use --meniscus hemispherical)' });
  }
  if (isotherm.adsorbate !== 'nitrogen' && isotherm.adsorbate !== 'unknown') {
    warnings.push({
      code: 'BJH_ADSORBATE',
      message: `the Kelvin factor, liquid-volume factor and thickness curves are for N2 at 77 K, but the adsorptive is ${isotherm.adsorbate}: pass --kelvin-factor, --liquid-factor and --thickness-table for it`,
    });
  }
  warnThicknessTableRange(thickness, points, warnings);
  const result = bjh(points.relativePressure, points.loadingCm3StpPerG, {
    thicknessA: thickness.thicknessA,
    meniscus: settings.meniscus,
    correction: settings.correction,
    kjs: settings.kjs,
    kelvinFactorNm: settings.kelvinFactorNm,
    liquidVolumeFactor: settings.liquidVolumeFactor,
    minDiameterNm: settings.minDiameterNm,
    maxDiameterNm: settings.maxDiameterNm,
  });
  for (const warning of result.warnings) warnings.push(warning);
  if (isotherm.adsorbate !== 'nitrogen') {
    warnings.push({ code: 'BJH_NOT_NITROGEN', message: `BJH here uses nitrogen's Kelvin factor and film thickness; on ${isotherm.adsorbate} the distribution is not meaningful unless --kelvin-factor and a --thickness-table for it are given` });
  }
  const distribution = result.distribution;
  if (branch === 'desorption') {
    const cavitation = detectCavitation(points, adsorption.relativePressure.length > 1 ? adsorption : null, distribution);
    if (cavitation) warnings.push(cavitation);
  }
  const overshoot = overshootOfLiquid(isotherm, result.totalVolumeCm3PerG, settings.liquidVolumeFactor);
  if (overshoot) warnings.push(overshoot);
  const peak = bjhPeak(distribution, settings.psdBasis);
  if (peak === null && distribution.diameterNm.length > 0) {
    warnings.push({ code: 'BJH_NO_PEAK', message: 'the pore distribution is zero everywhere: no peak diameter' });
  } else if (peak !== null && !peak.refined) {
    warnings.push({
      code: 'BJH_PEAK_AT_EDGE',
      message: `the highest point of the distribution is its ${peak.gridDiameterNm === distribution.diameterNm[0] ? 'largest' : 'smallest'} diameter (${peak.gridDiameterNm.toPrecision(3)} nm): the true peak may lie outside the measured range, so the peak diameter is that grid point, unrefined`,
    });
  }
  let rows: BjhDistributionRow[] | undefined;
  const json: BjhJson = {
    branch,
    thickness_model: thickness.name,
    thickness_equation: thickness.equation,
    thickness_table: settings.thicknessTable?.file ?? null,
    meniscus: settings.meniscus,
    correction: settings.correction,
    kjs: settings.kjs,
    kelvin_factor_nm: settings.kelvinFactorNm,
    liquid_volume_factor: settings.liquidVolumeFactor,
    min_diameter_nm: settings.minDiameterNm,
    max_diameter_nm: settings.maxDiameterNm,
    psd_basis: settings.psdBasis,
    points: points.relativePressure.length,
    peak_diameter_nm: sig(peak?.diameterNm),
    peak_grid_diameter_nm: sig(peak?.gridDiameterNm),
    peak_dv_dlogd_cm3_g: sig(peak?.dvDlogdCm3PerG),
    peak_dv_dd_cm3_g_nm: sig(peak?.dvDdCm3PerGNm),
    cumulative_volume_cm3_g: sig(result.totalVolumeCm3PerG),
    cumulative_area_m2_g: sig(result.totalAreaM2PerG),
    average_diameter_nm: sig(result.averageDiameterNm),
    at_diameter: settings.atDiameterNm === null ? null : readAtDiameter(distribution, settings.atDiameterNm, warnings),
    // A getter that builds the rows (and their ~600 sig() calls) on first read: analyze's NDJSON/JSON output writes
    // them from the columns instead (output/analyze-json.ts), and grading a lot reads only the totals. It is an own
    // enumerable property in the key's place, so JSON.stringify, spreads and equality checks see the rows as before.
    get distribution(): BjhDistributionRow[] {
      if (rows === undefined) {
        rows = distributionRows(distribution);
        unbuiltRows.delete(this);
      }
      return rows;
    },
  };
  unbuiltRows.set(json, distribution);
  return { bjh: json, warnings };
}

function resolveBranch(isotherm: Isotherm, wanted: BjhBranchSetting, warnings: BjhWarning[]): BranchName {
  const has = { adsorption: countBranch(isotherm, ADSORPTION) > 0, desorption: countBranch(isotherm, DESORPTION) > 0 };
  if (wanted === 'auto') {
    if (has.desorption) return 'desorption';
    warnings.push({ code: 'BJH_BRANCH_FALLBACK', message: 'the file has no desorption branch: BJH used the adsorption branch' });
    return 'adsorption';
  }
  if (!has[wanted]) {
    const other = wanted === 'desorption' ? 'adsorption' : 'desorption';
    throw new AnalysisError('E_NO_BRANCH', `BJH on the ${wanted} branch was asked for, but the file has no ${wanted} points`, { file: isotherm.source.file, field: '--bjh-branch' }, `use --bjh-branch ${other} or auto`);
  }
  return wanted;
}

/**
 * The desorption branch as the vendors step it: from the isotherm's highest point (the turning point, which readers
 * often file under adsorption) down. Without it the largest pores, emptied between the top and the first desorption
 * point, would be missed.
 */
function desorptionFromTop(isotherm: Isotherm, adsorption: BranchData): BranchData {
  const desorption = branchPoints(isotherm, DESORPTION);
  const top = indexOfHighest(adsorption.relativePressure);
  const desorptionTop = indexOfHighest(desorption.relativePressure);
  if (top < 0 || desorptionTop < 0 || !(adsorption.relativePressure[top]! > desorption.relativePressure[desorptionTop]!)) return desorption;
  // Both arrays in one buffer: a typed array of more than 64 bytes is stored off the heap, slow to allocate and free.
  const n = desorption.relativePressure.length + 1;
  const storage = new Float64Array(2 * n);
  const relativePressure = storage.subarray(0, n);
  const loadingCm3StpPerG = storage.subarray(n);
  relativePressure[0] = adsorption.relativePressure[top]!;
  relativePressure.set(desorption.relativePressure, 1);
  loadingCm3StpPerG[0] = adsorption.loadingCm3StpPerG[top]!;
  loadingCm3StpPerG.set(desorption.loadingCm3StpPerG, 1);
  return { relativePressure, loadingCm3StpPerG };
}

/** Index of the first highest value (NaN never wins), −1 for an empty array. */
function indexOfHighest(values: Float64Array): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! > values[best]!) best = i;
  return best;
}

function warnThicknessTableRange(thickness: ThicknessModel, points: BranchData, warnings: BjhWarning[]): void {
  const range = thickness.tableRange;
  if (!range) return;
  const outside = points.relativePressure.filter((p) => p > 0 && p < 1 && (p < range.relativePressureMin || p > range.relativePressureMax)).length;
  if (outside === 0) return;
  warnings.push({
    code: 'BJH_THICKNESS_TABLE_RANGE',
    message: `${outside} point(s) lie outside the thickness table's p/p0 ${range.relativePressureMin.toPrecision(3)}–${range.relativePressureMax.toPrecision(3)}: the table's end values were used there (never extrapolated)`,
  });
}

function readAtDiameter(distribution: BjhDistribution, diameterNm: number, warnings: BjhWarning[]): NonNullable<BjhJson['at_diameter']> {
  const value = bjhValueAt(distribution, diameterNm);
  if (value === null) {
    const n = distribution.diameterNm.length;
    const span = n > 0 ? `${distribution.diameterNm[n - 1]!.toPrecision(3)}–${distribution.diameterNm[0]!.toPrecision(3)} nm` : 'no diameters';
    warnings.push({
      code: 'BJH_AT_DIAMETER_OUTSIDE',
      message: `--at-diameter ${diameterNm} nm is outside the measured distribution (${span}): the curve is not extrapolated, so its value there is null`,
    });
    return { diameter_nm: diameterNm, dv_dlogd_cm3_g: null, dv_dd_cm3_g_nm: null };
  }
  return { diameter_nm: diameterNm, dv_dlogd_cm3_g: sig(value.dvDlogdCm3PerG), dv_dd_cm3_g_nm: sig(value.dvDdCm3PerGNm) };
}

/**
 * The distribution's JSON keys in row order, each with the column it reads. analyze's serialiser writes the rows
 * straight from these columns (output/analyze-json.ts); a test holds distributionRow to the same keys in this order.
 */
export const DISTRIBUTION_COLUMNS = [
  ['diameter_nm', 'diameterNm'],
  ['diameter_min_nm', 'diameterMinNm'],
  ['diameter_max_nm', 'diameterMaxNm'],
  ['average_diameter_nm', 'averageDiameterNm'],
  ['volume_cm3_g', 'volumeCm3PerG'],
  ['area_m2_g', 'areaM2PerG'],
  ['dv_dd_cm3_g_nm', 'dvDdCm3PerGNm'],
  ['dv_dlogd_cm3_g', 'dvDlogdCm3PerG'],
  ['cumulative_volume_cm3_g', 'cumulativeVolumeCm3PerG'],
  ['cumulative_area_m2_g', 'cumulativeAreaM2PerG'],
] as const satisfies readonly (readonly [keyof BjhDistributionRow, keyof BjhDistribution])[];

/** The columns of each `bjh` object whose rows have not been built yet (see bjhReport's `distribution` getter). */
const unbuiltRows = new WeakMap<object, BjhDistribution>();

/**
 * The columns behind `bjh.distribution` while its rows have not been built, else undefined. Once built, the rows
 * are what JSON.stringify reads (a caller may have changed them), so only unbuilt rows may be written from columns.
 */
export function unbuiltDistribution(bjh: object): BjhDistribution | undefined {
  return unbuiltRows.get(bjh);
}

function distributionRows(d: BjhDistribution): BjhDistributionRow[] {
  const rows: BjhDistributionRow[] = [];
  for (let i = 0; i < d.diameterNm.length; i++) rows.push(distributionRow(d, i));
  return rows;
}

function distributionRow(d: BjhDistribution, i: number): BjhDistributionRow {
  return {
    diameter_nm: sig(d.diameterNm[i]),
    diameter_min_nm: sig(d.diameterMinNm[i]),
    diameter_max_nm: sig(d.diameterMaxNm[i]),
    average_diameter_nm: sig(d.averageDiameterNm[i]),
    volume_cm3_g: sig(d.volumeCm3PerG[i]),
    area_m2_g: sig(d.areaM2PerG[i]),
    dv_dd_cm3_g_nm: sig(d.dvDdCm3PerGNm[i]),
    dv_dlogd_cm3_g: sig(d.dvDlogdCm3PerG[i]),
    cumulative_volume_cm3_g: sig(d.cumulativeVolumeCm3PerG[i]),
    cumulative_area_m2_g: sig(d.cumulativeAreaM2PerG[i]),
  };
}

/**
 * The BJH settings as echoed in the JSON `settings` object (option names in snake_case, units in the keys). The
 * liquid-volume factor is the command's shared --liquid-factor, echoed with the other settings.
 */
export function bjhSettingsJson(settings: BjhSettings): Record<string, string | number | boolean | null> {
  return {
    bjh_branch: settings.branch,
    thickness: settings.thicknessTable ? 'table' : settings.thicknessModel,
    thickness_table: settings.thicknessTable?.file ?? null,
    meniscus: settings.meniscus,
    bjh_correction: settings.correction,
    kjs: settings.kjs,
    kelvin_factor_nm: settings.kelvinFactorNm,
    bjh_min_diameter_nm: settings.minDiameterNm,
    bjh_max_diameter_nm: settings.maxDiameterNm,
    at_diameter_nm: settings.atDiameterNm,
    psd_basis: settings.psdBasis,
  };
}

/** Adds the BJH options; --liquid-factor is shared with the pore volume, so it is added only if the command lacks it. */
export function addBjhOptions(command: Command): Command {
  const d = BJH_DEFAULTS;
  if (!command.options.some((o) => o.long === '--liquid-factor')) {
    command.addOption(new Option('--liquid-factor <factor>', 'cm³ liquid per cm³ STP gas (Micromeritics "density conversion factor")').default(d.liquidVolumeFactor));
  }
  return command
    .addOption(new Option('--bjh-branch <branch>', 'isotherm branch for BJH (auto: desorption when the file has one)').choices(['auto', 'adsorption', 'desorption']).default(d.branch))
    .addOption(new Option('--thickness <model>', 'film thickness curve t(p/p0) for BJH').choices(THICKNESS_MODEL_NAMES).default(d.thicknessModel))
    .addOption(new Option('--thickness-table <file>', 'user thickness curve: CSV of p/p0 and t in Å (replaces --thickness; end values used outside it)'))
    .addOption(new Option('--meniscus <shape>', 'Kelvin meniscus (cylindrical: condensation on the adsorption branch)').choices(['hemispherical', 'cylindrical']).default(d.meniscus))
    .addOption(new Option('--bjh-correction <name>', 'steps with less liquid than the film thinning: standard (merge with the next) or faas (Micromeritics Faas)').choices(['standard', 'faas']).default(d.correction))
    .addOption(new Option('--kjs', 'Kruk–Jaroniec–Sayari correction: +0.3 nm on the Kelvin radius').default(d.kjs))
    .addOption(new Option('--kelvin-factor <nm>', 'Kelvin factor 2γV/RT in nm (Micromeritics "adsorbate property factor")').default(d.kelvinFactorNm))
    .addOption(new Option('--bjh-min-diameter <nm>', 'smallest pore diameter reported by BJH').default(d.minDiameterNm))
    .addOption(new Option('--bjh-max-diameter <nm>', 'largest pore diameter reported by BJH').default(d.maxDiameterNm))
    .addOption(new Option('--at-diameter <nm>', 'read the pore distribution curve at this diameter (e.g. the particle size X)'))
    .addOption(new Option('--psd-basis <basis>', 'curve the peak and --at-diameter are read from: dV/dlogD or dV/dD').choices(['dlogd', 'dd']).default(d.psdBasis));
}

/** Parses the options added by addBjhOptions (commander's `opts()`); reads --thickness-table. */
export function bjhSettingsFromOptions(opts: Record<string, unknown>): BjhSettings {
  const d = BJH_DEFAULTS;
  const thicknessModel = String(opts.thickness ?? d.thicknessModel);
  if (!isThicknessModelName(thicknessModel)) throw new UsageError(`unknown thickness model "${thicknessModel}"`, '--thickness', `one of ${THICKNESS_MODEL_NAMES.join(', ')}`);
  const settings: BjhSettings = {
    branch: choice(opts.bjhBranch, ['auto', 'adsorption', 'desorption'] as const, d.branch, '--bjh-branch'),
    thicknessModel,
    thicknessTable: typeof opts.thicknessTable === 'string' ? readThicknessTable(opts.thicknessTable) : null,
    meniscus: choice(opts.meniscus, ['hemispherical', 'cylindrical'] as const, d.meniscus, '--meniscus'),
    correction: choice(opts.bjhCorrection, ['standard', 'faas'] as const, d.correction, '--bjh-correction'),
    kjs: opts.kjs === true,
    kelvinFactorNm: positiveNumber(opts.kelvinFactor, d.kelvinFactorNm, '--kelvin-factor'),
    liquidVolumeFactor: positiveNumber(opts.liquidFactor, d.liquidVolumeFactor, '--liquid-factor'),
    minDiameterNm: positiveNumber(opts.bjhMinDiameter, d.minDiameterNm, '--bjh-min-diameter'),
    maxDiameterNm: positiveNumber(opts.bjhMaxDiameter, d.maxDiameterNm, '--bjh-max-diameter'),
    atDiameterNm: opts.atDiameter === undefined ? null : positiveNumber(opts.atDiameter, 0, '--at-diameter'),
    psdBasis: choice(opts.psdBasis, ['dlogd', 'dd'] as const, d.psdBasis, '--psd-basis'),
  };
  if (!(settings.minDiameterNm < settings.maxDiameterNm)) {
    throw new UsageError(`--bjh-min-diameter ${settings.minDiameterNm} nm is not below --bjh-max-diameter ${settings.maxDiameterNm} nm`, '--bjh-min-diameter');
  }
  return settings;
}

function choice<T extends string>(value: unknown, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`"${String(value)}" is not one of ${allowed.join(', ')}`, option);
  return found;
}

function positiveNumber(value: unknown, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  const parsed = typeof value === 'number' ? value : tryParseNumber(String(value));
  if (parsed === null || !(parsed > 0) || !Number.isFinite(parsed)) throw new UsageError(`"${String(value)}" is not a positive number`, option);
  return parsed;
}
