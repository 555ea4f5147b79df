// No dead settings: every leaf key the JSON Schema accepts changes a verdict or a report. Each entry
// sets the key in one config and leaves it out of another, on the same input; what the gate makes
// of the input must differ. A key missing from the table fails the test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { check } from '../../src/engine.js';
import { kindOf } from '../../src/kinds/index.js';
import { planFiles, skipReason, withText } from '../../src/plan.js';
import { annotationsFor } from '../../src/report/annotations.js';
import { RULES } from '../../src/rules/index.js';
import { reviewersKey, type PullRequestFacts } from '../../src/model/conditions.js';
import { example, loadGrammars, ROOT } from '../helpers.js';
import { auditOf, changeOf, changeOfRun } from '../services/memory.js';
import { READY_CATALOG, READY_FILES } from '../../src/rules/service-common.js';
import type { ReviewFacts } from '../../src/model/reviews.js';
import { templatePaths } from '../../src/model/template-paths.js';

// Source files are parsed with tree-sitter, whose grammars load before a check.
await loadGrammars();

type Observe = (config: ResolvedConfig) => unknown;

/** The whole report on a description and runbooks, as the CLI's JSON would show it. */
const report =
  (
    description: string | undefined,
    runbookFiles: Record<string, string> = {},
    reviews?: ReviewFacts,
    pullRequest?: PullRequestFacts,
  ): Observe =>
  (config) => {
    const files = Object.entries(runbookFiles).map(([p, text]) => ({ path: p, text, kind: 'runbook' as const }));
    const r = check({
      ...(description !== undefined ? { description } : {}),
      files,
      config,
      ...(reviews ? { reviews } : {}),
      ...(pullRequest ? { pullRequest } : {}),
    });
    return {
      conclusion: r.conclusion,
      matched: r.matched,
      findings: r.findings.map((f) => `${f.source}:${f.line} ${f.ruleId} ${f.message}`),
      waivers: r.waivers,
    };
  };
/** The scorecard of a repository in memory: what the service checks make of it. */
const audit = async (config: ResolvedConfig, files: Record<string, string>) => {
  const found = await auditOf(files, config);
  return { services: found.services, notRead: found.notRead };
};
const READY_CATALOG_PATH = 'services/payments/catalog-info.yaml';
const READY = { ...READY_FILES, [READY_CATALOG_PATH]: READY_CATALOG };
const READY_WITHOUT_SLO = { ...READY };
delete (READY_WITHOUT_SLO as Record<string, string>)['slos/payments.yaml'];
const SEARCH_DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: search\n';
const kinds =
  (...paths: string[]): Observe =>
  (config) =>
    paths.map((p) => kindOf(p, config));

const PR = example('pull-request.md');
const RUNBOOK = example('runbooks/deploy-payments.md');
const HEAD = 'c0ffee0000000000000000000000000000000001';
const OWNED =
  '## Operations Review\n### DevOps Sign-off\n- [x] Deployment strategy clear\n- [x] Rollback plan defined\n- [x] Monitoring requirements identified\n- [x] Resource limits set\n### Recommendation\n- [x] **Production ready**\n';
const reviews = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  author: 'octocat',
  headSha: HEAD,
  createdAt: '2026-11-02T10:00:00Z',
  reviews: [
    { login: 'lead', state: 'APPROVED', commitId: 'a'.repeat(40), submittedAt: '2026-11-03T09:00:00Z', body: OWNED },
  ],
  comments: [],
  revisions: [],
  historyComplete: true,
  authority: new Map([['lead', { kind: 'yes', via: 'listed' }]]),
  ...over,
});
const withSections = (sections: string) => `extends: none\npull-request:\n  sections:\n${sections}`;
const runbookSections = (sections: string) =>
  `extends: none\nrunbooks:\n  paths: ['docs/**']\n  sections:\n${sections}`;
const team = (extra: string) =>
  `extends: none\nrunbooks:\n  templates:\n    - name: Alerts\n      paths: ['alerts/**']\n${extra}`;
const docsOnly = { files: [{ path: 'docs/a.md' }], truncated: false, total: 1 };
const FACTS: PullRequestFacts = {
  changedFiles: { files: [{ path: 'docs/guide.md' }], truncated: false, total: 1 },
  labels: ['hotfix'],
  baseBranch: 'main',
  author: 'octocat',
  title: 'A hotfix for retries',
};
/** Alerting rules and the runbook one of them links, checked together. */
const alertReport: Observe = (config) =>
  check({
    files: [
      {
        path: 'monitoring/payments.rules.yml',
        kind: 'manifest',
        text: 'groups:\n  - name: p\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n        labels: {severity: page}\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-down\n          playbook: https://wiki.example.com/x\n',
      },
      { path: 'docs/runbooks/payments-down.md', kind: 'runbook', text: RUNBOOK, companion: true },
    ],
    config,
  }).findings.map((f) => `${f.source}:${f.line} ${f.ruleId} ${f.message}`);

/** A config with one `when` entry: a condition (or a name, then the condition is a label), and what it requires. */
const when = (condition: string, require = 'sections: [Security]') => {
  const [name, cond] = condition.startsWith('name:') ? [condition, 'labels: [hotfix]'] : ['name: Entry', condition];
  return `when:\n  - ${name}\n    ${cond}\n    require: {${require}}\n`;
};
const whenReport: Observe = (config) =>
  report(PR, { 'examples/runbooks/deploy-payments.md': RUNBOOK }, undefined, FACTS)(config);
/** A report with approvals read, `lead` having approved; the authority map answers for each entry's list. */
const approvalsReport: Observe = (config) => {
  const authority = new Map(
    config.when.map((w) => [
      reviewersKey(w.require.reviewers),
      new Map([
        [
          'lead',
          w.require.reviewers.includes('lead') ? { kind: 'yes' as const, via: 'listed' } : { kind: 'no' as const },
        ],
      ]),
    ]),
  );
  const approvals = {
    reviews: reviews().reviews.map((r) => ({ ...r, commitId: HEAD })),
    author: 'octocat',
    headSha: HEAD,
    allowStaleApproval: false,
    authority,
  };
  return report(PR, {}, undefined, { ...FACTS, approvals })(config);
};
const ALERT = '# KubeletDown\n## Meaning\nThe kubelet is down. TODO\n**Severity**: high\n';

interface Entry {
  with: string;
  without: string;
  observe: Observe;
}

const ENTRIES: Record<string, Entry | { exempt: string }> = {
  $schema: { exempt: 'read by editors for completion; the gate ignores it by design' },
  extends: { with: 'extends: none\n', without: '', observe: report(PR.replace('## Runbook', '## Notes')) },
  strict: {
    with: 'strict: true\n',
    without: '',
    observe: report(undefined, { 'docs/runbooks/a.md': RUNBOOK.replace(/health/gi, 'smoke') }),
  },
  rules: {
    with: 'rules:\n  item-checked: off\n',
    without: '',
    observe: report(PR.replace('- [x] **Metrics**', '- [ ] **Metrics**')),
  },
  'pull-request.sections[]': {
    with: withSections('    - Security\n'),
    without: withSections('    - Deployment\n'),
    observe: report(PR),
  },
  'pull-request.sections[].name': {
    with: withSections('    - {name: Security}\n'),
    without: withSections('    - {name: Deployment}\n'),
    observe: report(PR),
  },
  'pull-request.sections[].aliases[]': {
    with: withSections('    - {name: Security, aliases: [Threat model]}\n'),
    without: withSections('    - {name: Security}\n'),
    observe: report('## Threat model\nNone.\n'),
  },
  'pull-request.sections[].items[]': {
    with: withSections('    - {name: Monitoring, items: [Tracing]}\n'),
    without: withSections('    - {name: Monitoring}\n'),
    observe: report(PR),
  },
  'pull-request.sections[].items[].label': {
    with: withSections('    - {name: Monitoring, items: [{label: Tracing}]}\n'),
    without: withSections('    - {name: Monitoring, items: [{label: Metrics}]}\n'),
    observe: report(PR),
  },
  'pull-request.sections[].items[].aliases[]': {
    with: withSections('    - {name: Monitoring, items: [{label: Traces, aliases: [Metrics]}]}\n'),
    without: withSections('    - {name: Monitoring, items: [{label: Traces}]}\n'),
    observe: report(PR),
  },
  'pull-request.sections[].policy': {
    with: withSections('    - {name: Testing, policy: any, items: [Unit, Load]}\n'),
    without: withSections('    - {name: Testing, items: [Unit, Load]}\n'),
    observe: report('## Testing\n- [x] **Unit**\n- [ ] **Load**\n'),
  },
  'pull-request.sections[].policy.at-least': {
    with: withSections('    - {name: Testing, policy: {at-least: 2}, items: [Unit, Load]}\n'),
    without: withSections('    - {name: Testing, policy: {at-least: 1}, items: [Unit, Load]}\n'),
    observe: report('## Testing\n- [x] **Unit**\n- [ ] **Load**\n'),
  },
  'pull-request.sections[].text': {
    with: withSections('    - {name: Testing, text: required, items: [Unit]}\n'),
    without: withSections('    - {name: Testing, items: [Unit]}\n'),
    observe: report('## Testing\n<!-- What did you test? -->\n- [x] **Unit**\n'),
  },
  'pull-request.placeholders[]': {
    with: "extends: none\npull-request:\n  sections: [Context]\n  placeholders: ['Why this change']\n",
    without: 'extends: none\npull-request:\n  sections: [Context]\n',
    observe: report('## Context\nWhy this change?\n'),
  },
  'pull-request.runbook.section': {
    with: 'pull-request:\n  runbook:\n    section: Playbook\n',
    without: '',
    observe: report(PR),
  },
  'pull-request.runbook.aliases[]': {
    with: 'pull-request:\n  runbook:\n    aliases: [Playbook]\n',
    without: 'pull-request:\n  runbook:\n    aliases: [Runbooks]\n',
    observe: report(PR.replace('## Runbook', '## Playbook')),
  },
  'pull-request.runbook.required': {
    with: 'pull-request:\n  runbook:\n    required: false\n',
    without: '',
    observe: report(PR.replace('## Runbook', '## Notes')),
  },
  'pull-request.template': {
    with: 'pull-request:\n  template: false\n',
    without: '',
    observe: (config) => templatePaths(config.pullRequest.template, ['.github/pull_request_template.md']),
  },
  'pull-request.runbook.max-links': {
    with: 'pull-request:\n  runbook:\n    max-links: 1\n',
    without: '',
    observe: (config) => planFiles({ linked: ['a.md', 'b.md'] }, config),
  },
  'runbooks.paths[]': { with: "runbooks:\n  paths: ['ops/**']\n", without: '', observe: kinds('ops/deploy.md') },
  'runbooks.exclude[]': {
    with: "runbooks:\n  exclude: ['**/old/**']\n",
    without: '',
    observe: kinds('docs/runbooks/old/a.md'),
  },
  'runbooks.external[]': {
    with: "runbooks:\n  external: ['https://wiki.example.com/']\n",
    without: '',
    observe: report('## Runbook\n[Deploy](https://wiki.example.com/deploy)\n'),
  },
  'runbooks.exclude-replace': {
    with: "runbooks:\n  exclude: ['**/old/**']\n  exclude-replace: true\n",
    without: "runbooks:\n  exclude: ['**/old/**']\n",
    observe: kinds('docs/runbooks/README.md'),
  },
  'runbooks.sections[]': {
    with: runbookSections('    - Escalation\n'),
    without: runbookSections('    - Overview\n'),
    observe: report(undefined, { 'docs/a.md': RUNBOOK }),
  },
  'runbooks.sections[].name': {
    with: runbookSections('    - {name: Escalation}\n'),
    without: runbookSections('    - {name: Overview}\n'),
    observe: report(undefined, { 'docs/a.md': RUNBOOK }),
  },
  'runbooks.sections[].aliases[]': {
    with: runbookSections('    - {name: Escalation, aliases: [Overview]}\n'),
    without: runbookSections('    - {name: Escalation}\n'),
    observe: report(undefined, { 'docs/a.md': RUNBOOK }),
  },
  'runbooks.sections[].items[]': {
    with: runbookSections('    - {name: Verification, items: [Error rate normal]}\n'),
    without: runbookSections('    - {name: Verification}\n'),
    observe: report(undefined, { 'docs/a.md': RUNBOOK }),
  },
  'runbooks.sections[].items[].label': {
    with: runbookSections('    - {name: Verification, items: [{label: Error rate normal}]}\n'),
    without: runbookSections('    - {name: Verification, items: []}\n'),
    observe: report(undefined, { 'docs/a.md': RUNBOOK }),
  },
  'runbooks.sections[].items[].aliases[]': {
    with: runbookSections('    - {name: Verification, items: [{label: Errors, aliases: [Health check]}]}\n'),
    without: runbookSections('    - {name: Verification, items: [{label: Errors}]}\n'),
    observe: report(undefined, { 'docs/a.md': RUNBOOK }),
  },
  'runbooks.sections[].text': {
    with: runbookSections('    - {name: Known Issues, text: optional}\n'),
    without: runbookSections('    - {name: Known Issues}\n'),
    observe: report(undefined, { 'docs/a.md': '## Known Issues\n' }),
  },
  'runbooks.sections[].policy': {
    with: runbookSections('    - {name: Pre-Deployment Checklist, policy: all}\n'),
    without: runbookSections('    - {name: Pre-Deployment Checklist}\n'),
    observe: report(undefined, { 'docs/a.md': '## Pre-Deployment Checklist\n- [ ] Backup taken\n' }),
  },
  'runbooks.sections[].policy.at-least': {
    with: runbookSections('    - {name: Pre-Deployment Checklist, policy: {at-least: 2}}\n'),
    without: runbookSections('    - {name: Pre-Deployment Checklist, policy: {at-least: 1}}\n'),
    observe: report(undefined, { 'docs/a.md': '## Pre-Deployment Checklist\n- [x] Backup taken\n- [ ] Notified\n' }),
  },
  'runbooks.templates[].sections-per-alert': {
    with: "alerts:\n  runbook-urls: [{prefix: 'https://runbooks.example.com/', path: docs/runbooks/}]\nrunbooks:\n  templates:\n    - {name: alerts, paths: ['docs/**'], sections: [Impact], sections-per-alert: true}\n",
    without:
      "alerts:\n  runbook-urls: [{prefix: 'https://runbooks.example.com/', path: docs/runbooks/}]\nrunbooks:\n  templates:\n    - {name: alerts, paths: ['docs/**'], sections: [Impact]}\n",
    observe: (config) =>
      check({
        files: [
          {
            path: 'monitoring/payments.rules.yml',
            kind: 'manifest',
            text: 'groups:\n  - name: p\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/payments#paymentsdown\n',
          },
          {
            path: 'docs/runbooks/payments.md',
            kind: 'runbook',
            text: '# Payments\n\n## PaymentsDown\n\nRestart.\n\n## Impact\n\nNone.\n',
          },
        ],
        config,
      }).findings.map((f) => `${f.source}:${f.line} ${f.ruleId}`),
  },
  'runbooks.templates[].builtin': {
    with: "runbooks:\n  templates:\n    - builtin: devops\n      paths: ['docs/**']\n",
    without: "runbooks:\n  templates:\n    - name: plain\n      paths: ['docs/**']\n",
    observe: report(undefined, { 'docs/a.md': ALERT }),
  },
  'runbooks.templates[].paths[]': {
    with: team(''),
    without: "extends: none\nrunbooks:\n  templates:\n    - name: Alerts\n      paths: ['other/**']\n",
    observe: kinds('alerts/a.md'),
  },
  'runbooks.templates[].exclude[]': {
    with: team("      exclude: ['alerts/old/**']\n"),
    without: team(''),
    observe: kinds('alerts/old/a.md'),
  },
  'runbooks.templates[].sections[]': {
    with: team('      sections: [Impact]\n'),
    without: team('      sections: [Meaning]\n'),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].sections[].name': {
    with: team('      sections: [{name: Impact}]\n'),
    without: team('      sections: [{name: Meaning}]\n'),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].sections[].aliases[]': {
    with: team('      sections: [{name: Impact, aliases: [Meaning]}]\n'),
    without: team('      sections: [{name: Impact}]\n'),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].sections[].items[]': {
    with: team('      sections: [{name: Meaning, items: [Paged]}]\n'),
    without: team('      sections: [{name: Meaning}]\n'),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].sections[].items[].label': {
    with: team('      sections: [{name: Meaning, items: [{label: Paged}]}]\n'),
    without: team('      sections: [{name: Meaning, items: []}]\n'),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].sections[].items[].aliases[]': {
    with: team('      sections: [{name: Meaning, items: [{label: Paged, aliases: [Called]}]}]\n'),
    without: team('      sections: [{name: Meaning, items: [{label: Paged}]}]\n'),
    observe: report(undefined, { 'alerts/a.md': `${ALERT}- [x] Called\n` }),
  },
  'runbooks.templates[].sections[].text': {
    with: team('      sections: [{name: Impact, text: optional}]\n'),
    without: team('      sections: [{name: Impact}]\n'),
    observe: report(undefined, { 'alerts/a.md': '# KubeletDown\n## Impact\nN/A\n' }),
  },
  'runbooks.templates[].sections[].policy': {
    with: team('      sections: [{name: Meaning, policy: any}]\n'),
    without: team('      sections: [{name: Meaning}]\n'),
    observe: report(undefined, { 'alerts/a.md': `${ALERT}- [ ] Called\n` }),
  },
  'runbooks.templates[].sections[].policy.at-least': {
    with: team('      sections: [{name: Meaning, policy: {at-least: 2}}]\n'),
    without: team('      sections: [{name: Meaning, policy: {at-least: 1}}]\n'),
    observe: report(undefined, { 'alerts/a.md': `${ALERT}- [x] Called\n- [ ] Paged\n` }),
  },
  'runbooks.templates[].name': {
    with: team('      sections: [Impact]\n'),
    without: team('      sections: [Impact]\n').replace('name: Alerts', 'name: Pages'),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].fields[]': {
    with: team('      fields: [Summary]\n'),
    without: team(''),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].fields[].name': {
    with: team('      fields: [{name: Summary}]\n'),
    without: team('      fields: [{name: Severity}]\n'),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].fields[].allowed[]': {
    with: team('      fields: [{name: Severity, allowed: [critical]}]\n'),
    without: team('      fields: [{name: Severity}]\n'),
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].placeholders[]': {
    with: `${team("      placeholders: ['kubelet is down']\n")}rules:\n  runbook-placeholder: error\n`,
    without: `${team('')}rules:\n  runbook-placeholder: error\n`,
    observe: report(undefined, { 'alerts/a.md': ALERT }),
  },
  'runbooks.templates[].review.field': {
    with: `${team('      review: {field: reviewed, max-age: 30d}\n')}`,
    without: `${team('      review: {field: last_reviewed, max-age: 30d}\n')}`,
    observe: (config) =>
      report(undefined, { 'alerts/a.md': `${ALERT}**reviewed**: 2026-11-01\n` })({ ...config, today: '2026-11-30' }),
  },
  'runbooks.templates[].review.max-age': {
    with: `${team('      review: {field: last_reviewed, max-age: 4w}\n')}`,
    without: `${team('      review: {field: last_reviewed, max-age: 1m}\n')}`,
    observe: (config) =>
      report(undefined, { 'alerts/a.md': `${ALERT}**last_reviewed**: 2026-11-01\n` })({
        ...config,
        today: '2026-11-30',
      }),
  },
  'sign-off.reviewers[]': {
    with: 'sign-off:\n  reviewers: [lead]\n',
    without: 'sign-off:\n  reviewers: [someone-else]\n',
    observe: report('## Summary\n', {}, reviews()),
  },
  'sign-off.sections[]': {
    with: 'sign-off:\n  reviewers: [lead]\n  sections: [Recommendation]\n',
    without: 'sign-off:\n  reviewers: [lead]\n  sections: [DevOps Sign-off]\n',
    observe: report(
      '## Summary\n',
      {},
      reviews({ reviews: [{ ...reviews().reviews[0]!, body: OWNED.replace('- [x] Resource limits set\n', '') }] }),
    ),
  },
  'sign-off.sections[].name': {
    with: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: SRE review}]\n',
    without: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: Recommendation}]\n',
    observe: report('## Summary\n', {}, reviews()),
  },
  'sign-off.sections[].aliases[]': {
    with: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: SRE review, aliases: [Recommendation]}]\n',
    without: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: SRE review}]\n',
    observe: report('## Summary\n', {}, reviews()),
  },
  'sign-off.sections[].items[]': {
    with: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: DevOps Sign-off, items: [Capacity checked]}]\n',
    without: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: DevOps Sign-off, items: []}]\n',
    observe: report('## Summary\n', {}, reviews()),
  },
  'sign-off.sections[].items[].label': {
    with: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: DevOps Sign-off, items: [{label: Capacity checked}]}]\n',
    without:
      'sign-off:\n  reviewers: [lead]\n  sections: [{name: DevOps Sign-off, items: [{label: Rollback plan defined}]}]\n',
    observe: report('## Summary\n', {}, reviews()),
  },
  'sign-off.sections[].items[].aliases[]': {
    with: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: DevOps Sign-off, items: [{label: Capacity, aliases: [Resource limits set]}]}]\n',
    without: 'sign-off:\n  reviewers: [lead]\n  sections: [{name: DevOps Sign-off, items: [{label: Capacity}]}]\n',
    observe: report('## Summary\n', {}, reviews()),
  },
  'sign-off.allow-stale-approval': {
    with: 'sign-off:\n  reviewers: [lead]\n  allow-stale-approval: true\n',
    without: 'sign-off:\n  reviewers: [lead]\n',
    observe: report('## Summary\n', {}, reviews()),
  },
  claims: {
    with: 'claims:\n  Health Checks: [manifest-readiness-probe]\n',
    without: 'claims: {}\n',
    observe: (config) => {
      const manifest =
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 80}]\n';
      const r = check({
        description: PR,
        files: [{ path: 'deploy/api.yaml', text: manifest, kind: 'manifest' }],
        config,
      });
      return r.findings.filter((f) => f.ruleId === 'claim-contradicted').length;
    },
  },
  'alerts.runbook-annotation': {
    with: 'alerts:\n  runbook-annotation: playbook\n',
    without: '',
    observe: alertReport,
  },
  'alerts.runbook-annotation[]': {
    with: 'alerts:\n  runbook-annotation: [playbook, runbook_url]\n',
    without: 'alerts:\n  runbook-annotation: [runbook_url]\n',
    observe: alertReport,
  },
  'alerts.runbook-urls[].prefix': {
    with: "alerts:\n  runbook-urls:\n    - {prefix: 'https://runbooks.example.com/', path: docs/runbooks/}\n",
    without: "alerts:\n  runbook-urls:\n    - {prefix: 'https://other.example.com/', path: docs/runbooks/}\n",
    observe: alertReport,
  },
  'alerts.runbook-urls[].path': {
    with: "alerts:\n  runbook-urls:\n    - {prefix: 'https://runbooks.example.com/', path: docs/runbooks/}\n",
    without: "alerts:\n  runbook-urls:\n    - {prefix: 'https://runbooks.example.com/', path: runbooks/}\n",
    observe: alertReport,
  },
  'alerts.severities[]': {
    with: 'alerts:\n  severities: [critical]\n',
    without: 'alerts:\n  severities: [page]\n',
    observe: alertReport,
  },
  'evidence.paths[]': {
    with: "evidence:\n  paths: ['deploy/**']\n",
    without: '',
    observe: kinds('deploy/api.yaml', 'examples/api.yaml', 'Dockerfile', '.github/workflows/ci.yml'),
  },
  'evidence.exclude[]': {
    with: "evidence:\n  exclude: ['examples/**', '**/testdata/**']\n",
    without: '',
    observe: kinds('deploy/api.yaml', 'examples/api.yaml', 'cmd/testdata/Dockerfile'),
  },
  'evidence.max-files': {
    with: 'evidence:\n  max-files: 1\n',
    without: '',
    observe: (config) => {
      const planned = planFiles(
        { linked: [], changed: ['a/Dockerfile', 'b/Dockerfile', 'docs/runbooks/x.md'] },
        config,
      );
      const files = planned.map((f) => withText(f, f.kind === 'runbook' ? RUNBOOK : 'FROM x\nCMD ["x"]\n'));
      return check({ files, config })
        .findings.filter((f) => f.ruleId === 'document-unreadable')
        .map((f) => f.message);
    },
  },
  'code.paths[]': {
    with: "code:\n  paths: ['services/**']\n",
    without: '',
    observe: kinds('services/api/main.go', 'tools/gen.go'),
  },
  'code.exclude[]': {
    with: "code:\n  exclude: ['tools/**']\n",
    without: '',
    observe: kinds('services/api/main.go', 'tools/gen.go', 'services/api/main_test.go'),
  },
  'code.languages[]': {
    with: 'code:\n  languages: [go]\n',
    without: '',
    observe: kinds('main.go', 'app.py', 'web/app.ts', 'Main.java'),
  },
  'code.max-files': {
    with: 'code:\n  max-files: 1\n',
    without: '',
    observe: (config) =>
      planFiles({ linked: [], changed: ['a.py', 'b.py'] }, config).map((f) => [f.path, f.unread?.kind]),
  },
  'services.paths[]': {
    with: "services:\n  paths: ['apps/*']\n",
    without: '',
    observe: (c) => audit(c, { 'apps/search/deploy.yaml': SEARCH_DEPLOY }),
  },
  'services.files[]': {
    with: "services:\n  files: ['**/catalog-info.yaml']\n",
    without: '',
    observe: async (c) => (await changeOf(READY, c, ['services/payments/deploy.yaml'])).services,
  },
  'services.exclude[]': {
    with: "services:\n  exclude: ['services/**']\n",
    without: '',
    observe: (c) => audit(c, READY),
  },
  'services.match-labels[]': {
    with: 'services:\n  match-labels: [team]\n',
    without: '',
    observe: (c) => audit(c, READY),
  },
  'services.oncall-annotations[]': {
    with: 'services:\n  oncall-annotations: [acme.com/on-call]\n',
    without: '',
    observe: (c) => audit(c, READY),
  },
  'services.tier-from': {
    with: 'services:\n  tier-from: label:tier\n',
    without: '',
    observe: (c) =>
      audit(c, {
        ...READY,
        [READY_CATALOG_PATH]: READY_CATALOG.replace('lifecycle: production', 'lifecycle: experimental'),
      }),
  },
  'services.tiers': {
    with: 'services:\n  tiers:\n    production: [owner]\n',
    without: '',
    observe: (c) => audit(c, READY_WITHOUT_SLO),
  },
  'services.default-tier': {
    with: 'services:\n  default-tier: experimental\n',
    without: '',
    observe: (c) =>
      audit(c, { ...READY, [READY_CATALOG_PATH]: READY_CATALOG.replace('  lifecycle: production\n', '') }),
  },
  'services.owner-approval[]': {
    with: 'services:\n  owner-approval: [production]\n',
    without: '',
    observe: async (c) => (await changeOfRun(READY, c, ['services/payments/deploy.yaml'])).owed ?? 'none owed',
  },
  'services.max-files': {
    with: 'services:\n  max-files: 2\n',
    without: '',
    observe: (c) => audit(c, READY),
  },
  'report.max-annotations': {
    with: 'report:\n  max-annotations: 1\n',
    without: '',
    observe: (config) => {
      const r = check({ files: [{ path: 'docs/runbooks/a.md', kind: 'runbook', text: '# x\n' }], config });
      return annotationsFor(r.findings, config.report.maxAnnotations).leftOut;
    },
  },
  'skip.labels[]': {
    with: 'skip:\n  labels: [hotfix]\n',
    without: '',
    observe: (c) => skipReason(c, { labels: ['hotfix'], author: 'a', draft: false }),
  },
  'skip.authors[]': {
    with: "skip:\n  authors: ['dependabot[bot]']\n",
    without: '',
    observe: (c) => skipReason(c, { labels: [], author: 'dependabot[bot]', draft: false }),
  },
  'skip.only-changed-files[]': {
    with: "skip:\n  only-changed-files: ['docs/**']\n",
    without: '',
    observe: (c) => skipReason(c, { labels: [], author: 'a', draft: false, changedFiles: docsOnly }),
  },
  'when[].name': { with: when('name: Migrations'), without: when('name: Schema'), observe: whenReport },
  'when[].changed-files[]': {
    with: when("changed-files: ['docs/**']"),
    without: when("changed-files: ['db/**']"),
    observe: whenReport,
  },
  'when[].changed-files.paths[]': {
    with: when("changed-files: {paths: ['docs/**']}"),
    without: when("changed-files: {paths: ['db/**']}"),
    observe: whenReport,
  },
  'when[].changed-files.exclude[]': {
    with: when("changed-files: {paths: ['docs/**'], exclude: ['docs/*.md']}"),
    without: when("changed-files: {paths: ['docs/**']}"),
    observe: whenReport,
  },
  'when[].labels[]': { with: when('labels: [hotfix]'), without: when('labels: [other]'), observe: whenReport },
  'when[].base-branches[]': {
    with: when('base-branches: [main]'),
    without: when('base-branches: [release]'),
    observe: whenReport,
  },
  'when[].authors[]': { with: when('authors: [octocat]'), without: when('authors: [someone]'), observe: whenReport },
  'when[].risk-level': { with: when('risk-level: Medium'), without: when('risk-level: High'), observe: whenReport },
  'when[].risk-level[]': {
    with: when('risk-level: [Low, Medium]'),
    without: when('risk-level: [High]'),
    observe: whenReport,
  },
  'when[].ticked[]': {
    with: when("ticked: ['Deployment > Zero Downtime']"),
    without: when("ticked: ['Deployment > Not There']"),
    observe: whenReport,
  },
  'when[].title': { with: when("title: '*hotfix*'"), without: when("title: '*feature*'"), observe: whenReport },
  'when[].require.items[]': {
    with: when('labels: [hotfix]', 'items: [Rollback Plan]'),
    without: when('labels: [hotfix]', 'items: [Rollback Plan, Not There]'),
    observe: whenReport,
  },
  'when[].require.sections[]': {
    with: when('labels: [hotfix]', 'sections: [Operations Review]'),
    without: when('labels: [hotfix]', 'sections: [Deployment]'),
    observe: whenReport,
  },
  'when[].require.runbook': {
    with: when('labels: [hotfix]', 'runbook: true'),
    without: when('labels: [hotfix]', 'runbook: false'),
    observe: report(PR.replace(/## Runbook[\s\S]*$/, '## Runbook\nN/A — none\n'), {}, undefined, FACTS),
  },
  'when[].require.changed[]': {
    with: when('labels: [hotfix]', "changed: ['docs/runbooks/payments.md']"),
    without: when('labels: [hotfix]', "changed: ['**/*']"),
    observe: report(PR, {}, undefined, FACTS),
  },
  'when[].require.approvals': {
    with: when('labels: [hotfix]', 'approvals: 2, reviewers: [lead]'),
    without: when('labels: [hotfix]', 'approvals: 1, reviewers: [lead]'),
    observe: approvalsReport,
  },
  'when[].require.reviewers[]': {
    with: when('labels: [hotfix]', 'approvals: 1, reviewers: [someone]'),
    without: when('labels: [hotfix]', 'approvals: 1, reviewers: [lead]'),
    observe: approvalsReport,
  },
  'skip.drafts': {
    with: 'skip:\n  drafts: true\n',
    without: '',
    observe: (c) => skipReason(c, { labels: [], author: 'a', draft: true }),
  },
};

/** Every leaf key of the published JSON Schema, as `a.b[].c`. */
function leafKeys(): string[] {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/readiness-gate.schema.json'), 'utf8')) as unknown;
  const out = new Set<string>();
  const walk = (node: Record<string, unknown> | undefined, at: string): void => {
    if (!node) return;
    if (Array.isArray(node.anyOf)) return node.anyOf.forEach((n) => walk(n as Record<string, unknown>, at));
    if (node.type === 'array') return walk(node.items as Record<string, unknown>, `${at}[]`);
    if (node.type === 'object' && node.properties) {
      for (const [key, value] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
        walk(value, at ? `${at}.${key}` : key);
      }
      return;
    }
    out.add(at);
  };
  walk(schema as Record<string, unknown>, '');
  return [...out];
}

describe('no dead settings', () => {
  it('the table covers every leaf key of the schema, and nothing else', () => {
    expect(Object.keys(ENTRIES).sort()).toEqual(leafKeys().sort());
  });

  it.each(Object.entries(ENTRIES).filter((e): e is [string, Entry] => !('exempt' in e[1])))(
    '%s changes what the gate makes of an input',
    async (_key, entry) => {
      const on = await entry.observe(loadConfig(entry.with, 'with.yml'));
      const off = await entry.observe(loadConfig(entry.without, 'without.yml'));
      expect(on).not.toEqual(off);
    },
  );

  it.each(RULES.map((r) => [r.id, r] as const))(
    'rules.%s: a severity turns the rule on, off silences it',
    (id, rule) => {
      const failing = rule.examples.find((e) => e.findings.length > 0)!;
      const files = [
        ...Object.entries(failing.files ?? {}).map(([p, text]) => ({
          path: p,
          text,
          kind: kindOf(p, loadConfig('', 'c.yml')) ?? ('runbook' as const),
        })),
        // Files at the base commit only (the rule compares the file with them).
        ...Object.entries(failing.base ?? {}).map(([p, text]) => ({
          path: p,
          text,
          kind: kindOf(p, loadConfig('', 'c.yml')) ?? ('runbook' as const),
          companion: true as const,
          fromBase: true as const,
        })),
      ];
      const findings = (yaml: string) => {
        const loaded = loadConfig(yaml, 'c.yml');
        const config = failing.today ? { ...loaded, today: failing.today } : loaded;
        const input =
          rule.kind === 'pull-request'
            ? {
                description: failing.text,
                files,
                ...(failing.reviews ? { reviews: failing.reviews } : {}),
                ...(failing.pullRequest ? { pullRequest: failing.pullRequest } : {}),
                ...(failing.template
                  ? { template: { path: '.github/pull_request_template.md', text: failing.template } }
                  : {}),
              }
            : {
                files: [
                  { path: failing.path ?? 'docs/runbooks/example.md', text: failing.text, kind: rule.kind },
                  ...files,
                ],
                ...(failing.pullRequest ? { pullRequest: failing.pullRequest } : {}),
                ...(failing.alertRunbooks ? { alertRunbooks: failing.alertRunbooks } : {}),
              };
        return check({ ...input, config }).findings.filter((f) => f.ruleId === id).length;
      };
      const base = failing.config ?? '';
      // On (a few rules are off under the preset until a config turns them on), then off.
      expect(findings(`${base}rules:\n  ${id}: warning\n`)).toBeGreaterThan(0);
      expect(findings(`${base}rules:\n  ${id}: off\n`)).toBe(0);
    },
  );
});
