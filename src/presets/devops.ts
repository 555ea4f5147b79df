/**
 * The built-in `devops` preset: the Review Checklist, Runbook Template and
 * Output Format of the DevOps engineer role document, as rules.
 */
import type { ResolvedConfig, SectionSpec, Severity } from '../config/types.js';
import { RULE_IDS, type RuleId } from '../rules/ids.js';

function section(name: string, items: string[], aliases: string[] = []): SectionSpec {
  return { name, aliases, items: items.map((label) => ({ label, aliases: [] })), policy: 'all' };
}

/** Severities of every rule under the devops preset. */
export const DEVOPS_SEVERITIES: Record<RuleId, Severity> = {
  'section-required': 'error',
  'item-required': 'error',
  'item-checked': 'error',
  'waiver-reason': 'error',
  'runbook-linked': 'error',
  'runbook-exists': 'error',
  'ops-recommendation': 'error',
  'ops-checklist': 'error',
  'ops-status-failed': 'error',
  'ops-status-warning': 'warning',
  'ops-status-unfilled': 'error',
  'ops-risk-mitigation': 'error',
  'ops-resource-placeholder': 'warning',
  'runbook-section': 'error',
  'runbook-section-empty': 'error',
  'runbook-overview': 'error',
  'runbook-placeholder': 'error',
  'runbook-steps': 'error',
  'runbook-health-check': 'warning',
  'runbook-high-risk': 'error',
};

/** Rules that only enforce configured sections; on under `extends: none` too. */
const GENERIC: readonly RuleId[] = [
  'section-required',
  'item-required',
  'item-checked',
  'waiver-reason',
  'runbook-linked',
  'runbook-exists',
  'runbook-section',
  'runbook-section-empty',
];

/** The Operations Review sections that are the DevOps reviewer's, not the author's. */
export const DEFAULT_SIGN_OFF_SECTIONS = ['DevOps Sign-off', 'Recommendation'] as const;

export const RUNBOOK_SECTIONS = {
  overview: 'Overview',
  preDeployment: 'Pre-Deployment Checklist',
  deploymentSteps: 'Deployment Steps',
  verification: 'Verification',
  rollback: 'Rollback Procedure',
  knownIssues: 'Known Issues',
} as const;

export function devopsPreset(): ResolvedConfig {
  return {
    strict: false,
    rules: { ...DEVOPS_SEVERITIES },
    pullRequest: {
      sections: [
        section('Deployment', ['Zero Downtime', 'Rollback Plan', 'Database Migrations', 'Feature Flags']),
        section('Monitoring', ['Metrics', 'Alerts', 'Dashboards', 'Logging']),
        section('Reliability', ['Health Checks', 'Graceful Shutdown', 'Circuit Breakers', 'Timeouts']),
        section('Resources', ['Memory', 'CPU', 'Storage', 'Connections']),
      ],
      runbook: { section: 'Runbook', aliases: ['Runbooks'], required: true },
    },
    runbooks: {
      paths: ['docs/runbooks/**/*.md', 'runbooks/**/*.md', '**/RUNBOOK.md', '**/*.runbook.md'],
      exclude: ['**/TEMPLATE.md', '**/template.md', '**/README.md'],
      sections: Object.values(RUNBOOK_SECTIONS).map((name) => section(name, [])),
    },
    skip: { labels: [], authors: [], drafts: false },
  };
}

export function emptyPreset(): ResolvedConfig {
  const rules = Object.fromEntries(
    RULE_IDS.map((id) => [id, GENERIC.includes(id) ? DEVOPS_SEVERITIES[id] : 'off']),
  ) as ResolvedConfig['rules'];
  return {
    strict: false,
    rules,
    pullRequest: { sections: [], runbook: { section: 'Runbook', aliases: [], required: false } },
    runbooks: { paths: ['docs/runbooks/**/*.md', 'runbooks/**/*.md'], exclude: ['**/TEMPLATE.md'], sections: [] },
    skip: { labels: [], authors: [], drafts: false },
  };
}
