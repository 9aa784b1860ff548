/** Plain aligned text tables and number formatting for the terminal views. */

export function fmt(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(digits - 1);
  return value.toPrecision(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** Aligns rows of cells into columns; the first row is the header. ANSI colour codes are ignored for widths. */
export function table(rows: string[][], indent = '  '): string {
  const visible = (s: string): number => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visible(cell))));
  return rows.map((row) => indent + row.map((cell, i) => cell + ' '.repeat(widths[i]! - visible(cell))).join('  ').trimEnd()).join('\n');
}
