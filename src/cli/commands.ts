/**
 * The commands, one entry per metric: its flags, its help and example, and
 * how its arguments become a plan. The metrics that tally from records share
 * one plan builder, the revenue commands another (`plans.ts`).
 */
import type { TallyMetric } from '../core/contract/registry.js';
import type { Flag } from './args.js';
import {
  ENGINE_FLAGS,
  INPUT_FLAGS,
  LABELS,
  MISSING,
  OUTPUT_FLAGS,
  PERIOD_FLAGS,
  PROPORTION_INTERVAL,
  RESULT_FLAGS,
  SCALE,
  SEGMENT_FLAGS,
  TICKET_FLAGS,
  WEIGHT,
} from './flags.js';
import { type Command, type InputColumns, revenuePlan, tallyPlan } from './plans.js';

export type { Command, InputPlan, Plan, RevenuePlan, TallyPlan, TimeUnitPlan } from './plans.js';

const COMMON = [...INPUT_FLAGS, ...OUTPUT_FLAGS];
const SURVEY = [...COMMON, ...ENGINE_FLAGS, ...SEGMENT_FLAGS, ...RESULT_FLAGS];
/** The ticket times have no comparison or trend test in the library: their commands take no --changes, --adjust or --trend. */
const TICKETS = SURVEY.filter((f) => !['changes', 'adjust', 'trend'].includes(f.name));

function tallyCommand(name: string, metric: TallyMetric, summary: string, example: string, columns: InputColumns, own: readonly Flag[]): Command {
  const value: Flag[] =
    columns.fields === null ? [{ name: 'value', kind: { type: 'string' }, value: 'COLUMN', help: 'the column holding each answer (required)' }] : [];
  const inputs: Flag[] = (columns.fields ?? []).map(([input, flag, , required]) => ({
    name: flag,
    kind: { type: 'string' },
    value: 'COLUMN',
    help: `the column holding ${input}${required ? ' (required)' : ''}`,
  }));
  const shared = metric === 'timeToResolution' || metric === 'firstResponseTime' ? TICKETS : SURVEY;
  return { name, summary, example, flags: [...value, ...inputs, ...own, ...shared], plan: (args) => tallyPlan(name, metric, columns, args) };
}

const REVENUE_FLAGS: readonly Flag[] = [
  { name: 'customer', kind: { type: 'string' }, value: 'COLUMN', help: "the customer id column (default 'customerId')" },
  { name: 'at', kind: { type: 'string' }, value: 'COLUMN', help: "the column holding when each change takes effect (default 'at')" },
  { name: 'mrr', kind: { type: 'string' }, value: 'COLUMN', help: "the column holding the customer's MRR from then on (default 'mrr')" },
  ...PERIOD_FLAGS.map((f) => (f.name === 'period' ? { ...f, help: "calendar periods (default 'month')" } : f)),
  {
    name: 'joined-and-left',
    kind: { type: 'choice', choices: ['exclude', 'count'] },
    help: "customers who join and leave within one period: left out (default 'exclude') or counted",
  },
  {
    name: 'reactivation-within',
    kind: { type: 'integer', min: 1, max: 10_000 },
    value: 'N',
    help: 'a returning customer is reactivation MRR only within N periods of leaving (default: always)',
  },
  { name: 'denominator', kind: { type: 'choice', choices: ['start', 'start-plus-added'] }, help: "churn rate denominator (default 'start')" },
  { name: 'contraction', kind: { type: 'choice', choices: ['include', 'exclude'] }, help: "contraction in the MRR churn rate (default 'include')" },
  {
    name: 'reactivation-in-rates',
    kind: { type: 'choice', choices: ['include', 'exclude'] },
    help: "reactivation MRR in net MRR churn and NRR (default 'include')",
  },
  PROPORTION_INTERVAL,
  ...RESULT_FLAGS.map((f) => (f.name === 'decimals' ? { ...f, help: 'decimal places of the rates and percents (default 1); amounts stay exact' } : f)),
];

/** Every metric command, by name. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map(
  (
    [
      tallyCommand(
        'nps',
        'nps',
        'Net Promoter Score (0-10 answers: promoters 9-10, detractors 0-6) by segment and period.',
        'cxmetrics nps responses.csv --value score --by region,plan --period month --time answered_at --tz Europe/Berlin',
        { fields: null, kind: 'number' },
        [
          SCALE,
          { name: 'promoter-min', kind: { type: 'number' }, value: 'N', help: 'lowest promoter answer (default 9)' },
          { name: 'detractor-max', kind: { type: 'number' }, value: 'N', help: 'highest detractor answer (default 6)' },
          MISSING,
          WEIGHT,
          {
            name: 'interval',
            kind: { type: 'choice', choices: ['adjusted-wald', 'wald', 'none'] },
            help: "interval method, or none (default 'adjusted-wald')",
          },
        ],
      ),
      tallyCommand(
        'csat',
        'csat',
        'Customer satisfaction: the percent of satisfied answers (the top two points by default) by segment and period.',
        'cxmetrics csat responses.csv --value satisfaction --scale 1-5 --by region --period month --time answered_at --changes previous --adjust holm',
        { fields: null, kind: 'number' },
        [
          SCALE,
          { name: 'satisfied', kind: { type: 'list' }, value: '4,5', help: 'the satisfied points (default: the top two)' },
          LABELS,
          MISSING,
          WEIGHT,
          PROPORTION_INTERVAL,
        ],
      ),
      tallyCommand(
        'ces',
        'ces',
        'Customer effort score: the percent of easy answers by segment and period.',
        'cxmetrics ces responses.csv --value effort --scale 1-7 --by channel',
        { fields: null, kind: 'number' },
        [
          SCALE,
          {
            name: 'direction',
            kind: { type: 'choice', choices: ['higher-is-easier', 'lower-is-easier'] },
            help: "which end of the scale is easy (default 'higher-is-easier')",
          },
          { name: 'easy', kind: { type: 'list' }, value: '6,7', help: 'the easy points (default: the two easiest)' },
          LABELS,
          MISSING,
          WEIGHT,
          PROPORTION_INTERVAL,
        ],
      ),
      tallyCommand(
        'loyalty',
        'loyaltyIndex',
        'Customer loyalty index: the mean of the recommend, repurchase and upsell answers, by segment and period.',
        'cxmetrics loyalty answers.csv --recommend nps --repurchase again --upsell more --by region',
        {
          fields: [
            ['recommend', 'recommend', 'number', true],
            ['repurchase', 'repurchase', 'number', true],
            ['upsell', 'upsell', 'number', true],
          ],
          kind: 'number',
        },
        [
          SCALE,
          {
            name: 'aggregate',
            kind: { type: 'choice', choices: ['sum', 'mean'] },
            help: "each respondent's index as the sum of the three answers (default 'sum') or their mean",
          },
          MISSING,
          { name: 'interval', kind: { type: 'choice', choices: ['t', 'none'] }, help: "interval method, or none (default 't')" },
        ],
      ),
      tallyCommand(
        'fcr',
        'firstContactResolution',
        'First contact resolution: the percent of tickets resolved at the first contact, by segment and period.',
        'cxmetrics fcr tickets.csv --contacts contacts --resolved resolved --by channel --period month --time created_at',
        {
          fields: [
            ['contacts', 'contacts', 'number', true],
            ['resolved', 'resolved', 'boolean', true],
            ['reopened', 'reopened', 'boolean', false],
          ],
          kind: 'number',
        },
        [
          { name: 'denominator', kind: { type: 'choice', choices: ['resolved', 'all'] }, help: "resolved tickets (default 'resolved') or all tickets" },
          PROPORTION_INTERVAL,
        ],
      ),
      tallyCommand(
        'ttr',
        'timeToResolution',
        'Time to resolution: median (or mean) time from opening to resolution, by segment and period.',
        'cxmetrics ttr tickets.csv --opened created_at --resolved solved_at --business-hours hours.json --open censor --as-of 2025-04-01T00:00:00Z',
        {
          fields: [
            ['openedAt', 'opened', 'time', true],
            ['resolvedAt', 'resolved', 'time', true],
            ['firstResolvedAt', 'first-resolved', 'time', false],
          ],
          kind: 'time',
        },
        [
          ...TICKET_FLAGS,
          { name: 'resolution', kind: { type: 'choice', choices: ['full', 'first'] }, help: "time to the final (default 'full') or the first resolution" },
        ],
      ),
      tallyCommand(
        'frt',
        'firstResponseTime',
        'First response time: median (or mean) time from opening to the first response, by segment and period.',
        'cxmetrics frt tickets.csv --opened created_at --first-responded first_reply_at --by channel',
        {
          fields: [
            ['openedAt', 'opened', 'time', true],
            ['firstRespondedAt', 'first-responded', 'time', true],
          ],
          kind: 'time',
        },
        TICKET_FLAGS,
      ),
      tallyCommand(
        'repurchase',
        'repurchaseRate',
        'Repurchase rate: the percent of customers who bought again, from purchases per customer, by segment.',
        'cxmetrics repurchase customers.csv --value purchases --by plan',
        { fields: null, kind: 'number' },
        [
          {
            name: 'method',
            kind: { type: 'choice', choices: ['customers', 'repurchases'] },
            help: 'the percent of customers who bought again (default) or repeat purchases per customer',
          },
          PROPORTION_INTERVAL,
        ],
      ),
      tallyCommand(
        'upsell',
        'upsellRatio',
        'Upsell rate: the percent of customers who upgraded, with its interval, by segment and period (the upsell ratio, upgraded per customer not upgraded, is p / (100 - p)).',
        'cxmetrics upsell customers.csv --upgraded upgraded --by plan',
        { fields: [['upgraded', 'upgraded', 'boolean', true]], kind: 'boolean' },
        [PROPORTION_INTERVAL],
      ),
      {
        name: 'mrr',
        summary:
          'MRR movements per period from a billing change log (customer, time, MRR from then on): new, expansion, contraction, churned MRR and the rates; with --cohorts, retention by cohort.',
        example: 'cxmetrics mrr changes.csv --customer customer_id --at at --mrr mrr --period month --cohorts --horizon 12',
        flags: [
          ...REVENUE_FLAGS,
          { name: 'cohorts', kind: { type: 'boolean' }, help: 'retention by cohort (the period of each customer’s first MRR) instead of movements' },
          { name: 'horizon', kind: { type: 'integer', min: 0, max: 10_000 }, value: 'N', help: 'cohort ages shown, in periods (default: all)' },
          {
            name: 'measure',
            kind: { type: 'choice', choices: ['end', 'active'] },
            help: "a customer is retained by their MRR at the period's end (default) or any MRR in it",
          },
          ...COMMON,
          ...ENGINE_FLAGS,
        ],
        plan: (args) => revenuePlan('mrr', args),
      },
      {
        name: 'churn',
        summary: 'Customer churn per period from a billing change log: customers lost over customers at the start, with an interval.',
        example: 'cxmetrics churn changes.csv --customer customer_id --at at --mrr mrr --period month --by plan',
        flags: [...REVENUE_FLAGS, ...COMMON, ...ENGINE_FLAGS],
        plan: (args) => revenuePlan('churn', args),
      },
    ] satisfies Command[]
  ).map((c) => [c.name, c] as const),
);
