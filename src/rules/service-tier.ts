/**
 * `service-tier`: a service's tier is one `services.tiers` names. The tier
 * decides what a service owes (production: owner, on-call, SLO, alerts,
 * dashboard, runbook; experimental: an owner); a misspelt lifecycle
 * (`prod`) would otherwise silently hold a service to the default tier.
 */
import { sayer } from '../model/messages.js';
import { READY_CATALOG, READY_FILES, readyExample } from './service-common.js';
import { defineRule } from './rule.js';

const messages = {
  unknown:
    'Service "{{service}}" is of tier "{{tier}}" ({{from}}), which `services.tiers` does not name ({{tiers}}): it is judged as {{default}}. Correct the value, or add the tier to the config.',
};
const say = sayer(messages);

export const serviceTier = defineRule({
  id: 'service-tier',
  kind: 'service',
  title: "Every service's tier is a known one",
  description: "a service's tier (`spec.lifecycle`, or `services.tier-from`) is one `services.tiers` names",
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a lifecycle no tier names',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG.replace('lifecycle: production', 'lifecycle: prod'),
      files: READY_FILES,
      findings: [
        {
          at: '13:14',
          id: 'unknown',
          data: {
            service: 'payments',
            tier: 'prod',
            from: 'spec.lifecycle',
            tiers: 'production, experimental, deprecated',
            default: 'production',
          },
        },
      ],
    },
    readyExample('a production service'),
  ],
  check(ctx) {
    if (ctx.judged.length === 0) return undefined;
    const { services } = ctx.settings;
    return ctx.judged
      .filter((s) => !s.tierKnown)
      .map((s) => ({
        message: say('unknown', {
          service: s.name,
          tier: s.tier,
          from: services.tierFrom,
          tiers: Object.keys(services.tiers).join(', '),
          default: services.defaultTier,
        }),
        line: s.tierSource?.path === ctx.path ? s.tierSource.line : s.home.line,
        column: s.tierSource?.path === ctx.path && s.entity?.lifecycle ? s.entity.lifecycle.column : s.home.column,
        ...(s.tierSource && s.tierSource.path !== ctx.path
          ? { related: { source: s.tierSource.path, line: s.tierSource.line } }
          : {}),
      }));
  },
});
