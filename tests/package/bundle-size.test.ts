/**
 * What depending on the library costs a front end, in bytes.
 *
 * The ESM build (tsup, as `npm run build` makes it, into a temporary
 * directory beside a `package.json` that says what the published one says
 * about side effects) is bundled by esbuild for the browser, minified, with
 * zod and decimal.js, as an application's bundler would: for one metric, for
 * the error guard alone, and for everything. Each bundle is gzipped and held
 * to its target; the sizes are printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const KB = 1024;

/** What an application imports, and the most it may cost, gzipped. */
const CASES = [
  { name: 'import { nps }', source: 'export { nps }', maxGzip: 30 * KB },
  { name: 'import { isMetricsError }', source: 'export { isMetricsError }', maxGzip: 3 * KB },
  // The segment functions run every metric that tallies, so they bundle nearly all of them.
  { name: 'import { segment, changes, trend }', source: 'export { segment, changes, trend }', maxGzip: 64 * KB },
  { name: 'import { mrrSeries, cohorts, mrrFromInvoices }', source: 'export { mrrSeries, cohorts, mrrFromInvoices }', maxGzip: 40 * KB },
  // 60 KB for the metrics and operations, 12 KB for the segment functions and first response time, which share most of their code with them,
  // and 8 KB for the revenue series (the change-log reader, the two walks, the table of movement tallies, invoices).
  { name: 'import * (everything)', source: 'export *', maxGzip: 80 * KB },
] as const;

let outDir = '';
const sizes = new Map<string, { minified: number; gzipped: number; code: string; inputs: string[] }>();

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'cxmetrics-bundle-size-'));
  const pkg = require('tsup/package.json') as { bin: Record<string, string> };
  const tsup = join(dirname(require.resolve('tsup/package.json')), pkg.bin.tsup!);
  execFileSync(process.execPath, [tsup, '--format', 'esm', '--no-dts', '--no-sourcemap', '--out-dir', outDir], { cwd: root, stdio: 'pipe' });
  // A bundler reads `sideEffects` from the package the files belong to.
  const { type, sideEffects } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { type?: string; sideEffects?: unknown };
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ name: 'cxmetrics', type, sideEffects }));
  for (const c of CASES) {
    const result = await build({
      stdin: { contents: `${c.source} from ${JSON.stringify(join(outDir, 'index.js'))};`, resolveDir: outDir, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      // The build sits outside the project; zod and decimal.js resolve from the project's node_modules.
      nodePaths: [join(root, 'node_modules')],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    sizes.set(c.name, {
      minified: code.length,
      gzipped: gzipSync(code).length,
      code: result.outputFiles[0]!.text,
      inputs: Object.keys(result.metafile.inputs),
    });
  }
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  console.info(
    CASES.map((c) => {
      const s = sizes.get(c.name)!;
      return `${c.name}: ${kb(s.minified)} minified, ${kb(s.gzipped)} gzipped (target ${kb(c.maxGzip)})`;
    }).join('\n'),
  );
}, 120_000);

afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

describe('bundle size, minified and gzipped', () => {
  it.each(CASES)('$name is at most its target', (c) => {
    expect(sizes.get(c.name)!.gzipped).toBeLessThanOrEqual(c.maxGzip);
  });

  it('the library entry loads nothing of the command line: no CLI module, no echarts, no yaml', () => {
    // The build holds the command line too (dist/cli.js and its chunks): it must not be reachable from the entry.
    expect(readFileSync(join(outDir, 'cli.js'), 'utf8')).toContain('cxmetrics');
    for (const c of CASES) {
      const { inputs, code } = sizes.get(c.name)!;
      expect(
        inputs.filter((i) => /cli\.js$|[\\/](echarts|zrender|yaml)[\\/]/.test(i)),
        c.name,
      ).toEqual([]);
      expect(code, c.name).not.toMatch(/--on-invalid|renderToSVGString/);
    }
  });

  it('the library entry loads nothing of cxmetrics/sql', () => {
    expect(readFileSync(join(outDir, 'sql.js'), 'utf8')).toContain('tallyFromRows');
    for (const c of CASES) {
      const { inputs, code } = sizes.get(c.name)!;
      expect(
        inputs.filter((i) => /[\\/]sql\.js$/.test(i)),
        c.name,
      ).toEqual([]);
      expect(code, c.name).not.toMatch(/cxmetrics_source|runAndReadAll/);
    }
  });

  it('import { isMetricsError } holds neither zod nor decimal.js', () => {
    const { code } = sizes.get('import { isMetricsError }')!;
    expect(code).not.toMatch(/zod|Zod|DecimalError/);
  });
});
