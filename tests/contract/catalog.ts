/**
 * The contract suite as a catalog: every generated call of every export is
 * checked, none stops the run, and the violations are grouped by export and
 * clause, each group with how often it occurred and its shortest input.
 * fast-check stops a property at its first failure; this shows them all.
 *
 *   npx tsx tests/contract/catalog.ts            # 200 calls per property
 *   CATALOG_RUNS=1000 npx tsx tests/contract/catalog.ts
 *   CATALOG_ONLY=nps,mergeCounts npx tsx tests/contract/catalog.ts
 *
 * The seed is that of tests/setup.ts (or `FC_SEED`), so a catalog is
 * reproducible.
 */
import fc from 'fast-check';
import { blameCalls, Call, checkCall, derivedHostile, type ExportSpec } from './contract.js';
import { operationSpecs } from './specs/operations.js';
import { revenueSpecs } from './specs/revenue.js';
import { supportSpecs } from './specs/support.js';
import { surveySpecs } from './specs/survey.js';

const runs = Number(process.env.CATALOG_RUNS ?? 200);
const seed = Number(process.env.FC_SEED ?? 20_261_130);
const only = process.env.CATALOG_ONLY?.split(',');
const specs = [...surveySpecs, ...supportSpecs, ...revenueSpecs, ...operationSpecs].filter((s) => only === undefined || only.includes(s.name));

interface Group {
  count: number;
  detail: string;
  input: string;
}

/** What tells two violations of one clause apart: for a path, its shape; otherwise the detail with numbers, quoted text and lists blanked. */
function classOf(clause: string, detail: string): string {
  if (clause.startsWith('MetricsError path') || clause.startsWith('MetricsError blames')) {
    return (/^path \[[^\]]*\]/.exec(detail)?.[0] ?? detail).replace(/\d+/g, 'N');
  }
  return detail
    .replace(/\([^)]*\)/g, '(…)')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\[[^\]]*\]/g, '[…]')
    .replace(/received .*$/, 'received …')
    .replace(/\d+(\.\d+)?(e[-+]?\d+)?/g, 'N')
    .slice(0, 90);
}

const groups = new Map<string, Group>();
let calls = 0;
const start = performance.now();
for (const spec of specs as readonly ExportSpec[]) {
  const kinds = [spec.valid.map((args) => new Call(spec.name, args, [], 'valid')), derivedHostile(spec), blameCalls(spec)];
  for (const kind of kinds) {
    for (const call of fc.sample(kind, { numRuns: runs, seed })) {
      calls++;
      const checked = checkCall(spec, call.args, call.expectation, call.blame);
      for (const v of checked.violations) {
        const key = `${v.clause}\u0000${spec.name}\u0000${classOf(v.clause, v.detail)}`;
        const input = call[fc.toStringMethod]();
        const group = groups.get(key);
        if (group === undefined) groups.set(key, { count: 1, detail: v.detail, input });
        else {
          group.count++;
          if (input.length < group.input.length) Object.assign(group, { detail: v.detail, input });
        }
      }
    }
  }
}

const byClause = new Map<string, string[]>();
for (const [key, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const [clause, name] = key.split('\u0000') as [string, string];
  const lines = byClause.get(clause) ?? [];
  lines.push(`- ${name} (${g.count}x): ${g.detail.slice(0, 400)}\n    ${g.input.replace(/\n\s*/g, ' ').slice(0, 600)}`);
  byClause.set(clause, lines);
}
for (const [clause, lines] of byClause) console.log(`\n## ${clause} (${lines.length})\n${lines.join('\n')}`);
console.log(`\n${calls} calls, ${groups.size} classes, ${Math.round(performance.now() - start)} ms`);
