/**
 * What the service rules share: one launch question judged for each
 * service the change touches, told at the service's home (its catalog
 * entity, else its workload) with the file:line that decided it, and the
 * files of a service that has every answer, for the rules' examples.
 */
import type { ServiceContext } from '../kinds/service.js';
import type { RawFinding } from '../model/finding.js';
import type { Say } from '../model/messages.js';
import type { CheckId } from '../model/service-facts.js';

/** A check's finding for each judged service that fails it; undefined when the document judges no service. */
export function missing(
  ctx: ServiceContext,
  check: CheckId,
  say: Say<'missing' | 'emptyWaiver'>,
): RawFinding[] | undefined {
  if (ctx.judged.length === 0) return undefined;
  const out: RawFinding[] = [];
  for (const s of ctx.judged) {
    for (const w of s.emptyWaivers.filter((e) => e.check === check))
      out.push({
        message: say('emptyWaiver', { rule: `service-${check}` }),
        line: w.line,
        column: 1,
        alwaysError: true,
      });
    const result = s.checks[check];
    if (result.status !== 'fail') continue;
    out.push({
      message: say('missing', { service: s.name, tier: s.tier, detail: result.detail }),
      line: s.home.line,
      column: s.home.column,
      ...(result.source && result.source.path !== ctx.path
        ? { related: { source: result.source.path, line: result.source.line } }
        : {}),
    });
  }
  return out;
}

export const EMPTY_WAIVER =
  'The waiver of {{rule}} gives no reason, so it waives nothing: write why in its value (`readiness-gate.io/waive.{{rule}}: "reason"`).';

/** A service with every launch answer: the catalog entity is the example's document. */
export const READY_CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations:
    pagerduty.com/service-id: PABC123
    backstage.io/kubernetes-id: payments
  links:
    - url: https://runbooks.example.com/payments
      title: Runbook
spec:
  type: service
  lifecycle: production
  owner: group:payments-team
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments-team
spec:
  type: team
  children: []
`;

export const READY_FILES: Record<string, string> = {
  '.github/CODEOWNERS': '*.md @acme/docs\n/services/payments/ @acme/payments-team\n',
  'services/payments/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  namespace: payments
  labels:
    backstage.io/kubernetes-id: payments
spec:
  template:
    metadata:
      labels:
        app: payments
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/payments:1.4.2
`,
  'slos/payments.yaml': `version: prometheus/v1
service: payments
slos:
  - name: requests-availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="payments",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="payments"}[{{.window}}]))
`,
  'dashboards/payments.json':
    '{\n  "title": "Payments",\n  "tags": ["payments"],\n  "panels": [{ "type": "timeseries", "targets": [{ "expr": "rate(http_requests_total{job=\\"payments\\"}[5m])" }] }]\n}\n',
  'alerts/payments-rules.yaml': `groups:
  - name: payments
    rules:
      - alert: PaymentsErrorBudgetBurn
        expr: sum(rate(http_requests_total{job="payments",code=~"5.."}[5m])) > 1
        labels:
          severity: page
        annotations:
          runbook_url: https://runbooks.example.com/payments
`,
};

/** The ready files, with some changed or left out (`null`). */
export function readyFilesWith(changes: Record<string, string | null>): Record<string, string> {
  const files = { ...READY_FILES };
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) delete files[path];
    else files[path] = text;
  }
  return files;
}

/** The ready catalog entity with one line replaced. */
export const readyCatalogWith = (from: string, to: string): string => {
  if (!READY_CATALOG.includes(from)) throw new Error(`the ready catalog has no "${from}"`);
  return READY_CATALOG.replace(from, to);
};

/** The example every service rule passes: a service with every launch answer. */
export const readyExample = (name: string) => ({
  name,
  path: 'services/payments/catalog-info.yaml',
  text: READY_CATALOG,
  files: READY_FILES,
  findings: [],
});
