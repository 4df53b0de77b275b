/**
 * Mutation testing of `src/` part by part (`npm run mutation:parts`), then one
 * score over all parts.
 *
 * Every test passes through the contract code (validation, schemas, the
 * registry), so Stryker's per-test coverage selects nearly the whole suite
 * for each of its mutants and a single run of `src/` takes most of a day on
 * two cores. Each part here is mutated against the tests that exercise it,
 * with its own incremental file in `reports/`, so a rerun retests only
 * mutants whose code or tests changed. The contract part runs against the
 * unit tests; the others against the unit tests and the docs examples, but
 * not the package tests, the generated-call suites in `tests/contract/` or
 * the property suites (together most of the suite's time, and minutes per
 * mutant under instrumentation). A smaller set of tests can only kill fewer
 * mutants, so the combined score is a lower bound on the score against the
 * whole suite.
 *
 * Mutants in code that runs when a module loads (static mutants) need every
 * test rerun with the mutant active from the start. Outside the contract
 * part they are ignored and counted apart when no test covers them. A mutant
 * covered both while a module loads and by tests (a hybrid one) is run by
 * Stryker against its tests with the mutant switched on when they start,
 * after its module has loaded: a change to a value made at load (a regular
 * expression, a table, a frozen constant) is then not in effect, and the
 * mutant survives whatever the tests check. `--static` runs a part's hybrid
 * survivors again as Stryker runs static mutants, against all of the part's
 * tests with the mutant active while the modules load, into
 * `reports/stryker-<part>-static.json`; the score counts a hybrid survivor
 * that this run detects as detected.
 *
 * Usage: `npm run mutation:parts [-- part ...]`; with no part names it runs
 * all of them and prints the combined score from the incremental files.
 * `--force` retests every mutant of the parts named.
 * `--static` runs the hybrid survivors of the parts named, as above, instead.
 * `--score` prints the score from the committed files without running.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

interface Part {
  readonly mutate: readonly string[];
  readonly tests: readonly string[];
  /** Test files left out of `tests`. */
  readonly skip?: readonly string[];
}

/** The property suites: minutes per mutant under instrumentation, and each case is an example a unit test already pins. */
const PROPERTY_SUITES = ['**/*.property.test.ts'];

const UNIT_TESTS = [
  'tests/core/**/*.test.ts',
  'tests/metrics/*.test.ts',
  'tests/segments/*.test.ts',
  'tests/revenue/*.test.ts',
  'tests/contract/breaks.test.ts',
  'tests/*.test.ts',
];
const ALL_BUT_GENERATED = [...UNIT_TESTS, 'tests/docs/**/*.test.ts'];
const FAST_UNIT_TESTS = [
  'tests/api-surface.test.ts',
  'tests/core/contract/*.test.ts',
  'tests/core/errors.test.ts',
  'tests/core/counts.test.ts',
  'tests/core/money.test.ts',
  'tests/contract/breaks.test.ts',
  ...[
    'ces',
    'csat',
    'nps',
    'mrr',
    'mrr-movements',
    'customer-churn',
    'expansion-revenue',
    'first-contact-resolution',
    'repurchase-rate',
    'upsell-ratio',
    'targets',
    'registry',
    'loyalty-index',
    'sample-size',
    'compare',
  ].map((name) => `tests/metrics/${name}.test.ts`),
];

// Stryker's --mutate takes a comma-separated list, so no brace globs here.
const metrics = (...names: string[]): string[] => names.map((name) => `src/metrics/${name}.ts`);

/** The tests that check the statistics' numbers. */
const STATS_TESTS = [
  'tests/core/*.test.ts',
  'tests/core/time/*.test.ts',
  'tests/metrics/*interval*.test.ts',
  'tests/metrics/compare*.test.ts',
  'tests/metrics/sample-size*.test.ts',
  'tests/metrics/nps.test.ts',
  'tests/metrics/csat.test.ts',
  'tests/metrics/ces.test.ts',
  'tests/metrics/time-to-resolution.test.ts',
  'tests/metrics/first-response-time.test.ts',
  'tests/segments/changes-trend.test.ts',
  'tests/segments/results.test.ts',
];

/** The special functions' own tests (values against R and 50-digit mpmath) and the intervals and tests built on them. */
const DISTRIBUTION_TESTS = [
  'tests/core/distributions.test.ts',
  'tests/core/intervals.test.ts',
  'tests/core/bootstrap.test.ts',
  'tests/metrics/*interval*.test.ts',
  'tests/metrics/compare*.test.ts',
  'tests/segments/changes-trend.test.ts',
];

const PARTS: Record<string, Part> = {
  contract: { mutate: ['src/core/contract/**/*.ts'], tests: FAST_UNIT_TESTS },
  exact: { mutate: ['src/core/exact/**/*.ts'], tests: ALL_BUT_GENERATED, skip: PROPERTY_SUITES },
  // The statistics run under nearly every test; these are the tests that check their numbers.
  // Three parts of 500 to 1,100 mutants, so that each can finish within an hour on two cores.
  'stats-distributions': {
    mutate: ['beta', 'gamma', 'normal', 'student-t'].map((n) => `src/core/stats/${n}.ts`),
    tests: DISTRIBUTION_TESTS,
    skip: PROPERTY_SUITES,
  },
  'stats-functions': {
    mutate: ['binomial', 'bounds', 'domain-errors', 'double-double', 'elementary', 'random'].map((n) => `src/core/stats/${n}.ts`),
    tests: DISTRIBUTION_TESTS,
    skip: PROPERTY_SUITES,
  },
  'stats-intervals': {
    mutate: [
      'differences',
      'interval-fields',
      'kaplan-meier',
      'levels',
      'mean-interval',
      'multiplicity',
      'nps-bootstrap',
      'nps-interval',
      'order-statistics',
      'proportion-intervals',
      'trend',
      'warnings',
    ].map((n) => `src/core/stats/${n}.ts`),
    tests: STATS_TESTS,
    skip: PROPERTY_SUITES,
  },
  survey: {
    mutate: ['src/core/survey/**/*.ts', ...metrics('nps', 'csat', 'ces', 'loyalty-index')],
    tests: ALL_BUT_GENERATED,
    skip: PROPERTY_SUITES,
  },
  time: {
    mutate: ['src/core/time/**/*.ts', ...metrics('time-to-resolution', 'first-response-time', 'first-contact-resolution')],
    tests: ALL_BUT_GENERATED,
    skip: PROPERTY_SUITES,
  },
  revenue: {
    mutate: [
      'src/core/money/**/*.ts',
      ...metrics('mrr', 'mrr-movements', 'customer-churn', 'expansion-revenue', 'churn-conversions', 'repurchase-rate', 'upsell-ratio', 'targets'),
    ],
    tests: ALL_BUT_GENERATED,
    skip: PROPERTY_SUITES,
  },
  segments: { mutate: ['src/segments/**/*.ts'], tests: ALL_BUT_GENERATED, skip: PROPERTY_SUITES },
  series: { mutate: ['src/revenue/**/*.ts'], tests: ALL_BUT_GENERATED, skip: PROPERTY_SUITES },
  // The SQL text, the reading of an engine's rows and the runs on DuckDB and PGlite (one engine each per test file).
  sql: { mutate: ['src/sql/**/*.ts'], tests: ['tests/sql/*.test.ts', 'tests/docs/**/*.test.ts'] },
  // The command line in process, in four parts of under half an hour each on two cores: its readers against their own
  // tests and fuzz suites; the byte counter against the property suites that hold it to the readers, its direct tests
  // and the commands run in process; the report's HTML and charts, with the sections and configs the commands make;
  // the commands, their flags and output. The built bin (with bin.ts) and the browser are left out: what they check
  // of the output and the report is checked in process too, as text.
  // The readers' row counting for the byte counter is run by the counter's direct tests.
  'cli-input': { mutate: ['src/cli/input/**/*.ts'], tests: ['tests/cli/input/**/*.test.ts', 'tests/cli/byte-tally.test.ts'] },
  'cli-counter': {
    mutate: ['byte-tally', 'cell-table', 'distinct-tally', 'iso-periods', 'key-trie', 'tally-file'].map((n) => `src/cli/${n}.ts`),
    tests: [
      'tests/cli/*.property.test.ts',
      'tests/cli/key-trie.test.ts',
      'tests/cli/cell-table.test.ts',
      'tests/cli/byte-tally.test.ts',
      'tests/cli/main.test.ts',
      'tests/cli/commands.test.ts',
    ],
  },
  'cli-report': {
    mutate: ['src/cli/report/**/*.ts', 'src/cli/report-sections.ts', 'src/cli/report-command.ts'],
    tests: ['tests/cli/report/*.test.ts', 'tests/cli/report-sections.test.ts', 'tests/cli/main.test.ts', 'tests/cli/commands.test.ts'],
  },
  'cli-commands': {
    mutate: [
      'args',
      'commands',
      'flags',
      'from-rows',
      'main',
      'options',
      'output',
      'plans',
      'problems',
      'progress',
      'results',
      'run',
      'session',
      'shards',
      'sql-engine',
    ].map((n) => `src/cli/${n}.ts`),
    tests: [
      'tests/cli/args.test.ts',
      'tests/cli/plans.test.ts',
      'tests/cli/main.test.ts',
      'tests/cli/commands.test.ts',
      'tests/cli/output.test.ts',
      'tests/cli/report-sections.test.ts',
      'tests/cli/sql-text.test.ts',
      'tests/cli/sql-engine.test.ts',
    ],
  },
  operations: {
    mutate: ['src/core/comparison/**/*.ts', ...metrics('compare', 'sample-size', 'registry', 'merge-counts'), 'src/index.ts'],
    tests: ALL_BUT_GENERATED,
    skip: PROPERTY_SUITES,
  },
};

const incrementalFile = (name: string): string => `reports/stryker-${name}.json`;
const staticFile = (name: string): string => `reports/stryker-${name}-static.json`;

/** A mutant as an incremental file holds it. */
interface Mutant {
  readonly status: string;
  readonly static?: boolean;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } };
}
interface Report {
  readonly files: Record<string, { readonly mutants: readonly Mutant[] }>;
}

const readReport = (file: string): Report | null => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Report) : null);
const isHybridSurvivor = (m: Mutant): boolean => m.static === true && m.status === 'Survived';
/** A mutant's identity across runs: its place, its mutator and what it puts there. */
const mutantKey = (file: string, m: Mutant): string =>
  `${file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement ?? ''}`;

/** The lines of a part's hybrid survivors, as Stryker's `--mutate` ranges (`file:first-last`), a range per run of lines. */
function hybridSurvivorLines(name: string): string[] {
  const report = readReport(incrementalFile(name));
  if (report === null) return [];
  const ranges: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const lines = new Set<number>();
    for (const m of mutants.filter(isHybridSurvivor)) for (let l = m.location.start.line; l <= m.location.end.line; l++) lines.add(l);
    const sorted = [...lines].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
      ranges.push(`${file}:${sorted[i]}-${sorted[j]}`);
      i = j + 1;
    }
  }
  return ranges;
}

const concurrencyArgs = (): string[] =>
  process.argv
    .slice(2)
    .filter((arg) => arg.startsWith('--concurrency='))
    .flatMap((arg) => ['--concurrency', arg.slice(14)]);
const partEnv = (part: Part): NodeJS.ProcessEnv => ({ ...process.env, MUTATION_TESTS: part.tests.join(','), MUTATION_SKIP: (part.skip ?? []).join(',') });

/** Runs a part's hybrid survivors as static mutants: every test of the part, the mutant active while the modules load. */
function runStatic(name: string, part: Part): number {
  const ranges = hybridSurvivorLines(name);
  console.log(`\n== ${name}, hybrid survivors: ${ranges.length === 0 ? 'none' : ranges.join(' ')}`);
  if (ranges.length === 0) return 0;
  const args = ['stryker', 'run', '--incrementalFile', staticFile(name), '--mutate', ranges.join(','), ...concurrencyArgs()];
  return spawnSync('npx', args, { stdio: 'inherit', env: partEnv(part) }).status ?? 1;
}

function run(name: string, part: Part): number {
  const args = [
    'stryker',
    'run',
    '--incrementalFile',
    incrementalFile(name),
    '--mutate',
    part.mutate.join(','),
    // Mutants in code run when a module loads need every test rerun; they are left out of the parts after the contract.
    ...(name === 'contract' ? [] : ['--ignoreStatic']),
    ...concurrencyArgs(),
    // Retests every mutant, for a part whose tests changed in ways the incremental file cannot see.
    ...(process.argv.includes('--force') ? ['--force'] : []),
  ];
  console.log(`\n== ${name}: ${part.mutate.join(' ')}`);
  return spawnSync('npx', args, { stdio: 'inherit', env: partEnv(part) }).status ?? 1;
}

interface Tally {
  detected: number;
  undetected: number;
  ignored: number;
  /** Hybrid survivors detected when run as static mutants. */
  atLoad: number;
}

function score(names: readonly string[]): void {
  const total: Tally = { detected: 0, undetected: 0, ignored: 0, atLoad: 0 };
  const row = (name: string, t: Tally) => {
    const percent = ((100 * t.detected) / (t.detected + t.undetected)).toFixed(2);
    console.log(
      `${name.padEnd(20)} ${String(t.detected).padStart(8)}  ${String(t.atLoad).padStart(7)}  ${String(t.undetected).padStart(10)}  ${String(t.ignored).padStart(7)}  ${percent}%`,
    );
  };
  console.log('\npart                 detected  at load  undetected  ignored  score');
  for (const name of names) {
    const report = readReport(incrementalFile(name));
    if (report === null) {
      console.log(`${name.padEnd(20)} (not run)`);
      continue;
    }
    const detectedAtLoad = new Set<string>();
    for (const [file, { mutants }] of Object.entries(readReport(staticFile(name))?.files ?? {}))
      for (const m of mutants) if (m.status === 'Killed' || m.status === 'Timeout') detectedAtLoad.add(mutantKey(file, m));
    const tally: Tally = { detected: 0, undetected: 0, ignored: 0, atLoad: 0 };
    for (const [file, { mutants }] of Object.entries(report.files)) {
      for (const m of mutants) {
        if (m.status === 'Killed' || m.status === 'Timeout') tally.detected += 1;
        else if (isHybridSurvivor(m) && detectedAtLoad.has(mutantKey(file, m))) {
          tally.detected += 1;
          tally.atLoad += 1;
        } else if (m.status === 'Survived' || m.status === 'NoCoverage') tally.undetected += 1;
        else tally.ignored += 1;
      }
    }
    for (const k of ['detected', 'undetected', 'ignored', 'atLoad'] as const) total[k] += tally[k];
    row(name, tally);
  }
  row('all', total);
}

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const name of requested) {
  if (!(name in PARTS)) throw new Error(`Unknown part "${name}"; the parts are ${Object.keys(PARTS).join(', ')}.`);
}
if (!process.argv.includes('--score')) {
  for (const name of requested.length > 0 ? requested : Object.keys(PARTS)) {
    const part = PARTS[name];
    if (part === undefined) continue;
    if (process.argv.includes('--static')) runStatic(name, part);
    else run(name, part);
  }
}
score(Object.keys(PARTS));
