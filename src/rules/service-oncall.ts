/**
 * `service-oncall`: a service whose tier requires it (production, by default) names
 * who is paged: one of `services.oncall-annotations` (PagerDuty's and
 * Opsgenie's Backstage annotations) on its catalog entity or its workload.
 */
import { sayer } from '../model/messages.js';
import { EMPTY_WAIVER, missing, READY_FILES, readyCatalogWith, readyExample } from './service-common.js';
import { defineRule } from './rule.js';

const messages = {
  missing:
    'Service "{{service}}" (tier {{tier}}) has no on-call: {{detail}}. Add its PagerDuty service (`pagerduty.com/service-id`) or Opsgenie team to its catalog entity, so its alerts page someone.',
  emptyWaiver: EMPTY_WAIVER,
};
const say = sayer(messages);

export const serviceOncall = defineRule({
  id: 'service-oncall',
  kind: 'service',
  title: 'Every production service has an on-call',
  description:
    'a service its tier requires it of names its on-call: a PagerDuty or Opsgenie annotation (`services.oncall-annotations`) on its catalog entity or workload',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a production service whose catalog entity names no on-call',
      path: 'services/payments/catalog-info.yaml',
      text: readyCatalogWith('    pagerduty.com/service-id: PABC123\n', ''),
      files: READY_FILES,
      findings: [
        {
          at: '4:9',
          id: 'missing',
          data: {
            service: 'payments',
            tier: 'production',
            detail:
              'no on-call annotation (pagerduty.com/service-id, pagerduty.com/integration-key, opsgenie.com/component-selector, opsgenie.com/team)',
          },
        },
      ],
    },
    {
      name: 'an experimental service need not name one',
      path: 'services/payments/catalog-info.yaml',
      text: readyCatalogWith('    pagerduty.com/service-id: PABC123\n', '').replace(
        'lifecycle: production',
        'lifecycle: experimental',
      ),
      files: READY_FILES,
      findings: [],
    },
    readyExample('a production service paged through PagerDuty'),
  ],
  check(ctx) {
    return missing(ctx, 'oncall', say);
  },
});
