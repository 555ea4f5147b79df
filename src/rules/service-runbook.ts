/**
 * `service-runbook`: a service whose tier requires it (production, by default) has
 * a runbook: a link in its catalog entity titled or named as one, the
 * runbook annotation of an alert that selects it, or a runbook file named
 * for it (`docs/runbooks/payments.md`).
 */
import { sayer } from '../model/messages.js';
import { EMPTY_WAIVER, missing, READY_FILES, readyCatalogWith, readyFilesWith } from './service-common.js';
import { defineRule } from './rule.js';

const messages = {
  missing:
    'Service "{{service}}" (tier {{tier}}) has no runbook: {{detail}}. Link its runbook from its catalog entity (`metadata.links`), or write one named for it under docs/runbooks/.',
  emptyWaiver: EMPTY_WAIVER,
};
const say = sayer(messages);

export const serviceRunbook = defineRule({
  id: 'service-runbook',
  kind: 'service',
  title: 'Every production service has a runbook',
  description:
    "a service its tier requires it of has a runbook: a catalog link, its alerts' runbook annotation, or a runbook file named for it",
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a production service with no runbook anywhere',
      path: 'services/payments/catalog-info.yaml',
      text: readyCatalogWith('  links:\n    - url: https://runbooks.example.com/payments\n      title: Runbook\n', ''),
      files: readyFilesWith({
        'alerts/payments-rules.yaml': READY_FILES['alerts/payments-rules.yaml']!.replace(
          /\n +annotations:\n.*\n/,
          '\n',
        ),
      }),
      findings: [
        {
          at: '4:9',
          id: 'missing',
          data: {
            service: 'payments',
            tier: 'production',
            detail: "no runbook for payments (a catalog link, an alert's runbook, a runbook file named for it)",
          },
        },
      ],
    },
    {
      name: 'a runbook file named for the service',
      path: 'services/payments/catalog-info.yaml',
      text: readyCatalogWith('  links:\n    - url: https://runbooks.example.com/payments\n      title: Runbook\n', ''),
      files: readyFilesWith({
        'alerts/payments-rules.yaml': READY_FILES['alerts/payments-rules.yaml']!.replace(
          /\n +annotations:\n.*\n/,
          '\n',
        ),
        'docs/runbooks/payments.md': '# Payments\n',
      }),
      findings: [],
    },
  ],
  check(ctx) {
    return missing(ctx, 'runbook', say);
  },
});
