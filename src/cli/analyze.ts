/** `poregrade analyze FILE... [options]`: BET area, total pore volume and BJH pore-size distribution of isotherm files. */
import { Command, Option } from 'commander';
import { addBjhOptions, bjhSettingsFromOptions, bjhSettingsJson, type BjhJson, type BjhSettings } from '../analysis/bjh-report.js';
import { formatBetRange, ISOTHERM_DEFAULTS, parseBetRange, type IsothermSettings } from '../analysis/isotherm-analysis.js';
import { analyzeFileOrThrow, type AnalyzeTask } from '../batch/analyze-task.js';
import { expandInputs } from '../batch/expand-inputs.js';
import { DEFAULT_MAX_FILE_BYTES } from '../io/input.js';
import { ISOTHERM_READERS } from '../io/isotherm/registry.js';
import type { IsothermReadOptions } from '../io/isotherm/reader.js';
import { ANALYZE_CSV_HEADER, analyzeTable, type AnalyzeRecord } from '../output/analyze-record.js';
import { addRecordOutputOptions, emitRecords, namesOneFile, type RecordOutputOptions } from './record-output.js';
import { megabytes, numberInRange, positiveNumber, pressureKpa, wholeNumber } from './options.js';

export interface AnalyzeOptions {
  json: boolean;
  inputFormat: string;
  loadingUnit?: string;
  p0?: number;
  mass?: number;
  adsorbate?: string;
  maxFileSize: number;
  betRange: string;
  betMinPoints: number;
  betMinR2: number;
  betTolerance: number;
  crossSection?: number;
  poreVolumeAt: number;
  liquidFactor: number;
}

/** Options every command that reads isotherm files shares. */
export function addIsothermInputOptions(command: Command): Command {
  return command
    .addOption(new Option('--input-format <id>', 'force a reader instead of detecting the layout (see `poregrade formats`)').default('auto'))
    .option('--loading-unit <unit>', 'unit of the amount adsorbed when the file does not say (cm3/g, mmol/g, mol/kg, cc with --mass)')
    .option('--p0 <pressure>', 'saturation pressure for absolute-pressure files without one, e.g. 101.3kPa, 760torr', pressureKpa('--p0'))
    .option('--mass <grams>', 'sample mass in g (for total amounts; overrides the file)', positiveNumber('--mass'))
    .option('--adsorbate <name>', 'adsorptive when the file does not name it (nitrogen, argon, krypton)')
    .addOption(new Option('--max-file-size <MB>', 'refuse input files larger than this').default(DEFAULT_MAX_FILE_BYTES, '50').argParser(megabytes('--max-file-size')));
}

export function addIsothermAnalysisOptions(command: Command): Command {
  const d = ISOTHERM_DEFAULTS;
  return command
    .option('--bet-range <auto|vendor|LO:HI>', 'BET range: automatic (consistency criteria), the vendor\'s points, or fixed p/p0 limits', formatBetRange(d.betRange))
    .addOption(new Option('--bet-min-points <n>', 'fewest points in an automatic BET window').default(d.betMinPoints).argParser(wholeNumber('--bet-min-points', 3)))
    .addOption(new Option('--bet-min-r2 <r2>', 'lowest R² of an automatic BET window').default(d.betMinR2).argParser(numberInRange('--bet-min-r2', 0, 1)))
    .addOption(new Option('--bet-tolerance <fraction>', 'criterion 4: allowed relative gap between p(n_m) and 1/(√C+1)').default(d.betTolerance).argParser(numberInRange('--bet-tolerance', 0, 10)))
    .addOption(new Option('--cross-section <nm2>', 'adsorbate cross-section (default from the adsorbate: N2 0.162, Ar 0.142, Kr 0.202)').argParser(positiveNumber('--cross-section')))
    .addOption(new Option('--pore-volume-at <p/p0>', 'relative pressure of the Gurvich total pore volume').default(d.poreVolumeAt).argParser(numberInRange('--pore-volume-at', 0.5, 1)))
    .addOption(new Option('--liquid-factor <factor>', 'cm³ liquid per cm³(STP) gas (N2: 0.0015468)').default(d.liquidVolumeFactor).argParser(positiveNumber('--liquid-factor')));
}

export function readOptionsFrom(opts: { loadingUnit?: string; p0?: number; mass?: number; adsorbate?: string }): IsothermReadOptions {
  return {
    ...(opts.loadingUnit !== undefined ? { loadingUnit: opts.loadingUnit } : {}),
    ...(opts.p0 !== undefined ? { p0Kpa: opts.p0 } : {}),
    ...(opts.mass !== undefined ? { massG: opts.mass } : {}),
    ...(opts.adsorbate !== undefined ? { adsorbate: opts.adsorbate } : {}),
  };
}

export function isothermSettingsFrom(opts: AnalyzeOptions): IsothermSettings {
  return {
    betRange: parseBetRange(opts.betRange),
    betMinPoints: opts.betMinPoints,
    betMinR2: opts.betMinR2,
    betTolerance: opts.betTolerance,
    crossSectionNm2: opts.crossSection ?? null,
    poreVolumeAt: opts.poreVolumeAt,
    liquidVolumeFactor: opts.liquidFactor,
  };
}

/** Every option's value, as echoed in the JSON so that a result can be reproduced from its own record. */
export function settingsJson(opts: AnalyzeOptions, settings: IsothermSettings, bjh: BjhSettings) {
  return {
    input_format: opts.inputFormat,
    loading_unit: opts.loadingUnit ?? null,
    p0_kpa: opts.p0 ?? null,
    mass_g: opts.mass ?? null,
    adsorbate: opts.adsorbate ?? null,
    max_file_size_bytes: opts.maxFileSize,
    bet_range: formatBetRange(settings.betRange),
    bet_min_points: settings.betMinPoints,
    bet_min_r2: settings.betMinR2,
    bet_tolerance: settings.betTolerance,
    cross_section_nm2: settings.crossSectionNm2,
    pore_volume_at: settings.poreVolumeAt,
    liquid_volume_factor: settings.liquidVolumeFactor,
    ...bjhSettingsJson(bjh),
  };
}

export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .description('BET area, total pore volume and BJH pore-size distribution of nitrogen isotherms (any supported instrument export; - reads standard input)')
    .argument('<inputs...>', 'isotherm files, directories or quoted glob patterns; - for standard input')
    .option('--json', 'same as --format json', false);
  addRecordOutputOptions(command);
  addIsothermInputOptions(command);
  addIsothermAnalysisOptions(command);
  addBjhOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  poregrade analyze samples/isotherms/alumina-hydrate-layer.csv
  poregrade analyze Sample_A.xls --bet-range vendor        # check against the instrument's own points
  poregrade analyze run.csv --bet-range 0.05:0.30 --json > run.json
  poregrade analyze Sample_G.xls --bjh-correction faas --at-diameter 40   # BJH curve read at 40 nm
  poregrade analyze 'exports/*.csv' --format ndjson --out results.ndjson --jobs 2
  cat run.csv | poregrade analyze - --p0 101.3kPa

Readers: ${ISOTHERM_READERS.map((r) => r.id).join(', ')} (detected by content).
Exit codes: 0 ok; 2 input or usage error; 3 some of several files failed; 4 no BET range satisfies the criteria.`,
  );
  command.action(async (inputs: string[], opts: AnalyzeOptions & RecordOutputOptions) => {
    const settings = isothermSettingsFrom(opts);
    const bjh = bjhSettingsFromOptions(opts as unknown as Record<string, unknown>);
    const files = expandInputs(inputs);
    const tasks: AnalyzeTask[] = files.map((file) => ({
      kind: 'analyze',
      file,
      maxFileBytes: opts.maxFileSize,
      readOptions: { ...readOptionsFrom(opts), format: opts.inputFormat },
      settings,
      bjh,
      settingsJson: settingsJson(opts, settings, bjh),
    }));
    const format = opts.json ? 'json' : opts.format;
    // One file, one failure: a plain one-line error and exit 2, as for any single input.
    if (tasks.length === 1 && format === 'table') {
      const outcome = analyzeFileOrThrow(tasks[0]!);
      process.stdout.write(analyzeTable(outcome.record as AnalyzeRecord) + '\n');
      process.exitCode = outcome.exitCode;
      return;
    }
    process.exitCode = await emitRecords(tasks, { ...opts, format }, {
      kind: 'analyze',
      single: namesOneFile(inputs, tasks.length),
      csvHeader: ANALYZE_CSV_HEADER,
    });
  });
}
