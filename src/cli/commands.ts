/**
 * The metric commands: for each, its flags and how they become the
 * library's spec (which columns to read and as what, the tallying spec, the
 * result options, the comparisons). One entry per command; the commands of
 * the metrics that tally from records share one builder, the revenue
 * commands another.
 */
import { readFileSync } from 'node:fs';
import type { TallyMetric } from '../core/contract/registry.js';
import type { SegmentCountsSpec } from '../segments/spec.js';
import { type Flag, type FlagValue, type ParsedArgs, UsageError } from './args.js';
import {
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
import type { ColumnKind, ColumnRequest, InputFormat } from './input/read.js';

/** How the input is read. */
export interface InputPlan {
  readonly path: string;
  readonly format: InputFormat | undefined;
  readonly delimiter: string | undefined;
  readonly onInvalid: 'stop' | 'skip';
  readonly columns: readonly ColumnRequest[];
}

/** Durations shown in another unit than the metric's milliseconds. */
export interface TimeUnitPlan {
  readonly unit: 'ms' | 's' | 'min' | 'h' | 'd';
  readonly milliseconds: number;
}

/** A segment table of a metric that tallies from records. */
export interface TallyPlan {
  readonly kind: 'tally';
  readonly command: string;
  readonly metric: TallyMetric;
  readonly input: InputPlan;
  /** The tallying spec: `value`, `by`, `period`, `weight` name columns of the input. */
  readonly counts: SegmentCountsSpec;
  /** What `segmentFromCounts` takes besides the table. */
  readonly results: {
    readonly options: Record<string, unknown>;
    readonly totals: boolean;
    readonly minCount: number | undefined;
    readonly asOf: string | undefined;
  };
  readonly changes: { readonly against: 'previous' | 'first' | 'rest' | 'total'; readonly adjust: 'holm' | 'bh' | 'none'; readonly level: number } | null;
  readonly trend: { readonly adjust: 'holm' | 'bh' | 'none'; readonly level: number } | null;
  /** The decimals and rounding the output applies itself (durations converted to `time`'s unit); `null` when the library rounds. */
  readonly time: (TimeUnitPlan & { readonly decimals: number; readonly rounding: 'half-up' | 'half-even' }) | null;
}

/** The MRR series or customer churn from a change log. */
export interface RevenuePlan {
  readonly kind: 'revenue';
  readonly command: 'mrr' | 'churn';
  readonly input: InputPlan;
  readonly fields: { readonly customerId: string; readonly at: string; readonly mrr: string };
  readonly by: readonly string[];
  readonly missingKey: string | undefined;
  readonly period: { readonly unit: string; readonly timeZone: string; readonly weekStart?: string; readonly yearStart?: number };
  readonly asOf: string | undefined;
  readonly joinedAndLeft: 'exclude' | 'count' | undefined;
  readonly reactivation: 'always' | { readonly within: number } | undefined;
  readonly rates: Record<string, unknown>;
  readonly interval: Record<string, unknown> | false;
  readonly cohorts: { readonly horizon: number | undefined; readonly measure: string | undefined } | null;
}

/** What a metric command runs. */
export type Plan = TallyPlan | RevenuePlan;

/** A command: its flags, its help, and how its arguments become a plan. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly example: string;
  readonly flags: readonly Flag[];
  readonly plan: (args: ParsedArgs) => Plan;
}

/** Reads a flag's value as the type the flag declares. */
export class FlagReader {
  readonly #args: ParsedArgs;
  readonly #command: string;
  constructor(args: ParsedArgs, command: string) {
    this.#args = args;
    this.#command = command;
  }
  has(name: string): boolean {
    return this.#args.flags.has(name);
  }
  string(name: string): string | undefined {
    return this.#args.flags.get(name) as string | undefined;
  }
  number(name: string): number | undefined {
    return this.#args.flags.get(name) as number | undefined;
  }
  list(name: string): readonly string[] | undefined {
    return this.#args.flags.get(name) as readonly string[] | undefined;
  }
  boolean(name: string): boolean {
    return this.#args.flags.get(name) === true;
  }
  required(name: string, what: string): string {
    const v = this.#args.flags.get(name);
    if (v === undefined) throw new UsageError(`--${name} is required: ${what}`, this.#command);
    return v as string;
  }
  usage(message: string): never {
    throw new UsageError(message, this.#command);
  }
  get raw(): ReadonlyMap<string, FlagValue> {
    return this.#args.flags;
  }
}

/** The one positional argument, the input file. */
function inputPath(args: ParsedArgs, command: string): string {
  if (args.positionals.length !== 1)
    throw new UsageError(
      args.positionals.length === 0
        ? 'the input file is missing (a path, or - for standard input)'
        : `expected one input file, received ${args.positionals.length}: ${args.positionals.join(' ')}`,
      command,
    );
  return args.positionals[0] as string;
}

/** `--scale 1-5` (or `-1-9`, `0-10`). */
function readScale(f: FlagReader): { min: number; max: number } | undefined {
  const text = f.string('scale');
  if (text === undefined) return undefined;
  const m = /^(-?\d+)-(-?\d+)$/.exec(text);
  if (m === null) return f.usage(`--scale expects MIN-MAX with integers (e.g. 1-5), received ${JSON.stringify(text)}`);
  return { min: Number(m[1]), max: Number(m[2]) };
}

/** `--satisfied 4,5` and the like: integers. */
function readPoints(f: FlagReader, name: string): number[] | undefined {
  const list = f.list(name);
  if (list === undefined) return undefined;
  return list.map((s) =>
    /^-?\d+$/.test(s) ? Number(s) : f.usage(`--${name} expects a comma-separated list of integers, received ${JSON.stringify(list.join(','))}`),
  );
}

/** A JSON value given inline or as a file, for `--labels` and `--business-hours`. */
function readJsonFlag(f: FlagReader, name: string, inlineAllowed: boolean): unknown {
  const text = f.string(name);
  if (text === undefined) return undefined;
  let source = text;
  if (!(inlineAllowed && text.trimStart().startsWith('{'))) {
    try {
      source = readFileSync(text, 'utf8');
    } catch (e) {
      return f.usage(
        `--${name} expects ${inlineAllowed ? 'a JSON object or ' : ''}a readable JSON file, could not read ${JSON.stringify(text)}: ${(e as Error).message}`,
      );
    }
  }
  try {
    return JSON.parse(source);
  } catch (e) {
    return f.usage(`--${name} expects JSON, ${JSON.stringify(text)} is not: ${(e as Error).message}`);
  }
}

function inputPlan(f: FlagReader, path: string, columns: ColumnRequest[]): InputPlan {
  // A column named by two flags is read once, as the first flag reads it.
  const unique = columns.filter((c, i) => columns.findIndex((d) => d.name === c.name) === i);
  return {
    path,
    format: f.string('input-format') as InputFormat | undefined,
    delimiter: f.string('delimiter'),
    onInvalid: (f.string('on-invalid') ?? 'stop') as 'stop' | 'skip',
    columns: unique,
  };
}

/** How a tally metric's per-record input is read: the flags naming its columns and each column's kind. */
interface InputColumns {
  /** `null`: one value column, `--value`. Otherwise the metric's input field, its flag, the column's kind, whether required. */
  readonly fields: readonly (readonly [input: string, flag: string, kind: ColumnKind, required: boolean])[] | null;
  /** The kind of the `--value` column. */
  readonly kind: ColumnKind;
}

function metricOptions(metric: TallyMetric, f: FlagReader): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) o[key] = value;
  };
  const level = f.number('level');
  const method = f.string('interval');
  // Intervals by default, where the definition has one: the mean time and the ratio of repeat purchases have none.
  const none = f.string('statistic') === 'mean' || f.string('method') === 'repurchases';
  if (method !== 'none' && !(none && method === undefined))
    o.interval = { ...(method === undefined ? {} : { method }), ...(level === undefined ? {} : { level }) };
  const time = metric === 'timeToResolution' || metric === 'firstResponseTime';
  if (!time) {
    o.decimals = f.number('decimals') ?? 1;
    set('rounding', f.string('rounding'));
  }
  switch (metric) {
    case 'nps':
      set('scale', readScale(f));
      set('promoterMin', f.number('promoter-min'));
      set('detractorMax', f.number('detractor-max'));
      set('missing', f.string('missing'));
      break;
    case 'csat':
      set('scale', readScale(f));
      set('satisfied', readPoints(f, 'satisfied'));
      set('labels', readJsonFlag(f, 'labels', true));
      set('missing', f.string('missing'));
      break;
    case 'ces':
      set('scale', readScale(f));
      set('direction', f.string('direction'));
      set('easy', readPoints(f, 'easy'));
      set('labels', readJsonFlag(f, 'labels', true));
      set('missing', f.string('missing'));
      break;
    case 'loyaltyIndex':
      set('scale', readScale(f));
      set('aggregate', f.string('aggregate'));
      set('missing', f.string('missing'));
      break;
    case 'firstContactResolution':
      set('denominator', f.string('denominator'));
      break;
    case 'timeToResolution':
    case 'firstResponseTime':
      set('statistic', f.string('statistic'));
      set('open', f.string('open'));
      set('asOf', f.string('as-of'));
      set('businessHours', readJsonFlag(f, 'business-hours', false));
      if (metric === 'timeToResolution') set('resolution', f.string('resolution'));
      break;
    case 'repurchaseRate':
      set('method', f.string('method'));
      break;
    case 'upsellRatio':
      break;
    default: {
      const never: never = metric;
      return never;
    }
  }
  return o;
}

const TIME_UNITS = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function tallyPlan(command: string, metric: TallyMetric, columns: InputColumns, args: ParsedArgs): TallyPlan {
  const f = new FlagReader(args, command);
  const path = inputPath(args, command);
  const requests: ColumnRequest[] = [];
  let value: SegmentCountsSpec['value'];
  if (columns.fields === null) {
    const v = f.required('value', 'the column holding each answer');
    requests.push({ name: v, kind: columns.kind });
    value = v;
  } else {
    const map: Record<string, string> = {};
    for (const [input, flag, kind, required] of columns.fields) {
      const column = required ? f.required(flag, `the column holding ${input}`) : f.string(flag);
      if (column === undefined) continue;
      map[input] = column;
      requests.push({ name: column, kind });
    }
    value = map;
  }
  const weight = f.string('weight');
  if (weight !== undefined) requests.push({ name: weight, kind: 'number' });
  const by = f.list('by') ?? [];
  for (const b of by) requests.push({ name: b, kind: 'key' });
  const unit = f.string('period');
  const time = f.string('time');
  if ((unit === undefined) !== (time === undefined))
    f.usage(
      unit === undefined ? '--time goes with --period (the unit of the periods)' : '--period goes with --time (the column holding each row’s instant or label)',
    );
  if (unit === undefined)
    for (const name of ['tz', 'week-start', 'year-start', 'changes', 'trend'])
      if (f.has(name) && !(name === 'changes' && (f.string('changes') === 'rest' || f.string('changes') === 'total')))
        f.usage(`--${name} needs periods: give --period and --time`);
  if (time !== undefined) requests.push({ name: time, kind: unit === 'label' ? 'text' : 'time' });
  let period: SegmentCountsSpec['period'];
  if (unit === 'label') {
    for (const name of ['tz', 'week-start', 'year-start']) if (f.has(name)) f.usage(`--${name} applies to calendar periods, not --period label`);
    period = { field: time as string };
  } else if (unit !== undefined) {
    period = {
      field: time as string,
      unit: unit as never,
      timeZone: f.string('tz') ?? 'UTC',
      ...(f.has('week-start') ? { weekStart: f.string('week-start') as never } : {}),
      ...(f.has('year-start') ? { yearStart: f.number('year-start') as number } : {}),
    };
  }
  const missingKey = f.string('missing-key');
  const counts: SegmentCountsSpec = {
    metric,
    value,
    options: metricOptions(metric, f),
    ...(weight === undefined ? {} : { weight }),
    ...(by.length === 0 ? {} : { by }),
    ...(period === undefined ? {} : { period }),
    ...(missingKey === undefined ? {} : { missingKey }),
  };
  const level = f.number('level') ?? 0.95;
  const adjust = (f.string('adjust') ?? 'holm') as 'holm' | 'bh' | 'none';
  if (f.has('adjust') && !f.has('changes') && !f.boolean('trend')) f.usage('--adjust goes with --changes or --trend');
  const isTime = metric === 'timeToResolution' || metric === 'firstResponseTime';
  const unitName = (f.string('time-unit') ?? 'h') as keyof typeof TIME_UNITS;
  return {
    kind: 'tally',
    command,
    metric,
    input: inputPlan(f, path, requests),
    counts,
    results: {
      options: counts.options as Record<string, unknown>,
      totals: f.boolean('totals'),
      minCount: f.number('min-count'),
      asOf: f.string('as-of'),
    },
    changes: f.has('changes') ? { against: f.string('changes') as 'previous', adjust, level } : null,
    trend: f.boolean('trend') ? { adjust, level } : null,
    time: isTime
      ? {
          unit: unitName,
          milliseconds: TIME_UNITS[unitName],
          decimals: f.number('decimals') ?? 2,
          rounding: (f.string('rounding') ?? 'half-up') as 'half-up',
        }
      : null,
  };
}

const COMMON = [...INPUT_FLAGS, ...OUTPUT_FLAGS];
const SURVEY = [...COMMON, ...SEGMENT_FLAGS, ...RESULT_FLAGS];

function tallyCommand(name: string, metric: TallyMetric, summary: string, example: string, columns: InputColumns, own: readonly Flag[]): Command {
  const value: Flag[] =
    columns.fields === null ? [{ name: 'value', kind: { type: 'string' }, value: 'COLUMN', help: 'the column holding each answer (required)' }] : [];
  const inputs: Flag[] = (columns.fields ?? []).map(([input, flag, , required]) => ({
    name: flag,
    kind: { type: 'string' },
    value: 'COLUMN',
    help: `the column holding ${input}${required ? ' (required)' : ''}`,
  }));
  return { name, summary, example, flags: [...value, ...inputs, ...own, ...SURVEY], plan: (args) => tallyPlan(name, metric, columns, args) };
}

function revenuePlan(command: 'mrr' | 'churn', args: ParsedArgs): RevenuePlan {
  const f = new FlagReader(args, command);
  const path = inputPath(args, command);
  const fields = { customerId: f.string('customer') ?? 'customerId', at: f.string('at') ?? 'at', mrr: f.string('mrr') ?? 'mrr' };
  const by = f.list('by') ?? [];
  const columns: ColumnRequest[] = [
    { name: fields.customerId, kind: 'text' },
    { name: fields.at, kind: 'time' },
    { name: fields.mrr, kind: 'text' },
    ...by.map((name) => ({ name, kind: 'key' as const })),
  ];
  const within = f.number('reactivation-within');
  const rates: Record<string, unknown> = {};
  for (const [flag, key] of [
    ['denominator', 'denominator'],
    ['contraction', 'contraction'],
    ['reactivation-in-rates', 'reactivation'],
  ] as const)
    if (f.has(flag)) rates[key] = f.string(flag);
  rates.decimals = f.number('decimals') ?? 1;
  if (f.has('rounding')) rates.rounding = f.string('rounding');
  const cohorts = f.boolean('cohorts');
  if (!cohorts && (f.has('horizon') || f.has('measure'))) f.usage('--horizon and --measure go with --cohorts');
  const method = f.string('interval');
  const level = f.number('level');
  return {
    kind: 'revenue',
    command,
    input: inputPlan(f, path, columns),
    fields,
    by,
    missingKey: f.string('missing-key'),
    period: {
      unit: f.string('period') ?? 'month',
      timeZone: f.string('tz') ?? 'UTC',
      ...(f.has('week-start') ? { weekStart: f.string('week-start') as string } : {}),
      ...(f.has('year-start') ? { yearStart: f.number('year-start') as number } : {}),
    },
    asOf: f.string('as-of'),
    joinedAndLeft: f.string('joined-and-left') as 'exclude' | undefined,
    reactivation: within === undefined ? undefined : { within },
    rates,
    interval: method === 'none' ? false : { ...(method === undefined ? {} : { method }), ...(level === undefined ? {} : { level }) },
    cohorts: cohorts ? { horizon: f.number('horizon'), measure: f.string('measure') } : null,
  };
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
            help: 'share of customers (default) or of purchases that were repeats',
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
        ],
        plan: (args) => revenuePlan('mrr', args),
      },
      {
        name: 'churn',
        summary: 'Customer churn per period from a billing change log: customers lost over customers at the start, with an interval.',
        example: 'cxmetrics churn changes.csv --customer customer_id --at at --mrr mrr --period month --by plan',
        flags: [...REVENUE_FLAGS, ...COMMON],
        plan: (args) => revenuePlan('churn', args),
      },
    ] satisfies Command[]
  ).map((c) => [c.name, c] as const),
);
