/**
 * The command line run in process: `main` with its standard output and
 * error captured, giving what a subprocess run gives (`built-bin.ts`).
 */
import { main } from '../../src/cli/main.js';
import type { Run } from './built-bin.js';

/** Runs `cxmetrics ...argv` in this process; standard output is not a terminal. */
export async function cx(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}
