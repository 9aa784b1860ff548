/**
 * Reading vega's SVG back: the items of a named mark (vega-lite layer `name: 'peak'` → class `peak_marks`) and where
 * they were drawn, in the coordinates of the plot group, which are the coordinates the chart's scales map into.
 */

/** The inner markup of the mark group `${name}_marks`; throws when the chart has no such mark. */
export function markGroup(svg: string, name: string): string {
  const match = new RegExp(`<g class="mark-\\w+ role-mark ${name}_marks"[^>]*>(.*?)</g>`, 's').exec(svg);
  if (!match) throw new Error(`no mark named ${name} in the SVG`);
  return match[1]!;
}

/** translate(x, y) of each item (rules, symbols, text). */
export function translations(markup: string): { x: number; y: number }[] {
  return [...markup.matchAll(/transform="translate\(([-\d.e]+),([-\d.e]+)\)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

/** Left edge and width of each rect item (vega draws rects as `M x,y h w v h h -w Z`). */
export function rects(markup: string): { x: number; width: number }[] {
  return [...markup.matchAll(/<path[^>]* d="M([-\d.e]+),([-\d.e]+)h([-\d.e]+)v/g)].map((m) => ({ x: Number(m[1]), width: Number(m[3]) }));
}

/** Vertices of each line item's path (M x,y L x,y …). */
export function linePoints(markup: string): { x: number; y: number }[] {
  const d = /<path[^>]* d="([^"]+)"/.exec(markup)?.[1] ?? '';
  return [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}
