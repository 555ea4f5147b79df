// Overlays built with kubectl kustomize from files read at the head commit: what is read, refused and built.
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildOverlays, patchFiles, probesPatchedIn } from '../src/kinds/manifest/kustomize.js';
import { runCli } from './cli/run.js';
import { toolRuns } from './helpers.js';

const KUBECTL = toolRuns('kubectl', ['version', '--client'], 'the builds below that need it are skipped.');

/** A repository at the head commit, and the paths read from it. */
function repository(files: Record<string, string>) {
  const asked: string[] = [];
  const readHead = async (path: string) => {
    asked.push(path);
    return files[path];
  };
  return { readHead, asked };
}

const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n';

describe('patchFiles', () => {
  it('names the patch and generator files of a kustomization, from the repository root, not inline patches', () => {
    const text = [
      'patches:',
      '  - path: probe.yaml',
      '  - patch: |-',
      '      - op: remove',
      '        path: /spec/replicas',
      'patchesStrategicMerge:',
      '  - memory.yaml',
      '  - |-',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      'patchesJson6902:',
      '  - path: ../shared/ports.yaml',
      'configMapGenerator:',
      '  - name: settings',
      '    files: [app.properties, key=secret/key.txt]',
      '    envs: [env.txt]',
      '',
    ].join('\n');
    expect(patchFiles('deploy/prod/kustomization.yaml', text)).toEqual([
      'deploy/prod/memory.yaml',
      'deploy/prod/probe.yaml',
      'deploy/shared/ports.yaml',
      'deploy/prod/app.properties',
      'deploy/prod/secret/key.txt',
      'deploy/prod/env.txt',
    ]);
  });

  it('names nothing of a kustomization that does not parse', () => {
    expect(patchFiles('k/kustomization.yaml', 'patches: [\n')).toEqual([]);
  });
});

describe('buildOverlays', () => {
  it('says kubectl is missing instead of failing', async () => {
    const { readHead } = repository({ 'k/kustomization.yaml': 'resources: [api.yaml]\n', 'k/api.yaml': DEPLOYMENT });
    expect(await buildOverlays(['k/kustomization.yaml'], readHead, { kubectl: 'kubectl-not-installed' })).toEqual([
      { kustomization: 'k/kustomization.yaml', notBuilt: 'kubectl-not-installed is not on the PATH' },
    ]);
  });

  it('refuses a path outside the repository, a missing file and a folder without a kustomization, reading no further', async () => {
    const cases: [string, string][] = [
      [
        'resources: [../../../etc/passwd.yaml]\n',
        'k/kustomization.yaml names ../../../etc/passwd.yaml, outside the repository',
      ],
      ['resources: [gone.yaml]\n', 'k/kustomization.yaml names k/gone.yaml, which the repository does not have'],
      ['resources: [../empty]\n', 'k/kustomization.yaml names the folder empty, which has no kustomization'],
      [
        'resources: [git@github.com:o/r.git]\n',
        'k/kustomization.yaml names a remote file (git@github.com:o/r.git), which is not fetched',
      ],
      [
        'transformers: [labels.yaml]\n',
        'k/kustomization.yaml uses transformers, which runs more than kustomize itself',
      ],
      // Fields kustomize loads a file from, which its loader would fetch over HTTP.
      [
        'configurations: [https://example.com/kinds.yaml]\n',
        'k/kustomization.yaml names a remote file (https://example.com/kinds.yaml), which is not fetched',
      ],
      [
        'openapi: {path: https://example.com/schema.json}\n',
        'k/kustomization.yaml names a remote file (https://example.com/schema.json), which is not fetched',
      ],
      [
        'replacements: [{path: http://example.com/r.yaml}]\n',
        'k/kustomization.yaml names a remote file (http://example.com/r.yaml), which is not fetched',
      ],
    ];
    for (const [kustomization, why] of cases) {
      const { readHead } = repository({ 'k/kustomization.yaml': kustomization });
      expect(await buildOverlays(['k/kustomization.yaml'], readHead, { kubectl: 'kubectl-not-installed' })).toEqual([
        { kustomization: 'k/kustomization.yaml', notBuilt: why },
      ]);
    }
  });

  it("starts no build when the run's time budget is nearly spent, and reads nothing for it", async () => {
    const { readHead, asked } = repository({
      'k/kustomization.yaml': 'resources: [api.yaml]\n',
      'k/api.yaml': DEPLOYMENT,
    });
    expect(await buildOverlays(['k/kustomization.yaml'], readHead, { deadline: Date.now() + 30_000 })).toEqual([
      { kustomization: 'k/kustomization.yaml', notBuilt: "the run's time budget ran short" },
    ]);
    expect(asked).toEqual([]);
  });

  it('stops at ten nested kustomizations', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 15; i++) files[`k${i}/kustomization.yaml`] = `resources: [../k${i + 1}]\n`;
    const { readHead, asked } = repository(files);
    const [build] = await buildOverlays(['k0/kustomization.yaml'], readHead, { kubectl: 'kubectl-not-installed' });
    expect(build).toEqual({
      kustomization: 'k0/kustomization.yaml',
      notBuilt: 'its kustomizations nest deeper than 10',
    });
    expect(asked.length).toBeLessThanOrEqual(11);
  });

  it.skipIf(!KUBECTL)('builds from the files read, each object saying where it came from', async () => {
    const { readHead, asked } = repository({
      'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n',
      'deploy/base/api.yaml': DEPLOYMENT,
      'deploy/prod/kustomization.yaml':
        'resources: [../base]\nbuildMetadata: [managedByLabel]\nnamePrefix: prod-\npatches:\n  - path: replicas.yaml\n',
      'deploy/prod/replicas.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n',
    });
    const [build] = await buildOverlays(['deploy/prod/kustomization.yaml'], readHead);
    expect(build).toHaveProperty('built');
    const built = (build as { built: string }).built;
    expect(built).toContain('name: prod-api');
    expect(built).toContain('replicas: 3');
    expect(built).toContain('config.kubernetes.io/origin: |\n      path: ../base/api.yaml');
    expect(built).toContain('app.kubernetes.io/managed-by: kustomize');
    expect(asked.sort()).toEqual([
      'deploy/base/api.yaml',
      'deploy/base/kustomization.yaml',
      'deploy/prod/kustomization.yaml',
      'deploy/prod/replicas.yaml',
    ]);
  });

  it.skipIf(!KUBECTL)('says why kubectl could not build it, without the temporary folder', async () => {
    const { readHead } = repository({
      'k/kustomization.yaml': 'resources: [api.yaml]\npatches:\n  - path: bad.yaml\n',
      'k/api.yaml': DEPLOYMENT,
      'k/bad.yaml': '- op: remove\n  path: /spec/nothing/here\n',
    });
    const [build] = await buildOverlays(['k/kustomization.yaml'], readHead);
    expect(build).toMatchObject({ notBuilt: expect.stringMatching(/^kubectl kustomize failed: /) });
    expect((build as { notBuilt: string }).notBuilt).not.toMatch(/readiness-gate-kustomize-/);
  });
});

describe('a Kustomize base that loses its probes', () => {
  const NO_PROBE =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n          ports: [{containerPort: 8080}]\n          livenessProbe: {httpGet: {path: /live, port: 8080}}\n          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}\n';
  const PROBE_PATCH =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n';

  async function probeFinding(files: Record<string, string>) {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-base-'));
    try {
      await mkdir(path.join(dir, '.git'));
      // The rule at error: what a cap lowers shows (the devops preset has it a warning).
      const config = 'rules:\n  manifest-readiness-probe: error\n';
      for (const [file, text] of Object.entries({
        'deploy/base/api.yaml': NO_PROBE,
        '.github/readiness-gate.yml': config,
        ...files,
      })) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), text);
      }
      const run = await runCli(['check', '--format', 'json', '--changed-files', '-'], {
        cwd: dir,
        input: 'M\tdeploy/base/api.yaml\n',
      });
      const json = JSON.parse(run.stdout) as { findings: { ruleId: string; severity: string; message: string }[] };
      return json.findings
        .filter((f) => f.ruleId === 'manifest-readiness-probe')
        .map((f) => `${f.severity}: ${f.message.replace(/^.*?\((At most a warning: )/, '$1')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('is an error where no overlay of the repository patches the probe back in', async () => {
    expect(await probeFinding({ 'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n' })).toEqual([
      expect.stringMatching(/^error: Container "api" of Deployment "api"/),
    ]);
    // An overlay that takes the base in and patches something else restores nothing.
    expect(
      await probeFinding({
        'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n',
        'deploy/prod/kustomization.yaml':
          'resources: [../base]\npatches:\n  - patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 3\n',
        // A patch that removes the probe is no restoring one.
        'deploy/dev/kustomization.yaml':
          'resources: [../base]\npatches:\n  - patch: |-\n      - op: remove\n        path: /spec/template/spec/containers/0/readinessProbe\n',
      }),
    ).toEqual([expect.stringMatching(/^error: /)]);
  });

  it('stays a warning, naming the overlay, where one patches the probe in', async () => {
    expect(
      await probeFinding({
        'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n',
        'deploy/prod/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: probe.yaml\n',
        'deploy/prod/probe.yaml': PROBE_PATCH,
      }),
    ).toEqual(['warning: At most a warning: deploy/prod/kustomization.yaml patches readinessProbe into it.)']);
    // A JSON 6902 patch that adds it, inline, counts too.
    expect(
      await probeFinding({
        'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n',
        'deploy/prod/kustomization.yaml':
          'resources:\n  - ../base/\npatches:\n  - target: {kind: Deployment}\n    patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/readinessProbe\n        value: {tcpSocket: {port: 8080}}\n',
      }),
    ).toEqual([expect.stringMatching(/^warning: .*deploy\/prod\/kustomization\.yaml patches readinessProbe into it/)]);
  });
});

describe('probesPatchedIn', () => {
  it('reads strategic-merge and JSON 6902 patches, and not a probe deleted', () => {
    expect(
      probesPatchedIn(
        'spec:\n  template:\n    spec:\n      containers:\n        - name: a\n          livenessProbe: {exec: {command: [true]}}\n',
      ),
    ).toEqual(['livenessProbe']);
    expect(
      probesPatchedIn(
        'spec:\n  containers:\n    - name: a\n      readinessProbe: null\n      livenessProbe: {$patch: delete}\n',
      ),
    ).toEqual([]);
    expect(
      probesPatchedIn(
        '[{"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/path", "value": "/ready"}]',
      ),
    ).toEqual(['readinessProbe']);
    expect(probesPatchedIn('[not yaml')).toEqual([]);
  });
});
