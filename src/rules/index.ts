/**
 * Every rule, in report order: pull-request rules first, then runbook rules.
 * Rule ids, the presets' severities, the config schema's rule keys and the
 * rules table (docs/configuration.md) all come from this list. A new rule is one file and
 * one line here.
 */
import { alertRunbook } from './alert-runbook.js';
import { alertRunbookDrift } from './alert-runbook-drift.js';
import { alertRunbookRemoved } from './alert-runbook-removed.js';
import { alertSeverity } from './alert-severity.js';
import { claimContradicted } from './claim-contradicted.js';
import { codeNetworkTimeout } from './code-network-timeout.js';
import { codeHardcodedConfig } from './code-hardcoded-config.js';
import { codeNotRead } from './code-not-read.js';
import { codeUnboundedQueue } from './code-unbounded-queue.js';
import { codeUnstructuredLog } from './code-unstructured-log.js';
import { dockerfileExecForm } from './dockerfile-exec-form.js';
import { dockerfileHealthcheck } from './dockerfile-healthcheck.js';
import { itemChecked } from './item-checked.js';
import { evidenceUnverifiable } from './evidence-unverifiable.js';
import { manifestDuplicateKey } from './manifest-duplicate-key.js';
import { manifestGracefulShutdown } from './manifest-graceful-shutdown.js';
import { manifestLivenessProbe } from './manifest-liveness-probe.js';
import { manifestReadinessProbe } from './manifest-readiness-probe.js';
import { manifestRollout } from './manifest-rollout.js';
import { manifestResources } from './manifest-resources.js';
import { manifestSecretLiteral } from './manifest-secret-literal.js';
import { itemDuplicate } from './item-duplicate.js';
import { itemRequired } from './item-required.js';
import { opsChecklist } from './ops-checklist.js';
import { opsRecommendation } from './ops-recommendation.js';
import { opsResourcePlaceholder } from './ops-resource-placeholder.js';
import { opsRiskMitigation } from './ops-risk-mitigation.js';
import { opsStatusFailed } from './ops-status-failed.js';
import { opsStatusUnfilled } from './ops-status-unfilled.js';
import { opsStatusWarning } from './ops-status-warning.js';
import { runbookExists } from './runbook-exists.js';
import { runbookField } from './runbook-field.js';
import { runbookHealthCheck } from './runbook-health-check.js';
import { runbookHighRisk } from './runbook-high-risk.js';
import { runbookItemChecked } from './runbook-item-checked.js';
import { runbookItemRequired } from './runbook-item-required.js';
import { runbookLinked } from './runbook-linked.js';
import { runbookLinkRemoved } from './runbook-link-removed.js';
import { runbookOrphan } from './runbook-orphan.js';
import { runbookOverview } from './runbook-overview.js';
import { runbookPlaceholder } from './runbook-placeholder.js';
import { runbookSectionEmpty } from './runbook-section-empty.js';
import { runbookReviewDue } from './runbook-review-due.js';
import { runbookSectionRule } from './runbook-section.js';
import { runbookSteps } from './runbook-steps.js';
import { sectionRequired } from './section-required.js';
import { sectionText } from './section-text.js';
import { templateChoice } from './template-choice.js';
import { templateField } from './template-field.js';
import { templateUntouched } from './template-untouched.js';
import { signOff } from './sign-off.js';
import { serviceApproval } from './service-approval.js';
import { serviceCatalog } from './service-catalog.js';
import { serviceOwner } from './service-owner.js';
import { serviceOncall } from './service-oncall.js';
import { serviceSlo } from './service-slo.js';
import { serviceAlerts } from './service-alerts.js';
import { serviceDashboard } from './service-dashboard.js';
import { serviceRunbook } from './service-runbook.js';
import { serviceTier } from './service-tier.js';
import { waiverReason } from './waiver-reason.js';
import { workflowJobTimeout } from './workflow-job-timeout.js';
import { whenApprovals } from './when-approvals.js';
import { whenChanged } from './when-changed.js';
import { whenFilesTruncated } from './when-files-truncated.js';
import { whenItem } from './when-item.js';
import { whenRunbook } from './when-runbook.js';
import { whenSection } from './when-section.js';
import { whenUnevaluated } from './when-unevaluated.js';

export const RULES = [
  sectionRequired,
  sectionText,
  templateUntouched,
  templateChoice,
  templateField,
  itemRequired,
  itemChecked,
  itemDuplicate,
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
  signOff,
  whenItem,
  whenSection,
  whenRunbook,
  whenApprovals,
  whenChanged,
  whenFilesTruncated,
  whenUnevaluated,
  serviceApproval,
  claimContradicted,
  runbookSectionRule,
  runbookReviewDue,
  runbookSectionEmpty,
  runbookItemRequired,
  runbookItemChecked,
  runbookField,
  runbookOverview,
  runbookPlaceholder,
  runbookSteps,
  runbookHealthCheck,
  runbookHighRisk,
  runbookOrphan,
  runbookLinkRemoved,
  dockerfileExecForm,
  dockerfileHealthcheck,
  workflowJobTimeout,
  manifestReadinessProbe,
  manifestLivenessProbe,
  manifestResources,
  manifestGracefulShutdown,
  manifestRollout,
  manifestSecretLiteral,
  manifestDuplicateKey,
  alertRunbook,
  alertRunbookDrift,
  alertRunbookRemoved,
  alertSeverity,
  serviceCatalog,
  serviceOwner,
  serviceOncall,
  serviceSlo,
  serviceAlerts,
  serviceDashboard,
  serviceRunbook,
  serviceTier,
  codeNetworkTimeout,
  codeUnboundedQueue,
  codeUnstructuredLog,
  codeHardcodedConfig,
  codeNotRead,
  evidenceUnverifiable,
] as const;

export type AnyRule = (typeof RULES)[number];
export type RuleId = AnyRule['id'];

export const RULE_IDS = RULES.map((rule) => rule.id) as [RuleId, ...RuleId[]];
