/**
 * `alert-severity`: with `alerts.severities` given, every alerting rule has
 * a `labels.severity` among them, so routing and paging treat it as the
 * team meant. Without the list, the rule checks nothing.
 */
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const CONFIG = 'alerts:\n  severities: [critical, warning, info]\n';

const messages = {
  none: 'Alert "{{alert}}" has no labels.severity, so it is routed as nobody chose. Give it one of: {{allowed}}.',
  other:
    'Alert "{{alert}}" has severity "{{severity}}", which is not one of: {{allowed}}. Use one of them, or add it to alerts.severities.',
};
const say = sayer(messages);

export const alertSeverity = defineRule({
  id: 'alert-severity',
  kind: 'manifest',
  title: 'Every alert has a known severity',
  description:
    "an alerting rule's `labels.severity` is one of `alerts.severities` (checked only when the list is given)",
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'an alert without a severity, and one with a severity the team does not route',
      path: 'monitoring/payments.rules.yml',
      config: CONFIG,
      text: 'groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n      - alert: PaymentsSlow\n        expr: slow > 2\n        labels:\n          severity: page\n',
      findings: [
        { at: '4:16', id: 'none', data: { alert: 'PaymentsDown', allowed: 'critical, warning, info' } },
        {
          at: '9:21',
          id: 'other',
          data: { alert: 'PaymentsSlow', severity: 'page', allowed: 'critical, warning, info' },
        },
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
          message: say('none', { alert: alert.name, allowed: allowed.join(', ') }),
          line: alert.line,
          column: alert.column,
        });
      } else if (!allowed.includes(alert.severity.value)) {
        out.push({
          message: say('other', { alert: alert.name, severity: alert.severity.value, allowed: allowed.join(', ') }),
          line: alert.severity.line,
          column: alert.severity.column,
        });
      }
    }
    return out;
  },
});
