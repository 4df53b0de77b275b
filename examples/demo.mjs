/**
 * `npm run demo`: a report of every metric, computed with the built library
 * from the sample data in examples/data/, then the same kind of numbers from
 * the built command line (dist/cli.js) on the sample CSV files, ending with
 * the HTML report of examples/report.yaml. Plain Node, no dependencies beyond
 * cxmetrics itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as cx from '../dist/index.js';

const data = (name) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));

const fmt = (value, unit) => {
  if (value === null) return 'n/a';
  if (unit === 'percent') return `${value}%`;
  if (unit === 'milliseconds') return duration(value);
  return String(value);
};

function duration(ms) {
  const minutes = Math.round(ms / 60000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h >= 24 ? `${Math.floor(h / 24)}d ${h % 24}h ${m}m` : `${h}h ${m}m`;
}

const line = (label, text) => console.log(`  ${label.padEnd(34)} ${text}`);
const heading = (text) => console.log(`\n${text}\n${'-'.repeat(text.length)}`);

const results = [];
const keep = (r) => {
  results.push(r);
  return r;
};

function surveys() {
  const { campaigns, csatLabels } = data('surveys.json');
  heading('Survey metrics, by campaign (examples/data/surveys.json)');
  const latest = [];
  for (const c of campaigns) {
    console.log(`\n campaign ${c.campaign} (sent ${c.sentAt})`);
    const n = cx.nps(c.npsScores, { missing: 'exclude', decimals: 1, interval: true });
    line(
      'NPS',
      `${fmt(n.value, n.unit)} points, 95% CI ${n.interval.lower} to ${n.interval.upper}  (promoters ${n.promoters.percent}%, passives ${n.passives.percent}%, detractors ${n.detractors.percent}%; ${n.total} answers, ${n.excluded} unanswered)`,
    );
    const s = cx.csat(c.csatResponses, { labels: csatLabels, decimals: 1, interval: true });
    line(
      'CSAT (satisfied or very satisfied)',
      `${fmt(s.value, s.unit)}, 95% CI ${s.interval.lower} to ${s.interval.upper}%  (mean ${s.mean} on 1-5; ${s.total} answers)`,
    );
    const e = cx.ces(c.cesResponses, { decimals: 1 });
    line('CES (easy, 6-7 on 1-7)', `${fmt(e.value, e.unit)}  (mean ${e.mean} on 1-7)`);
    const l = cx.loyaltyIndex(c.loyaltyAnswers, { decimals: 2, interval: true });
    line(
      'Customer loyalty index',
      `${l.value} of 30, 95% CI ${l.interval.lower} to ${l.interval.upper}  (recommend ${l.recommend}, repurchase ${l.repurchase}, upsell ${l.upsell}; ${l.total} respondents)`,
    );
    // Unrounded results for comparisons and target checks.
    latest.push({ nps: cx.nps(c.npsScores, { missing: 'exclude' }), csat: cx.csat(c.csatResponses, { labels: csatLabels }) });
  }
  const [before, after] = latest.slice(-2);
  console.log();
  for (const metric of ['nps', 'csat']) {
    const d = cx.compare(after[metric], before[metric], { decimals: 1 });
    const unit = metric === 'nps' ? 'points' : 'percentage points';
    line(
      `${metric.toUpperCase()} change, last two campaigns`,
      `${d.difference > 0 ? '+' : ''}${d.difference} ${unit}, 95% CI ${d.interval.lower} to ${d.interval.upper}, p = ${d.pValue}: ${d.significant ? 'larger than the noise' : 'within the noise'}`,
    );
  }
  keep(after.nps);
  keep(after.csat);
  const plan = cx.sampleSizeFor({ metric: 'nps', marginOfError: 5 });
  line('Answers for NPS within ±5 points', `${plan.value} (worst case, 95%)`);
  // Tallies of the campaigns merge into the tally of both.
  const both = campaigns.map((c) => cx.npsCounts(c.npsScores, { missing: 'exclude' })).reduce((a, b) => cx.mergeCounts(a, b));
  console.log();
  line(
    'NPS over both campaigns (merged)',
    `${cx.npsFromCounts(both, { decimals: 1 }).value} points from ${both.promoters + both.passives + both.detractors} answers`,
  );
}

function support() {
  const { tickets, businessHours, asOf } = data('tickets.json');
  heading('Support metrics (examples/data/tickets.json)');
  const f = cx.firstContactResolution(tickets, { decimals: 1, interval: true });
  line(
    'First contact resolution',
    `${fmt(f.value, f.unit)} of ${f.resolved} resolved tickets, 95% CI ${f.interval.lower} to ${f.interval.upper}% (repeat contact ${f.repeatContactPercent}%)`,
  );
  for (const w of f.warnings) line('  caution', w.message);
  const fAll = cx.firstContactResolution(tickets, { denominator: 'all', decimals: 1 });
  line('  over all tickets', `${fmt(fAll.value, fAll.unit)} of ${fAll.total}`);
  const calendar = cx.timeToResolution(tickets);
  line(
    'Time to resolution, calendar',
    `median ${fmt(calendar.median, 'milliseconds')}, p90 ${fmt(calendar.p90, 'milliseconds')} (${calendar.resolved} resolved, ${calendar.open} open left out)`,
  );
  const business = cx.timeToResolution(tickets, { businessHours });
  line(
    '  in business hours',
    `median ${fmt(business.median, 'milliseconds')}, mean ${fmt(business.mean, 'milliseconds')}, p90 ${fmt(business.p90, 'milliseconds')}`,
  );
  const censored = cx.timeToResolution(tickets, { businessHours, open: 'censor', asOf });
  line(
    '  open tickets censored at asOf',
    `median ${fmt(censored.median, 'milliseconds')}, p90 ${fmt(censored.p90, 'milliseconds')} (Kaplan-Meier, ${censored.open} open)`,
  );
  const first = cx.timeToResolution(tickets, { businessHours, resolution: 'first' });
  line('  to the first solve', `median ${fmt(first.median, 'milliseconds')}`);
}

function revenue() {
  const { customers, purchasesPerCustomer, upgrades, currency, period } = data('billing.json');
  heading(`Revenue and retention metrics, ${period.start} to ${period.end} (examples/data/billing.json)`);
  const m = cx.mrrMovements(customers);
  line(
    'MRR',
    `${m.startingMrr} -> ${m.endingMrr} ${currency} (new ${m.newMrr}, expansion ${m.expansionMrr}, reactivation ${m.reactivationMrr}, contraction ${m.contractionMrr}, churned ${m.churnedMrr})`,
  );
  const c = keep(cx.customerChurn(m));
  const ci = cx.customerChurn(m, { interval: true, decimals: 2 }).interval;
  line('Customer churn', `${fmt(c.value, c.unit)} (${c.customersLost} of ${c.customersAtStart} customers; 95% CI ${ci.lower} to ${ci.upper}%)`);
  for (const w of c.warnings) line('  caution', w.message);
  line('  as a yearly rate', fmt(cx.churnToAnnual(c.value, { decimals: 2 }).value, 'percent'));
  const g = keep(cx.mrrChurn(m));
  line('MRR churn (gross)', `${fmt(cx.mrrChurn(m, { decimals: 2 }).value, g.unit)} (includes ${g.includes.join(' and ')})`);
  const n = keep(cx.netMrrChurn(m));
  const nRounded = cx.netMrrChurn(m, { decimals: 2 });
  line('Net MRR churn', `${fmt(nRounded.value, n.unit)} (net revenue retention ${nRounded.netRevenueRetention}%, gross ${nRounded.grossRevenueRetention}%)`);
  const e = keep(cx.expansionRevenue(m, { decimals: 2 }));
  line('Expansion revenue', `${fmt(e.value, e.unit)} of last month's MRR`);
  const r = keep(cx.repurchaseRate(purchasesPerCustomer, { decimals: 1 }));
  const rr = cx.repurchaseRate(purchasesPerCustomer, { method: 'repurchases', decimals: 2 });
  line('Repurchase rate', `${fmt(r.value, r.unit)} of customers bought again; ${rr.value} repeat purchases per customer`);
  const u = keep(cx.upsellRatio(upgrades, { decimals: 2 }));
  line('Upsell ratio', `${u.value} (${u.upgraded} upgraded, ${u.notUpgraded} did not; upsell rate ${u.upsellPercent}%)`);
}

function targets() {
  heading('Targets from the sources');
  for (const check of cx.checkTargets(results)) {
    // Checked on the exact values; shown to two decimals.
    const shown = fmt(check.value === null ? null : Number(check.value.toFixed(2)), check.unit);
    const t = check.target;
    const verdict = t === null ? 'no target in the sources' : `target ${t.comparison} ${t.threshold}: ${check.status === 'missed' ? 'MISSED' : check.status}`;
    line(check.metric, `${shown.padEnd(10)} ${verdict}`);
  }
}

const signed = (x, digits = 1) => {
  const text = Math.abs(x).toFixed(digits);
  return Number(text) === 0 ? text : `${x < 0 ? '-' : '+'}${text}`;
};
const pText = (p) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

/** Month-to-month changes of a segment table, and the segments' trends, both Holm-adjusted. */
function changesAndTrend(table, unit) {
  const c = cx.changes(table);
  const raw = c.rows.filter((r) => r.comparison?.significant);
  const real = c.rows.filter((r) => r.significant);
  const name = (r) => `${r.key.region} ${r.against.period} -> ${r.period.label}`;
  const skipped = c.rows.filter((r) => r.flags.includes('below-min-count')).length;
  line('Month-to-month changes', `${c.comparisons} comparisons (${skipped} not made: a month below ${table.minCount} answers)`);
  line('  p < 0.05 before correction', raw.length === 0 ? 'none' : raw.map((r) => `${name(r)} (${signed(r.comparison.difference)})`).join(', '));
  line(
    "  after Holm's correction",
    real.length === 0
      ? `none${raw.length === 0 ? '' : ` (adjusted p of those: ${raw.map((r) => r.pAdjusted.toFixed(2)).join(', ')})`}`
      : real.map((r) => `${name(r)} (${signed(r.comparison.difference)}, adjusted p ${pText(r.pAdjusted)})`).join(', '),
  );
  const t = cx.trend(table);
  for (const r of t.rows) {
    const verdict = r.significant ? (r.slope > 0 ? 'rising' : 'falling') : 'within the noise';
    line(
      `Trend, ${r.key.region}`,
      `${signed(r.slope, 2)} ${unit} a month, 95% CI ${r.interval.lower.toFixed(2)} to ${r.interval.upper.toFixed(2)}, adjusted p ${pText(r.pAdjusted)} (${r.periods} months): ${verdict}`,
    );
  }
  line('', `(${t.rows[0].test} test; p-values adjusted by Holm over ${t.tests} regions)`);
}

function segments() {
  const { responses } = data('responses.json');
  heading('By segment and month (examples/data/responses.json)');
  const spec = { by: 'region', period: { field: 'answeredAt', unit: 'month', timeZone: 'Europe/Berlin' }, minCount: 30 };
  const nps = cx.segment(responses, { metric: 'nps', value: 'score', options: { interval: true, decimals: 0 }, ...spec });
  const regions = [...new Set(nps.rows.map((r) => r.key.region))];
  const months = [...new Set(nps.rows.map((r) => r.period.label))];
  const cell = (table, region, month) => table.rows.find((r) => r.key.region === region && r.period.label === month);
  console.log(`\n NPS by region and month in Europe/Berlin (${responses.length} answers), 95% CI; * fewer than 30 answers, not shown`);
  console.log(`  ${'month'.padEnd(9)}${regions.map((r) => r.padEnd(20)).join('')}`.trimEnd());
  for (const month of months) {
    const cells = regions.map((region) => {
      const { result, flags } = cell(nps, region, month);
      const text = flags.includes('below-min-count') ? `* (${result.total} answers)` : `${result.value} (${result.interval.lower} to ${result.interval.upper})`;
      return text.padEnd(20);
    });
    console.log(`  ${month.padEnd(9)}${cells.join('')}`.trimEnd());
  }
  console.log();
  changesAndTrend(nps, 'points');

  const csat = cx.segment(responses, { metric: 'csat', value: 'satisfaction', options: { decimals: 0 }, ...spec });
  console.log('\n CSAT (satisfied: 4 or 5 of 5) by region and month, %; * fewer than 30 answers');
  console.log(`  ${''.padEnd(6)}${months.map((m) => m.slice(5).padStart(4)).join('')}`);
  for (const region of regions) {
    const values = months.map((month) => {
      const { result, flags } = cell(csat, region, month);
      return (flags.includes('below-min-count') ? '*' : String(result.value)).padStart(4);
    });
    console.log(`  ${region.padEnd(6)}${values.join('')}`);
  }
  console.log();
  changesAndTrend(csat, 'percentage points');
}

/** Prints rows of cells in columns as wide as their widest cell: the first `left` columns left-aligned, the rest right-aligned. */
function columns(header, rows, left = 1) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const text = (cells) => cells.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  for (const cells of [header, ...rows]) console.log(`  ${text(cells)}`.trimEnd());
}

/** An exact amount with thousands separators: '12345.60' -> '12,345.60'. */
const money = (amount) => amount.replace(/\B(?=(\d{3})+(?!\d))/g, ',').replace(/(\.\d*),/g, '$1');
const pct = (value) => (value === null ? '-' : value.toFixed(1));
const marked = (label, flags) => `${label}${flags.includes('incomplete-period') ? '*' : ' '}`;

function mrrAndCohorts() {
  const { changes: cardLog, currency, asOf } = data('billing-changes.json');
  const { lines } = data('invoices.json');
  heading(`MRR and cohorts over time, ${currency} (examples/data/billing-changes.json and invoices.json)`);
  // Invoice lines become changes as of the export: the end of a service period still running is not known yet.
  const invoiced = cx.mrrFromInvoices(lines, { timeZone: 'Europe/Berlin', attributes: ['plan', 'region'], asOf });
  const log = [...cardLog, ...invoiced];
  const customers = new Set(log.map((c) => c.customerId)).size;
  const options = { period: { unit: 'month', timeZone: 'Europe/Berlin' }, asOf, reactivation: { within: 3 }, rates: { decimals: 1 } };
  console.log(
    ` ${log.length} changes of ${customers} customers (${invoiced.length} made from ${lines.length} invoice lines), months in Berlin time, log taken ${asOf}`,
  );
  console.log(' * the period holds asOf, its figures are partial; [a–b] a 95% Wilson interval; a return within 3 months is a reactivation, a later one new');

  const total = cx.mrrSeries(log, options);
  console.log('\n Monthly MRR movements, whole business (rates in %)');
  columns(
    ['month', 'starting', 'new', 'expansion', 'reactiv.', 'contraction', 'churned', 'ending', 'cust.churn', 'net churn', 'NRR', 'GRR'],
    total.rows.map((r) => [
      marked(r.period.label, r.flags),
      ...[r.startingMrr, r.newMrr, r.expansionMrr, r.reactivationMrr, r.contractionMrr, r.churnedMrr, r.endingMrr].map(money),
      ...[r.customerChurn, r.netMrrChurn, r.netRevenueRetention, r.grossRevenueRetention].map(pct),
    ]),
  );

  const byPlan = cx.mrrSeries(log, { ...options, by: 'plan' });
  const last3 = total.rows.slice(-3).map((r) => r.period.label);
  console.log('\n By plan, last three months: moves between plans as moved in / out (customers)');
  const withCount = (amount, n) => (n === 0 ? '-' : `${money(amount)} (${n})`);
  columns(
    ['month', 'plan', 'starting', 'new', 'expansion', 'reactiv.', 'moved in', 'contraction', 'churned', 'moved out', 'ending', 'NRR', 'GRR'],
    byPlan.rows
      .filter((r) => last3.includes(r.period.label))
      .sort((a, b) => a.period.label.localeCompare(b.period.label))
      .map((r) => [
        marked(r.period.label, r.flags),
        r.key.plan,
        ...[r.startingMrr, r.newMrr, r.expansionMrr, r.reactivationMrr].map(money),
        withCount(r.movedInMrr, r.customers.movedIn),
        ...[r.contractionMrr, r.churnedMrr].map(money),
        withCount(r.movedOutMrr, r.customers.movedOut),
        money(r.endingMrr),
        pct(r.netRevenueRetention),
        pct(r.grossRevenueRetention),
      ]),
    2,
  );

  const table = cx.cohorts(log, { period: { unit: 'quarter', timeZone: 'Europe/Berlin' }, horizon: 4, asOf, decimals: 1 });
  const ages = Array.from({ length: table.horizon + 1 }, (_, a) => a);
  console.log('\n Quarterly signup cohorts: customers still paying at the end of each quarter of age, % [95% CI]; then NRR / GRR %');
  columns(
    ['cohort', 'size', 'MRR at 0', ...ages.map((a) => `age ${a}`)],
    table.rows.flatMap((row) => {
      const cell = (a) => row.cells.find((c) => c.age === a);
      const retained = (c) => marked(`${c.percent.toFixed(1)}% [${c.interval.lower.toFixed(1)}–${c.interval.upper.toFixed(1)}]`, c.flags);
      const revenue = (c) => `${pct(c.netRevenueRetention)} / ${pct(c.grossRevenueRetention)} `;
      return [
        [row.cohort.label, String(row.customers), money(row.startingMrr), ...ages.map((a) => (cell(a) ? retained(cell(a)) : ''))],
        ['', '', 'NRR / GRR', ...ages.map((a) => (cell(a) ? revenue(cell(a)) : ''))],
      ];
    }),
  );
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs the built command line from the package folder, after printing its command line; its output goes to standard output, its messages to standard error. */
function cli(args) {
  console.log(`\n$ npx cxmetrics ${args.join(' ')}`);
  process.stdout.write(execFileSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
}

/** Command lines on the sample CSV files, as a user types them (no argument holds a space). */
const CLI_RUNS = [
  'nps examples/data/responses.csv --value score --by region --period quarter --time answered_at --tz Europe/Berlin --changes previous --format table',
  'ttr examples/data/tickets.csv --opened created_at --resolved solved_at --business-hours examples/data/business-hours.json --open censor --as-of 2026-04-07T18:00:00+02:00 --by channel --format table',
  'mrr examples/data/billing-changes.csv --customer customer_id --at at --mrr mrr --period quarter --tz Europe/Berlin --as-of 2025-06-20T12:00:00+02:00 --format table',
];

function commandLine() {
  heading('The command line on the sample CSV files (examples/data/*.csv)');
  for (const command of CLI_RUNS) cli(command.split(' '));

  heading('An HTML report of several metrics (examples/report.yaml)');
  // The config's `out` is output/report.html beside it; that folder is not in git, so it may not exist yet.
  const config = new URL('./report.yaml', import.meta.url);
  const out = fileURLToPath(new URL('./output/report.html', import.meta.url));
  mkdirSync(new URL('./output/', import.meta.url), { recursive: true });
  console.log(` one section per entry of ${fileURLToPath(config)}`);
  cli(['report', 'examples/report.yaml']);
  console.log(`\n The report is ${out}`);
  console.log(' One self-contained HTML file (inline CSS and SVG charts, no script): open it in any browser, with no network.');
}

console.log('cxmetrics demo report');
surveys();
support();
revenue();
targets();
segments();
mrrAndCohorts();
commandLine();
