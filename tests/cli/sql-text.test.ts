/**
 * The command line's SQL without an engine: the text `--sql` prints (the
 * query, its parameters and the columns to export), and a row the library
 * refuses told as a problem of the file's column, with its value and the
 * rows that hold it. The runs on DuckDB are in `sql-engine.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, type Command, type TallyPlan } from '../../src/cli/commands.js';
import { InputError } from '../../src/cli/input/read.js';
import { parseCommand } from '../../src/cli/session.js';
import { rowProblem, sqlText } from '../../src/cli/sql-engine.js';
import { MetricsError } from '../../src/core/contract/errors.js';
import { readSqlSpec } from '../../src/sql/spec.js';

const plan = (name: string, ...argv: string[]) => {
  const command = COMMANDS.get(name) as Command;
  return command.plan(parseCommand(command, argv));
};

describe('sqlText', () => {
  it('names the table, schema and dialect, the columns to export and the command to run on them', () => {
    expect(sqlText(plan('nps', 'analytics.responses', '--value', 'score', '--by', 'region', '--sql', 'postgres'))).toBe(
      [
        '-- cxmetrics nps: the tallies of analytics.responses in postgres.',
        '-- Export the rows (columns k1, v1, n) and run: cxmetrics from-rows ROWS --metric nps with the same flags.',
        'SELECT "region" AS k1, "score" AS v1, CAST(count(*) AS bigint) AS n FROM "analytics"."responses" GROUP BY 1, 2;',
        '',
      ].join('\n'),
    );
  });

  it('lists the parameters in order when there are some', () => {
    const text = sqlText(plan('nps', 'responses', '--value', 'score', '--period', 'month', '--time', 'at', '--tz', 'Europe/Berlin', '--sql', 'duckdb'));
    expect(text.split('\n').slice(0, 3)).toStrictEqual([
      '-- cxmetrics nps: the tallies of responses in duckdb.',
      '-- Parameters, in order: "Europe/Berlin".',
      '-- Export the rows (columns p, v1, n) and run: cxmetrics from-rows ROWS --metric nps with the same flags.',
    ]);
    expect(text).toMatch(/^SELECT strftime\(CAST\(p AS DATE\), '%Y-%m-%d'\) AS p, v1, n FROM \(SELECT date_trunc\('month', timezone\(\$1, /m);
  });

  it('reads the change log for mrr', () => {
    const text = sqlText(plan('mrr', 'billing.changes', '--sql', 'trino'));
    expect(text.split('\n').slice(0, 3)).toStrictEqual([
      '-- cxmetrics mrr: the changes the MRR series reads of billing.changes in trino.',
      '-- Parameters, in order: "UTC".',
      '-- Export the rows (columns c, t, m, d, n) and run: cxmetrics from-rows ROWS --metric mrr with the same flags.',
    ]);
    expect(text).toContain('FROM "billing"."changes"');
    expect(text.endsWith(';\n')).toBe(true);
  });
});

describe('rowProblem', () => {
  const npsSpec = readSqlSpec(
    'tallyQuery',
    (plan('nps', 't', '--value', 'score', '--weight', 'wt', '--by', 'region', '--period', 'month', '--time', 'at', '--sql', 'duckdb') as TallyPlan).counts,
  );
  const ttrSpec = readSqlSpec('tallyQuery', (plan('ttr', 't', '--opened', 'o', '--resolved', 'r', '--by', 'channel', '--sql', 'duckdb') as TallyPlan).counts);
  const refused = (path: (string | number)[], message = 'expected an integer from 0 to 10, received 11') =>
    new MetricsError('tallyFromRows', [{ code: 'invalid-value', path, message }]);
  const told = (error: unknown): string => {
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file: 'a.parquet', line: null, column: null });
    return (error as InputError).message;
  };

  it('names the column of the alias, the value and how many rows hold it', () => {
    const rows = [
      { k1: 'EU', v1: 11, w: 1, p: '2026-01-01', n: 3 },
      { k1: 'US', v1: 4, w: 2.5, p: '2026-01-01', n: 1 },
    ];
    const problem = (path: (string | number)[], message?: string) => told(rowProblem(refused(path, message), rows, npsSpec, 'a.parquet'));
    expect(problem(['rows', 0, 'v1'])).toBe('column "score" value "11" (3 rows): expected an integer from 0 to 10, received 11');
    expect(problem(['rows', 1, 'k1'], 'bad key')).toBe('column "region" value "US" (1 row): bad key');
    expect(problem(['rows', 1, 'w'], 'bad weight')).toBe('column "wt" value "2.5" (1 row): bad weight');
    expect(problem(['rows', 0, 'p'], 'bad period')).toBe('column "at" value "2026-01-01" (3 rows): bad period');
    // An alias the spec does not know is named as it is; a row past the end has no value.
    expect(problem(['rows', 0, 'zz'], 'odd')).toBe('column "zz" (3 rows): odd');
    expect(problem(['rows', 5, 'v1'], 'gone')).toBe('column "score": gone');
  });

  it('names both columns of a duration, and a value that is null leaves no value', () => {
    const rows = [
      { k1: 'chat', v3: -5, n: 2 },
      { k1: null, v3: null },
    ];
    expect(told(rowProblem(refused(['rows', 0, 'v3'], 'negative'), rows, ttrSpec, 'a.parquet'))).toBe('column "r - o" value "-5" (2 rows): negative');
    expect(told(rowProblem(refused(['rows', 1, 'k1'], 'missing'), rows, ttrSpec, 'a.parquet'))).toBe('column "channel": missing');
    expect(told(rowProblem(refused(['rows', 0, 'v1'], 'no time'), rows, ttrSpec, 'a.parquet'))).toBe('column "o" (2 rows): no time');
  });

  it('passes on an error that is not about a row’s column', () => {
    const rows = [{ v1: 1, n: 1 }];
    for (const path of [['options', 'scale'], ['rows', 'x', 'v1'], ['rows', 0], []] as (string | number)[][]) {
      const error = refused(path);
      expect(rowProblem(error, rows, npsSpec, 'a.parquet')).toBe(error);
    }
    const other = new Error('disk full');
    expect(rowProblem(other, rows, npsSpec, 'a.parquet')).toBe(other);
  });
});
