/** Every rule id, in report order. Pull-request rules first, then runbook rules. */
export const RULE_IDS = [
  'section-required',
  'item-required',
  'item-checked',
  'waiver-reason',
  'runbook-linked',
  'runbook-exists',
  'ops-recommendation',
  'ops-checklist',
  'ops-status-failed',
  'ops-status-warning',
  'ops-status-unfilled',
  'ops-risk-mitigation',
  'ops-resource-placeholder',
  'runbook-section',
  'runbook-section-empty',
  'runbook-overview',
  'runbook-placeholder',
  'runbook-steps',
  'runbook-health-check',
  'runbook-high-risk',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
