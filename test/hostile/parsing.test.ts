// Markdown made to be slow or deep: the parser's super-linear shapes and nesting that overflows a stack.
// Bounds: in-process (sources), a shape of up to 4 KB is checked in under 5 s; through the bundle, a
// 64 KB shape costs at most its 5 s budget, so a run with two such documents ends within 30 s.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { NODE, runBundledAction } from '../action/harness.js';
import { pullRequestEvent, scenario } from '../action/scenario.js';
import type { FakeGitHub } from '../github/server.js';
import { ROOT, runbooks } from '../helpers.js';

const config = loadConfig(undefined, 'x.yml');

/** Shapes on which the Markdown parser is super-linear or deeply recursive, each `n` characters long or so. */
const SHAPES: Record<string, (n: number) => string> = {
  'setext headings': (n) => 'a\n-\n'.repeat(n / 4),
  'emphasis runs': (n) => '*_'.repeat(n / 2),
  'emphasis with text': (n) => '*a_'.repeat(n / 3),
  'ordered list markers': (n) => '1. '.repeat(n / 3),
  'list markers': (n) => '- '.repeat(n / 2),
  'quoted lists': (n) => '> - '.repeat(n / 4),
  'link openers': (n) => ']([\n'.repeat(n / 4),
};

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('in-process (sources)', () => {
  it('nesting that overflows the parser’s stack is a too-complex finding, not a crash', () => {
    // A link 4,000 lists and quotes deep: remark-gfm's search for literal links recurses that deep.
    const report = check({ description: `${'> - '.repeat(4000)}www.example.com`, files: [], config });
    expect(report.findings.map((f) => [f.ruleId, f.source])).toEqual([['document-too-complex', 'pull-request']]);
    expect(report.conclusion).toBe('failure');
  });

  it('our own walk is iterative: 3,000 nested block quotes parse without a stack overflow', () => {
    const report = check({ files: runbooks([{ path: 'r.md', text: `${'>'.repeat(3000)} x\n` }]), config });
    expect(report.findings.some((f) => f.ruleId === 'runbook-section')).toBe(true);
  });

  it('never throws and stays within its bound on every shape, up to 4 KB', () => {
    const shape = fc.constantFrom(...Object.values(SHAPES));
    fc.assert(
      fc.property(shape, fc.integer({ min: 16, max: 4096 }), (make, n) => {
        const text = make(n);
        const started = Date.now();
        const report = check({ description: text, files: runbooks([{ path: 'r.md', text }]), config });
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(report.errors).toBeGreaterThan(0);
      }),
      { numRuns: 25, seed: 7 },
    );
  }, 120_000);
});

describe('through the bundle, with the time budget', () => {
  let gh: FakeGitHub | undefined;
  afterEach(async () => {
    await gh?.stop();
    gh = undefined;
  });

  it('the CLI ends within the budget on a 64 KB description and runbook, failing both as too complex', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-patho-'));
    temps.push(dir);
    await writeFile(path.join(dir, 'pr.md'), SHAPES['setext headings']!(64_000));
    await writeFile(path.join(dir, 'deep.md'), SHAPES['ordered list markers']!(64_000));
    const started = Date.now();
    const result = await promisify(execFile)(
      NODE,
      [path.join(ROOT, 'bin/readiness-gate.js'), 'check', '--format', 'json', '--body', 'pr.md', 'deep.md'],
      { cwd: dir, timeout: 60_000 },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; source: string }[] };
    expect(report.findings.map((f) => [f.ruleId, f.source])).toEqual([
      ['document-too-complex', 'pull-request'],
      ['document-too-complex', 'deep.md'],
    ]);
  }, 60_000);

  it('the CLI fails a source file whose nesting makes its queries slow as too complex, within the budget', async () => {
    // 200,000 unclosed brackets parse fast, but tree-sitter's query cursor takes time in the square of their depth.
    // With `requests` in it the timeout rule queries the file; without any word a rule looks for, none does, and the
    // file is only said to be unparsed.
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-patho-'));
    temps.push(dir);
    await writeFile(path.join(dir, 'deep.py'), `import requests\n${'('.repeat(200_000)}`);
    await writeFile(path.join(dir, 'bare.py'), '('.repeat(200_000));
    await writeFile(path.join(dir, 'fine.py'), 'import requests\nrequests.get(url)\n');
    const started = Date.now();
    const result = await promisify(execFile)(
      NODE,
      [path.join(ROOT, 'bin/readiness-gate.js'), 'check', '--format', 'json', 'deep.py', 'bare.py', 'fine.py'],
      { cwd: dir, timeout: 60_000 },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; source: string }[] };
    expect(report.findings.map((f) => [f.ruleId, f.source])).toEqual([
      ['document-too-complex', 'deep.py'],
      ['code-not-read', 'bare.py'],
      ['code-network-timeout', 'fine.py'],
    ]);
  }, 60_000);

  it('the action publishes a failing verdict on a 64 KB pathological description', async () => {
    const github = (gh = await scenario({ body: SHAPES['quoted lists']!(64_000) }));
    const started = Date.now();
    const run = await runBundledAction(github, { event: 'pull_request', payload: pullRequestEvent() });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(1);
    expect(github.checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
    expect(run.report!.findings.filter((f) => f.ruleId === 'document-too-complex').map((f) => f.source)).toEqual([
      'pull-request',
    ]);
    expect(github.violations).toEqual([]);
  }, 60_000);
});
