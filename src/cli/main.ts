/**
 * The command line. Thin: it parses options, calls io/ → core/ → output/, prints, and maps errors to one line and
 * an exit code. Each command lives in its own module and registers itself here.
 */
import { Command, CommanderError } from 'commander';
import { PoregradeError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

type Register = (program: Command) => void;

/**
 * The commands, in help order. Each is imported only when it runs (or for help): a call runs one command, and loading
 * all of them — claim sets, reports, batches — cost ~45 ms of every `analyze`.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  analyze: async () => (await import('./analyze.js')).registerAnalyze,
  psd: async () => (await import('./psd.js')).registerPsd,
  grade: async () => (await import('./grade.js')).registerGrade,
  batch: async () => (await import('./batch.js')).registerBatch,
  report: async () => (await import('./report.js')).registerReport,
  claims: async () => (await import('./claims.js')).registerClaims,
  lot: async () => (await import('./lot.js')).registerLot,
  formats: async () => (await import('./formats.js')).registerFormats,
};

export const VERSION = '0.1.0';

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('poregrade')
    .version(VERSION)
    .description('Pore structure (BET, BJH, pore volume) and particle-size distributions of inkjet recording media, graded against patent claim windows.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .addHelpText(
      'after',
      `
Exit codes:
  0  success            2  usage or input error
  1  --fail-on matched  3  batch: some lots could not be read
  4  no BET range satisfies the consistency criteria

Examples:
  poregrade analyze samples/isotherms/silica-gel-layer.csv
  poregrade analyze export.csv --json --bet-range 0.05:0.30 > result.json
  poregrade grade samples/lots/CL-2026-0412-meets.json
  poregrade batch lots.csv --out results.ndjson`,
    );
  const name = argv[0];
  const wanted = name !== undefined && name in COMMANDS ? [name] : Object.keys(COMMANDS);
  for (const command of wanted) (await COMMANDS[command]!())(program);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it in-process. */
export async function run(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (error) {
    return reportError(error);
  }
}

export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are normal exits; commander has already printed the message.
    return error.exitCode === 0 ? EXIT.OK : EXIT.INPUT;
  }
  if (error instanceof PoregradeError) {
    process.stderr.write(`poregrade: ${error.format()}\n`);
    return error.exitCode;
  }
  // A bug, not a user error: still one line, but say so and how to get the detail.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`poregrade: internal error: ${message} (please report it; set POREGRADE_DEBUG=1 for the stack)\n`);
  if (process.env.POREGRADE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 70;
}
