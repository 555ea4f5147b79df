// Deployment files a pull request changes are read at the head commit and checked by their kind.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { toolRuns } from '../helpers.js';
import { runAction } from './harness.js';
import { BASE, GOOD_BODY, HEAD, pullRequestEvent, scenario } from './scenario.js';

let gh: FakeGitHub;

/** Whether kubectl is on the PATH: the overlay builds need it, as the action does on GitHub's hosted runners. */
const KUBECTL = toolRuns(
  'kubectl',
  ['version', '--client'],
  'the tests of overlays built with kubectl kustomize are skipped.',
);
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

describe('deployment files', () => {
  it('annotates a changed Dockerfile and workflow at their lines, and fails the ticked claim they contradict', async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'services/api/Dockerfile', status: 'modified' },
        { filename: '.github/workflows/ci.yml', status: 'added' },
        { filename: 'services/old/Dockerfile', status: 'removed' },
      ],
    });
    gh.setFile(HEAD, 'services/api/Dockerfile', 'FROM node:20-slim\nCMD node server.js\n');
    gh.setFile(
      HEAD,
      '.github/workflows/ci.yml',
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    );
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    // The description ticks "Graceful Shutdown"; the Dockerfile's shell-form CMD says otherwise.
    expect(run.code).toBe(1);
    expect(run.report!.findings.filter((f) => f.ruleId === 'claim-contradicted').map((f) => f.message)).toEqual([
      '"Graceful Shutdown" is ticked, but services/api/Dockerfile:2 says otherwise (dockerfile-exec-form): CMD is in shell form: a shell runs as PID 1 and SIGTERM does not reach the process, so it cannot shut down gracefully. Fix the file as that finding says, or untick the item and say why.',
    ]);
    // The comment links the evidence line at the head commit.
    expect(gh.comments[0]!.body).toMatch(
      /Fix the file as that finding says, or untick the item and say why\. \[Evidence: services\/api\/Dockerfile line 2\]\(https:\/\/[^)]*\/blob\/c0ffee0+1\/services\/api\/Dockerfile#L2\)/,
    );
    expect(run.report!.findings.find((f) => f.ruleId === 'claim-contradicted')!.related).toEqual({
      source: 'services/api/Dockerfile',
      line: 2,
    });
    expect(gh.checkRuns[0]!.output.annotations).toEqual([
      expect.objectContaining({
        path: 'services/api/Dockerfile',
        start_line: 2,
        annotation_level: 'warning',
        title: 'dockerfile-exec-form',
      }),
      expect.objectContaining({
        path: '.github/workflows/ci.yml',
        start_line: 3,
        annotation_level: 'warning',
        title: 'workflow-job-timeout',
      }),
    ]);
    expect(gh.calls().some((c) => c.endsWith('/contents/services/old/Dockerfile'))).toBe(false);
  });

  it('reads a Kustomize folder and a Helm chart with the files they need, and weighs their evidence', async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'deploy/base/api.yaml', status: 'modified' },
        { filename: 'charts/worker/templates/deployment.yaml', status: 'modified' },
        { filename: 'docs/mkdocs.yml', status: 'modified' },
      ],
    });
    gh.setFile(HEAD, 'docs/mkdocs.yml', 'site_name: Payments\n');
    gh.setFile(HEAD, 'deploy/base/api.yaml', DEPLOYMENT('api', '          ports: [{containerPort: 8080}]\n'));
    gh.setFile(BASE, 'deploy/base/kustomization.yaml', 'resources: [api.yaml]\n');
    gh.setFile(HEAD, 'charts/worker/Chart.yaml', 'apiVersion: v2\nname: worker\nversion: 1.0.0\n');
    gh.setFile(HEAD, 'charts/worker/values.yaml', 'resources:\n  requests: {cpu: 100m, memory: 64Mi}\n');
    gh.setFile(
      HEAD,
      'charts/worker/templates/deployment.yaml',
      DEPLOYMENT(
        '{{ .Release.Name }}',
        '          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
      ),
    );
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    const findings = run.report!.findings.map((f) => `${f.source}:${f.line} ${f.ruleId} ${f.severity}`);
    expect(findings).toEqual([
      // "Health Checks" is ticked, and the only evidence against it is in a folder an overlay may patch.
      'pull-request:19 claim-contradicted warning',
      // "Memory" and "CPU" are ticked, and the chart (which no overlay patches) sets no memory limit.
      'pull-request:25 claim-contradicted error',
      'pull-request:26 claim-contradicted error',
      'deploy/base/api.yaml:1 evidence-unverifiable notice',
      'deploy/base/api.yaml:9 manifest-readiness-probe warning',
      'deploy/base/api.yaml:9 manifest-liveness-probe notice',
      'deploy/base/api.yaml:9 manifest-resources warning',
      // limits.memory is not in values.yaml: the template's resources were resolved, not guessed.
      'charts/worker/templates/deployment.yaml:9 manifest-resources warning',
    ]);
    expect(run.report!.findings[1]!.message).toContain('but charts/worker/templates/deployment.yaml:9 says');
    expect(run.report!.findings.find((f) => f.ruleId === 'claim-contradicted')!.message).toMatch(
      /A warning only: deploy\/base\/kustomization\.yaml is beside it, and an overlay may patch it\.$/,
    );
    expect(run.report!.findings.find((f) => f.source === 'charts/worker/templates/deployment.yaml')!.message).toBe(
      'Container "worker" of Deployment "{{…}}" has no resources.limits.memory. Set requests.cpu, requests.memory and limits.memory.',
    );
    expect(run.code).toBe(1);
    // Each companion was asked for once; the two kustomization spellings that are not there answered 404.
    // mkdocs.yml declares no Kubernetes object: nothing was asked for it.
    expect(gh.calls().filter((c) => c.includes('/contents/docs/'))).toEqual([
      'GET /repos/octo-org/octo-repo/contents/docs/runbooks/deploy-payments.md',
      'GET /repos/octo-org/octo-repo/contents/docs/mkdocs.yml',
    ]);
    const asked = gh
      .calls()
      .filter((c) => /\/contents\/(deploy\/base\/[kK]ustomization|charts\/worker\/(Chart|values))/.test(c));
    expect(asked.map((c) => c.replace(/^.*\/contents\//, '').replace(/\?.*$/, '')).sort()).toEqual([
      'charts/worker/Chart.yaml',
      'charts/worker/values.yaml',
      'deploy/base/Kustomization',
      'deploy/base/kustomization.yaml',
      'deploy/base/kustomization.yml',
    ]);
  });

  it('does not let a pull request add a kustomization.yaml to turn its errors into warnings', async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'deploy/api.yaml', status: 'added' },
        { filename: 'deploy/kustomization.yaml', status: 'added' },
      ],
    });
    gh.setFile(
      HEAD,
      'deploy/api.yaml',
      DEPLOYMENT('api', '          env:\n            - name: DB_PASSWORD\n              value: hunter2\n'),
    );
    gh.setFile(HEAD, 'deploy/kustomization.yaml', 'resources: [api.yaml]\n');
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(run.report!.findings.find((f) => f.ruleId === 'manifest-secret-literal')).toMatchObject({
      severity: 'error',
      line: 11,
    });
    expect(run.report!.findings.some((f) => f.ruleId === 'evidence-unverifiable')).toBe(false);
    expect(run.code).toBe(1);
    // The kustomization was asked for at the base commit, where it is not.
    const asked = gh.requests.filter((r) => r.path.endsWith('/contents/deploy/kustomization.yaml'));
    expect(asked.map((r) => [r.query.ref, r.status]).sort()).toEqual([
      [BASE, 404],
      [HEAD, 200], // read as a changed manifest; it has no workload
    ]);
  });

  it('lists what the changed files show beside a waived claim, and does not fail it', async () => {
    gh = await scenario({
      body: GOOD_BODY.replace(
        /- \[x\] \*\*Health Checks\*\*:.*\n/,
        '- [ ] **Health Checks**: N/A — a batch consumer; it serves no traffic.\n',
      ),
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'deploy/consumer.yaml', status: 'added' },
      ],
    });
    gh.setFile(
      HEAD,
      'deploy/consumer.yaml',
      DEPLOYMENT(
        'consumer',
        '          ports: [{containerPort: 9090}]\n          livenessProbe: {httpGet: {path: /live, port: 9090}}\n          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}\n',
      ),
    );
    const run = await runAction(gh, {
      event: 'pull_request',
      payload: pullRequestEvent(),
      inputs: { comment: 'always' },
    });
    expect(run.report!.findings.filter((f) => f.ruleId === 'claim-contradicted')).toEqual([]);
    expect(run.report!.waivers.find((w) => w.label === 'Health Checks')).toMatchObject({
      reason: 'a batch consumer; it serves no traffic.',
      evidence: [{ ruleId: 'manifest-readiness-probe', source: 'deploy/consumer.yaml', line: 9 }],
    });
    expect(gh.comments[0]!.body).toContain(
      'a batch consumer; it serves no traffic. The changed files show: [deploy/consumer.yaml:9]',
    );
  });

  it("checks a chart's unchanged templates again when only its values change", async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'charts/worker/values.yaml', status: 'modified' },
        { filename: 'docs/values.yaml', status: 'modified' },
      ],
    });
    gh.setFile(HEAD, 'charts/worker/Chart.yaml', 'apiVersion: v2\nname: worker\nversion: 1.0.0\n');
    // The change: the memory limit is gone from values.yaml; the template that reads it did not change.
    gh.setFile(HEAD, 'charts/worker/values.yaml', 'resources:\n  requests: {cpu: 100m, memory: 64Mi}\n');
    gh.setFile(
      HEAD,
      'charts/worker/templates/deployment.yaml',
      DEPLOYMENT('worker', '          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n'),
    );
    gh.setFile(HEAD, 'charts/worker/templates/_helpers.tpl', '{{- define "worker.name" -}}worker{{- end }}\n');
    gh.setFile(HEAD, 'charts/worker/templates/NOTES.txt', 'Installed.\n');
    gh.setFile(HEAD, 'docs/values.yaml', 'theme: dark\n');
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(run.report!.findings.map((f) => `${f.source}:${f.line} ${f.ruleId}`)).toEqual([
      // "Memory" and "CPU" are ticked, and the re-checked template now sets no memory limit.
      'pull-request:25 claim-contradicted',
      'pull-request:26 claim-contradicted',
      'charts/worker/templates/deployment.yaml:9 manifest-resources',
    ]);
    expect(run.summary).toContain(
      'The values of chart `charts/worker` changed: its 1 template was checked again, unchanged, with them.',
    );
    const asked = gh
      .calls()
      .map((c) => c.replace(/^GET \/repos\/octo-org\/octo-repo\/contents\//, '').replace(/\?.*$/, ''));
    // The partial and NOTES.txt are not read; docs/ has no Chart.yaml, so nothing is listed there.
    expect(asked).toEqual(expect.arrayContaining(['charts/worker/templates', 'docs/Chart.yaml']));
    expect(asked.filter((c) => /_helpers|NOTES|docs\/templates/.test(c))).toEqual([]);
    // Chart.yaml, read to tell a chart, serves as the template's companion too: asked for once.
    expect(asked.filter((c) => c === 'charts/worker/Chart.yaml')).toHaveLength(1);
  });

  it('checks a JSON manifest and a chart template not named .yaml, and reads no further into other JSON', async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'deploy/api.json', status: 'added' },
        { filename: 'package.json', status: 'modified' },
        { filename: 'charts/worker/templates/deployment.tpl', status: 'added' },
        { filename: 'charts/worker/templates/_helpers.tpl', status: 'added' },
        { filename: 'site/templates/page.html', status: 'added' },
      ],
    });
    gh.setFile(
      HEAD,
      'deploy/api.json',
      JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'List',
          items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'hunter2' } }],
        },
        null,
        2,
      ),
    );
    gh.setFile(HEAD, 'package.json', '{\n  "name": "site",\n  "version": "1.0.0"\n}\n');
    gh.setFile(HEAD, 'charts/worker/Chart.yaml', 'apiVersion: v2\nname: worker\nversion: 1.0.0\n');
    gh.setFile(
      HEAD,
      'charts/worker/templates/deployment.tpl',
      DEPLOYMENT('worker', '          ports: [{containerPort: 80}]\n'),
    );
    gh.setFile(HEAD, 'charts/worker/templates/_helpers.tpl', '{{- define "worker.name" -}}worker{{- end }}\n');
    gh.setFile(HEAD, 'site/templates/page.html', '<html><body>kind: page</body></html>\n');
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    const files = run.report!.findings.filter((f) => f.source !== 'pull-request');
    expect(files.map((f) => `${f.source}:${f.line} ${f.ruleId}`)).toEqual([
      'deploy/api.json:12 manifest-secret-literal',
      'charts/worker/templates/deployment.tpl:9 manifest-readiness-probe',
      'charts/worker/templates/deployment.tpl:9 manifest-liveness-probe',
      'charts/worker/templates/deployment.tpl:9 manifest-resources',
    ]);
    // package.json and the page were read once, to tell; the partial never.
    const asked = gh.calls().filter((c) => c.includes('/contents/'));
    expect(asked.filter((c) => c.includes('/contents/package.json'))).toHaveLength(1);
    expect(asked.filter((c) => c.includes('/contents/site/templates/page.html'))).toHaveLength(1);
    expect(asked.filter((c) => c.includes('_helpers'))).toEqual([]);
  });

  it('reads a deployment file past 1 MB with the raw media type, up to 10 MiB', async () => {
    gh = await scenario({
      files: [
        { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
        { filename: 'deploy/generated.yaml', status: 'added' },
        { filename: 'deploy/huge.yaml', status: 'added' },
      ],
    });
    const padding = `# ${'x'.repeat(98)}\n`.repeat(15_000); // 1.5 MB of comments before the object
    gh.setFile(
      HEAD,
      'deploy/generated.yaml',
      `${padding}${DEPLOYMENT('api', '          ports: [{containerPort: 80}]\n')}`,
    );
    gh.setFile(HEAD, 'deploy/huge.yaml', `${padding.repeat(7)}kind: ConfigMap\n`);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    const files = run.report!.findings.filter((f) => f.source.startsWith('deploy/'));
    expect(files.map((f) => `${f.source}:${f.line} ${f.ruleId}`)).toEqual([
      'deploy/generated.yaml:15009 manifest-readiness-probe',
      'deploy/generated.yaml:15009 manifest-liveness-probe',
      'deploy/generated.yaml:15009 manifest-resources',
      'deploy/huge.yaml:1 document-unreadable',
    ]);
    expect(files[3]!.message).toMatch(
      /^Could not read deploy\/huge\.yaml: it is 10605016 bytes, over the 10485760-byte limit\. .*evidence\.exclude/,
    );
    const raw = gh.requests.filter((r) => /vnd\.github\.v3\.raw/.test(String(r.headers.accept)));
    expect(raw.map((r) => r.path.replace(/^.*\/contents\//, ''))).toEqual(['deploy/generated.yaml']);
  });

  it('checks manifests rendered in an earlier step, naming each object with its template', async () => {
    gh = await scenario({ files: [{ filename: 'docs/runbooks/deploy-payments.md', status: 'modified' }] });
    const workspace = await mkdtemp(path.join(tmpdir(), 'rg-workspace-'));
    try {
      await mkdir(path.join(workspace, 'out'));
      // What `helm template web charts/web` prints: each document headed by the template it came from.
      await writeFile(
        path.join(workspace, 'out/rendered.yaml'),
        `---\n# Source: web/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n# Source: web/templates/deployment.yaml\n${DEPLOYMENT('api', '          ports: [{containerPort: 8080}]\n          livenessProbe: {httpGet: {path: /live, port: 8080}}\n          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}\n')}`,
      );
      const run = await runAction(gh, {
        event: 'pull_request',
        payload: pullRequestEvent(),
        inputs: { rendered: 'out/rendered.yaml\nout/missing.yaml\n' },
        env: { GITHUB_WORKSPACE: workspace },
      });
      expect(run.report!.findings.map((f) => `${f.source}:${f.line} ${f.ruleId} ${f.severity}`)).toEqual([
        'pull-request:19 claim-contradicted error',
        'out/rendered.yaml:17 manifest-readiness-probe warning',
        'out/missing.yaml:1 document-unreadable error',
      ]);
      expect(run.report!.findings[1]!.message).toBe(
        'Container "api" of Deployment "api" (from web/templates/deployment.yaml) serves on a port but has no readinessProbe: traffic reaches it before it can answer. Add a readinessProbe (httpGet on its health endpoint).',
      );
      expect(run.report!.findings[2]!.message).toMatch(
        /^Could not read out\/missing\.yaml: there is no such file: render it in a step before this one\./,
      );
      // Nothing of it is asked of GitHub: it is the workspace's.
      expect(gh.calls().filter((c) => c.includes('rendered') || c.includes('missing'))).toEqual([]);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  describe.skipIf(!KUBECTL)('overlays built with kubectl kustomize', () => {
    const overlay = async (changed: string[], files: Record<string, string>) => {
      gh = await scenario({
        files: [
          { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
          ...changed.map((filename) => ({ filename, status: 'modified' })),
        ],
      });
      for (const [file, text] of Object.entries(files)) gh.setFile(HEAD, file, text);
      return runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    };
    const BASE_FILES = {
      'deploy/base/api.yaml': DEPLOYMENT(
        'api',
        '          ports: [{containerPort: 8080}]\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n          livenessProbe: {httpGet: {path: /live, port: 8080}}\n          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}\n',
      ),
      'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n',
      'deploy/prod/kustomization.yaml':
        'resources: [../base]\nnamePrefix: prod-\npatches:\n  - path: no-probe.yaml\n    target: {kind: Deployment, name: api}\n',
      'deploy/prod/no-probe.yaml': '- op: remove\n  path: /spec/template/spec/containers/0/readinessProbe\n',
    };

    it('builds an overlay whose patch changed, and fails the claim the built Deployment contradicts', async () => {
      const run = await overlay(['deploy/prod/no-probe.yaml'], BASE_FILES);
      const built = run.report!.findings.filter((f) => f.source === 'deploy/prod/kustomization.yaml');
      expect(built.map((f) => [f.line, f.ruleId, f.message])).toEqual([
        [
          1,
          'manifest-readiness-probe',
          'Built by kubectl kustomize: Container "api" of Deployment "prod-api" (from ../base/api.yaml) serves on a port but has no readinessProbe: traffic reaches it before it can answer. Add a readinessProbe (httpGet on its health endpoint).',
        ],
      ]);
      // Built, nothing is left to patch it: the contradiction is an error.
      expect(run.report!.findings.find((f) => f.ruleId === 'claim-contradicted')).toMatchObject({
        severity: 'error',
        message: expect.stringContaining(
          '"Health Checks" is ticked, but deploy/prod/kustomization.yaml:1 says otherwise',
        ),
      });
      expect(run.summary).toContain(
        'The overlay `deploy/prod` was built with `kubectl kustomize`, and the objects it builds were checked',
      );
    });

    it('refuses a remote base before kubectl runs, and says what was not checked', async () => {
      const run = await overlay(['deploy/prod/kustomization.yaml'], {
        ...BASE_FILES,
        'deploy/prod/kustomization.yaml':
          'resources:\n  - ../base\n  - https://github.com/example/config//base?ref=v1\n',
      });
      expect(run.report!.findings.filter((f) => f.message.startsWith('Built by'))).toEqual([]);
      expect(run.summary).toContain(
        'The overlay `deploy/prod` was not built (deploy/prod/kustomization.yaml names a remote file (https://github.com/example/config//base?ref=v1), which is not fetched): what its patches change was not checked.',
      );
    });

    it('refuses a kustomization that runs plugins or inflates Helm charts', async () => {
      const run = await overlay(['deploy/prod/kustomization.yaml'], {
        ...BASE_FILES,
        'deploy/prod/kustomization.yaml':
          'resources: [../base]\nhelmCharts:\n  - name: redis\n    repo: https://charts.example.com\n',
      });
      expect(run.summary).toContain(
        '(deploy/prod/kustomization.yaml uses helmCharts, which runs more than kustomize itself)',
      );
    });
  });
});

function DEPLOYMENT(name: string, fields: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${name === 'api' || name === 'consumer' ? name : 'worker'}\n${fields}`;
}
