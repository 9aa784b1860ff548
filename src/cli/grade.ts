/** `poregrade grade LOT.json`: one lot, claim by claim, against the built-in claim sets or the ones named. */
import { Option, type Command } from 'commander';
import { analyzeLot } from '../analysis/lot-analysis.js';
import { gradeLot, type ClaimStatus } from '../claims/grade.js';
import { builtInClaimSets, resolveClaimSets } from '../claims/claim-set-registry.js';
import { loadLot } from '../claims/lot.js';
import { analysisSettingsFor } from '../claims/settings.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { renderClaimChart } from '../output/claim-chart.js';
import { toJson } from '../output/json.js';

const FAIL_ON: readonly ClaimStatus[] = ['not_met', 'undetermined'];

interface GradeOptions {
  claims: string[];
  json?: boolean;
  failOn?: ClaimStatus[];
}

/** --claims, repeatable, shared with `lot template`. */
export function claimsOption(): Option {
  return new Option('--claims <id|file>', 'a built-in claim set id (see `poregrade claims list`) or a claim-set file; repeat for several')
    .default([], 'every built-in set')
    .argParser((value: string, previous: string[]) => [...previous, value]);
}

export function parseFailOn(value: string): ClaimStatus[] {
  const statuses = value.split(',').map((s) => s.trim());
  for (const s of statuses) {
    if (!(FAIL_ON as readonly string[]).includes(s)) throw new UsageError(`"${s}" is not a status to fail on`, '--fail-on', `use ${FAIL_ON.join(', ')} or both, comma-separated`);
  }
  return statuses as ClaimStatus[];
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}

export function registerGrade(program: Command): void {
  program
    .command('grade')
    .description('grade one coating lot against patent claim sets: each claim met, not_met or undetermined, each element with its value, window, margin and source, or what is missing to decide')
    .argument('<lot>', 'lot file (JSON as in lot-format.md; `poregrade lot template` writes a skeleton); "-" reads standard input')
    .addOption(claimsOption())
    .option('--json', 'print the result as JSON (schema "poregrade/grade-result@1") instead of the claim chart')
    .option('--fail-on <statuses>', 'exit with 1 when some claim has one of these statuses: not_met, undetermined, or both comma-separated (default: exit 0 whenever the lot could be graded)', parseFailOn)
    .addHelpText(
      'after',
      `
A claim is met when every element passes and its parent claim is met ("any one of claims …": one parent suffices);
not_met when an element fails or no parent can be met; otherwise undetermined, with the lot names to add.
A verdict marked marginal is within the value's uncertainty of a limit.

Examples:
  poregrade grade lots/CL-0412.json
  poregrade grade lots/CL-0412.json --claims alumina-pigment-ink --claims my-set.json
  poregrade grade lots/CL-0412.json --json --fail-on not_met,undetermined > CL-0412.grade.json`,
    )
    .action((lotPath: string, options: GradeOptions) => {
      const lot = loadLot(lotPath);
      const sets = resolveClaimSets(options.claims);
      const analysisSettings = analysisSettingsFor(lot, sets);
      const result = gradeLot(lot, analyzeLot(lot, analysisSettings), analysisSettings, sets, builtInClaimSets());
      const failOn = options.failOn ?? [];
      const output = {
        ...result,
        settings: { claims: options.claims.length > 0 ? options.claims : sets.map((s) => s.id), fail_on: failOn, json: options.json === true, ...result.settings },
      };
      process.stdout.write(options.json ? `${toJson(output)}\n` : renderClaimChart(output, wantsColor()));
      if (failOn.some((status) => result.summary[status].length > 0)) process.exitCode = EXIT.CLAIM_FAILED;
    });
}
