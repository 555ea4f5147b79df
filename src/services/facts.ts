/** A service as its readiness facts say it (`model/service-facts.ts`): what the scorecard and the action hand on. */
import { CHECKS, type ServiceFacts } from '../model/service-facts.js';
import type { Service } from './model.js';

export function factsOf(service: Service): ServiceFacts {
  const files = [
    ...new Set([...(service.entity ? [service.entity.path] : []), ...service.workloads.map((w) => w.path)]),
  ];
  return {
    name: service.name,
    owner: service.owner ?? null,
    lifecycle: service.lifecycle ?? null,
    tier: service.tier,
    files,
    checks: Object.fromEntries(
      CHECKS.map((c) => {
        const r = service.checks[c];
        return [
          c,
          {
            status: r.status,
            detail: r.detail,
            source: r.source ?? null,
            ...(r.reason !== undefined ? { reason: r.reason } : {}),
          },
        ];
      }),
    ) as ServiceFacts['checks'],
  };
}
