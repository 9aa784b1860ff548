/**
 * From a file's amounts to cm³(STP)/g, with the sample mass the file states and the one the user gives (--mass).
 * Shared by the vendor readers whose files carry a sample weight (BELSORP, Quantachrome).
 */
import { InputError, type ErrorLocation } from '../../errors.js';
import type { LoadingUnit } from '../units.js';
import type { IsothermReadOptions } from './reader.js';

/**
 * Multiplier from the file's amounts to cm³(STP)/g, and the sample mass to report. Per-gram amounts with a user
 * --mass are re-based from the file's mass (a weight correction after re-weighing); total amounts need a mass.
 */
export function loadingScale(unit: LoadingUnit, fileMassG: number | null, options: IsothermReadOptions, massWhere: ErrorLocation): { factor: number; massG: number | null; assumption?: string } {
  const userMass = options.massG;
  if (unit.perGram) {
    if (userMass === undefined || userMass === fileMassG) return { factor: unit.toCm3Stp, massG: fileMassG };
    if (fileMassG === null) {
      return { factor: unit.toCm3Stp, massG: null, assumption: `--mass ${userMass} g not applied: the amounts are per gram and the file states no sample mass to re-base them from` };
    }
    return {
      factor: (unit.toCm3Stp * fileMassG) / userMass,
      massG: userMass,
      assumption: `per-gram amounts re-based from the file's sample mass ${fileMassG} g to --mass ${userMass} g`,
    };
  }
  const mass = userMass ?? fileMassG;
  if (mass === null) throw new InputError('E_MISSING_MASS', 'the amounts are totals for the sample but the file states no sample weight', massWhere);
  return { factor: unit.toCm3Stp / mass, massG: mass };
}
