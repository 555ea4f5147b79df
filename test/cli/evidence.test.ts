// The CLI from source: deployment files named on the command line are evidence for the description's ticks.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARALLEL_THRESHOLD } from '../../src/concurrency.js';
import { ROOT } from '../helpers.js';
import { runCli } from './run.js';

const NO_PROBE =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          livenessProbe: {httpGet: {path: /live, port: 8080}}\n          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}\n';

let repo: string;
beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'rg-cli-evidence-'));
  await mkdir(path.join(repo, '.git'));
  await cp(path.join(ROOT, 'examples'), path.join(repo, 'examples'), { recursive: true });
  await mkdir(path.join(repo, 'deploy'));
  await writeFile(path.join(repo, 'deploy/api.yaml'), NO_PROBE);
});
afterAll(() => rm(repo, { recursive: true, force: true }));

describe('check --body with deployment files', () => {
  it('checks --rendered manifests beside the files, as the action checks its rendered input', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'rg-rendered-'));
    try {
      await writeFile(path.join(out, 'web.yaml'), `---\n# Source: web/templates/deployment.yaml\n${NO_PROBE}`);
      const rendered = path.relative(repo, path.join(out, 'web.yaml'));
      const { code, stdout } = await runCli(
        ['check', '--format', 'json', '--body', 'examples/pull-request.md', '--rendered', rendered],
        { cwd: repo },
      );
      const json = JSON.parse(stdout);
      expect(
        json.findings.map((f: { source: string; line: number; ruleId: string }) => `${f.source}:${f.line} ${f.ruleId}`),
      ).toEqual(['pull-request:19 claim-contradicted', `${rendered}:11 manifest-readiness-probe`]);
      expect(json.findings[1].message).toContain('of Deployment "api" (from web/templates/deployment.yaml)');
      expect(code).toBe(1);
      const missing = await runCli(['check', '--rendered', 'nowhere.yaml'], { cwd: repo });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^readiness-gate: --rendered nowhere\.yaml: no such file\.\n/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('checks a JSON manifest in a named folder, and lists the JSON that declares no object as not checked', async () => {
    const folder = path.join(repo, 'json');
    await mkdir(folder);
    const deployment = JSON.stringify(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'api' },
        spec: { template: { spec: { containers: [{ name: 'api', ports: [{ containerPort: 80 }] }] } } },
      },
      null,
      2,
    );
    await writeFile(path.join(folder, 'api.json'), deployment);
    await writeFile(path.join(folder, 'package.json'), '{"name": "tools", "version": "1.0.0"}\n');
    const { stdout } = await runCli(['check', '--format', 'json', 'json/'], { cwd: repo });
    const json = JSON.parse(stdout);
    expect(
      json.findings.map((f: { source: string; line: number; ruleId: string }) => `${f.source}:${f.line} ${f.ruleId}`),
    ).toEqual([
      'json/api.json:12 manifest-readiness-probe',
      'json/api.json:12 manifest-liveness-probe',
      'json/api.json:12 manifest-resources',
    ]);
    expect(json.notChecked).toEqual([
      { path: 'json/package.json', reason: 'it is JSON that declares no Kubernetes object nor alerting rule' },
    ]);
  });

  it('fails a ticked claim that a named file contradicts, naming the file and line', async () => {
    const { code, stdout } = await runCli(
      ['check', '--format', 'json', '--body', 'examples/pull-request.md', 'deploy/'],
      { cwd: repo },
    );
    const json = JSON.parse(stdout);
    const contradicted = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'claim-contradicted');
    expect(contradicted).toEqual([
      expect.objectContaining({
        source: 'pull-request',
        kind: 'pull-request',
        severity: 'error',
        line: 19,
        message: expect.stringContaining('"Health Checks" is ticked, but deploy/api.yaml:9 says'),
      }),
    ]);
    expect(json.findings.find((f: { source: string }) => f.source === 'deploy/api.yaml')).toMatchObject({
      kind: 'manifest',
      ruleId: 'manifest-readiness-probe',
    });
    expect(code).toBe(1);
  });

  it('does so when the files are split over several checks', async () => {
    const many = path.join(repo, 'many');
    await mkdir(many);
    const count = PARALLEL_THRESHOLD + 10;
    for (let i = 0; i < count; i++) {
      await writeFile(
        path.join(many, `svc-${String(i).padStart(3, '0')}.yaml`),
        NO_PROBE.replace('name: api', `name: svc-${i}`),
      );
    }
    const { stdout } = await runCli(['check', '--format', 'json', '--body', 'examples/pull-request.md', 'many/'], {
      cwd: repo,
    });
    const json = JSON.parse(stdout);
    const contradicted = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'claim-contradicted');
    expect(contradicted).toHaveLength(1);
    expect(contradicted[0].message).toContain(`(and ${count - 1} more)`);
  });

  it('reads a companion once for the run, and every part of a split check sees it', async () => {
    const folder = path.join(repo, 'kmany');
    await mkdir(folder);
    await writeFile(path.join(folder, 'kustomization.yaml'), 'resources: []\n');
    const count = PARALLEL_THRESHOLD + 10;
    for (let i = 0; i < count; i++) {
      await writeFile(
        path.join(folder, `svc-${String(i).padStart(3, '0')}.yaml`),
        NO_PROBE.replace('name: api', `name: svc-${i}`),
      );
    }
    const { stdout } = await runCli(['check', '--format', 'json', 'kmany/'], { cwd: repo });
    const probes = JSON.parse(stdout).findings.filter(
      (f: { ruleId: string }) => f.ruleId === 'manifest-readiness-probe',
    );
    expect(probes).toHaveLength(count);
    // Capped in every part: the kustomization.yaml beside them was read for all of them.
    expect(new Set(probes.map((f: { severity: string }) => f.severity))).toEqual(new Set(['warning']));
  });

  it("reads a chart's values.yaml and a folder's kustomization.yaml from disk", async () => {
    await mkdir(path.join(repo, 'chart/templates'), { recursive: true });
    await writeFile(path.join(repo, 'chart/Chart.yaml'), 'apiVersion: v2\nname: api\nversion: 1.0.0\n');
    await writeFile(
      path.join(repo, 'chart/values.yaml'),
      'resources:\n  requests: {cpu: 100m, memory: 64Mi}\n  limits: {memory: 128Mi}\n',
    );
    await writeFile(
      path.join(repo, 'chart/templates/api.yaml'),
      NO_PROBE.replace(
        / {10}resources: .*\n/,
        '          readinessProbe: {tcpSocket: {port: 8080}}\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
      ),
    );
    await mkdir(path.join(repo, 'base'));
    await writeFile(path.join(repo, 'base/api.yaml'), NO_PROBE);
    await writeFile(path.join(repo, 'base/kustomization.yaml'), 'resources: [api.yaml]\n');
    const { stdout } = await runCli(['check', '--format', 'json', 'chart/', 'base/'], { cwd: repo });
    const findings = JSON.parse(stdout).findings.map(
      (f: { source: string; line: number; ruleId: string; severity: string }) =>
        `${f.source}:${f.line} ${f.ruleId} ${f.severity}`,
    );
    expect(findings).toEqual([
      'base/api.yaml:1 evidence-unverifiable notice',
      'base/api.yaml:9 manifest-readiness-probe warning',
    ]);
  });
});
