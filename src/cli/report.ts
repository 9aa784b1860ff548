/**
 * `poregrade report LOT.json|ISOTHERM -o report.html`: one self-contained HTML report (plots as inline SVG,
 * print-ready). A lot file is analysed and graded as `grade` does it; an isotherm file is analysed as `analyze` does.
 * The file is written whole or not at all.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { addBjhOptions, bjhSettingsFromOptions } from '../analysis/bjh-report.js';
import { analyzeLot, emptyLotArtefacts } from '../analysis/lot-analysis.js';
import { analyzeFileWithIsotherm } from '../batch/analyze-task.js';
import { builtInClaimSets, resolveClaimSets } from '../claims/claim-set-registry.js';
import { gradeLot } from '../claims/grade.js';
import { isJsonObject, parseJsonText } from '../claims/json-file.js';
import { loadLot, type LotFile } from '../claims/lot.js';
import { analysisSettingsFor } from '../claims/settings.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { readInput } from '../io/input.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { buildReportModel, type AnalysedIsotherm, type ReportSource } from '../output/report/build-model.js';
import { lotReportSource } from '../output/report/from-lot.js';
import { renderReport } from '../output/report/page.js';
import { addIsothermAnalysisOptions, addIsothermInputOptions, isothermSettingsFrom, readOptionsFrom, settingsJson, type AnalyzeOptions } from './analyze.js';
import { claimsOption } from './grade.js';

interface ReportOptions extends Omit<AnalyzeOptions, 'json'> {
  output: string;
  timestamp: boolean;
  claims: string[];
}

/** Reads and analyses one isotherm file exactly as `analyze` does. */
export function analyseIsothermFile(file: string, opts: Omit<AnalyzeOptions, 'json'>): AnalysedIsotherm {
  const options = { ...opts, json: false };
  const settings = isothermSettingsFrom(options);
  const bjh = bjhSettingsFromOptions(opts as unknown as Record<string, unknown>);
  return analyzeFileWithIsotherm({
    kind: 'analyze',
    file,
    maxFileBytes: opts.maxFileSize,
    readOptions: { ...readOptionsFrom(opts), format: opts.inputFormat },
    settings,
    bjh,
    settingsJson: settingsJson(options, settings, bjh),
  });
}

/**
 * A lot file is a JSON object with "files" (lot-format.md); pyGAPS isotherms, the other JSON input, hold
 * "isotherm_data" instead. A broken JSON object that names "files" is still taken for a lot, so that the lot loader
 * reports the syntax error at its line and column. Anything else is handed to the isotherm readers.
 */
export function isLotFile(file: string, bytes: Uint8Array): boolean {
  if (file === '-') return false;
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{')) return false;
  try {
    const data = parseJsonText(text, file, 'lot file');
    return isJsonObject(data) && isJsonObject(data.files) && !('isotherm_data' in data);
  } catch {
    return /"files"\s*:/.test(text) && !/"isotherm_data"\s*:/.test(text);
  }
}

/** Loads, analyses and grades a lot as `grade` does, keeping what the plots need. */
export function gradedLotSource(file: string, claims: readonly string[], options: { version: string; generatedAt: string | null; lotBytes: Uint8Array | null }): ReportSource {
  return gradedSourceOf(loadLot(file), claims, options);
}

/** The same for a lot already loaded (a lot file, or a batch manifest row). */
export function gradedSourceOf(lot: LotFile, claims: readonly string[], options: { version: string; generatedAt: string | null; lotBytes: Uint8Array | null }): ReportSource {
  const sets = resolveClaimSets(claims);
  const settings = analysisSettingsFor(lot, sets);
  const artefacts = emptyLotArtefacts();
  const grade = gradeLot(lot, analyzeLot(lot, settings, artefacts), settings, sets, builtInClaimSets());
  return lotReportSource(lot, artefacts, grade, options);
}

/** Options that set how an isotherm file is analysed; a lot file sets these in its own "analysis" block. */
const ISOTHERM_ONLY_OPTIONS = ['betRange', 'betMinPoints', 'betMinR2', 'betTolerance', 'crossSection', 'poreVolumeAt', 'liquidFactor', 'inputFormat', 'loadingUnit', 'p0', 'mass', 'adsorbate', 'bjhBranch', 'thickness', 'thicknessTable', 'meniscus', 'bjhCorrection', 'kjs', 'kelvinFactor', 'bjhMinDiameter', 'bjhMaxDiameter', 'atDiameter', 'psdBasis'];

/** Writes the page whole or not at all; a folder that is missing or read-only is the user's to fix, not a bug. */
function writeReport(file: string, page: string): void {
  try {
    writeFileAtomic(file, page);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UsageError(`cannot write ${file}: ${why}`, '--output', 'name a file in an existing, writable folder');
  }
}

export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .description('write a self-contained HTML report of a lot (isotherm, BET, BJH, particle sizes, claim chart) or of one isotherm file; plots as SVG, prints to A4')
    .argument('<input>', 'a lot file (JSON, lot-format.md) or an isotherm file (any supported export; - reads standard input)')
    .requiredOption('-o, --output <file>', 'the HTML file to write (- for standard output)')
    .addOption(claimsOption())
    .addOption(new Option('--no-timestamp', 'leave the generation time out, so identical inputs give identical files'));
  addIsothermInputOptions(command);
  addIsothermAnalysisOptions(command);
  addBjhOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  poregrade report lots/CL-0412.json -o CL-0412.html                 # analysed and graded as \`grade\` does
  poregrade report lots/CL-0412.json --claims alumina-pigment-ink -o CL-0412.html
  poregrade report samples/isotherms/silica-gel-layer.csv -o silica.html --at-diameter 40

A lot file's analysis settings come from its "analysis" block; the isotherm options apply to isotherm files only.
The report needs no network: open it in any browser, or print it to PDF (A4 pages).`,
  );
  command.action(async (file: string, opts: ReportOptions) => {
    const common = { version: program.version() ?? 'unknown', generatedAt: opts.timestamp ? new Date().toISOString() : null };
    const bytes = file === '-' ? null : readInput(file, opts.maxFileSize).bytes;
    let source: ReportSource;
    let exitCode: number = EXIT.OK;
    if (bytes && isLotFile(file, bytes)) {
      const given = ISOTHERM_ONLY_OPTIONS.filter((name) => command.getOptionValueSource(name) === 'cli');
      if (given.length > 0) throw new UsageError(`isotherm options do not apply to a lot file (given: ${given.join(', ')})`, 'input', 'set them in the lot file\'s "analysis" block (lot-format.md)');
      source = gradedLotSource(file, opts.claims, { ...common, lotBytes: bytes });
    } else {
      if (opts.claims.length > 0) throw new UsageError('--claims grades a lot file; an isotherm file has no claims to grade', '--claims', 'write a lot file naming the isotherm (`poregrade lot template`)');
      const analysed = analyseIsothermFile(file, opts);
      exitCode = analysed.analysis.exitCode;
      source = { isotherm: analysed, ...common };
    }
    const page = await renderReport(buildReportModel(source));
    if (opts.output === '-') process.stdout.write(page);
    else writeReport(opts.output, page);
    process.exitCode = exitCode;
  });
}
