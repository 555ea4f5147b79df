/**
 * The built-in presets. `devops` is the Review Checklist, Runbook Template
 * and Output Format of the DevOps engineer role document, as rules; `none`
 * starts from nothing but the rules that enforce what the config sets up.
 * Each rule's severity under a preset comes from the rule itself.
 */
import { LANGUAGES } from '../kinds/code/languages.js';
import type { DocumentSettings, Level, RunbookTemplate, SectionSpec } from '../model/spec.js';
import { RUNBOOK_SECTIONS } from '../model/runbook-template.js';
import { RULES, type RuleId } from '../rules/index.js';

export type PresetId = 'devops' | 'none';

export interface Preset extends DocumentSettings {
  rules: Record<RuleId, Level>;
}

/** Linked runbooks read from one description: each is a request, and a description can name thousands. */
const MAX_LINKS = 20;

/** Changed deployment files read a run, unless `evidence.max-files` says otherwise. */
export const DEFAULT_MAX_EVIDENCE_FILES = 300;

/** Alerts link runbooks with Prometheus's conventional annotation; no URL prefix is this repository's until a team says so. */
const defaultAlerts = (): DocumentSettings['alerts'] => ({
  runbookAnnotations: ['runbook_url'],
  runbookUrls: [],
  severities: [],
  configured: false,
});

/** Every source file of the languages the gate reads, tests, vendored and generated code aside (`kinds/code.ts`). */
const defaultCode = (): DocumentSettings['code'] => ({
  paths: ['**'],
  exclude: [],
  languages: [...LANGUAGES],
  maxFiles: 200,
});

/**
 * Services are found in the repository's catalog and in the folders a team
 * names; production needs every launch answer, experimental and deprecated
 * an owner; a service that names no tier is held as production.
 */
export const defaultServices = (): DocumentSettings['services'] => ({
  paths: [],
  files: [
    '**/catalog-info.yaml',
    '**/catalog-info.yml',
    '**/*slo*.{yaml,yml}',
    '**/slos/**/*.{yaml,yml}',
    '**/*dashboard*.{json,yaml,yml}',
    '**/dashboards/**/*.{json,yaml,yml}',
    '**/*alert*.{yaml,yml}',
    '**/*rules.{yaml,yml}',
  ],
  exclude: [],
  matchLabels: ['service', 'app', 'job', 'namespace'],
  oncallAnnotations: [
    'pagerduty.com/service-id',
    'pagerduty.com/integration-key',
    'opsgenie.com/component-selector',
    'opsgenie.com/team',
  ],
  tierFrom: 'spec.lifecycle',
  tiers: {
    production: ['owner', 'oncall', 'slo', 'alerts', 'dashboard', 'runbook'],
    experimental: ['owner'],
    deprecated: ['owner'],
  },
  defaultTier: 'production',
  ownerApproval: [],
  maxFiles: 300,
});

const defaultEvidence = (): DocumentSettings['evidence'] => ({
  paths: ['**'],
  exclude: [],
  maxFiles: DEFAULT_MAX_EVIDENCE_FILES,
});

function section(name: string, items: string[], aliases: string[] = []): SectionSpec {
  // A checklist's text is optional; a runbook section (no items) must be written.
  return {
    name,
    aliases,
    items: items.map((label) => ({ label, aliases: [] })),
    text: items.length ? 'optional' : 'required',
  };
}

/**
 * The Operations Review sections that are the DevOps reviewer's, not the
 * author's, with the boxes the role document gives them. A box deleted from
 * them fails sign-off; the Recommendation is read as exactly one choice.
 */
export function defaultSignOffSections(): SectionSpec[] {
  return [
    section('DevOps Sign-off', [
      'Deployment strategy clear',
      'Rollback plan defined',
      'Monitoring requirements identified',
      'Resource limits set',
    ]),
    section('Recommendation', []),
  ];
}

function severities(preset: PresetId): Record<RuleId, Level> {
  return Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity[preset]])) as Record<RuleId, Level>;
}

/** Files in runbook folders that are not runbooks: kept out whatever a config adds. */
export const PRESET_EXCLUDE = ['**/TEMPLATE.md', '**/template.md', '**/README.md'];

/** The role document's Runbook Template. */
export function devopsTemplate(): RunbookTemplate {
  return {
    name: 'devops',
    builtin: true,
    paths: ['docs/runbooks/**/*.md', 'runbooks/**/*.md', '**/RUNBOOK.md', '**/*.runbook.md'],
    exclude: [...PRESET_EXCLUDE],
    sections: Object.values(RUNBOOK_SECTIONS).map((name) => section(name, [])),
    fields: [],
    placeholders: [],
  };
}

export function preset(id: PresetId): Preset {
  return id === 'none' ? emptyPreset() : devopsPreset();
}

function devopsPreset(): Preset {
  return {
    rules: severities('devops'),
    when: [],
    // The Review Checklist's claims the changed files can contradict, the code they add among them.
    evidence: defaultEvidence(),
    alerts: defaultAlerts(),
    code: defaultCode(),
    services: defaultServices(),
    claims: {
      Alerts: ['alert-runbook', 'service-alerts'],
      Dashboards: ['service-dashboard'],
      Timeouts: ['code-network-timeout'],
      Logging: ['code-unstructured-log'],
      'Zero Downtime': ['manifest-rollout'],
      'Health Checks': ['manifest-readiness-probe', 'manifest-liveness-probe'],
      'Graceful Shutdown': ['manifest-graceful-shutdown', 'dockerfile-exec-form'],
      Memory: ['manifest-resources'],
      CPU: ['manifest-resources'],
      'Resource limits set': ['manifest-resources'],
    },
    pullRequest: {
      sections: [
        section('Deployment', ['Zero Downtime', 'Rollback Plan', 'Database Migrations', 'Feature Flags']),
        section('Monitoring', ['Metrics', 'Alerts', 'Dashboards', 'Logging']),
        section('Reliability', ['Health Checks', 'Graceful Shutdown', 'Circuit Breakers', 'Timeouts']),
        section('Resources', ['Memory', 'CPU', 'Storage', 'Connections']),
      ],
      runbook: { section: 'Runbook', aliases: ['Runbooks'], required: true, maxLinks: MAX_LINKS, external: [] },
      placeholders: [],
    },
    runbooks: { templates: [devopsTemplate()] },
  };
}

function emptyPreset(): Preset {
  return {
    rules: severities('none'),
    when: [],
    claims: {},
    evidence: defaultEvidence(),
    alerts: defaultAlerts(),
    code: defaultCode(),
    services: defaultServices(),
    pullRequest: {
      sections: [],
      runbook: { section: 'Runbook', aliases: [], required: false, maxLinks: MAX_LINKS, external: [] },
      placeholders: [],
    },
    runbooks: {
      templates: [
        {
          name: 'runbooks',
          builtin: false,
          paths: ['docs/runbooks/**/*.md', 'runbooks/**/*.md'],
          exclude: [...PRESET_EXCLUDE],
          sections: [],
          fields: [],
          placeholders: [],
        },
      ],
    },
  };
}
