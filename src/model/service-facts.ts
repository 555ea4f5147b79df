/**
 * A service's readiness facts, as the scorecard shows them and other tools
 * take them (`schema/services.schema.json`): one row a service, each launch
 * question with its status and the file:line that decided it.
 */

/** The launch questions a tier may require, in the scorecard's order. */
export const CHECKS = ['owner', 'oncall', 'slo', 'alerts', 'dashboard', 'runbook'] as const;
export type CheckId = (typeof CHECKS)[number];

export type Status = 'pass' | 'fail' | 'waived' | 'not-required';

/** The version of the facts' shape: raised on any change a consumer could notice. */
export const FACTS_VERSION = 1;

export interface ServiceFacts {
  name: string;
  owner: string | null;
  lifecycle: string | null;
  tier: string;
  /** The files that are the service's own: its catalog file and its workloads'. */
  files: string[];
  checks: Record<
    CheckId,
    { status: Status; detail: string; source: { path: string; line: number } | null; reason?: string }
  >;
}

export interface ServicesDocument {
  version: typeof FACTS_VERSION;
  /** The repository, `owner/name`, when known. */
  repository: string | null;
  /** The commit the facts are of, when known. */
  commit: string | null;
  services: ServiceFacts[];
}

export function servicesDocument(
  services: readonly ServiceFacts[],
  where: { repository?: string; commit?: string } = {},
): ServicesDocument {
  return {
    version: FACTS_VERSION,
    repository: where.repository ?? null,
    commit: where.commit ?? null,
    services: [...services],
  };
}
