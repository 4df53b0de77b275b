/**
 * The report's stylesheet, inlined in its `<head>`: system fonts only, charts
 * that shrink with the window, tables with tabular figures, significant rows
 * highlighted, flags as badges and cells below the minimum count greyed.
 */
import { COLORS } from './charts.js';

/** The CSS of the report page. */
export const REPORT_CSS = `
:root { color-scheme: light; --text: ${COLORS.text}; --muted: #6a737d; --rule: #d8dee4; --sig: ${COLORS.significant}; --sig-bg: #fdf1e7; --value: ${COLORS.value}; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 24px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); background: #fff; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; color: var(--muted); }
nav ul { margin: 12px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; }
a { color: var(--value); }
section.report-section { margin-top: 32px; padding-top: 16px; border-top: 2px solid var(--rule); }
section.report-section h2 { margin: 0 0 6px; font-size: 19px; }
dl.meta { display: flex; flex-wrap: wrap; gap: 2px 20px; margin: 0 0 12px; color: var(--muted); }
dl.meta div { display: flex; gap: 6px; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0 0 10px; color: var(--muted); font-size: 13px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 18px; height: 10px; }
.swatch.line { height: 2px; background: var(--value); }
.swatch.band { background: ${COLORS.band}; }
.swatch.sig { width: auto; height: auto; color: var(--sig); }
.swatch.hollow, .swatch.weak { width: 9px; height: 9px; border: 2px solid var(--value); border-radius: 50%; }
.swatch.weak { border-color: ${COLORS.flagged}; }
.section-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 20px; align-items: start; }
@media (min-width: 1200px) { .section-body { grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr); } }
.tables { overflow-x: auto; }
.trend-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 8px; }
figure { margin: 0 0 12px; }
figure svg { display: block; width: 100%; max-width: 100%; height: auto; }
figure.dot-plot svg { max-width: 640px; }
figcaption { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 0 0 16px; font-variant-numeric: tabular-nums; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; padding: 0 0 6px; }
th, td { padding: 3px 4px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--rule); vertical-align: bottom; }
tbody th { font-weight: 500; min-width: 6em; overflow-wrap: anywhere; }
td.period { white-space: nowrap; }
.num { text-align: right; }
td.num { white-space: nowrap; }
tr.significant { background: var(--sig-bg); }
tr.significant th { box-shadow: inset 3px 0 0 var(--sig); }
.marker { color: var(--sig); font-weight: 600; white-space: nowrap; }
tr.below-min-count td.num { color: #9aa0a6; font-style: italic; }
.badge { display: inline-block; margin: 0 4px 0 0; padding: 0 6px; line-height: 1.5; border-radius: 9px; border: 1px solid var(--rule); background: #f3f4f6; color: #3b4149; font-size: 11px; white-space: nowrap; }
.badge[data-flag="below-min-count"] { background: #eceef1; color: #6a737d; }
.badge[data-flag="incomplete-period"] { background: #fff8db; border-color: #ecd97a; }
.badge[data-flag="no-baseline"] { background: #eef4fb; border-color: #c6d8ee; }
ul.notes { margin: 4px 0 0; padding-left: 20px; color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { body { padding: 0; } .section-body { grid-template-columns: minmax(0, 1fr); } section.report-section { break-inside: avoid-page; } }
`;
