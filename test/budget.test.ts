// The time budget, from the source: src/budget.ts is bundled into a worker script for this test (a
// checking thread needs a script Node can start), so a change in src/ shows here without a rebuild.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as BudgetModule from '../src/budget.js';
import { loadConfig } from '../src/config/load.js';
import type { KindedFile } from '../src/engine.js';
import { ROOT, runbooks } from './helpers.js';

let dir: string;
let budget: typeof BudgetModule;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rg-budget-'));
  const outfile = path.join(dir, 'budget.mjs');
  await build({
    stdin: {
      contents: [
        "import { serveCheckThread, setCheckScript } from './src/budget.ts';",
        "export * from './src/budget.ts';",
        'if (!(await serveCheckThread())) setCheckScript(new URL(import.meta.url));',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    // CommonJS packages bundled into ESM call require for Node's built-ins.
    banner: {
      js: "import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);",
    },
  });
  budget = (await import(pathToFileURL(outfile).href)) as typeof BudgetModule;
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const config = loadConfig(undefined, 'x.yml');
/** A runbook the Markdown parser takes minutes on: 64 KB of ordered-list markers. */
const SLOW = '1. '.repeat(22_000);
const FAST = '# Fast\n\nNothing else.\n';
const TIGHT = { perDocumentMs: 400, inProcessBytes: 1024, runMs: 120_000 };

/** `count` slow runbooks, each after a fast one. */
function interleaved(count: number): KindedFile[] {
  return runbooks(
    Array.from({ length: count }, (_, i) => [
      { path: `fast-${i}.md`, text: FAST },
      { path: `slow-${i}.md`, text: SLOW },
    ]).flat(),
  );
}

describe('documents checked one by one in a thread', () => {
  it("give a chart's templates the values.yaml that is itself a changed document", async () => {
    const template =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n';
    const files: KindedFile[] = [
      { path: 'chart/templates/deployment.yaml', kind: 'manifest', text: template },
      {
        path: 'chart/values.yaml',
        kind: 'manifest',
        text: 'resources:\n  requests: {cpu: 100m, memory: 64Mi}\n  limits: {cpu: 1, memory: 128Mi}\n',
      },
      {
        path: 'chart/Chart.yaml',
        kind: 'manifest',
        text: 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
        companion: true,
      },
    ];
    let threads = 0;
    const report = await budget.checkWithinBudget(
      { files, config },
      { budget: { ...TIGHT, inProcessBytes: 64 }, onThread: () => threads++ },
    );
    expect(threads).toBe(1);
    // Resolved from values.yaml: neither "no resources" nor "not checked".
    expect(report.findings.map((f) => `${f.source}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(report.sources).toEqual(['chart/templates/deployment.yaml', 'chart/values.yaml']);
  }, 60_000);

  it('give an alert the runbook that changed with it, and agree with the check in one go', async () => {
    const alerts = loadConfig(
      'alerts:\n  runbook-urls:\n    - prefix: https://runbooks.example.com/\n      path: docs/runbooks/\n',
      'x.yml',
    );
    const files: KindedFile[] = [
      {
        path: 'monitoring/payments.rules.yml',
        kind: 'manifest',
        text: 'groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up{job="payments"} == 0\n        labels:\n          severity: critical\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-down\n',
      },
      ...runbooks([{ path: 'docs/runbooks/payments-down.md', text: FAST }]),
    ];
    let threads = 0;
    const inThread = await budget.checkWithinBudget(
      { files, config: alerts },
      { budget: { ...TIGHT, inProcessBytes: 64 }, onThread: () => threads++ },
    );
    const inProcess = await budget.checkWithinBudget({ files, config: alerts }, { budget: TIGHT });
    expect(threads).toBe(1);
    const shown = (r: typeof inThread) => r.findings.map((f) => `${f.source}:${f.line} ${f.ruleId}`);
    expect(shown(inThread).filter((f) => f.includes('alert-runbook'))).toEqual([]);
    expect(shown(inThread)).toEqual(shown(inProcess));
    expect(inThread.sources).toEqual(['monitoring/payments.rules.yml', 'docs/runbooks/payments-down.md']);
  }, 60_000);
});

describe('the time budget across documents', () => {
  it('keeps the verdicts of documents already checked when a slow one stops the thread', async () => {
    const files = interleaved(4);
    const parsed: string[] = [];
    let threads = 0;
    const report = await budget.checkWithinBudget(
      { files, config },
      { budget: TIGHT, onDocument: (doc) => parsed.push(doc), onThread: () => threads++ },
    );
    // Each document was parsed once: a restart goes on from where the slow one stopped.
    expect(parsed).toEqual(files.map((f) => f.path));
    expect(threads).toBe(5);
    expect(report.sources).toEqual(files.map((f) => f.path));
    expect(report.findings.filter((f) => f.ruleId === 'document-too-complex').map((f) => f.source)).toEqual(
      files.filter((f) => f.path.startsWith('slow')).map((f) => f.path),
    );
    // The fast runbooks have their own findings (no Overview, no steps…), checked once each.
    for (const fast of files.filter((f) => f.path.startsWith('fast'))) {
      expect(
        report.findings.filter((f) => f.source === fast.path && f.ruleId === 'runbook-section').length,
      ).toBeGreaterThan(0);
    }
    expect(report.conclusion).toBe('failure');
  }, 60_000);

  it('past the run’s budget, names what was not checked in one finding', async () => {
    const files = interleaved(6);
    const report = await budget.checkWithinBudget(
      { files, config },
      { budget: { ...TIGHT, runMs: 1_000 }, deadline: Date.now() + 1_000 },
    );
    const over = report.findings.filter((f) => f.ruleId === 'run-over-budget');
    expect(over).toHaveLength(1);
    expect(over[0]!.message).toMatch(
      /^\d+ documents were not checked: the run's checking took longer than its 1 s budget\. Not checked: /,
    );
    // What was checked before the budget ran out kept its verdict; nothing is both checked and named.
    const named = Number(/^(\d+)/.exec(over[0]!.message)![1]);
    const checked = report.sources.filter((s) => s !== over[0]!.source);
    expect(checked.length + named).toBe(files.length);
    expect(checked).toContain('fast-0.md');
    expect(report.conclusion).toBe('failure');
  }, 60_000);

  it('checks a small run in this thread, starting none', async () => {
    let threads = 0;
    const report = await budget.checkWithinBudget(
      { files: runbooks([{ path: 'a.md', text: FAST }]), config },
      { budget: TIGHT, onThread: () => threads++ },
    );
    expect(threads).toBe(0);
    expect(report.sources).toEqual(['a.md']);
  });
});
