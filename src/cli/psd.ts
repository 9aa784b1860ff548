/** `poregrade psd FILE… [options]`: particle-size files → number and volume statistics, window fractions. */
import { Command, Option } from 'commander';
import { PSD_DEFAULTS, type PsdSettings } from '../analysis/psd-analysis.js';
import { expandInputs } from '../batch/expand-inputs.js';
import { psdFileOrThrow, type PsdTask } from '../batch/psd-task.js';
import { UsageError } from '../errors.js';
import { DEFAULT_MAX_FILE_BYTES } from '../io/input.js';
import { DEFAULT_BINS_PER_DECADE } from '../io/psd/particle-list.js';
import type { ParticleSizeMeasure, PsdReadOptions } from '../io/psd/reader.js';
import { PSD_READERS } from '../io/psd/registry.js';
import { parseSizeUnit } from '../io/psd/size-units.js';
import { colourFor } from '../output/colour.js';
import { psdCsvHeader } from '../output/psd-record.js';
import { renderPsdTable } from '../output/psd-table.js';
import { BASES, type Basis } from '../model/distribution.js';
import { megabytes, numberInRange, wholeNumber } from './options.js';
import { addRecordOutputOptions, emitRecords, namesOneFile, type RecordOutputOptions } from './record-output.js';

interface PsdOptions extends RecordOutputOptions {
  json?: boolean;
  inputFormat: string;
  basis?: Basis;
  sizeUnit?: string;
  record: string;
  window: string[];
  from: 'auto' | Basis;
  resolvedThreshold: number;
  particleSize: ParticleSizeMeasure;
  binsPerDecade: number;
  maxFileSize: number;
}

/** Finer grids buy nothing and would let a stray huge size allocate millions of classes. */
const MAX_BINS_PER_DECADE = 1000;

export function registerPsd(program: Command): void {
  const command = program
    .command('psd')
    .description('particle-size distributions (laser diffraction, DLS, image analysis, particle lists) → number and volume statistics and window fractions')
    .argument('<inputs...>', "particle-size exports, directories or quoted glob patterns; '-' reads standard input")
    .option('--json', 'same as --format json (one object for one file, an array for several)')
    .addOption(new Option('--input-format <id>', 'force a reader instead of detecting the layout').choices(['auto', ...PSD_READERS.map((r) => r.id), 'imagej']).default('auto'))
    .addOption(new Option('--basis <basis>', "what the file's values count, for files whose headers do not say (overrides a header)").choices([...BASES]))
    .option('--size-unit <unit>', 'size unit for files that name none (nm, µm, um, mm; ImageJ: the calibration unit)')
    .option('--record <n|mean>', 'record of a multi-record file (1-based), or the mean of all records', 'mean')
    .addOption(new Option('--window <min:max>', 'size window for number and volume fractions, in nm unless a unit is given (e.g. 0.3um:0.5um); repeatable').argParser((value: string, previous: string[]) => [...previous, value]).default([], PSD_DEFAULTS.windowsNm.map(([a, b]) => `${a}:${b}`).join(' and ')))
    .addOption(new Option('--from <basis>', "derive number and volume from this column of the file (auto: each basis from the file's own column when it has one, else converted from its primary column)").choices(['auto', ...BASES]).default(PSD_DEFAULTS.from))
    .addOption(new Option('--resolved-threshold <percent>', "a class holding at least this % of the input's basis counts as resolved").default(PSD_DEFAULTS.resolvedThresholdPercent).argParser(numberInRange('--resolved-threshold', 0, 100)))
    .addOption(new Option('--particle-size <measure>', 'ImageJ results: the diameter is the circle-equivalent √(4·Area/π), the Feret or the MinFeret').choices(['area', 'feret', 'minferet']).default('area'))
    .addOption(new Option('--bins-per-decade <n>', `particle lists: classes per decade of the geometric counting grid (1–${MAX_BINS_PER_DECADE})`).default(DEFAULT_BINS_PER_DECADE).argParser(binsPerDecade))
    .addOption(new Option('--max-file-size <MB>', 'refuse input files larger than this').default(DEFAULT_MAX_FILE_BYTES, '50').argParser(megabytes('--max-file-size')));
  addRecordOutputOptions(command)
    .addHelpText(
      'after',
      `
Formats (detected by content): ${PSD_READERS.map((r) => r.id).join(', ')}.
Number statistics come from the file's own number column when it has one (CAMSIZER p0, Zetasizer Numbers[]);
otherwise they are converted with the geometric-mean class diameter (ISO 9276), and a warning says when they rest on
classes the input does not resolve (below the finest class holding --resolved-threshold % of its basis).

Examples:
  poregrade psd pigment-cyan.csv
  poregrade psd zeta.txt --record 2 --json
  poregrade psd particles.csv --size-unit nm --window 300:500
  poregrade psd sample.xle --from volume
  poregrade psd 'exports/*.csv' --format csv --out fractions.csv    # one row per file, one column per window
  poregrade psd exports/ --format ndjson --jobs 2 > psd.ndjson

Exit codes: 0 ok; 2 input or usage error; 3 some of several files failed (their records say why).`,
    )
    .action(async (inputs: string[], options: PsdOptions) => {
      const readOptions = readOptionsFrom(options);
      const settings = settingsFrom(options);
      const readSettings = {
        input_format: options.inputFormat,
        basis: options.basis ?? null,
        size_unit: options.sizeUnit ?? null,
        record: readOptions.record ?? 'mean',
        particle_size: options.particleSize,
        bins_per_decade: options.binsPerDecade,
        max_file_size_bytes: options.maxFileSize,
      };
      const tasks = expandInputs(inputs).map((file): PsdTask => ({ kind: 'psd', file, maxFileBytes: options.maxFileSize, readOptions, settings, readSettings }));
      const format = options.json ? 'json' : options.format;
      // One file shown as a table: a bad file is a plain one-line error and exit 2, as for any single input.
      if (tasks.length === 1 && format === 'table') {
        process.stdout.write(renderPsdTable(psdFileOrThrow(tasks[0]!), colourFor()));
        return;
      }
      process.exitCode = await emitRecords(tasks, { ...options, format }, {
        kind: 'psd',
        single: namesOneFile(inputs, tasks.length),
        csvHeader: psdCsvHeader(settings.windowsNm),
      });
    });
}

function readOptionsFrom(options: PsdOptions): PsdReadOptions {
  if (options.sizeUnit !== undefined && !parseSizeUnit(options.sizeUnit)) {
    throw new UsageError(`--size-unit ${options.sizeUnit} is not a size unit`, '--size-unit', 'use nm, µm (or um) or mm');
  }
  const record = options.record === 'mean' ? 'mean' : Number(options.record);
  if (record !== 'mean' && !(Number.isInteger(record) && record >= 1)) {
    throw new UsageError(`--record ${options.record} is neither a record number (1, 2, …) nor mean`, '--record');
  }
  return {
    format: options.inputFormat,
    ...(options.basis ? { basis: options.basis } : {}),
    ...(options.sizeUnit ? { sizeUnit: options.sizeUnit } : {}),
    record,
    particleSize: options.particleSize,
    binsPerDecade: options.binsPerDecade,
  };
}

function binsPerDecade(text: string): number {
  const value = wholeNumber('--bins-per-decade', 1)(text);
  if (value > MAX_BINS_PER_DECADE) throw new UsageError(`--bins-per-decade "${text}" is more than ${MAX_BINS_PER_DECADE}`, '--bins-per-decade');
  return value;
}

function settingsFrom(options: PsdOptions): PsdSettings {
  return {
    windowsNm: options.window.length > 0 ? options.window.map(parseWindow) : PSD_DEFAULTS.windowsNm.map(([a, b]): [number, number] => [a, b]),
    from: options.from,
    resolvedThresholdPercent: options.resolvedThreshold,
  };
}

/** "300:500" (nm), "0.3um:0.5um", "300 nm : 0.5 µm". */
export function parseWindow(text: string): [number, number] {
  const sides = text.split(':');
  const size = (side: string): number | null => {
    const m = /^\s*((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Zµμ.]*)\s*$/.exec(side);
    if (!m) return null;
    const unit = m[2] ? parseSizeUnit(m[2]) : { toNm: 1 };
    return unit ? Number(m[1]) * unit.toNm : null;
  };
  const [min, max] = sides.length === 2 ? [size(sides[0]!), size(sides[1]!)] : [null, null];
  if (min === null || max === null || !(max > min)) {
    throw new UsageError(`--window ${text} is not MIN:MAX with MIN < MAX (sizes in nm, or with a unit such as 0.3um:0.5um)`, '--window');
  }
  return [min, max];
}
