// The field reader the deployment views hand their rules: any field, with its position, read as
// Kubernetes reads YAML. A rule that needs a field the summary does not carry reads it here.
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/kinds/manifest.js';
import { parseWorkflow } from '../../src/kinds/workflow.js';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
x-defaults: &defaults
  securityContext: {runAsNonRoot: true}
spec:
  minReadySeconds: 10
  template:
    spec:
      containers:
        - <<: *defaults
          name: api
          image: api:1.2.3
          securityContext: {runAsNonRoot: false}
        - <<: *defaults
          name: sidecar
          args: [--port, "9090"]
`;

describe('field readers', () => {
  const [object] = parseManifest(MANIFEST, 'deploy/api.yaml').objects;
  const [api, sidecar] = object!.containers;

  it('read an object’s field with the line and column of its value', () => {
    expect(object!.field('spec', 'minReadySeconds')).toEqual({ value: 10, line: 8, column: 20 });
    expect(object!.field('spec', 'paused')).toBeUndefined();
  });

  it('read a container’s fields: an explicit key over a merged one, a merged one where none is explicit', () => {
    expect(api!.field('securityContext', 'runAsNonRoot')).toMatchObject({ value: false, line: 15 });
    expect(sidecar!.field('securityContext', 'runAsNonRoot')).toMatchObject({ value: true, line: 6 });
    expect(sidecar!.field('args', 1)).toEqual({ value: '9090', line: 18, column: 26 });
    expect(sidecar!.field('args')!.value).toEqual(['--port', '9090']);
  });

  it('read a workflow job’s fields, and nothing from a workflow that does not parse', () => {
    const view = parseWorkflow(
      'on: [push]\npermissions: {contents: read}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions: {contents: write}\n',
      '.github/workflows/ci.yml',
    );
    expect(view.field('permissions', 'contents')).toMatchObject({ value: 'read', line: 2 });
    expect(view.jobs[0]!.field('permissions', 'contents')).toMatchObject({ value: 'write', line: 6 });
    expect(parseWorkflow('jobs: [', '.github/workflows/x.yml').field('jobs')).toBeUndefined();
  });
});
