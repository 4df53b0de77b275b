/**
 * The `cxmetrics` executable: runs the command line on the process's
 * arguments and exits with its code. A closed standard output (`| head`)
 * ends the run quietly.
 */
import { main } from './main.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
