/**
 * The command-line benchmark: NPS by region x plan x UTC month over a CSV of
 * 10^7 survey answers (about 450 MB), computed by
 *
 * - `cli`: `cxmetrics nps` (the built `dist/cli.js`), the command measured;
 * - `floor`: a hand-written byte scanner in plain JavaScript (floor.mjs), the
 *   least a JavaScript reader of this file can cost;
 * - `duckdb`: DuckDB's CSV reader and one SQL query (duckdb.mjs), what an
 *   analyst would otherwise use;
 * - `cli-parquet`: `cxmetrics nps` on the data's Parquet copy (written by
 *   DuckDB beside the CSV when missing), which DuckDB reads and counts;
 * - `duckdb-parquet`: the bare query of `duckdb` on the Parquet copy.
 *
 * Each runs as its own `node` process with the rusage.cjs preload, one after
 * the other, `--runs` times (3) in rounds; the table shows the median CPU
 * time (user + system, all threads), the median wall time and the highest
 * peak RSS. CPU time is what the ratios and targets use: it counts DuckDB's
 * worker threads and varies less than wall time when other work shares the
 * machine.
 *
 * Targets (printed, met or not; they do not change the exit code):
 * `cli / floor <= 1.5` and `cli / duckdb < 1` in CPU time, cli peak RSS
 * below 200 MB; on Parquet, `cli-parquet / duckdb-parquet <= 1.2` (the
 * library's part of a DuckDB run must be small).
 *
 * Every output is checked against the tally the generator wrote while
 * drawing the data (`.expected.csv`): the same region x plan x period cells,
 * `n` equal and `value` within 0.05 (the CLI may round to one decimal). Cells
 * with a key left empty (roll-ups) are ignored, and a cell one side lacks is
 * read as `n = 0` with no value. Every run of a command must print the same
 * cells as its first. Exit code 1 when an output disagrees or a command fails.
 *
 * Usage: node bench/cli/run.mjs [--rows N] [--seed S] [--runs R] [--only cli,floor,duckdb,cli-parquet,duckdb-parquet] [--keep]
 * `--keep` leaves a data file this run generated in place for the next run
 * (a file that was already there is always left). `CXMETRICS_BENCH_CLI=PATH`
 * measures another build of the command line than `dist/cli.js`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureData, numberFlag } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
/** The built command line; `CXMETRICS_BENCH_CLI` points at another build of it. */
const CLI_BIN = process.env.CXMETRICS_BENCH_CLI ?? join(ROOT, 'dist', 'cli.js');
const PRELOAD = join(HERE, 'rusage.cjs');

/** The commands, by name: what each runs for a data file (after `node --require rusage.cjs`). */
const COMMANDS = {
  cli: {
    label: 'cxmetrics nps',
    args: (file) => [
      CLI_BIN,
      'nps',
      file,
      '--value',
      'score',
      '--by',
      'region,plan',
      '--period',
      'month',
      '--time',
      'answered_at',
      '--tz',
      'UTC',
      '--missing',
      'exclude',
      '--format',
      'csv',
    ],
  },
  floor: { label: 'floor (hand-written JS)', args: (file) => [join(HERE, 'floor.mjs'), file] },
  duckdb: { label: 'duckdb (read_csv + SQL)', args: (file) => [join(HERE, 'duckdb.mjs'), file] },
  'cli-parquet': {
    label: 'cxmetrics nps (Parquet, DuckDB)',
    parquet: true,
    args: (file) => COMMANDS.cli.args(file),
  },
  'duckdb-parquet': { label: 'duckdb (read_parquet + SQL)', parquet: true, args: (file) => [join(HERE, 'duckdb.mjs'), file] },
};

/** The Parquet copy of the data file, written by DuckDB beside it when missing (timestamps as TIMESTAMPTZ). */
async function ensureParquet(csv) {
  const parquet = csv.replace(/\.csv$/, '.parquet');
  if (existsSync(parquet)) return { file: parquet, made: false };
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const literal = (text) => `'${text.replaceAll("'", "''")}'`;
  await connection.run(
    `COPY (SELECT * FROM read_csv(${literal(csv)}, header = true, columns = {'id': 'BIGINT', 'answered_at': 'TIMESTAMPTZ', 'region': 'VARCHAR', 'plan': 'VARCHAR', 'score': 'TINYINT'})) TO ${literal(parquet)} (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  return { file: parquet, made: true };
}

const TARGETS = { cliOverFloor: 1.5, cliOverDuckdb: 1, cliRssMb: 200, parquetOverDuckdb: 1.2 };
/**
 * How far a value may be from the exact tally's: half a unit of the first
 * decimal, as the CLI may round to one, plus 1e-9 because 31.3 - 31.25 is
 * slightly more than 0.05 in binary.
 */
const VALUE_TOLERANCE = 0.05 + 1e-9;

function parseArgs(argv) {
  const known = new Set(['--rows', '--seed', '--runs', '--only', '--keep']);
  for (let i = 0; i < argv.length; i++) {
    if (!known.has(argv[i]))
      throw new Error(
        `unknown argument ${argv[i]}; usage: node bench/cli/run.mjs [--rows N] [--seed S] [--runs R] [--only cli,floor,duckdb,cli-parquet,duckdb-parquet] [--keep]`,
      );
    if (argv[i] !== '--keep') i++;
  }
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt === -1 ? Object.keys(COMMANDS) : (argv[onlyAt + 1] ?? '').split(',');
  for (const name of only)
    if (!Object.hasOwn(COMMANDS, name)) throw new Error(`--only: expected some of ${Object.keys(COMMANDS).join(', ')}, received ${name}`);
  const rows = numberFlag(argv, 'rows', 10_000_000);
  const runs = numberFlag(argv, 'runs', 3);
  if (runs < 1) throw new Error(`--runs: expected at least 1, received ${runs}`);
  return { rows, seed: numberFlag(argv, 'seed', 1), runs, only, keep: argv.includes('--keep') };
}

/** Runs `node --require rusage.cjs ...args` and resolves to its exit, output and resource record. */
function measure(args, usageFile) {
  return new Promise((resolve, reject) => {
    rmSync(usageFile, { force: true });
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', PRELOAD, ...args], {
      cwd: ROOT,
      env: { ...process.env, CXMETRICS_RUSAGE_OUT: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : null;
      resolve({ code, signal, wallMs, usage, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Rows of a CSV text as arrays of fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The cells of an output: a map from `region,plan,period` to `{ n, value }`
 * (`value` null when empty), and how many roll-up rows were left out. Throws
 * when a column is missing or a cell repeats.
 */
function cellsOf(text) {
  const [header, ...body] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (header === undefined) throw new Error('no output');
  const at = {};
  for (const name of ['region', 'plan', 'period', 'n', 'value']) {
    at[name] = header.indexOf(name);
    if (at[name] === -1) throw new Error(`no column ${name} in the header ${header.join(',')}`);
  }
  const cells = new Map();
  let rollUps = 0;
  for (const fields of body) {
    if (fields.length === 1 && fields[0] === '') continue;
    const [region, plan, period, n, value] = ['region', 'plan', 'period', 'n', 'value'].map((name) => fields[at[name]] ?? '');
    if (region === '' || plan === '' || period === '') {
      rollUps++;
      continue;
    }
    const key = `${region},${plan},${period}`;
    if (cells.has(key)) throw new Error(`the cell ${key} appears twice`);
    cells.set(key, { n: Number(n), value: value === '' ? null : Number(value) });
  }
  return { cells, rollUps };
}

/** Differences between an output's cells and the expected ones, as messages (empty when they agree). */
function differences(actual, expected) {
  const problems = [];
  const none = { n: 0, value: null };
  for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const want = expected.get(key) ?? none;
    const got = actual.get(key) ?? none;
    const valueOk = want.value === null || got.value === null ? want.value === got.value : Math.abs(want.value - got.value) <= VALUE_TOLERANCE;
    if (got.n !== want.n || !valueOk) {
      problems.push(`${key}: expected n=${want.n} value=${want.value ?? '(empty)'}, received n=${got.n} value=${got.value ?? '(empty)'}`);
    }
  }
  return problems;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.only.includes('cli') && !existsSync(CLI_BIN)) {
    console.error(`no ${CLI_BIN}: run \`npm run build\` first (or \`npm run bench:cli\`, which builds)`);
    return 1;
  }
  const cores = cpus();
  console.log(`node ${process.version}, ${process.arch}, ${cores.length} cores (${cores[0]?.model ?? 'unknown'})`);
  const load = loadavg()[0];
  if (load > cores.length / 4) console.log(`load average ${load.toFixed(2)}: other work is running; wall times will suffer more than CPU times`);

  const started = performance.now();
  const data = await ensureData(options.rows, options.seed);
  const how = data.reused ? 'reused' : `generated in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  console.log(`data: ${options.rows.toLocaleString('en-US')} rows, ${(data.bytes / 1e6).toFixed(1)} MB, seed ${options.seed}, ${how}\n  ${data.file}`);

  const parquet = options.only.some((name) => COMMANDS[name].parquet) ? await ensureParquet(data.file) : null;
  if (parquet !== null)
    console.log(`  ${parquet.made ? 'wrote' : 'reused'} its Parquet copy, ${(statSync(parquet.file).size / 1e6).toFixed(1)} MB: ${parquet.file}`);

  const scratch = mkdtempSync(join(tmpdir(), 'cxmetrics-bench-rusage-'));
  let ok = true;
  try {
    const expected = cellsOf(readFileSync(data.expected, 'utf8')).cells;
    /** Per command: the measured runs and the cells of its first output. */
    const results = new Map(options.only.map((name) => [name, { runs: [], firstOutput: null, failed: false }]));
    for (let round = 1; round <= options.runs; round++) {
      for (const name of options.only) {
        const result = results.get(name);
        if (result.failed) continue;
        const run = await measure(COMMANDS[name].args(COMMANDS[name].parquet ? parquet.file : data.file), join(scratch, `${name}-${round}.json`));
        if (run.code !== 0 || run.usage === null) {
          const why = run.code !== 0 ? `exit code ${run.code ?? run.signal}` : 'no resource record';
          console.log(`${name}: FAILED (${why})\n${run.stderr.trim().split('\n').slice(-20).join('\n')}`);
          result.failed = true;
          ok = false;
          continue;
        }
        const cpuS = (run.usage.userMicros + run.usage.systemMicros + run.usage.childrenMicros) / 1e6;
        const rssMb = run.usage.maxRssKb / 1024;
        result.runs.push({ cpuS, wallS: run.wallMs / 1000, rssMb, childrenS: run.usage.childrenMicros / 1e6 });
        console.log(`  ${name} run ${round}/${options.runs}: ${cpuS.toFixed(2)} s CPU, ${(run.wallMs / 1000).toFixed(2)} s wall, ${rssMb.toFixed(0)} MB`);
        if (run.usage.childrenMicros > 0) console.log(`  ${name} started child processes: their CPU time is counted, their memory is not`);

        // Check the output: every run against the first, the first against the generator's tally.
        if (result.firstOutput === null) {
          result.firstOutput = run.stdout;
          let problems;
          let rollUps = 0;
          try {
            const parsed = cellsOf(run.stdout);
            rollUps = parsed.rollUps;
            problems = differences(parsed.cells, expected);
          } catch (error) {
            problems = [error.message];
          }
          if (problems.length > 0) {
            ok = false;
            console.log(`${name}: output DISAGREES with the generator's tally (${problems.length} problems):\n    ${problems.slice(0, 10).join('\n    ')}`);
          } else {
            const ignored = rollUps > 0 ? `, roll-up rows ignored: ${rollUps}` : '';
            console.log(`  ${name}: output agrees with the generator's tally (${expected.size} cells${ignored})`);
          }
        } else if (run.stdout !== result.firstOutput) {
          ok = false;
          console.log(`${name}: run ${round} printed something else than run 1`);
        }
      }
    }

    // The table: median CPU and wall time, the highest peak RSS.
    const summary = new Map();
    for (const [name, result] of results) {
      if (result.runs.length === 0) continue;
      const cpu = result.runs.map((r) => r.cpuS);
      summary.set(name, {
        cpuS: median(cpu),
        minCpuS: Math.min(...cpu),
        maxCpuS: Math.max(...cpu),
        wallS: median(result.runs.map((r) => r.wallS)),
        rssMb: Math.max(...result.runs.map((r) => r.rssMb)),
      });
    }
    const rowsOut = [...summary].map(([name, s]) => [
      COMMANDS[name].label,
      s.cpuS.toFixed(2),
      `${s.minCpuS.toFixed(2)}-${s.maxCpuS.toFixed(2)}`,
      s.wallS.toFixed(2),
      s.rssMb.toFixed(0),
      `${(options.rows / s.cpuS / 1e6).toFixed(2)}`,
    ]);
    console.log(`\n${table(['command', 'CPU s', 'CPU range', 'wall s', 'peak RSS MB', 'M rows/CPU s'], rowsOut)}\n`);

    const cli = summary.get('cli');
    const floor = summary.get('floor');
    const duckdb = summary.get('duckdb');
    const verdict = (met) => (met ? 'met' : 'NOT MET');
    if (cli !== undefined && floor !== undefined) {
      const r = cli.cpuS / floor.cpuS;
      console.log(
        `cli / floor   CPU ${r.toFixed(2)}x (wall ${(cli.wallS / floor.wallS).toFixed(2)}x)   target <= ${TARGETS.cliOverFloor}x: ${verdict(r <= TARGETS.cliOverFloor)}`,
      );
    }
    if (cli !== undefined && duckdb !== undefined) {
      const r = cli.cpuS / duckdb.cpuS;
      console.log(
        `cli / duckdb  CPU ${r.toFixed(2)}x (wall ${(cli.wallS / duckdb.wallS).toFixed(2)}x)   target < ${TARGETS.cliOverDuckdb}x: ${verdict(r < TARGETS.cliOverDuckdb)}`,
      );
    }
    if (cli !== undefined) {
      console.log(`cli peak RSS  ${cli.rssMb.toFixed(0)} MB   target < ${TARGETS.cliRssMb} MB: ${verdict(cli.rssMb < TARGETS.cliRssMb)}`);
    }
    const cliParquet = summary.get('cli-parquet');
    const duckdbParquet = summary.get('duckdb-parquet');
    if (cliParquet !== undefined && duckdbParquet !== undefined) {
      const r = cliParquet.cpuS / duckdbParquet.cpuS;
      console.log(
        `cli / duckdb on Parquet  CPU ${r.toFixed(2)}x (wall ${(cliParquet.wallS / duckdbParquet.wallS).toFixed(2)}x)   target <= ${TARGETS.parquetOverDuckdb}x: ${verdict(r <= TARGETS.parquetOverDuckdb)}`,
      );
    }
    if (cli === undefined && floor !== undefined && duckdb !== undefined) {
      console.log(`duckdb / floor  CPU ${(duckdb.cpuS / floor.cpuS).toFixed(2)}x (wall ${(duckdb.wallS / floor.wallS).toFixed(2)}x)`);
    }
    if (!ok) console.log('\nsome outputs disagree or a command failed');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (!data.reused && !options.keep) {
      rmSync(data.file, { force: true });
      rmSync(data.expected, { force: true });
      if (parquet !== null) rmSync(parquet.file, { force: true });
    }
  }
  return ok ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
