// One pipeline, two sources: each case is one repository and one pull request, checked by the CLI
// from a checkout on disk and by the action from the same tree served by the local GitHub. The two
// reports must agree on everything but where they were made: findings, waivers, passing checks,
// documents, matched `when` entries and skips. Each case also says what it must show, so two
// empty reports cannot agree by saying nothing.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from './action/harness.js';
import { BASE, HEAD, NUMBER, pullRequestEvent, text } from './action/scenario.js';
import { runCli } from './cli/run.js';
import { FakeGitHub } from './github/server.js';
import { filesUnder, ROOT, toolRuns } from './helpers.js';

const NO_PROBE =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          livenessProbe: {httpGet: {path: /live, port: 8080}}\n          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}\n';
const CHART_TEMPLATE = NO_PROBE.replace(
  / {10}resources: .*\n/,
  '          readinessProbe: {tcpSocket: {port: 8080}}\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
);
const BODY = text('examples/pull-request.md').replace('examples/runbooks/', 'docs/runbooks/');
const READY = text('examples/runbooks/deploy-payments.md');
/** A platform team's repository: catalog entries, CODEOWNERS, SLOs, dashboards and alerts beside three services. */
const PLATFORM = filesUnder(path.join(ROOT, 'test/fixtures/services/platform'));

interface Json {
  conclusion: string;
  findings: { ruleId: string; severity: string; source: string; message: string; line: number }[];
  passed: { ruleId: string; sources: string[] }[];
  documents: { source: string }[];
  skipped?: string;
  matched?: { name: string }[];
}

interface Case {
  name: string;
  /** The tree at the head commit (and at the base, less what the pull request adds). */
  files: Record<string, string>;
  /**
   * Files the base commit has otherwise. With them, the checkout is a git repository whose commit is the base
   * and whose working tree is the head, and the CLI is given `--base-ref HEAD`, as a developer runs it.
   */
  base?: Record<string, string>;
  /** What the pull request changes: `A`, `M` or `D` and a path. */
  changed: [status: 'A' | 'M' | 'D', path: string][];
  body?: string;
  config?: string;
  labels?: string[];
  title?: string;
  /** What the report must show, whichever side made it. */
  shows: (json: Json) => void;
}

/** Whether kubectl is on the PATH: both sides build overlays with it, or neither does. */
const KUBECTL = toolRuns('kubectl', ['version', '--client'], 'the overlay case checks that neither side builds it.');

const ruleIds = (json: Json) => json.findings.map((f) => f.ruleId);
const passing = (json: Json) => json.passed.map((p) => p.ruleId);

const LEGACY = 'import requests\n\n\ndef legacy(url):\n    return requests.get(url)\n';
const BOUNDED = `${LEGACY}\n\ndef charge(url):\n    return requests.post(\n        url,\n        timeout=5,\n    )\n`;

const CASES: Case[] = [
  {
    name: 'a ready pull request with its runbook',
    files: { 'docs/runbooks/deploy-payments.md': READY, 'src/vault.ts': 'export {};\n' },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'src/vault.ts'],
    ],
    shows: (json) => {
      expect(json.conclusion).toBe('success');
      expect(passing(json)).toContain('runbook-exists');
    },
  },
  {
    name: 'a source file: the call the change takes the timeout out of, not the legacy call it leaves alone',
    files: { 'docs/runbooks/deploy-payments.md': READY, 'svc/client.py': BOUNDED.replace('        timeout=5,\n', '') },
    base: { 'svc/client.py': BOUNDED },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'svc/client.py'],
    ],
    shows: (json) => {
      expect(json.findings.map((f) => `${f.ruleId} ${f.source}:${f.line}`)).toEqual([
        'claim-contradicted pull-request:22',
        'code-network-timeout svc/client.py:9',
      ]);
    },
  },
  {
    name: 'a linked runbook that is not ready',
    files: { 'docs/runbooks/deploy-payments.md': text('examples/runbooks/rotate-certs.md') },
    changed: [['A', 'docs/runbooks/deploy-payments.md']],
    shows: (json) => {
      expect(json.conclusion).toBe('failure');
      expect(ruleIds(json)).toContain('runbook-placeholder');
    },
  },
  {
    name: 'a linked runbook that does not exist',
    files: { 'src/vault.ts': 'export {};\n' },
    changed: [['M', 'src/vault.ts']],
    shows: (json) => expect(ruleIds(json)).toEqual(['runbook-exists']),
  },
  {
    name: 'a linked runbook that is a folder',
    files: { 'docs/runbooks/deploy-payments.md/README.md': READY },
    changed: [['A', 'docs/runbooks/deploy-payments.md/README.md']],
    shows: (json) => {
      expect(json.findings.map((f) => [f.ruleId, f.source])).toEqual([
        ['document-unreadable', 'docs/runbooks/deploy-payments.md'],
      ]);
      expect(json.findings[0]!.message).toContain('it is not a regular file');
    },
  },
  {
    name: 'a changed manifest that contradicts a ticked item',
    files: { 'docs/runbooks/deploy-payments.md': READY, 'deploy/api.yaml': NO_PROBE },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'deploy/api.yaml'],
    ],
    shows: (json) => {
      expect(ruleIds(json)).toEqual(['claim-contradicted', 'manifest-readiness-probe']);
      expect(json.findings[0]!.message).toContain('deploy/api.yaml:9');
    },
  },
  {
    name: 'an overlay whose patch changed, built with kubectl where it is on the PATH',
    files: {
      'docs/runbooks/deploy-payments.md': READY,
      'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n',
      'deploy/base/api.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n',
      'deploy/prod/kustomization.yaml':
        'resources: [../base]\npatches:\n  - path: no-probe.yaml\n    target: {kind: Deployment}\n',
      'deploy/prod/no-probe.yaml': '- op: remove\n  path: /spec/template/spec/containers/0/readinessProbe\n',
    },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'deploy/prod/no-probe.yaml'],
    ],
    shows: (json) => {
      const built = json.findings.filter((f) => f.source === 'deploy/prod/kustomization.yaml');
      if (KUBECTL) {
        expect(built.map((f) => [f.ruleId, f.line])).toContainEqual(['manifest-readiness-probe', 1]);
        expect(ruleIds(json)).toContain('claim-contradicted');
      } else expect(built).toEqual([]);
    },
  },
  {
    name: 'a Dockerfile past 1 MB, read whole',
    files: {
      'docs/runbooks/deploy-payments.md': READY,
      Dockerfile: `FROM node:20\n${'# padding\n'.repeat(210_000)}CMD node server.js\n`,
    },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'Dockerfile'],
    ],
    shows: (json) => {
      expect(json.findings.map((f) => [f.ruleId, f.source, f.line])).toEqual([
        ['claim-contradicted', 'pull-request', 20],
        ['dockerfile-exec-form', 'Dockerfile', 210_002],
      ]);
    },
  },
  {
    name: 'a Dockerfile too large to read',
    files: {
      'docs/runbooks/deploy-payments.md': READY,
      Dockerfile: `FROM node:20\n${'# padding\n'.repeat(1_100_000)}CMD node server.js\n`,
    },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'Dockerfile'],
    ],
    shows: (json) => {
      expect(json.findings.map((f) => [f.ruleId, f.source])).toEqual([['document-unreadable', 'Dockerfile']]);
      expect(json.findings[0]!.message).toMatch(
        /^Could not read Dockerfile: it is 11000032 bytes, over the 10485760-byte limit\. The gate fails until it can read every document it checks: a deployment file it need not check \(generated, vendored, a large CRD\) can be left out with `evidence\.exclude`\.$/,
      );
      // A file not read is not evidence: no ticked item is said to be borne out by it.
      expect(passing(json)).not.toContain('claim-contradicted');
    },
  },
  {
    name: "a chart template read with its chart's values.yaml",
    files: {
      'docs/runbooks/deploy-payments.md': READY,
      'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
      'chart/values.yaml': 'resources:\n  requests: {cpu: 100m, memory: 64Mi}\n  limits: {memory: 128Mi}\n',
      'chart/templates/api.yaml': CHART_TEMPLATE,
    },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'chart/templates/api.yaml'],
    ],
    shows: (json) => {
      expect(json.documents.map((d) => d.source)).toContain('chart/templates/api.yaml');
      expect(ruleIds(json)).not.toContain('manifest-resources');
      expect(passing(json)).toContain('claim-contradicted');
    },
  },
  {
    name: "only a chart's values changed: its templates are checked again",
    files: {
      'docs/runbooks/deploy-payments.md': READY,
      'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
      'chart/values.yaml': 'resources:\n  requests: {cpu: 100m, memory: 64Mi}\n',
      'chart/templates/api.yaml': CHART_TEMPLATE,
      'chart/templates/_helpers.tpl': '{{- define "api.name" -}}api{{- end }}\n',
    },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'chart/values.yaml'],
    ],
    shows: (json) => {
      expect(json.documents.map((d) => d.source)).toContain('chart/templates/api.yaml');
      expect(ruleIds(json)).toContain('manifest-resources');
    },
  },
  {
    name: 'a changed kustomization: the manifests it names are checked again',
    files: {
      'docs/runbooks/deploy-payments.md': READY,
      'deploy/kustomization.yaml': 'resources: [api.yaml, ../outside.yaml, https://example.com/x.yaml, base]\n',
      'deploy/api.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n',
      'outside.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {password: hunter2}\n',
    },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'deploy/kustomization.yaml'],
    ],
    shows: (json) => {
      const sources = json.documents.map((d) => d.source);
      expect(sources).toContain('deploy/api.yaml');
      // `../outside.yaml` resolves to outside.yaml, inside the repository: named, so read.
      expect(sources).toContain('outside.yaml');
      expect(ruleIds(json)).toEqual(expect.arrayContaining(['manifest-readiness-probe', 'manifest-secret-literal']));
    },
  },
  {
    name: 'a Kustomize base no overlay restores its probe to: the tick is contradicted, the finding not capped',
    files: {
      'docs/runbooks/deploy-payments.md': READY,
      'base/kustomization.yaml': 'resources: [api.yaml]\n',
      'base/api.yaml': NO_PROBE,
    },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'base/api.yaml'],
    ],
    shows: (json) => {
      expect(json.findings.map((f) => [f.ruleId, f.severity])).toEqual([
        ['claim-contradicted', 'error'],
        ['evidence-unverifiable', 'notice'],
        ['manifest-readiness-probe', 'warning'],
      ]);
      expect(json.findings[1]!.message).toContain('for its probes: base/kustomization.yaml patches in none');
    },
  },
  {
    name: 'a Kustomize base an overlay patches the probe into: its findings capped',
    files: {
      'docs/runbooks/deploy-payments.md': READY,
      'base/kustomization.yaml': 'resources: [api.yaml]\n',
      'base/api.yaml': NO_PROBE,
      'overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: ready.yaml\n',
      'overlays/prod/ready.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n',
    },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'base/api.yaml'],
    ],
    shows: (json) => {
      expect(json.findings.map((f) => [f.ruleId, f.severity])).toEqual([
        ['claim-contradicted', 'warning'],
        ['evidence-unverifiable', 'notice'],
        ['manifest-readiness-probe', 'warning'],
      ]);
      expect(json.findings[0]!.message).toContain(
        'A warning only: overlays/prod/kustomization.yaml patches readinessProbe into it',
      );
    },
  },

  {
    name: '`when` entries on changed files, labels and the title',
    files: { 'docs/runbooks/deploy-payments.md': READY, 'migrations/0042.sql': 'select 1;\n' },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['A', 'migrations/0042.sql'],
    ],
    labels: ['hotfix'],
    title: 'Payments: vault v2',
    config:
      'when:\n  - name: Database migrations\n    changed-files: [migrations/**]\n    require: { items: [Database Migrations] }\n  - name: Hotfix label\n    labels: [hotfix]\n    title: "Payments:*"\n    require: { sections: [Operations Review] }\n',
    shows: (json) => {
      expect(json.matched?.map((m) => m.name)).toEqual(['Database migrations', 'Hotfix label']);
      expect(ruleIds(json).sort()).toEqual(['when-item', 'when-section']);
    },
  },
  {
    name: "the repository's own template as the baseline, read at the base commit on both sides",
    files: { '.github/pull_request_template.md': 'Commit Message:\nRisk Level:\nTesting:\n', 'src/a.txt': 'a\n' },
    // The pull request's own copy asks nothing: the base commit's is the baseline.
    base: { '.github/pull_request_template.md': 'Commit Message:\nRisk Level:\nTesting:\nDocs Changes:\n' },
    changed: [
      ['M', '.github/pull_request_template.md'],
      ['M', 'src/a.txt'],
    ],
    body: 'Commit Message: retry on reset\nRisk Level: Low\nTesting:\nDocs Changes:\n',
    config: 'extends: none\nrules:\n  template-field: error\n',
    shows: (json) => {
      expect(json.findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([
        ['template-field', 3, 'Field "Testing" is empty: write it after "Testing:", or "N/A — reason".'],
        ['template-field', 4, 'Field "Docs Changes" is empty: write it after "Docs Changes:", or "N/A — reason".'],
      ]);
    },
  },
  {
    name: 'a docs-only pull request, skipped',
    files: { 'docs/guide.md': '# Guide\n' },
    changed: [['M', 'docs/guide.md']],
    config: 'skip:\n  only-changed-files: [docs/**]\n',
    shows: (json) => {
      expect(json.skipped).toBe('only files matching `docs/**` changed (`docs/guide.md`).');
      expect(json.documents).toEqual([]);
    },
  },
  {
    name: 'a removed runbook, not checked',
    files: { 'docs/runbooks/deploy-payments.md': READY, 'docs/runbooks/old.md': '# Old\n' },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['D', 'docs/runbooks/old.md'],
    ],
    shows: (json) => {
      expect(json.conclusion).toBe('success');
      expect(json.documents.map((d) => d.source)).toEqual(['pull-request', 'docs/runbooks/deploy-payments.md']);
    },
  },
  {
    name: 'a service whose workload changed: judged with the files the repository keeps for it, its neighbours not',
    files: { ...PLATFORM, 'docs/runbooks/deploy-payments.md': READY },
    changed: [
      ['A', 'docs/runbooks/deploy-payments.md'],
      ['M', 'services/orders/deploy.yaml'],
    ],
    config: PLATFORM['.github/readiness-gate.yml']!,
    shows: (json) => {
      expect(
        json.findings.filter((f) => f.ruleId.startsWith('service-')).map((f) => `${f.ruleId} ${f.source}:${f.line}`),
      ).toEqual([
        'service-owner services/orders/catalog-info.yaml:4',
        'service-oncall services/orders/catalog-info.yaml:4',
        'service-slo services/orders/catalog-info.yaml:4',
        'service-catalog services/orders/catalog-info.yaml:10',
      ]);
      expect((json as { services?: { name: string }[] }).services?.map((s) => s.name)).toEqual(['orders']);
    },
  },
];

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The parts of a report that say what was checked and found; not where it was made. */
function verdict(json: Json & Record<string, unknown>) {
  const { conclusion, errors, warnings, findings, waivers, passed, documents, matched, skipped, config } = json;
  return { conclusion, errors, warnings, findings, waivers, passed, documents, matched, skipped, config };
}

async function onDisk(c: Case): Promise<Json & Record<string, unknown>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rg-parity-'));
  temps.push(dir);
  const removed = new Set(c.changed.filter(([s]) => s === 'D').map(([, p]) => p));
  const tree = { ...c.files, ...(c.config ? { '.github/readiness-gate.yml': c.config } : {}) };
  const write = async (files: Record<string, string>) => {
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
  };
  if (c.base) {
    // The base commit, committed; then the head as the working tree.
    const added = new Set(c.changed.filter(([s]) => s === 'A').map(([, p]) => p));
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        stdio: 'pipe',
      });
    git('init', '-q');
    git('remote', 'add', 'origin', 'https://github.com/octo-org/octo-repo.git');
    await write(Object.fromEntries(Object.entries({ ...tree, ...c.base }).filter(([file]) => !added.has(file))));
    git('add', '.');
    git('commit', '-q', '-m', 'base');
  } else {
    await mkdir(path.join(dir, '.git'));
    await writeFile(
      path.join(dir, '.git/config'),
      '[remote "origin"]\n\turl = https://github.com/octo-org/octo-repo.git\n',
    );
  }
  await write(Object.fromEntries(Object.entries(tree).filter(([file]) => !removed.has(file))));
  await writeFile(path.join(dir, 'pr.md'), c.body ?? BODY);
  await writeFile(path.join(dir, 'changed.txt'), c.changed.map(([s, p]) => `${s}\t${p}\n`).join(''));
  const args = ['check', '--format', 'json', '--body', 'pr.md', '--changed-files', 'changed.txt'];
  if (c.base) args.push('--base-ref', 'HEAD');
  args.push('--labels', (c.labels ?? []).join(','), '--base', 'main', '--author', 'octocat');
  args.push('--title', c.title ?? 'Payments: move card tokenisation');
  const { stdout, stderr } = await runCli(args, { cwd: dir });
  expect(stderr).toBe('');
  return JSON.parse(stdout);
}

async function onGitHub(c: Case): Promise<Json & Record<string, unknown>> {
  const gh = await new FakeGitHub().start();
  try {
    const status = { A: 'added', M: 'modified', D: 'removed' } as const;
    gh.pulls.set(NUMBER, {
      number: NUMBER,
      body: c.body ?? BODY,
      headSha: HEAD,
      baseSha: BASE,
      author: 'octocat',
      labels: c.labels ?? [],
      draft: false,
      title: c.title ?? 'Payments: move card tokenisation',
      files: c.changed.map(([s, filename]) => ({ filename, status: status[s] })),
    });
    const added = new Set(c.changed.filter(([s]) => s === 'A').map(([, p]) => p));
    const removed = new Set(c.changed.filter(([s]) => s === 'D').map(([, p]) => p));
    for (const [file, content] of Object.entries(c.files)) {
      if (!removed.has(file)) gh.setFile(HEAD, file, content);
      if (!added.has(file)) gh.setFile(BASE, file, c.base?.[file] ?? content);
    }
    if (c.config) gh.setFile(BASE, '.github/readiness-gate.yml', c.config);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(gh.violations).toEqual([]);
    if (!run.report)
      throw new Error(`the action wrote no report (exit ${run.code}): ${run.stderr ?? ''} ${run.stdout ?? ''}`);
    return run.report as unknown as Json & Record<string, unknown>;
  } finally {
    await gh.stop();
  }
}

describe('the CLI on a checkout and the action on GitHub agree', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [disk, github] = await Promise.all([onDisk(c), onGitHub(c)]);
      c.shows(disk);
      expect(verdict(github)).toEqual(verdict(disk));
    });
  }
});
