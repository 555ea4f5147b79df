import { itemChecked } from './item-checked.js';
import { itemRequired } from './item-required.js';
import { opsChecklist } from './ops-checklist.js';
import { opsRecommendation } from './ops-recommendation.js';
import { opsResourcePlaceholder } from './ops-resource-placeholder.js';
import { opsRiskMitigation } from './ops-risk-mitigation.js';
import { opsStatusFailed } from './ops-status-failed.js';
import { opsStatusUnfilled } from './ops-status-unfilled.js';
import { opsStatusWarning } from './ops-status-warning.js';
import type { Rule } from './rule.js';
import { runbookExists } from './runbook-exists.js';
import { runbookHealthCheck } from './runbook-health-check.js';
import { runbookHighRisk } from './runbook-high-risk.js';
import { runbookLinked } from './runbook-linked.js';
import { runbookOverview } from './runbook-overview.js';
import { runbookPlaceholder } from './runbook-placeholder.js';
import { runbookSectionEmpty } from './runbook-section-empty.js';
import { runbookSectionRule } from './runbook-section.js';
import { runbookSteps } from './runbook-steps.js';
import { sectionRequired } from './section-required.js';
import { waiverReason } from './waiver-reason.js';

/** Every rule, in the order of RULE_IDS. */
export const RULES: readonly Rule[] = [
  sectionRequired,
  itemRequired,
  itemChecked,
  waiverReason,
  runbookLinked,
  runbookExists,
  opsRecommendation,
  opsChecklist,
  opsStatusFailed,
  opsStatusWarning,
  opsStatusUnfilled,
  opsRiskMitigation,
  opsResourcePlaceholder,
  runbookSectionRule,
  runbookSectionEmpty,
  runbookOverview,
  runbookPlaceholder,
  runbookSteps,
  runbookHealthCheck,
  runbookHighRisk,
];
