/**
 * What loading the library costs a Node process: the package is built
 * (tsup, as `npm run build` makes it, without type declarations) into
 * `node_modules/.cache`, where decimal.js resolves as it would for an
 * installed package. Then a fresh `node` requires the CJS build, a fresh
 * `node` imports the ESM build, and a bare `node -e 0` does nothing, in turn,
 * many times; each child prints its peak resident set size at exit.
 * Printed: the median wall time and peak RSS of each, and the difference to
 * bare `node` (the median of each round's difference). Target: at most
 * 35 ms over bare `node` for either build. An empty ES module evaluated the
 * same way is timed too, for reference: part of the ESM figure is Node
 * starting its ES module loader at all.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const TARGET_MS = 35;
const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

interface Sample {
  readonly ms: number;
  readonly rssKb: number;
}

/** Builds the package into a directory inside the project's node_modules and returns it. */
function buildPackage(): string {
  const outDir = join(root, 'node_modules', '.cache', 'cxmetrics-import-cost');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const pkg = require('tsup/package.json') as { bin: Record<string, string> };
  const tsup = join(dirname(require.resolve('tsup/package.json')), pkg.bin.tsup!);
  execFileSync(process.execPath, [tsup, '--no-dts', '--no-sourcemap', '--out-dir', outDir], { cwd: root, stdio: 'pipe' });
  // `.js` files are ES modules only under a package.json that says so, as in the published package.
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ name: 'cxmetrics', type: 'module', sideEffects: false }));
  return outDir;
}

/** Runs `node args` once and returns its wall time and peak RSS. */
function sample(args: readonly string[]): Sample {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${child.stderr}`);
  return { ms, rssKb: Number(child.stdout) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function run(): Promise<boolean> {
  const dir = buildPackage();
  // Each child reports its peak RSS (kilobytes) as it finishes.
  const report = 'process.stdout.write(String(process.resourceUsage().maxRSS))';
  const cases = {
    'bare node -e 0': ['-e', `0;${report}`],
    'require CJS build': ['-e', `require(${JSON.stringify(join(dir, 'index.cjs'))});${report}`],
    'import ESM build': ['--input-type=module', '-e', `import ${JSON.stringify(join(dir, 'index.js'))};${report}`],
    'empty ES module': ['--input-type=module', '-e', `0;${report}`],
  } as const;
  const rounds = process.env.BENCH_QUICK === '1' ? 7 : 25;
  const samples = new Map<string, Sample[]>(Object.keys(cases).map((name) => [name, []]));
  // One round to warm the file system cache, then rounds that take turns, so load on the machine falls on every case alike.
  for (const args of Object.values(cases)) sample(args);
  for (let r = 0; r < rounds; r++) {
    for (const [name, args] of Object.entries(cases)) samples.get(name)!.push(sample(args));
  }
  console.log(`\nimport cost in Node (median of ${rounds} fresh processes each; differences paired round by round)`);
  const bare = samples.get('bare node -e 0')!;
  const signed = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  let ok = true;
  for (const [name, list] of samples) {
    const ms = median(list.map((s) => s.ms));
    const mb = median(list.map((s) => s.rssKb)) / 1024;
    const line = `  ${name.padEnd(22)} ${ms.toFixed(1).padStart(7)} ms  ${mb.toFixed(1).padStart(6)} MB peak RSS`;
    if (list === bare) {
      console.log(line);
      continue;
    }
    // Each round's case against the same round's bare node, so a burst of load on the machine cancels out.
    const extraMs = median(list.map((s, i) => s.ms - bare[i]!.ms));
    const extraMb = median(list.map((s, i) => s.rssKb - bare[i]!.rssKb)) / 1024;
    const reference = name === 'empty ES module';
    const met = reference || extraMs <= TARGET_MS;
    ok &&= met;
    const goal = reference ? '(for reference)' : `target <= +${TARGET_MS} ms: ${met ? 'met' : 'MISSED'}`;
    console.log(`${line}  ${signed(extraMs, 1)} ms, ${signed(extraMb, 1)} MB over bare node  ${goal}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return ok;
}
