// The shipped configs (examples/configs/) on the real families they were written for, in ../shared/corpus
// and in the project's own corpus/ (see corpus/SOURCES.md).
// Counts are pinned; every failing document is listed with why it fails. A finding must be a real
// defect in that document; the few that are not are listed apart, with the reason, and counted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { kindOf } from '../src/kinds/index.js';
import { ROOT } from './helpers.js';

const CORPUS = path.resolve(ROOT, '../shared/corpus');
const config = (name: string) => loadConfig(readFileSync(path.join(ROOT, 'examples/configs', name), 'utf8'), name);

async function family(folder: string, configName: string, corpus = CORPUS) {
  const cfg = config(configName);
  const root = path.join(corpus, 'runbooks', folder);
  const all = (await glob(['**/*.md', '**/*.md.erb'], { cwd: root })).sort();
  const checked = all.filter((f) => kindOf(f, cfg) === 'runbook');
  const failing: string[] = [];
  const byRule: Record<string, number> = {};
  for (const file of checked) {
    const report = check({
      files: [{ path: file, kind: 'runbook', text: readFileSync(path.join(root, file), 'utf8') }],
      config: cfg,
    });
    if (report.conclusion === 'failure') failing.push(file);
    for (const f of report.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  }
  return { files: all.length, checked: checked.length, failing, byRule };
}

describe.skipIf(!existsSync(CORPUS))('shipped configs on their real families', () => {
  it('openshift/runbooks alert runbooks', async () => {
    const result = await family('openshift__runbooks', 'openshift-alert-runbooks.yml');
    const real: Record<string, string> = {
      'alerts/cluster-etcd-operator/etcdGRPCReadRequestsSlow.md':
        'another template ("Alert Description"): none of the four sections',
      'alerts/cluster-etcd-operator/etcdGRPCWriteRequestsSlow.md':
        'another template ("Alert Description"): none of the four sections',
      'alerts/cluster-etcd-operator/etcdSignerCAExpirationCritical.md': 'no Diagnosis section',
      'alerts/cluster-image-registry-operator/ImageRegistryStorageFull.md': 'no Diagnosis section',
      'alerts/cluster-image-registry-operator/ImageRegistryStorageReadOnly.md': 'no Diagnosis section',
      'alerts/cluster-monitoring-operator/TargetDown.md':
        'one "Diagnosis and mitigation" section where the template has two',
      'alerts/openshift-container-storage-operator/CephMonQuorumLost.md':
        '<cluster-id> in prose, which GitHub drops as an unknown tag',
      'alerts/openshift-container-storage-operator/CephOSDCriticallyFull.md':
        '<host-name>, <device-class> in prose, dropped when rendered',
      'alerts/openshift-container-storage-operator/CephOSDFlapping.md': 'no Mitigation section',
      'alerts/openshift-container-storage-operator/HighRBDCloneSnapshotCount.md':
        '<image-name> in prose, dropped when rendered',
      'alerts/openshift-container-storage-operator/ODFNodeLatencyHighOnOSDNodes.md':
        '<iface> in prose, dropped when rendered',
      'alerts/openshift-virtualization-operator/CnaoNmstateMigration.md': 'no Diagnosis section',
      'alerts/openshift-virtualization-operator/HCOInstallationIncomplete.md': 'no Impact or Diagnosis section',
    };
    // Not defects: files under alerts/ that are not runbooks of an alert in use. The config cannot tell
    // them by path; a team would delete them or list them under exclude.
    const notDefects: Record<string, string> = {
      'alerts/cluster-logging-operator/ClusterLogForwarderConfigNamingSchema.md':
        'a reference page ("Naming schemas"), not a runbook',
      'alerts/cluster-monitoring-operator/KubeAPIDown.md': 'a stub: "this alert has been moved to …"',
      'alerts/cluster-monitoring-operator/KubeAggregatedAPIErrors.md': 'a stub: "this alert has been moved to …"',
      'alerts/openshift-virtualization-operator/KubeVirtComponentExceedsRequestedCPU.md': 'a deprecated alert',
      'alerts/openshift-virtualization-operator/KubeVirtComponentExceedsRequestedMemory.md': 'a deprecated alert',
      'alerts/openshift-virtualization-operator/OperatorConditionsUnhealthy.md': 'a deprecated alert',
      'alerts/openshift-virtualization-operator/VirtualMachineCRCErrors.md': 'a deprecated alert',
    };
    expect(result.files).toBe(273);
    expect(result.checked).toBe(259); // example.md (the template) and alerts/*/helpers/** are not checked
    expect(result.failing.sort()).toEqual(Object.keys({ ...real, ...notDefects }).sort());
    expect(result.byRule).toEqual({ 'runbook-section': 42, 'runbook-placeholder': 7 });
    expect([Object.keys(real).length, Object.keys(notDefects).length]).toEqual([13, 7]);
  });

  it('prometheus-operator/runbooks', async () => {
    const result = await family('prometheus-operator__runbooks', 'prometheus-operator-runbooks.yml');
    const todo = 'TODO left where the command or step should be';
    const real: Record<string, string> = {
      'content/runbooks/alertmanager/AlertmanagerMembersInconsistent.md': 'empty Impact section',
      'content/runbooks/kube-state-metrics/KubeStateMetricsListErrors.md': todo,
      'content/runbooks/kube-state-metrics/KubeStateMetricsShardingMismatch.md': todo,
      'content/runbooks/kube-state-metrics/KubeStateMetricsShardsMissing.md': todo,
      'content/runbooks/kube-state-metrics/KubeStateMetricsWatchErrors.md': todo,
      'content/runbooks/kubernetes/KubeAPIErrorBudgetBurn.md': 'another structure: no Meaning, Diagnosis or Mitigation',
      'content/runbooks/kubernetes/KubeAPITerminatedRequests.md': todo,
      'content/runbooks/kubernetes/KubeAggregatedAPIDown.md': todo,
      'content/runbooks/kubernetes/KubeAggregatedAPIErrors.md': todo,
      'content/runbooks/kubernetes/KubeClientErrors.md': todo,
      'content/runbooks/kubernetes/KubeControllerManagerDown.md': todo,
      'content/runbooks/kubernetes/KubePersistentVolumeFillingUp.md': todo,
      'content/runbooks/kubernetes/KubeSchedulerDown.md': 'Diagnosis says only "To be added."',
      'content/runbooks/kubernetes/KubeStatefulSetUpdateNotRolledOut.md': todo,
      'content/runbooks/kubernetes/KubeletPlegDurationHigh.md': todo,
      'content/runbooks/node/NodeClockNotSynchronising.md': todo,
      'content/runbooks/node/NodeClockSkewDetected.md': todo,
      'content/runbooks/node/NodeFilesystemAlmostOutOfFiles.md': 'empty Diagnosis section',
      'content/runbooks/node/NodeFilesystemAlmostOutOfSpace.md': 'empty Diagnosis section',
      'content/runbooks/node/NodeRAIDDiskFailure.md': 'none of the four sections',
      'content/runbooks/prometheus-operator/PrometheusOperatorListErrors.md': 'empty Mitigation section',
      'content/runbooks/prometheus-operator/PrometheusOperatorNodeLookupErrors.md': 'no Mitigation section',
      'content/runbooks/prometheus-operator/PrometheusOperatorNotReady.md': todo,
      'content/runbooks/prometheus-operator/PrometheusOperatorReconcileErrors.md': 'empty Mitigation section',
      'content/runbooks/prometheus-operator/PrometheusOperatorSyncFailed.md': 'empty Mitigation section',
      'content/runbooks/prometheus-operator/PrometheusOperatorWatchErrors.md': 'empty Mitigation section',
      'content/runbooks/prometheus/PrometheusDuplicateTimestamps.md': 'none of the four sections',
      'content/runbooks/prometheus/PrometheusLabelLimitHit.md': 'empty Diagnosis section',
      'content/runbooks/prometheus/PrometheusNotIngestingSamples.md': todo,
      'content/runbooks/prometheus/PrometheusOutOfOrderTimestamps.md': 'none of the four sections',
      'content/runbooks/prometheus/PrometheusRemoteStorageFailures.md': todo,
      'content/runbooks/prometheus/PrometheusTargetLimitHit.md': 'empty Diagnosis section',
    };
    expect(result.files).toBe(117);
    expect(result.checked).toBe(108); // the _index.md section pages are not runbooks
    expect(result.failing.sort()).toEqual(Object.keys(real).sort());
    expect(result.byRule).toEqual({ 'runbook-section-empty': 29, 'runbook-placeholder': 21, 'runbook-section': 16 });
  });

  it('django/django’s pull-request template: the empty form fails, a filled one passes', () => {
    const cfg = config('django-pull-request.yml');
    const template = readFileSync(path.join(CORPUS, 'pr-templates/django__django.md'), 'utf8');
    const empty = check({ description: template, files: [], config: cfg });
    expect(empty.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual([
      '10 item-checked', // AI Assistance Disclosure: no box ticked
      '16 item-checked', // follows the contribution guidelines
      '17 item-checked', // does not disclose a security vulnerability
      '18 item-checked', // targets main
      '21 item-checked', // tests added or updated
    ]);
    const filled = template
      .replace('- [ ] **No AI tools were used**', '- [x] **No AI tools were used**')
      .replace(/- \[ \] This PR/g, '- [x] This PR')
      .replace(
        '- [ ] I have added or updated relevant tests',
        '- [ ] I have added or updated relevant tests: N/A — a docs-only change',
      );
    expect(check({ description: filled, files: [], config: cfg }).findings).toEqual([]);
  });
});

describe("shipped configs on the project's own corpus", () => {
  const OWN = path.join(ROOT, 'corpus');

  it('ministryofjustice/cloud-platform incident logs: fields over several lines, title in front matter', async () => {
    const result = await family('ministryofjustice__cloud-platform', 'moj-cloud-platform-incidents.yml', OWN);
    const older = 'no Review actions: written before the log asked for them';
    const real: Record<string, string> = {
      'source/incidents/2020-02-12.html.md.erb': `no Impact, and ${older}`,
      'source/incidents/2020-02-18.html.md.erb': older,
      'source/incidents/2020-02-25.html.md.erb': older,
      'source/incidents/2020-04-15-nginx-tls.html.md.erb': older,
      'source/incidents/2020-08-04.html.md.erb': older,
      'source/incidents/2020-08-07-master-node-provisioning-failure.html.md.erb': older,
      'source/incidents/2020-08-14-ingress-controllers-crashlooping.html.md.erb': older,
      'source/incidents/2020-08-25-connectivity-issues-euwest2.html.md.erb': older,
      'source/incidents/2020-09-07-all-users-unable-create-new-ingress-rules.html.md.erb': older,
      'source/incidents/2020-09-21-some-cloud-platform-components-destroyed.html.md.erb': older,
      'source/incidents/2020-09-28-termination-nodes-updating-kops.html.md.erb': older,
      'source/incidents/2020-10-06-intermittent-downtime-ingress-controllers.html.md.erb': older,
      'source/incidents/2021-05-10-apply-pipeline-downtime.html.md.erb': older,
      'source/incidents/2021-11-05-modsec-ingress-controller-erroring.html.md.erb': 'Review actions: only "N/A"',
      'source/incidents/2025-01-13-auth0-credentials.html.md.erb':
        'one "Context/Resolution/Review actions" field where the log has three',
      'source/incidents/2025-07-23-multiple-secrets-leaked-to-public.html.md.erb': 'no Time to repair or to resolve',
      'source/incidents/2025-10-13-rds-t4g-instances.html.md.erb': 'no Time to repair or to resolve',
      'source/incidents/2026-03-30-ingress-nginx-rollback.html.md.erb': 'no Time to repair or to resolve',
    };
    expect(result.files).toBe(40);
    expect(result.checked).toBe(39); // index.html.md.erb lists the logs
    expect(result.failing.sort()).toEqual(Object.keys(real).sort());
    expect(result.byRule).toEqual({ 'runbook-field': 24 });
  });

  it('alphagov/govuk-developer-docs manual pages: fields in front matter', async () => {
    const result = await family('alphagov__govuk-developer-docs', 'govuk-developer-docs.yml', OWN);
    expect(result.checked).toBe(34);
    // `replace <environment> throughout`: GitHub drops the unknown tag, and readers see "replace  throughout".
    expect(result.failing).toEqual(['source/manual/howto-backup-and-restore-in-aws-rds.html.md']);
    expect(result.byRule).toEqual({ 'runbook-placeholder': 1 });
  });

  it('hasura/graphql-engine pull-request template: prose to write, answer groups, follow-ups', () => {
    const cfg = config('hasura-pull-request.yml');
    const template = readFileSync(path.join(OWN, 'pr-templates/hasura__graphql-engine.md'), 'utf8');
    const findings = (description: string) =>
      check({ description, files: [], config: cfg }).findings.map((f) => `${f.line} ${f.ruleId}`);
    expect(findings(template)).toEqual([
      '4 section-text', // Description: only the template's comments
      '12 item-checked', // Affected components: none ticked
      '29 section-text', // Solution and Design
      '33 section-text', // Steps to test and verify
      '44 item-checked', // Catalog upgrade: no answer
      '51 item-checked', // Metadata: no answer
      '68 item-checked', // GraphQL: no answer
      '75 item-checked', // Breaking changes: no answer
    ]);
    const filled = readFileSync(path.join(ROOT, 'test/fixtures/pull-requests/hasura-filled.md'), 'utf8');
    // Filled in: the same "No" and "Yes" under four questions, and nested under answers, are not duplicates.
    expect(findings(filled)).toEqual([]);
    // Both answers to one question; an answer whose follow-up is left unticked.
    const both = filled.replace('- [ ] There are breaking changes:', '- [x] There are breaking changes:');
    expect(findings(both)).toEqual(['81 item-checked']);
    const noFollowUp = filled.replace('  - [x] Updated docs with SQL', '  - [ ] Updated docs with SQL');
    expect(findings(noFollowUp)).toEqual(['52 when-item']);
    // The template's own placeholder text left in a prose section.
    const placeholder = filled.replace(
      'Event triggers retry with backoff instead of a fixed interval.',
      '{Please write here}',
    );
    expect(findings(placeholder)).toEqual(['4 section-text']);
  });
});
