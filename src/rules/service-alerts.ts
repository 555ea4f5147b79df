/**
 * `service-alerts`: a service whose tier requires it (production, by default) is
 * selected by an alerting rule: one of `services.match-labels` equal to its
 * name (its namespace, for `namespace`) in the rule's labels or in its
 * expression's selectors. The alerts themselves are held to `alert-runbook`.
 */
import { sayer } from '../model/messages.js';
import { EMPTY_WAIVER, missing, READY_CATALOG, READY_FILES, readyFilesWith, readyExample } from './service-common.js';
import { defineRule } from './rule.js';

const messages = {
  missing:
    'Service "{{service}}" (tier {{tier}}) has no alert: {{detail}}. Add an alerting rule whose labels or selectors name it (e.g. job="{{service}}"), linking its runbook.',
  emptyWaiver: EMPTY_WAIVER,
};
const say = sayer(messages);

export const serviceAlerts = defineRule({
  id: 'service-alerts',
  kind: 'service',
  title: 'Every production service has alerts',
  description:
    "an alerting rule selects a service its tier requires it of, by a label (`services.match-labels`) in its labels or its expression's selectors",
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a production service no alert selects',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG,
      files: readyFilesWith({
        'alerts/payments-rules.yaml': READY_FILES['alerts/payments-rules.yaml']!.replaceAll(
          'job="payments"',
          'job="orders"',
        ),
      }),
      findings: [
        {
          at: '4:9',
          id: 'missing',
          data: {
            service: 'payments',
            tier: 'production',
            detail: 'no alert selects payments (by service, app, job, namespace)',
          },
        },
      ],
    },
    readyExample("an alert on the service's error rate, by its job"),
  ],
  check(ctx) {
    return missing(ctx, 'alerts', say);
  },
});
