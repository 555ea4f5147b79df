// One YAML parse where a run needs a text's contents twice: a plain file of alerting rules gives its objects and its
// alerts from one parse, and a kustomization's fields and a chart's values are parsed once however many parts of a
// run read them.
import type * as Yaml from 'yaml';
import { describe, expect, it, vi } from 'vitest';

const parses = vi.hoisted(() => ({ documents: 0, all: 0, values: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof Yaml>();
  return {
    ...yaml,
    parseAllDocuments: ((...args: Parameters<typeof yaml.parseAllDocuments>) => {
      parses.all++;
      return yaml.parseAllDocuments(...args);
    }) as typeof yaml.parseAllDocuments,
    parseDocument: ((...args: Parameters<typeof yaml.parseDocument>) => {
      parses.documents++;
      return yaml.parseDocument(...args);
    }) as typeof yaml.parseDocument,
    parse: ((...args: Parameters<typeof yaml.parse>) => {
      parses.values++;
      return yaml.parse(...args);
    }) as typeof yaml.parse,
  };
});

const { parseManifest } = await import('../../src/kinds/manifest.js');
const { kustomizationParts, patchFiles } = await import('../../src/kinds/manifest/kustomize.js');
const { readValues } = await import('../../src/kinds/manifest/helm.js');

const RULE = `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: payments
spec:
  groups:
    - name: payments
      rules:
        - alert: PaymentsDown
          expr: up{job="payments"} == 0
          for: 5m
          annotations:
            runbook_url: docs/runbooks/payments-down.md
`;

describe('parseManifest', () => {
  it('reads the objects and the alerts of a plain rule file from one parse', () => {
    parses.all = 0;
    const view = parseManifest(RULE, 'deploy/alerts.yaml');
    expect(parses.all).toBe(1);
    expect(view.objects.map((o) => o.kind)).toEqual(['PrometheusRule']);
    expect(view.alerts?.map((a) => [a.name, a.line])).toEqual([['PaymentsDown', 9]]);
  });

  it('parses a templated rule file again for its alerts, as Helm would write them', () => {
    parses.all = 0;
    const templated = RULE.replace('for: 5m', 'for: {{ .Values.for | default "5m" }}');
    const view = parseManifest(
      templated,
      'charts/payments/templates/alerts.yaml',
      new Map([
        ['charts/payments/Chart.yaml', 'name: payments\n'],
        ['charts/payments/values.yaml', ''],
      ]),
    );
    expect(parses.all).toBeGreaterThan(1);
    expect(view.alerts?.map((a) => a.name)).toEqual(['PaymentsDown']);
  });
});

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
    parses.documents = 0;
    const parts = kustomizationParts('deploy/overlays/prod/kustomization.yaml', OVERLAY);
    expect(patchFiles('deploy/overlays/prod/kustomization.yaml', OVERLAY)).toEqual([
      'deploy/overlays/prod/probes.yaml',
    ]);
    expect(parts.folders).toEqual(['deploy/base']);
    expect(parts.patchFiles).toEqual(['deploy/overlays/prod/probes.yaml']);
    expect(parts.inline).toHaveLength(1);
    expect(parses.documents).toBe(1);
  });
});

describe("a chart's values", () => {
  it('are parsed once for all of its templates, and only read', () => {
    parses.values = 0;
    const values = 'replicas: 2\nresources:\n  limits: {memory: 256Mi}\n';
    const companions = new Map([
      ['charts/api/Chart.yaml', 'name: api\n'],
      ['charts/api/values.yaml', values],
    ]);
    const template = (kind: string) =>
      `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: api\nspec:\n  replicas: {{ .Values.replicas }}\n`;
    const views = ['Deployment', 'StatefulSet', 'Deployment'].map((kind, i) =>
      parseManifest(template(kind), `charts/api/templates/t${i}.yaml`, companions),
    );
    expect(views.map((v) => v.objects.map((o) => o.kind))).toEqual([['Deployment'], ['StatefulSet'], ['Deployment']]);
    expect(parses.values).toBe(1);
    expect(Object.isFrozen(readValues(values))).toBe(true);
    expect(parses.values).toBe(1);
  });
});
