/**
 * The instrument's own results beside poregrade's, with the difference (issue 3, vendor reconciliation). Where the
 * two were not computed alike the row says why (other BET points, other cross-section, other liquid-volume factor)
 * so that a difference is explained rather than alarming; the pore volume is recomputed at the vendor's own p/p0
 * and branch, so that row compares like with like.
 */
import type { BetFit } from '../core/bet.js';
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
  bjh?: { adsorption?: BjhTotals; desorption?: BjhTotals };
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

/** BJH totals of one branch, as poregrade's BJH reports them (when it has run). */
export interface BjhTotals {
  cumulativeVolumeCm3PerG?: number;
  cumulativeAreaM2PerG?: number;
  averageDiameterNm?: number;
}

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

export function compareWithVendor(isotherm: Isotherm, ours: PoregradeResults): ComparisonRow[] {
  const vendor = isotherm.vendor;
  if (!vendor) return [];
  const rows: ComparisonRow[] = [];
  const fit = ours.betFit;
  const vb = vendor.bet;
  const sigma = ours.crossSectionNm2;
  const bjh = ours.bjh ?? {};
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
    const mine = bjh[name] ?? {};
    const pending = bjh[name] === undefined ? 'not computed by poregrade analyze' : null;
    if (theirs.cumulativeVolumeCm3PerG !== undefined) rows.push(row(`BJH ${name} cumulative volume`, 'cm³/g', theirs.cumulativeVolumeCm3PerG, mine.cumulativeVolumeCm3PerG ?? null, pending));
    if (theirs.cumulativeAreaM2PerG !== undefined) rows.push(row(`BJH ${name} cumulative area`, 'm²/g', theirs.cumulativeAreaM2PerG, mine.cumulativeAreaM2PerG ?? null, pending));
    if (theirs.averageDiameterNm !== undefined) rows.push(row(`BJH ${name} average diameter (4V/A)`, 'nm', theirs.averageDiameterNm, mine.averageDiameterNm ?? null, pending));
  }
  return rows;
}
