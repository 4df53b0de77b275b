/**
 * Every documented example is a test: the `@example` blocks of the TSDoc in
 * `src/` and the `js` code blocks of `README.md` and `docs/`. In a block, a
 * line `expression // => expected` asserts that the expression equals the
 * expected value (`toStrictEqual`), and `expression // throws` that it throws
 * a `MetricsError`. Other lines run as written, with every export of the
 * public entry points (`cxmetrics` and `cxmetrics/sql`) in scope, and may
 * `await` a promise; `import` lines are skipped. The examples of
 * the command line's and the SQL entry's modules (`src/cli/`, `src/sql/`),
 * whose exports the entry points may not export, run with their own
 * module's exports in scope too, and their `// throws` expects any `Error`. A `js no-run`
 * block is shown only. Every block asserts: a docs block at least one
 * `// =>` value, a TSDoc example at least one `// =>` or `// throws`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as main from '../../src/index.js';
import * as sql from '../../src/sql/index.js';

const api = { ...main, ...sql };

const root = join(import.meta.dirname, '..', '..');

interface Block {
  readonly where: string;
  readonly code: string;
}

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, ext));
    else if (entry.name.endsWith(ext)) out.push(path);
  }
  return out;
}

function tsdocExamples(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (/^\s*\*\//.test(line) || /^\s*\*\s*@\w+/.test(line)) break;
      body.push(line.replace(/^\s*\* ?/, ''));
    }
    blocks.push({ where: `${relative(root, file)}:${i + 1}`, code: body.join('\n') });
    i = j - 1;
  }
  return blocks;
}

function markdownExamples(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(js|ts|javascript|typescript)(\s+no-run)?\s*$/.exec(lines[i]!);
    if (open === null) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.startsWith('```'); j++) body.push(lines[j]!);
    if (open[2] === undefined) blocks.push({ where: `${relative(root, file)}:${i + 1}`, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

const ASSERT = /^(.*?)\s*\/\/ => (.+)$/;
const THROWS = /^(.*?)\s*\/\/ throws\s*$/;

/** The block as a function body whose assertions call `__check` and `__throws`. */
function compile(code: string): { body: string; assertions: number; values: number } {
  let assertions = 0;
  let values = 0;
  const out = code.split('\n').map((line) => {
    if (/^\s*import\s/.test(line)) return '';
    const a = ASSERT.exec(line);
    if (a !== null) {
      assertions++;
      values++;
      return `__check(() => (${a[1]!.replace(/;\s*$/, '')}), () => (${a[2]}), ${JSON.stringify(line.trim())});`;
    }
    const t = THROWS.exec(line);
    if (t !== null) {
      assertions++;
      return `__throws(() => { ${t[1]} }, ${JSON.stringify(line.trim())});`;
    }
    return line;
  });
  return { body: out.join('\n'), assertions, values };
}

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;

async function run(block: Block, module: Record<string, unknown> | null = null): Promise<{ assertions: number; values: number }> {
  const scope: Record<string, unknown> = { ...api, ...module };
  const names = Object.keys(scope);
  const values = names.map((n) => scope[n]);
  const { body, assertions, values: valueAssertions } = compile(block.code);
  const check = (actual: () => unknown, expected: () => unknown, line: string) => {
    expect(actual(), `${block.where}: ${line}`).toStrictEqual(expected());
  };
  const throws = (fn: () => unknown, line: string) => {
    let caught: unknown = null;
    try {
      fn();
    } catch (e) {
      caught = e;
    }
    if (module === null) expect(api.isMetricsError(caught), `${block.where}: ${line} should throw a MetricsError`).toBe(true);
    else expect(caught, `${block.where}: ${line} should throw`).toBeInstanceOf(Error);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const text = `"use strict";\n${body}`;
  const fn = /\bawait\b/.test(body)
    ? new AsyncFunction(...names, '__check', '__throws', text)
    : (new Function(...names, '__check', '__throws', text) as (...args: unknown[]) => void);
  await fn(...values, check, throws);
  return { assertions, values: valueAssertions };
}

const srcBlocks = filesUnder(join(root, 'src'), '.ts').flatMap(tsdocExamples);
const docBlocks = [join(root, 'README.md'), ...filesUnder(join(root, 'docs'), '.md')].flatMap(markdownExamples);

describe('TSDoc @example blocks', () => {
  it.each(srcBlocks.map((b) => [b.where, b] as const))('%s', async (where, block) => {
    const file = where.slice(0, where.lastIndexOf(':'));
    const module = file.startsWith('src/cli/') || file.startsWith('src/sql/') ? ((await import(join(root, file))) as Record<string, unknown>) : null;
    expect((await run(block, module)).assertions, `${block.where} has no "// =>" or "// throws" line`).toBeGreaterThan(0);
  });
});

describe('docs code blocks', () => {
  it.each(docBlocks.map((b) => [b.where, b] as const))('%s', async (_where, block) => {
    expect((await run(block)).values, `${block.where} asserts no "// =>" value`).toBeGreaterThan(0);
  });
});

describe('every public function and class has a TSDoc @example', () => {
  const sources = filesUnder(join(root, 'src'), '.ts').map((f) => readFileSync(f, 'utf8'));
  const exported = Object.keys(api).filter((n) => typeof (api as Record<string, unknown>)[n] === 'function');
  it.each(exported)('%s', (name) => {
    const decl = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:async )?(?:function|class) ${name}\\b`);
    const doc = sources.map((s) => decl.exec(s)).find((m) => m !== null);
    expect(doc, `no TSDoc found for ${name}`).toBeDefined();
    expect(doc![1], `TSDoc of ${name} has no @example`).toContain('@example');
  });
});
