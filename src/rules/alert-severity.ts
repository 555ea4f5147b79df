/**
 * `alert-severity`: with `alerts.severities` given, every alerting rule has
 * a `labels.severity` among them, so routing and paging treat it as the
 * team meant. Without the list, the rule checks nothing.
 */
import type { RawFinding } from '../model/finding.js';
import { defineRule } from './rule.js';

const CONFIG = 'alerts:\n  severities: [critical, warning, info]\n';

export const alertSeverity = defineRule({
  id: 'alert-severity',
  kind: 'manifest',
  title: 'Every alert has a known severity',
  description:
    "an alerting rule's `labels.severity` is one of `alerts.severities` (checked only when the list is given)",
  defaultSeverity: { devops: 'warning', none: 'off' },
  examples: [
    {
      name: 'an alert without a severity, and one with a severity the team does not route',
      path: 'monitoring/payments.rules.yml',
      config: CONFIG,
      text: 'groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n      - alert: PaymentsSlow\n        expr: slow > 2\n        labels:\n          severity: page\n',
      findings: [
        '4:16 Alert "PaymentsDown" has no labels.severity, so it is routed as nobody chose. Give it one of: critical, warning, info.',
        '9:21 Alert "PaymentsSlow" has severity "page", which is not one of: critical, warning, info. Use one of them, or add it to alerts.severities.',
      ],
    },
    {
      name: 'severities the team routes',
      path: 'monitoring/payments.rules.yml',
      config: CONFIG,
      text: 'groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n        labels:\n          severity: critical\n',
      findings: [],
    },
  ],
  check({ file, settings }) {
    const allowed = settings.alerts.severities;
    if (!file.alerts || allowed.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const alert of file.alerts) {
      if (!alert.severity) {
        out.push({
          message: `Alert "${alert.name}" has no labels.severity, so it is routed as nobody chose. Give it one of: ${allowed.join(', ')}.`,
          line: alert.line,
          column: alert.column,
        });
      } else if (!allowed.includes(alert.severity.value)) {
        out.push({
          message: `Alert "${alert.name}" has severity "${alert.severity.value}", which is not one of: ${allowed.join(', ')}. Use one of them, or add it to alerts.severities.`,
          line: alert.severity.line,
          column: alert.severity.column,
        });
      }
    }
    return out;
  },
});
