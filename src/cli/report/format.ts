/**
 * How the report writes text and numbers into HTML: every text escaped, every
 * number as the caller rounded it, p-values to three significant digits, and a
 * dash where there is no number.
 */

/** What a missing number is shown as. */
export const DASH = '—';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML text content and for quoted attribute values: `&`,
 * `<`, `>`, `"` and `'` become character references.
 *
 * @example
 * escapeHtml(`<b title="x">Tom's</b>`) // => '&lt;b title=&quot;x&quot;&gt;Tom&#39;s&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A count, value or interval end as shown: `String(x)` exactly (the caller has
 * already rounded it), or {@link DASH} for `null`.
 *
 * @example
 * formatNumber(41.7) // => '41.7'
 * formatNumber(null) // => '—'
 */
export function formatNumber(x: number | null): string {
  return x === null ? DASH : String(x);
}

/**
 * A p-value as shown: three significant digits (`toPrecision(3)`), or
 * {@link DASH} for `null`.
 *
 * @example
 * formatP(0.000412345) // => '0.000412'
 * formatP(null) // => '—'
 */
export function formatP(p: number | null): string {
  return p === null ? DASH : p.toPrecision(3);
}

/**
 * A yes/no answer as shown: `'yes'`, `'no'`, or {@link DASH} for `null`.
 *
 * @example
 * formatBoolean(false) // => 'no'
 */
export function formatBoolean(b: boolean | null): string {
  return b === null ? DASH : b ? 'yes' : 'no';
}
