/**
 * Points that real instrument exports contain but a normalised isotherm cannot hold (buildIsotherm rejects them).
 * Seen in the BELSORP and Quantachrome files of ../shared/data/isotherms/parser-conformance:
 * - a negative absolute pressure on the first doses (the transducer's zero offset near vacuum; DUT-67-N2_77K.DAT);
 * - a negative amount on the first dose (a dead-volume error larger than the uptake; DUT-13_CH4_111K.DAT);
 * - the same pressure twice in one branch (bulk condensation at a pressure plateau, DUT-13_CH4_111K.DAT; a repeated
 *   last desorption point, BF001 DUT-13 Raw Analysis Data).
 * Such points carry no usable information for BET/BJH, so the vendor readers drop them and say which, by line, in the
 * isotherm's assumptions. Generic readers do not call this: a hand-made CSV with these points is an error to fix.
 */
import { DESORPTION } from '../../model/isotherm.js';
import { emptyPoints, type PointList } from './build.js';

export interface ScreenedPoints {
  points: PointList;
  /** One sentence per kind of point dropped, naming the lines (or rows); empty when nothing was dropped. */
  assumptions: string[];
}

/** Drops negative pressures, negative amounts and repeated pressures (keeping the later point) from `points`. */
export function dropInstrumentArtefacts(points: PointList, place: 'line' | 'row' = 'line'): ScreenedPoints {
  const n = points.relativePressure.length;
  const drop = new Array<string | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (points.relativePressure[i]! < 0) drop[i] = 'negative';
    else if (points.loadingCm3StpPerG[i]! < 0) drop[i] = 'negativeLoading';
  }
  // A pressure seen again later in the same branch: the later point is the better equilibrated one.
  const lastIndex = [new Map<number, number>(), new Map<number, number>()];
  for (let i = 0; i < n; i++) {
    if (drop[i] !== null) continue;
    lastIndex[points.branch[i] === DESORPTION ? 1 : 0]!.set(points.relativePressure[i]!, i);
  }
  for (let i = 0; i < n; i++) {
    if (drop[i] !== null) continue;
    if (lastIndex[points.branch[i] === DESORPTION ? 1 : 0]!.get(points.relativePressure[i]!) !== i) drop[i] = 'repeated';
  }

  const kept = emptyPoints();
  const dropped: Record<string, string[]> = { negative: [], negativeLoading: [], repeated: [] };
  for (let i = 0; i < n; i++) {
    const why = drop[i];
    if (why) {
      dropped[why]!.push(String(points.line[i] ?? `#${i + 1}`));
      continue;
    }
    kept.relativePressure.push(points.relativePressure[i]!);
    kept.loadingCm3StpPerG.push(points.loadingCm3StpPerG[i]!);
    kept.branch.push(points.branch[i]!);
    kept.line.push(points.line[i]);
  }
  const where = (list: string[]): string => `${place}${list.length > 1 ? 's' : ''} ${list.join(', ')}`;
  const assumptions: string[] = [];
  if (dropped.negative!.length) {
    assumptions.push(`dropped ${count(dropped.negative!)} with a negative pressure (the pressure transducer's zero offset near vacuum) at ${where(dropped.negative!)}`);
  }
  if (dropped.negativeLoading!.length) {
    assumptions.push(`dropped ${count(dropped.negativeLoading!)} with a negative amount adsorbed (a dead-volume error larger than the uptake) at ${where(dropped.negativeLoading!)}`);
  }
  if (dropped.repeated!.length) {
    assumptions.push(`dropped ${count(dropped.repeated!)} whose relative pressure is repeated later in the same branch (the later, longer-equilibrated point is kept) at ${where(dropped.repeated!)}`);
  }
  return { points: kept, assumptions };
}

function count(list: string[]): string {
  return list.length === 1 ? '1 point' : `${list.length} points`;
}
