/**
 * `alert-runbook`: every alerting rule links its runbook, and the link
 * resolves to a runbook on-call can open: a file of this repository at the
 * head commit (through an `alerts.runbook-urls` prefix, or a GitHub URL to
 * this repository), or a `runbooks.external` prefix. The role document's
 * "Do I have a runbook for this?", asked of each alert.
 */
import type { RawFinding } from '../model/finding.js';
import { runbookOf, runbookState } from './alert-common.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const RULES_FILE = (annotations: string) =>
  `groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up{job="payments"} == 0\n        for: 5m\n        labels:\n          severity: critical\n${annotations}`;
const URLS = 'alerts:\n  runbook-urls:\n    - prefix: https://runbooks.example.com/\n      path: docs/runbooks/\n';

const messages = {
  hidden:
    'Alert "{{alert}}" gets its {{annotation}} from a template directive the gate cannot resolve, so where it points is not checked. Write the URL out in the rule, or check the runbook by hand.',
  missing:
    'Alert "{{alert}}" has no {{annotation}} annotation, so on-call gets no runbook when it fires. Add annotations.{{annotation}} linking its runbook.',
  elsewhere:
    'Alert "{{alert}}" links {{url}}, which is neither this repository, an alerts.runbook-urls prefix nor a runbooks.external prefix, so the gate cannot tell the runbook exists. Keep the runbook in this repository, or list the prefix under runbooks.external.',
  noFile:
    'Alert "{{alert}}" links {{shown}}, and there is no such file at the head commit. Write the runbook (the pull request that adds an alert brings its runbook), or fix the link.',
  unread:
    'Alert "{{alert}}" links {{shown}}, which the run did not read (more runbooks than pull-request.runbook.max-links, or a read that failed), so the gate cannot tell it exists.',
};
const say = sayer(messages);

export const alertRunbook = defineRule({
  id: 'alert-runbook',
  kind: 'manifest',
  title: 'Every alert links a runbook that exists',
  description:
    'an alerting rule has a `runbook_url` annotation (`alerts.runbook-annotation`) that resolves to a runbook file at the head commit (an `alerts.runbook-urls` prefix, or a GitHub URL to this repository) or a `runbooks.external` prefix',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'an alert without a runbook annotation, and one whose runbook is not in the repository',
      path: 'monitoring/payments.rules.yml',
      config: URLS,
      text: `${RULES_FILE('')}      - alert: PaymentsSlow\n        expr: histogram_quantile(0.99, rate(payments_seconds_bucket[5m])) > 2\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-slow\n`,
      findings: [
        { at: '4:16', id: 'missing', data: { alert: 'PaymentsDown', annotation: 'runbook_url' } },
        {
          at: '12:24',
          id: 'noFile',
          data: {
            alert: 'PaymentsSlow',
            shown: 'https://runbooks.example.com/payments-slow, which is docs/runbooks/payments-slow.md',
          },
        },
      ],
    },
    {
      name: 'a runbook on a host the config does not name',
      path: 'monitoring/payments.rules.yml',
      text: RULES_FILE('        annotations:\n          runbook_url: https://wiki.example.com/payments\n'),
      findings: [
        { at: '10:24', id: 'elsewhere', data: { alert: 'PaymentsDown', url: 'https://wiki.example.com/payments' } },
      ],
    },
    {
      name: 'a PrometheusRule whose alert links a runbook of this repository by its GitHub URL, and one through a prefix, the case of its name aside',
      path: 'deploy/alerts.yaml',
      config: URLS,
      files: {
        'docs/runbooks/payments-down.md': '# Payments down\n',
        'docs/runbooks/PaymentsSlow.md': '# Payments slow\n',
      },
      text: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: payments\nspec:\n  groups:\n    - name: payments\n      rules:\n        - alert: PaymentsDown\n          expr: up == 0\n          annotations:\n            runbook_url: https://runbooks.example.com/payments-down\n        - alert: PaymentsSlow\n          expr: slow > 2\n          annotations:\n            runbook_url: https://runbooks.example.com/paymentsslow\n        - record: job:payments:rate5m\n          expr: rate(payments_total[5m])\n',
      findings: [],
    },
    {
      name: 'a chart fragment whose name a template assigns, and whose runbook a directive writes: unverifiable, not missing',
      path: 'charts/db/prometheus_rules/offline.yaml',
      text: '{{- $alert := "DBOffline" -}}\n{{- if not (has $alert .excludeRules) -}}\nalert: {{ $alert }}\nannotations:\n  summary: no instance is ready\n  runbook_url: {{ .Values.runbookBase }}/{{ $alert }}.md\nexpr: up == 0\nfor: 5m\n{{- end -}}\n',
      findings: [{ at: '3:8', id: 'hidden', data: { alert: 'DBOffline', annotation: 'runbook_url' } }],
    },
    {
      name: 'a directive that writes labels cannot write the annotations the rule lacks',
      path: 'charts/db/prometheus_rules/lag.yaml',
      text: 'alert: DBLag\nexpr: lag > 10\nlabels:\n  severity: warning\n  {{- include "db.labels" . | nindent 2 }}\n',
      findings: [{ at: '1:8', id: 'missing', data: { alert: 'DBLag', annotation: 'runbook_url' } }],
    },
    {
      name: 'the same fragment with no runbook annotation at all',
      path: 'charts/db/prometheus_rules/offline.yaml',
      text: '{{- $alert := "DBOffline" -}}\nalert: {{ $alert }}\nannotations:\n  summary: no instance is ready\nexpr: up == 0\n',
      findings: [{ at: '2:8', id: 'missing', data: { alert: 'DBOffline', annotation: 'runbook_url' } }],
    },
  ],
  check(ctx) {
    const { alerts } = ctx.file;
    if (!alerts) return undefined;
    const out: RawFinding[] = [];
    const annotation = ctx.settings.alerts.runbookAnnotation;
    for (const alert of alerts) {
      const found = runbookOf(alert, ctx);
      if (found === 'hidden') {
        // Unverifiable, never missing: said, at most a notice, so an unchecked runbook is not a silent pass.
        out.push({
          message: say('hidden', { alert: alert.name, annotation }),
          line: alert.line,
          column: alert.column,
          severity: 'notice',
        });
        continue;
      }
      if (found === 'missing') {
        out.push({
          message: say('missing', { alert: alert.name, annotation }),
          line: alert.line,
          column: alert.column,
        });
        continue;
      }
      const { url, target } = found;
      const at = { line: url.line, column: url.column };
      if (target.kind === 'external') continue;
      if (target.kind === 'elsewhere') {
        out.push({
          message: say('elsewhere', { alert: alert.name, url: url.value }),
          ...at,
        });
        continue;
      }
      const { state } = runbookState(ctx, target.path);
      const shown = url.value === target.path ? target.path : `${url.value}, which is ${target.path}`;
      if (state === 'missing') {
        out.push({
          message: say('noFile', { alert: alert.name, shown }),
          ...at,
        });
      } else if (state === 'unread') {
        out.push({
          message: say('unread', { alert: alert.name, shown }),
          ...at,
        });
      }
    }
    return out;
  },
});
