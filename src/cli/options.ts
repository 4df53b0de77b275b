/**
 * Reading a command's flags into the library's options: each flag's value
 * as its declared type, the flags whose text has a form of its own
 * (`--scale 1-5`, `--labels` as JSON or a file), and a metric's options.
 */
import { readFileSync } from 'node:fs';
import type { TallyMetric } from '../core/contract/registry.js';
import { type FlagValue, type ParsedArgs, UsageError } from './args.js';

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
export function inputPath(args: ParsedArgs, command: string): string {
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
export function readScale(f: FlagReader): { min: number; max: number } | undefined {
  const text = f.string('scale');
  if (text === undefined) return undefined;
  const m = /^(-?\d+)-(-?\d+)$/.exec(text);
  if (m === null) return f.usage(`--scale expects MIN-MAX with integers (e.g. 1-5), received ${JSON.stringify(text)}`);
  return { min: Number(m[1]), max: Number(m[2]) };
}

/** `--satisfied 4,5` and the like: integers. */
export function readPoints(f: FlagReader, name: string): number[] | undefined {
  const list = f.list(name);
  if (list === undefined) return undefined;
  return list.map((s) =>
    /^-?\d+$/.test(s) ? Number(s) : f.usage(`--${name} expects a comma-separated list of integers, received ${JSON.stringify(list.join(','))}`),
  );
}

/** A JSON value given inline or as a file, for `--labels` and `--business-hours`. */
export function readJsonFlag(f: FlagReader, name: string, inlineAllowed: boolean): unknown {
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

export function metricOptions(metric: TallyMetric, f: FlagReader): Record<string, unknown> {
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
