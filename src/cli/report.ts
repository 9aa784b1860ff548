/**
 * `poregrade report INPUT -o report.html`: one self-contained HTML report (plots as inline SVG, print-ready) of an
 * isotherm file. The file is written whole or not at all.
 */
import { Command, Option } from 'commander';
import { addBjhOptions, bjhSettingsFromOptions } from '../analysis/bjh-report.js';
import { analyzeFileWithIsotherm } from '../batch/analyze-task.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { buildReportModel, type AnalysedIsotherm } from '../output/report/build-model.js';
import { renderReport } from '../output/report/page.js';
import { addIsothermAnalysisOptions, addIsothermInputOptions, isothermSettingsFrom, readOptionsFrom, settingsJson, type AnalyzeOptions } from './analyze.js';

interface ReportOptions extends Omit<AnalyzeOptions, 'json'> {
  output: string;
  timestamp: boolean;
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

export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .description('write a self-contained HTML report (isotherm, BET, BJH, particle sizes, claims; plots as SVG; prints to A4)')
    .argument('<input>', 'an isotherm file (any supported export; - reads standard input)')
    .requiredOption('-o, --output <file>', 'the HTML file to write (- for standard output)')
    .addOption(new Option('--no-timestamp', 'leave the generation time out, so identical inputs give identical files'));
  addIsothermInputOptions(command);
  addIsothermAnalysisOptions(command);
  addBjhOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  poregrade report samples/isotherms/silica-gel-layer.csv -o silica.html
  poregrade report run.csv --bet-range 0.05:0.30 -o run.html

The report needs no network: open it in any browser, or print it to PDF (A4 pages).`,
  );
  command.action(async (file: string, opts: ReportOptions) => {
    const analysed = analyseIsothermFile(file, opts);
    const model = buildReportModel({ isotherm: analysed, version: program.version() ?? 'unknown', generatedAt: opts.timestamp ? new Date().toISOString() : null });
    const page = await renderReport(model);
    if (opts.output === '-') process.stdout.write(page);
    else writeFileAtomic(opts.output, page);
    process.exitCode = analysed.analysis.exitCode;
  });
}
