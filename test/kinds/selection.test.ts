// Files and objects read as the tools that deploy them read them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { kindOf } from '../../src/kinds/index.js';
import { parseManifest } from '../../src/kinds/manifest.js';
import { runCli } from '../cli/run.js';
import { decodeText } from '../../src/model/file-bytes.js';

const config = loadConfig(undefined, 'x.yml');

describe('what the kinds read', () => {
  it('a lowercase dockerfile is a Dockerfile: docker build falls back to it', () => {
    expect(
      ['services/api/dockerfile', 'Dockerfile', 'api.dockerfile', 'containerfile'].map((p) => kindOf(p, config)),
    ).toEqual(['dockerfile', 'dockerfile', 'dockerfile', 'dockerfile']);
  });

  it('unpacks any list kind with items, as kubectl does', () => {
    const text =
      'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: a}\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: b}\n';
    expect(parseManifest(text, 'deploy/list.yaml').objects.map((o) => `${o.kind}/${o.name}`)).toEqual([
      'Deployment/a',
      'Deployment/b',
    ]);
    // A kind that only ends in the letters is not a list without items.
    expect(parseManifest('apiVersion: v1\nkind: SecretList\n', 'x.yaml').objects.map((o) => o.kind)).toEqual([
      'SecretList',
    ]);
  });

  it('a file in templates/ not named .yaml is a manifest only under a chart, as Helm renders it', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels: {app: api\n';
    const under = (chartYaml: string | null) =>
      parseManifest(text, 'site/templates/example.txt', new Map([['site/Chart.yaml', chartYaml]]));
    // No Chart.yaml: a page that shows a manifest deploys nothing, and is no broken manifest.
    expect(under(null)).toEqual({ path: 'site/templates/example.txt', objects: [], helm: false, duplicates: [] });
    expect(under('apiVersion: v2\nname: site\nversion: 1.0.0\n')).toMatchObject({
      helm: true,
      error: { manifest: true },
    });
    // A .yaml file there with no chart is still read as a plain manifest, as kubectl would apply it.
    expect(
      parseManifest(text, 'site/templates/example.yaml', new Map([['site/Chart.yaml', null]])).error,
    ).toMatchObject({
      manifest: true,
    });
  });

  it('a helm.sh/hook annotation does not take a Deployment out of the workloads', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  annotations: {helm.sh/hook: pre-install}\nspec:\n  template:\n    spec:\n      containers: [{name: a}]\n';
    expect(parseManifest(text, 'deploy/a.yaml').objects[0]!.workload).toBe(true);
  });

  it('a key given twice is read as kubectl reads it: the last one', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          readinessProbe: {httpGet: {path: /ready, port: 80}}\n          readinessProbe: null\n';
    const view = parseManifest(text, 'deploy/a.yaml');
    expect(view.objects[0]!.containers[0]!.readinessProbe).toBe(false);
    expect(view.duplicates).toEqual([{ key: 'readinessProbe', line: 11, column: 11, first: 10 }]);
  });

  it('reads a file saved as UTF-16 with a byte order mark, as kubectl does', () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: hunter2}\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toBe(text);
    expect(decodeText(be)).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(Buffer.from(text))).toBe(text);
  });

  it('the CLI finds a literal secret in a UTF-16 manifest on disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-utf16-'));
    await mkdir(path.join(dir, '.git'));
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: hunter2}\n';
    await writeFile(
      path.join(dir, 'secret.yaml'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const { stdout } = await runCli(['check', '--format', 'json', 'secret.yaml'], { cwd: dir });
    expect(JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['manifest-secret-literal']);
    await rm(dir, { recursive: true, force: true });
  });

  it('an opt-out without a reason is an error, whatever the rule’s severity or an overlay', () => {
    const manifest =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:\n    readiness-gate.io/waive.manifest-resources: '-'\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n";
    for (const beside of [
      [],
      [
        {
          path: 'deploy/kustomization.yaml',
          kind: 'manifest' as const,
          text: 'resources: []\n',
          companion: true as const,
          fromBase: true as const,
        },
      ],
    ]) {
      const report = check({
        files: [{ path: 'deploy/api.yaml', kind: 'manifest', text: manifest }, ...beside],
        config,
      });
      const optOut = report.findings.filter((f) => f.ruleId === 'manifest-resources');
      expect(optOut.map((f) => [f.severity, f.message.split('.')[0]])).toEqual([
        ['error', 'The opt-out of manifest-resources gives no reason'],
      ]);
      expect(report.conclusion).toBe('failure');
    }
  });
});
