// A plain file of alerting rules is parsed once: its objects and its alerts come from the same parse.
import type * as Yaml from 'yaml';
import { describe, expect, it, vi } from 'vitest';

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof Yaml>();
  return {
    ...yaml,
    parseAllDocuments: ((...args: Parameters<typeof yaml.parseAllDocuments>) => {
      parses.count++;
      return yaml.parseAllDocuments(...args);
    }) as typeof yaml.parseAllDocuments,
  };
});

const { parseManifest } = await import('../../src/kinds/manifest.js');

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
    parses.count = 0;
    const view = parseManifest(RULE, 'deploy/alerts.yaml');
    expect(parses.count).toBe(1);
    expect(view.objects.map((o) => o.kind)).toEqual(['PrometheusRule']);
    expect(view.alerts?.map((a) => [a.name, a.line])).toEqual([['PaymentsDown', 9]]);
  });

  it('parses a templated rule file again for its alerts, as Helm would write them', () => {
    parses.count = 0;
    const templated = RULE.replace('for: 5m', 'for: {{ .Values.for | default "5m" }}');
    const view = parseManifest(
      templated,
      'charts/payments/templates/alerts.yaml',
      new Map([
        ['charts/payments/Chart.yaml', 'name: payments\n'],
        ['charts/payments/values.yaml', ''],
      ]),
    );
    expect(parses.count).toBeGreaterThan(1);
    expect(view.alerts?.map((a) => a.name)).toEqual(['PaymentsDown']);
  });
});
