/** A particle size in words for messages and tables: nm below 1 µm, µm below 1 mm, mm above; four significant digits. */
export function formatSize(nm: number | null): string {
  if (nm === null || !Number.isFinite(nm)) return '—';
  const four = (x: number): string => Number(x.toPrecision(4)).toString();
  if (nm >= 1e6) return `${four(nm / 1e6)} mm`;
  if (nm >= 1000) return `${four(nm / 1000)} µm`;
  return `${four(nm)} nm`;
}
