/**
 * The instrument's own results beside poregrade's, with the difference (issue 3, vendor reconciliation). Where the
 * two were not computed alike the row says why (other BET points, other cross-section, other liquid-volume factor)
 * so that a difference is explained rather than alarming; the pore volume is recomputed at the vendor's own p/p0
 * and branch, so that row compares like with like.
 */
import type { BetFit } from '../core/bet.js';
import type { BjhJson } from './bjh-report.js';
import { LIQUID_VOLUME_FACTOR_N2 } from '../core/constants.js';
import { gurvichPoreVolume } from '../core/pore-volume.js';
import { ADSORPTION, branchPoints, DESORPTION, type Isotherm } from '../model/isotherm.js';
import { sig } from '../output/json.js';

/** What poregrade computed, as the comparison needs it. */
export interface PoregradeResults {
  betFit: BetFit | null;
  /** How the BET range was chosen: auto, fixed or vendor. */
  rangeSelection: string;
  crossSectionNm2: number;
  poreVolumeAt: number;
  liquidVolumeFactor: number;
  /** Absent when BJH has not run (the comparison then shows the vendor's values alone). */
  bjh?: BjhOutcome;
}

export interface ComparisonRow {
  quantity: string;
  unit: string;
  vendor: number;
  /** null when poregrade did not compute it (e.g. no valid BET range). */
  poregrade: number | null;
  /** poregrade − vendor. */
  difference: number | null;
  difference_percent: number | null;
  note: string | null;
}

/** What poregrade's BJH reported (the analyze record's `bjh`), as far as the comparison needs it. */
export type BjhOutcome = Pick<BjhJson, 'branch' | 'thickness_model' | 'correction' | 'liquid_volume_factor' | 'cumulative_volume_cm3_g' | 'cumulative_area_m2_g' | 'average_diameter_nm'>;

function row(quantity: string, unit: string, vendor: number, poregrade: number | null, note: string | null = null): ComparisonRow {
  const difference = poregrade === null ? null : poregrade - vendor;
  return {
    quantity,
    unit,
    vendor,
    poregrade: sig(poregrade),
    difference: sig(difference, 6),
    difference_percent: difference === null || vendor === 0 ? null : sig((difference / vendor) * 100, 4),
    note,
  };
}

function sortedBranch(isotherm: Isotherm, branch: typeof ADSORPTION | typeof DESORPTION): { x: Float64Array; q: Float64Array } {
  const points = branchPoints(isotherm, branch);
  const order = Array.from(points.relativePressure.keys()).sort((a, b) => points.relativePressure[a]! - points.relativePressure[b]!);
  return { x: Float64Array.from(order, (i) => points.relativePressure[i]!), q: Float64Array.from(order, (i) => points.loadingCm3StpPerG[i]!) };
}

/** The inputs of the comparison from an analysis and its settings (BJH added by the caller when it has run). */
export function poregradeResults(analysis: { betFit: BetFit | null; bet: Record<string, unknown> }, settings: { poreVolumeAt: number; liquidVolumeFactor: number }): PoregradeResults {
  return {
    betFit: analysis.betFit,
    rangeSelection: String(analysis.bet.range_selection),
    crossSectionNm2: analysis.bet.cross_section_nm2 as number,
    poreVolumeAt: settings.poreVolumeAt,
    liquidVolumeFactor: settings.liquidVolumeFactor,
  };
}

export function compareWithVendor(isotherm: Isotherm, ours: PoregradeResults): ComparisonRow[] {
  const vendor = isotherm.vendor;
  if (!vendor) return [];
  const rows: ComparisonRow[] = [];
  const fit = ours.betFit;
  const vb = vendor.bet;
  const sigma = ours.crossSectionNm2;
  const vendorDensity = vendor.bjh?.settings?.['adsorption density conversion factor'] ?? vendor.bjh?.settings?.['desorption density conversion factor'];

  if (vb?.areaM2PerG !== undefined) {
    const notes: string[] = [];
    if (fit && ours.rangeSelection !== 'vendor' && vb.relativePressureMin !== undefined && vb.relativePressureMax !== undefined) {
      const same = fit.points === (vb.relativePressures?.length ?? -1) && Math.abs(fit.relativePressureMin - vb.relativePressureMin) <= 1e-9 && Math.abs(fit.relativePressureMax - vb.relativePressureMax) <= 1e-9;
      if (!same) {
        const theirs = `${vb.relativePressureMin.toPrecision(3)}–${vb.relativePressureMax.toPrecision(3)}${vb.relativePressures ? ` (${vb.relativePressures.length} points)` : ''}`;
        notes.push(`other points: poregrade p/p0 ${fit.relativePressureMin.toPrecision(3)}–${fit.relativePressureMax.toPrecision(3)} (${fit.points} points), vendor ${theirs}; --bet-range vendor fits the vendor's`);
      }
    }
    if (vb.crossSectionNm2 !== undefined && Math.abs(vb.crossSectionNm2 - sigma) > 1e-9) notes.push(`vendor cross-section ${vb.crossSectionNm2} nm², poregrade ${sigma} nm²`);
    rows.push(row('BET area', 'm²/g', vb.areaM2PerG, fit?.areaM2PerG ?? null, notes.join('; ') || null));
  }
  if (vb?.c !== undefined) rows.push(row('BET C', '', vb.c, fit?.c ?? null));
  if (vb?.monolayerCm3StpPerG !== undefined) rows.push(row('monolayer n_m', 'cm³(STP)/g', vb.monolayerCm3StpPerG, fit?.monolayerCm3StpPerG ?? null));

  const tpv = vendor.totalPoreVolume;
  if (tpv) {
    const branch = tpv.branch === 'desorption' ? DESORPTION : ADSORPTION;
    const at = tpv.relativePressure ?? ours.poreVolumeAt;
    const { x, q } = sortedBranch(isotherm, branch);
    const mine = gurvichPoreVolume(x, q, at, ours.liquidVolumeFactor);
    const notes = [`both at p/p0 ${at}${tpv.relativePressure === undefined ? ' (the vendor does not say where: poregrade\'s --pore-volume-at)' : ''}, ${branch === DESORPTION ? 'desorption' : 'adsorption'} branch`];
    if (mine.method === 'highest-point') notes.push(`poregrade at its highest point, p/p0 ${mine.relativePressure!.toPrecision(4)}`);
    const density = vendorDensity === undefined ? null : Number(vendorDensity);
    if (density !== null && Number.isFinite(density) && Math.abs(density - ours.liquidVolumeFactor) > 1e-9) {
      notes.push(`vendor density conversion factor ${density}, poregrade ${ours.liquidVolumeFactor}`);
    } else if (isotherm.adsorbate !== 'nitrogen' && ours.liquidVolumeFactor === LIQUID_VOLUME_FACTOR_N2) {
      notes.push(`poregrade's liquid-volume factor ${LIQUID_VOLUME_FACTOR_N2} is nitrogen's; --liquid-factor sets the ${isotherm.adsorbate} one`);
    }
    rows.push(row('total pore volume', 'cm³/g', tpv.cm3PerG, mine.totalCm3PerG, notes.join('; ')));
  }

  for (const name of ['adsorption', 'desorption'] as const) {
    const theirs = vendor.bjh?.[name];
    if (!theirs) continue;
    const mine = ours.bjh?.branch === name ? ours.bjh : undefined;
    const note = mine ? bjhSettingsNote(vendor.bjh?.settings ?? {}, name, mine) : ours.bjh ? `poregrade's BJH ran on the ${ours.bjh.branch} branch (--bjh-branch)` : 'BJH not run';
    if (theirs.cumulativeVolumeCm3PerG !== undefined) rows.push(row(`BJH ${name} cumulative volume`, 'cm³/g', theirs.cumulativeVolumeCm3PerG, mine?.cumulative_volume_cm3_g ?? null, note));
    if (theirs.cumulativeAreaM2PerG !== undefined) rows.push(row(`BJH ${name} cumulative area`, 'm²/g', theirs.cumulativeAreaM2PerG, mine?.cumulative_area_m2_g ?? null, note));
    if (theirs.averageDiameterNm !== undefined) rows.push(row(`BJH ${name} average diameter (4V/A)`, 'nm', theirs.averageDiameterNm, mine?.average_diameter_nm ?? null, note));
  }
  return rows;
}

/** The vendor's printed BJH settings next to poregrade's, where they differ (thickness curve, correction, factor). */
function bjhSettingsNote(settings: Record<string, string>, branch: string, mine: BjhOutcome): string | null {
  const theirs = (key: string): string | undefined => settings[`${branch} ${key}`];
  const notes: string[] = [];
  const curve = theirs('thickness curve');
  if (curve && curve.toLowerCase().replace(/ and /, '-').replace(/\s+/g, '-') !== mine.thickness_model) notes.push(`vendor thickness ${curve}, poregrade ${mine.thickness_model}`);
  const correction = theirs('correction');
  if (correction && !correction.toLowerCase().startsWith(mine.correction)) notes.push(`vendor ${correction}, poregrade ${mine.correction}`);
  const density = Number(theirs('density conversion factor'));
  if (Number.isFinite(density) && density > 0 && Math.abs(density - mine.liquid_volume_factor) > 1e-9) notes.push(`vendor density conversion factor ${density}, poregrade ${mine.liquid_volume_factor}`);
  return notes.length > 0 ? notes.join('; ') : null;
}
