/**
 * `service-dashboard`: a service whose tier requires it (production, by default)
 * has a dashboard: a Grafana dashboard in the repository naming it (title,
 * tags, template variables, panel queries), a `grafana/dashboard-selector`
 * annotation, or a catalog link to one.
 */
import { sayer } from '../model/messages.js';
import { EMPTY_WAIVER, missing, READY_CATALOG, readyFilesWith, readyExample } from './service-common.js';
import { defineRule } from './rule.js';

const messages = {
  missing:
    'Service "{{service}}" (tier {{tier}}) has no dashboard: {{detail}}. Add a Grafana dashboard that names it, or link one from its catalog entity.',
  emptyWaiver: EMPTY_WAIVER,
};
const say = sayer(messages);

export const serviceDashboard = defineRule({
  id: 'service-dashboard',
  kind: 'service',
  title: 'Every production service has a dashboard',
  description:
    'a Grafana dashboard (JSON, a `grafana_dashboard` ConfigMap, a GrafanaDashboard) names a service its tier requires it of in its title, tags, variables or queries, or the catalog links one',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'a production service no dashboard names',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG,
      files: readyFilesWith({ 'dashboards/payments.json': null }),
      findings: [
        {
          at: '4:9',
          id: 'missing',
          data: { service: 'payments', tier: 'production', detail: 'no dashboard references payments' },
        },
      ],
    },
    readyExample('a dashboard whose queries name the service'),
  ],
  check(ctx) {
    return missing(ctx, 'dashboard', say);
  },
});
