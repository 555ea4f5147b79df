// Files and objects read as the tools that deploy them read them.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { kindOf } from '../../src/kinds/index.js';
import { parseManifest } from '../../src/kinds/manifest.js';

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

  it('a helm.sh/hook annotation does not take a Deployment out of the workloads', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  annotations: {helm.sh/hook: pre-install}\nspec:\n  template:\n    spec:\n      containers: [{name: a}]\n';
    expect(parseManifest(text, 'deploy/a.yaml').objects[0]!.workload).toBe(true);
  });
});
