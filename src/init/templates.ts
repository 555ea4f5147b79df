/**
 * Files `readiness-gate init` writes: the pull-request template (the role
 * document's Review Checklist), the runbook template, a commented config and
 * the workflow.
 */
export const CONFIG_PATH = '.github/readiness-gate.yml';

export const CONFIG_TEMPLATE = `# yaml-language-server: $schema=https://github.com/readiness-gate/readiness-gate/blob/main/schema/readiness-gate.schema.json
# readiness-gate configuration. Read from the base branch of each pull request,
# so a pull request cannot weaken its own gate.
extends: devops          # built-in rules; \`none\` starts empty
strict: false            # true: warnings fail the gate too

# Change a rule's severity (error, warning, notice) or turn it off.
rules:
  ops-resource-placeholder: warning
  # runbook-health-check: error

# pull-request:
#   sections:            # added to the preset; a section named like a preset section replaces it
#     - name: Security
#       aliases: [Security review]
#       policy: all      # all | any | {at-least: 2}
#       items: [Threat model, Secrets]
#   runbook:
#     section: Runbook
#     required: true

runbooks:
  paths: ['docs/runbooks/**/*.md', 'runbooks/**/*.md']
  # exclude: ['docs/runbooks/archive/**']   # added to README.md, TEMPLATE.md, template.md
  # external: ['https://wiki.example.com/runbooks/']   # runbooks kept elsewhere, accepted, not checked
  # Or one template per family of runbooks, first match wins:
  # templates:
  #   - builtin: devops                    # the role document's runbook template and its rules
  #     paths: ['docs/runbooks/**/*.md']
  #   - name: Alert runbooks
  #     paths: ['alerts/**/*.md']
  #     sections: [Meaning, Impact, Diagnosis, Mitigation]
  #     fields: [{name: Severity, allowed: [critical, warning]}]
  #     placeholders: ['<value of the label>']

# What a pull request owes more, depending on what it changes (see docs/description.md, "Proportional gates"):
# when:
#   - name: Database migrations
#     changed-files: ['migrations/**', 'db/**/*.sql']
#     require: { items: [Database Migrations] }     # ticked; N/A is not accepted here

# The deployment files a pull request changes (manifests, Helm templates, Dockerfiles, workflows)
# are checked, and a ticked item they contradict fails (see docs/deployment-files.md):
# evidence:
#   exclude: ['**/testdata/**', 'examples/**']
#   max-files: 300
# claims:                                          # replaces the preset's map
#   Health Checks: [manifest-readiness-probe, manifest-liveness-probe]
#   Graceful Shutdown: [manifest-graceful-shutdown, dockerfile-exec-form]

# skip:
#   only-changed-files: ['docs/**', '**/*.md']      # docs-only pull requests pass, with the reason shown
#   labels: [skip-readiness]
#   authors: ['dependabot[bot]', 'renovate[bot]']
#   drafts: true

# Alerting rules the pull request changes link a runbook of this repository (see docs/alerts.md):
# alerts:
#   runbook-annotation: runbook_url       # or a list: [runbook_url, runbook]
#   runbook-urls:
#     - prefix: https://runbooks.example.com/
#       path: docs/runbooks/
#   severities: [critical, warning]

# The Red Flags in the source code the pull request touches (see docs/code.md):
# code:
#   exclude: ['scripts/**']
#   languages: [go, python, javascript, typescript, java]
`;

export const PULL_REQUEST_TEMPLATE = `## Summary
<!-- What changes and why. -->

<!--
readiness-gate checks the sections below. Tick each box when it holds.
Where an item does not apply, leave it unticked and write "N/A — reason",
e.g. "- [ ] **Feature Flags**: N/A — config-only change". A bare N/A fails.
-->

## Deployment
- [ ] **Zero Downtime**: Can this be deployed without interruption?
- [ ] **Rollback Plan**: How to quickly revert if issues arise?
- [ ] **Database Migrations**: Are migrations backward compatible?
- [ ] **Feature Flags**: Is gradual rollout possible?

## Monitoring
- [ ] **Metrics**: Are key performance indicators tracked?
- [ ] **Alerts**: Are failure conditions alerted?
- [ ] **Dashboards**: Is system health visible?
- [ ] **Logging**: Are logs structured and searchable?

## Reliability
- [ ] **Health Checks**: Liveness and readiness probes defined?
- [ ] **Graceful Shutdown**: Are connections drained properly?
- [ ] **Circuit Breakers**: Are external calls protected?
- [ ] **Timeouts**: Are all network calls timeout-bounded?

## Resources
- [ ] **Memory**: Expected memory footprint?
- [ ] **CPU**: Expected CPU utilization?
- [ ] **Storage**: Disk space requirements?
- [ ] **Connections**: Database connection limits?

## Runbook
<!-- Link the runbook this change follows, e.g. [Deploy](docs/runbooks/deploy.md), or write "N/A — reason". -->

<!--
Operations Review (optional). For a change operations should look at closely, move this block out
of the comment and fill it in; readiness-gate then checks it too: statuses chosen (no ❌), risks with
a High impact mitigated, estimates filled, every Runbook Items and DevOps Sign-off box ticked, and
exactly one Recommendation, "Production ready". With sign-off in the config, only an authorised
reviewer can tick DevOps Sign-off and Recommendation.

## Operations Review: [Feature Name]

### Deployment Assessment
| Aspect | Status | Notes |
|--------|--------|-------|
| Zero-downtime | ✅/⚠️/❌ | [notes] |
| Rollback plan | ✅/⚠️/❌ | [notes] |
| Config management | ✅/⚠️/❌ | [notes] |
| DB migrations | ✅/⚠️/❌ | [notes] |

### Monitoring Checklist
| Item | Status | Details |
|------|--------|---------|
| Key metrics defined | ✅/❌ | [which metrics] |
| Alerts configured | ✅/❌ | [conditions] |
| Dashboard created | ✅/❌ | [link] |
| Log aggregation | ✅/❌ | [format] |

### Resource Estimates
| Resource | Expected | Limit |
|----------|----------|-------|
| Memory | X MB | Y MB |
| CPU | X% | Y% |
| Disk | X GB | Y GB |
| Connections | X | Y |

### Operational Risks
| Risk | Impact | Likelihood | Mitigation |
|------|--------|------------|------------|
| [desc] | High/Med/Low | High/Med/Low | [action] |

### Runbook Items
- [ ] Deployment procedure documented
- [ ] Rollback procedure documented
- [ ] Troubleshooting guide created
- [ ] On-call handoff prepared

### DevOps Sign-off
- [ ] Deployment strategy clear
- [ ] Rollback plan defined
- [ ] Monitoring requirements identified
- [ ] Resource limits set

### Recommendation
- [ ] **Production ready**
- [ ] **Needs operational improvements**
- [ ] **Not ready for production**
-->
`;

export const RUNBOOK_TEMPLATE = `# Runbook: [Deployment/Operation Name]

## Overview
- **Purpose**: [What this does]
- **Risk Level**: Low/Medium/High
- **Estimated Duration**: [Time]

## Pre-Deployment Checklist
- [ ] Backup taken
- [ ] Rollback plan tested
- [ ] Stakeholders notified

## Deployment Steps
1. [ ] Step 1: [Command or action]
2. [ ] Step 2: [Command or action]

## Verification
- [ ] Health check: \`curl http://localhost:8080/api/v1/health\`
- [ ] Metrics: [What to check]

## Rollback Procedure
1. [ ] Rollback step 1
2. [ ] Rollback step 2

## Known Issues
- [Issue and workaround]
`;

export const WORKFLOW_TEMPLATE = `name: Production readiness
on:
  pull_request:
    types: [opened, edited, synchronize, reopened, ready_for_review, labeled, unlabeled]
  merge_group:

permissions:
  contents: read
  pull-requests: write
  checks: write

concurrency:
  group: readiness-gate-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true

jobs:
  readiness:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: readiness-gate/readiness-gate@v1
`;

export const INIT_FILES: readonly { path: string; text: string }[] = [
  { path: CONFIG_PATH, text: CONFIG_TEMPLATE },
  { path: '.github/pull_request_template.md', text: PULL_REQUEST_TEMPLATE },
  { path: 'docs/runbooks/TEMPLATE.md', text: RUNBOOK_TEMPLATE },
  { path: '.github/workflows/readiness-gate.yml', text: WORKFLOW_TEMPLATE },
];
