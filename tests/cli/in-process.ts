/**
 * The command line run in process: `main` with its standard output and
 * error captured, giving what a subprocess run gives (`built-bin.ts`).
 */
import { main } from '../../src/cli/main.js';
import type { Run } from './built-bin.js';

/** Runs `cxmetrics ...argv` in this process, with `isTTY` on standard output when asked. */
export async function cx(...argv: string[]): Promise<Run> {
  return cxWith({}, ...argv);
}

/** As `cx`, with standard output a terminal when `tty` is set. */
export async function cxWith(options: { tty?: boolean }, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t), ...(options.tty === true ? { isTTY: true } : {}) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}
