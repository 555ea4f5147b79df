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
  lowered:
    'Service "{{service}}" is lowered from tier {{from}} to {{to}} by this pull request: it is judged as {{from}} here, and the new tier applies once merged. Lower the tier in a pull request of its own.',
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
    {
      name: 'a pull request that lowers the tier: judged as the tier it had',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG.replace('lifecycle: production', 'lifecycle: experimental'),
      files: READY_FILES,
      base: { 'services/payments/catalog-info.yaml': READY_CATALOG },
      findings: [{ at: '13:1', id: 'lowered', data: { service: 'payments', from: 'production', to: 'experimental' } }],
    },
    readyExample('a production service'),
  ],
  check(ctx) {
    if (ctx.judged.length === 0) return undefined;
    const { services } = ctx.settings;
    const lowered = ctx.judged.flatMap((s) =>
      s.tierLowered
        ? [
            {
              message: say('lowered', { service: s.name, from: s.tierLowered.from, to: s.tierLowered.to }),
              line: s.tierSource?.path === ctx.path ? s.tierSource.line : s.home.line,
              column: 1,
              severity: 'notice' as const,
            },
          ]
        : [],
    );
    const unknown = ctx.judged
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
    return [...unknown, ...lowered];
  },
});
