import { describe, expect, it } from 'vitest';
import { DASH, escapeHtml, formatBoolean, formatNumber, formatP } from '../../../src/cli/report/format.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<b title="x">Tom's</b>`)).toBe('&lt;b title=&quot;x&quot;&gt;Tom&#39;s&lt;/b&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('EU / pro — ü')).toBe('EU / pro — ü');
    expect(escapeHtml('')).toBe('');
  });
});

describe('formatNumber', () => {
  it('shows a number as String(x), and null as a dash', () => {
    expect(formatNumber(41.7)).toBe('41.7');
    expect(formatNumber(null)).toBe('—');
    expect(DASH).toBe('—');
    expect([0, -3.25, 1e21, 0.1 + 0.2].map(formatNumber)).toStrictEqual(['0', '-3.25', '1e+21', '0.30000000000000004']);
  });
});

describe('formatP', () => {
  it('shows a p-value to three significant digits, and null as a dash', () => {
    expect(formatP(0.000412345)).toBe('0.000412');
    expect(formatP(null)).toBe('—');
    expect([1, 0.05, 0.0499999, 1.234e-9, 0].map(formatP)).toStrictEqual(['1.00', '0.0500', '0.0500', '1.23e-9', '0.00']);
  });
});

describe('formatBoolean', () => {
  it('shows yes, no, or a dash', () => {
    expect(formatBoolean(false)).toBe('no');
    expect([true, false, null].map(formatBoolean)).toStrictEqual(['yes', 'no', '—']);
  });
});
