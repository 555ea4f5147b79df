// A kustomization is parsed once however many parts of a run read it.
import type * as Yaml from 'yaml';
import { describe, expect, it, vi } from 'vitest';

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof Yaml>();
  return {
    ...yaml,
    parseDocument: ((...args: Parameters<typeof yaml.parseDocument>) => {
      parses.count++;
      return yaml.parseDocument(...args);
    }) as typeof yaml.parseDocument,
  };
});

const { kustomizationParts, patchFiles } = await import('../../src/kinds/manifest/kustomize.js');

const OVERLAY = `resources:
  - ../../base
patches:
  - path: probes.yaml
  - patch: |-
      - op: add
        path: /spec/template/spec/containers/0/readinessProbe
        value: {httpGet: {path: /ready, port: 8080}}
    target: {kind: Deployment, name: api}
`;

describe('kustomization fields', () => {
  it('are parsed once for the overlay lookup, the patches and the parts', () => {
    parses.count = 0;
    const parts = kustomizationParts('deploy/overlays/prod/kustomization.yaml', OVERLAY);
    expect(patchFiles('deploy/overlays/prod/kustomization.yaml', OVERLAY)).toEqual([
      'deploy/overlays/prod/probes.yaml',
    ]);
    expect(parts.folders).toEqual(['deploy/base']);
    expect(parts.patchFiles).toEqual(['deploy/overlays/prod/probes.yaml']);
    expect(parts.inline).toHaveLength(1);
    expect(parses.count).toBe(1);
  });
});
