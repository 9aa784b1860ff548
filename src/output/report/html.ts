/**
 * Building HTML without ever pasting an unescaped string into it. `html` is a tagged template: every interpolated
 * value is escaped unless it is already `Html` (the result of another `html` call, or `trustedSvg` for the charts
 * that vega rendered and escaped itself). A sample named `<script>alert(1)</script>` therefore always reaches the page
 * as text (OWASP XSS Prevention Cheat Sheet, rule 1: HTML-escape before inserting into element content or quoted
 * attribute values).
 */

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/**
 * SVG produced by vega's own SVG renderer, which escapes every text and attribute it writes (vega-scenegraph
 * markup); the one place where a string enters the page unescaped, so it is checked to be a single <svg> element.
 */
export function trustedSvg(svg: string): Html {
  if (!svg.startsWith('<svg') || !svg.endsWith('</svg>')) throw new Error('trustedSvg: not a single <svg> element');
  return new Html(svg);
}
