/**
 * The size range an input resolves: from the finest to the coarsest bin that holds at least a threshold share of
 * the input's own basis (default 0.1 %). A distribution converted to a lower power (volume → number) amplifies the
 * bins below that range by about (x_ref/x)³, so a number answer that draws on them is not trustworthy; one converted
 * to a higher power (number → volume) likewise amplifies the few coarse particles above it
 * (../shared/docs/science.md, "Conversion between types"; Malvern Mastersizer 3000 manual §5).
 */

export interface ResolvedRange {
  minNm: number;
  maxNm: number;
  firstBin: number;
  lastBin: number;
}

/** Relative slack so that a bin printed as exactly the threshold (0.100 %) counts as holding it. */
const THRESHOLD_SLACK = 1e-6;

/** The resolved range of `fraction` (sums to 1), or null when no bin reaches the threshold. */
export function resolvedRange(edgesNm: Float64Array, fraction: Float64Array, thresholdFraction: number): ResolvedRange | null {
  const floor = thresholdFraction * (1 - THRESHOLD_SLACK);
  let firstBin = -1;
  let lastBin = -1;
  for (let i = 0; i < fraction.length; i++) {
    if (fraction[i]! >= floor && fraction[i]! > 0) {
      if (firstBin < 0) firstBin = i;
      lastBin = i;
    }
  }
  if (firstBin < 0) return null;
  return { minNm: edgesNm[firstBin]!, maxNm: edgesNm[lastBin + 1]!, firstBin, lastBin };
}

/** The shares of a (derived) distribution in bins below and above a resolved range. */
export function shareOutside(fraction: Float64Array, range: ResolvedRange): { below: number; above: number } {
  let below = 0;
  let above = 0;
  for (let i = 0; i < range.firstBin; i++) below += fraction[i]!;
  for (let i = range.lastBin + 1; i < fraction.length; i++) above += fraction[i]!;
  return { below, above };
}
