/**
 * A run's results as a section of the HTML report, for each kind of table
 * a command writes (segments, the MRR series, cohorts) and with trends:
 * each row of the section against the row of the JSON output of the same
 * run, and the section's title.
 */
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, type Command } from '../../src/cli/commands.js';
import { reportSection } from '../../src/cli/report-sections.js';
import { parseCommand, runPlan } from '../../src/cli/session.js';
import { emptyStats } from '../../src/cli/tally-file.js';
import { data, scratch } from './files.js';
import { cx } from './in-process.js';

vi.setConfig({ testTimeout: 30_000 });

const { file } = scratch('cxmetrics-sections-');

/** The section of a run of `name` with `argv`, and the rows of the same run's JSON output. */
async function run(name: string, ...argv: string[]) {
  const command = COMMANDS.get(name) as Command;
  const sink = { write: () => true };
  const outcome = await runPlan(command.plan(parseCommand(command, argv)), { stdout: sink, stderr: sink }, true, emptyStats());
  const section = reportSection(outcome, `${name}-1`, ['a note']);
  const r = await cx(name, ...argv, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  const output = JSON.parse(r.stdout) as { rows: Record<string, unknown>[]; trends?: Record<string, unknown>[] };
  return { section, rows: output.rows, trends: output.trends ?? null };
}

const BILLING = '--customer customer_id --at at --mrr mrr --period quarter --tz Europe/Berlin --as-of 2025-06-20T12:00:00+02:00'.split(' ');

describe('reportSection', () => {
  it('segments by two columns per month, with changes and trends: every number of the output row, and the segments’ trends', async () => {
    const { section, rows, trends } = await run(
      'nps',
      data('responses.csv'),
      ...'--value score --by region,plan --period month --time answered_at --tz Europe/Berlin --changes previous --trend'.split(' '),
    );
    expect(section).toMatchObject({
      id: 'nps-1',
      title: 'NPS (points) by region, plan, per month',
      valueLabel: 'NPS (points)',
      by: ['region', 'plan'],
      periodUnit: 'month',
      notes: ['a note'],
      changes: { against: 'previous', adjust: 'holm' },
    });
    expect(section.rows).toStrictEqual(
      rows.map((row) => ({
        segment: `${row.region} / ${row.plan}`,
        key: { region: row.region, plan: row.plan },
        period: row.period,
        n: row.n,
        value: row.value,
        lower: row.lower,
        upper: row.upper,
        p: row.p,
        pAdjusted: row.p_adjusted,
        significant: row.significant,
        flags: row.flags,
      })),
    );
    // The sample has values, intervals and both outcomes of the tests, so every field above is checked on real numbers.
    expect(section.rows.some((r) => r.p !== null && r.significant === false)).toBe(true);
    expect(section.rows.some((r) => r.lower !== null && r.flags.length > 0)).toBe(true);
    expect(section.trends).toStrictEqual(
      (trends ?? []).map((t) => ({
        segment: `${t.region} / ${t.plan}`,
        slope: t.slope,
        lower: t.lower,
        upper: t.upper,
        pAdjusted: t.p_adjusted,
        significant: t.significant,
        unit: 'per month',
      })),
    );
    expect(section.trends?.some((t) => t.slope !== null && t.lower !== null)).toBe(true);
  });

  it('no segments and no periods: one row named all, and the title says only what is measured', async () => {
    const { section, rows } = await run('csat', data('responses.csv'), '--value', 'satisfaction', '--scale', '1-5');
    expect(section.title).toBe('CSAT (% satisfied)');
    expect(section.periodUnit).toBeNull();
    expect(section.trends).toBeNull();
    expect(section.changes).toBeNull();
    expect(section.rows).toStrictEqual([
      {
        segment: 'all',
        key: {},
        period: null,
        n: rows[0]!.n,
        value: rows[0]!.value,
        lower: rows[0]!.lower,
        upper: rows[0]!.upper,
        p: null,
        pAdjusted: null,
        significant: null,
        flags: [],
      },
    ]);
  });

  it('label periods name the period label in the title and in the trend unit', async () => {
    const path = file('waves.csv', 'wave,score\nw1,9\nw1,10\nw1,3\nw2,9\nw2,6\nw2,10\nw3,10\nw3,10\nw3,2\n');
    const { section, rows } = await run('nps', path, '--value', 'score', '--period', 'label', '--time', 'wave', '--trend');
    expect(section.title).toBe('NPS (points), per period label');
    expect(section.rows.map((r) => [r.segment, r.period, r.n, r.value])).toStrictEqual(rows.map((r) => ['all', r.period, r.n, r.value]));
    expect(section.trends?.map((t) => [t.segment, t.unit])).toStrictEqual([['all', 'per label']]);
  });

  it('the MRR series: the ending MRR, written as a decimal, as the value and the customers at the end as n, without intervals', async () => {
    const { section, rows } = await run('mrr', data('billing-changes.csv'), ...BILLING, '--by', 'region');
    expect(section.title).toBe('MRR by region, per quarter');
    expect(section.rows.map((r) => [r.segment, r.period, r.n, r.value, r.lower, r.upper, r.flags])).toStrictEqual(
      rows.map((r) => [r.region, r.period, r.customers_at_end, Number(r.ending_mrr), null, null, r.flags]),
    );
    expect(rows.every((r) => typeof r.ending_mrr === 'string')).toBe(true);
  });

  it('churn: the customers at the start as n and the churn rate with its interval', async () => {
    const { section, rows } = await run('churn', data('billing-changes.csv'), ...BILLING);
    expect(section.title).toBe('Customer churn (%), per quarter');
    expect(section.rows.map((r) => [r.segment, r.period, r.n, r.value, r.lower, r.upper])).toStrictEqual(
      rows.map((r) => ['all', r.period, r.n, r.value, r.lower, r.upper]),
    );
  });

  it('cohorts: a segment per cohort, under the by-segment when there is one; the share retained as the value', async () => {
    const whole = await run('mrr', data('billing-changes.csv'), ...BILLING, '--cohorts', '--horizon', '2');
    expect(whole.section.title).toBe('Customers retained (%), per quarter');
    expect(whole.section.rows.map((r) => [r.segment, r.period, r.n, r.value, r.lower, r.upper])).toStrictEqual(
      whole.rows.map((r) => [`cohort ${r.cohort}`, r.period, r.customers, r.percent, r.lower, r.upper]),
    );
    const byPlan = await run('mrr', data('billing-changes.csv'), ...BILLING, '--cohorts', '--horizon', '1', '--by', 'plan');
    expect(byPlan.section.rows.map((r) => r.segment)).toStrictEqual(byPlan.rows.map((r) => `${r.plan} / cohort ${r.cohort}`));
    expect(new Set(byPlan.section.rows.map((r) => r.segment.split(' / ')[0]))).toStrictEqual(new Set(['basic', 'business', 'pro']));
  });

  it('durations name the statistic and the time unit; repeat purchases name what they count', async () => {
    const ttr = ['--opened', 'created_at', '--resolved', 'solved_at', '--by', 'channel', '--time-unit', 'h'];
    expect((await run('ttr', data('tickets.csv'), ...ttr)).section.title).toBe('Median time to resolution (h) by channel');
    expect((await run('ttr', data('tickets.csv'), ...ttr, '--statistic', 'mean')).section.title).toBe('Mean time to resolution (h) by channel');
    const customers = file('customers.csv', 'id,purchases\n1,3\n2,1\n3,2\n');
    expect((await run('repurchase', customers, '--value', 'purchases')).section.valueLabel).toBe('Repurchase rate (%)');
    expect((await run('repurchase', customers, '--value', 'purchases', '--method', 'repurchases')).section.valueLabel).toBe(
      'Repurchase rate (repeat purchases per customer)',
    );
    expect((await run('fcr', data('tickets.csv'), '--contacts', 'contacts', '--resolved', 'resolved')).section.valueLabel).toBe('First contact resolution (%)');
  });
});
