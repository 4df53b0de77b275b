/**
 * The command line as users run it: the package built by tsup (as `npm run
 * build` builds it, without declarations) into a folder under
 * `node_modules/.cache`, where its dependencies resolve from the project,
 * and run as a subprocess of Node.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** Builds the package into a fresh folder; returns the path of its `cli.js` and a function that removes the folder. */
export function buildBin(): { bin: string; remove: () => void } {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'cxmetrics-cli-'));
  const pkg = require('tsup/package.json') as { bin: Record<string, string> };
  const tsup = join(dirname(require.resolve('tsup/package.json')), pkg.bin.tsup as string);
  execFileSync(process.execPath, [tsup, '--no-dts', '--no-sourcemap', '--out-dir', outDir], { cwd: root, stdio: 'pipe' });
  return { bin: join(outDir, 'cli.js'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** What a run of the command line gave. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin ...args`, with `input` on standard input, in `cwd` (the project by default). */
export function run(bin: string, args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(options.input ?? '');
  });
}

/** The project's root folder. */
export const ROOT = root;
