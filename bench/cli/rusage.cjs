/**
 * A preload that records what a process cost: `node --require
 * ./bench/cli/rusage.cjs script args` with `CXMETRICS_RUSAGE_OUT=FILE` writes,
 * when the process exits, one JSON object to FILE:
 *
 * - `userMicros`, `systemMicros`: CPU time of the whole process, every
 *   thread included (DuckDB's workers, libuv's pool), from
 *   `process.resourceUsage()`;
 * - `childrenMicros`: CPU time of child processes it waited for (Linux only,
 *   from /proc/self/stat at 100 ticks a second; 0 elsewhere), which the
 *   above leaves out;
 * - `maxRssKb`: peak resident set size in kilobytes;
 * - `wallMs`: milliseconds from the process's start (`performance.timeOrigin`)
 *   to exit;
 * - `exitCode`.
 *
 * The variable is removed from the environment once read, so a child process
 * started with the same preload does not overwrite the file. Work done after
 * the 'exit' event (native destructors) is not counted.
 */
'use strict';

const { readFileSync, writeFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const out = process.env.CXMETRICS_RUSAGE_OUT;
delete process.env.CXMETRICS_RUSAGE_OUT;

/** CPU microseconds of waited-for children: fields 16 and 17 (cutime, cstime) of /proc/self/stat, in ticks of 1/100 s. */
function childrenMicros() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces; the first of them is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10_000;
  } catch {
    return 0;
  }
}

if (out !== undefined && out !== '') {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    const record = {
      userMicros: usage.userCPUTime,
      systemMicros: usage.systemCPUTime,
      childrenMicros: childrenMicros(),
      maxRssKb: usage.maxRSS,
      wallMs: performance.now(),
      exitCode: code,
    };
    writeFileSync(out, `${JSON.stringify(record)}\n`);
  });
}
