// Alerting rules and the runbooks they link, in a real chart of the project's own corpus: cloudnative-pg's
// cluster chart keeps one rule a file in prometheus_rules/ (Helm templates: the alert's name is a literal the
// file assigns) and one runbook an alert in docs/runbooks/. The whole pipeline runs on the disk, as the CLI
// does, with the repository named as GitHub has it, so each runbook URL resolves to a file of the chart.
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { DiskSource } from '../src/cli/source.js';
import { loadConfig } from '../src/config/load.js';
import { readAlerts, resolveRunbookUrl } from '../src/kinds/manifest/alert-rules.js';
import { runPipeline } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

const CHART_REPO = path.join(ROOT, 'corpus/manifests/cloudnative-pg__charts');
const RULES = 'charts/cluster/prometheus_rules';
const CONFIG = 'examples/configs/cloudnative-pg-alerts.yml';
const repository = { host: 'github.com', owner: 'cloudnative-pg', repo: 'charts' };

async function run(args = [RULES]) {
  const source = new DiskSource({
    cwd: CHART_REPO,
    root: CHART_REPO,
    repository,
    configFile: path.join(ROOT, CONFIG),
    pullRequest: {},
    args,
  });
  return (await runPipeline(source, { today: '2026-11-30' })).report;
}

describe('cloudnative-pg/charts: alerting rules and their runbooks', () => {
  it('resolves every alert of prometheus_rules/ to its runbook in docs/runbooks/, the assigned name included', async () => {
    const files = (await glob('*.yaml', { cwd: path.join(CHART_REPO, RULES) })).sort();
    const config = loadConfig(readFileSync(path.join(ROOT, CONFIG), 'utf8'), CONFIG);
    const resolved = files.map((file) => {
      const [alert, ...more] = readAlerts(readFileSync(path.join(CHART_REPO, RULES, file), 'utf8'));
      expect(more).toEqual([]); // one rule a file
      const url = alert!.annotations.runbook_url!.value;
      const target = resolveRunbookUrl(url, config.alerts, [], repository);
      return `${file} ${alert!.name} ${alert!.severity?.value} -> ${target.kind === 'file' ? target.path : target.kind}`;
    });
    // The critical twins of four alerts share the warning's runbook; the four rules that build the URL from the
    // name they assign (`{{ $alert }}.md`) resolve with it.
    expect(resolved).toEqual([
      'cluster-ha-critical.yaml CNPGClusterHACritical critical -> charts/cluster/docs/runbooks/CNPGClusterHACritical.md',
      'cluster-ha-warning.yaml CNPGClusterHAWarning warning -> charts/cluster/docs/runbooks/CNPGClusterHAWarning.md',
      'cluster-high_connection-critical.yaml CNPGClusterHighConnectionsCritical critical -> charts/cluster/docs/runbooks/CNPGClusterHighConnectionsCritical.md',
      'cluster-high_connection-warning.yaml CNPGClusterHighConnectionsWarning warning -> charts/cluster/docs/runbooks/CNPGClusterHighConnectionsWarning.md',
      'cluster-high_replication_lag.yaml CNPGClusterHighReplicationLag warning -> charts/cluster/docs/runbooks/CNPGClusterHighReplicationLag.md',
      'cluster-instance_metrics_absent.yaml CNPGInstanceMetricsAbsent critical -> charts/cluster/docs/runbooks/CNPGInstanceMetricsAbsent.md',
      'cluster-instances_on_same_node.yaml CNPGClusterInstancesOnSameNode warning -> charts/cluster/docs/runbooks/CNPGClusterInstancesOnSameNode.md',
      'cluster-logical_replication_errors-critical.yaml CNPGClusterLogicalReplicationErrorsCritical critical -> charts/cluster/docs/runbooks/CNPGClusterLogicalReplicationErrors.md',
      'cluster-logical_replication_errors.yaml CNPGClusterLogicalReplicationErrors warning -> charts/cluster/docs/runbooks/CNPGClusterLogicalReplicationErrors.md',
      'cluster-logical_replication_lagging-critical.yaml CNPGClusterLogicalReplicationLaggingCritical critical -> charts/cluster/docs/runbooks/CNPGClusterLogicalReplicationLagging.md',
      'cluster-logical_replication_lagging.yaml CNPGClusterLogicalReplicationLagging warning -> charts/cluster/docs/runbooks/CNPGClusterLogicalReplicationLagging.md',
      'cluster-logical_replication_stopped-critical.yaml CNPGClusterLogicalReplicationStoppedCritical critical -> charts/cluster/docs/runbooks/CNPGClusterLogicalReplicationStopped.md',
      'cluster-logical_replication_stopped.yaml CNPGClusterLogicalReplicationStopped warning -> charts/cluster/docs/runbooks/CNPGClusterLogicalReplicationStopped.md',
      'cluster-low_disk_space-critical.yaml CNPGClusterLowDiskSpaceCritical critical -> charts/cluster/docs/runbooks/CNPGClusterLowDiskSpaceCritical.md',
      'cluster-low_disk_space-warning.yaml CNPGClusterLowDiskSpaceWarning warning -> charts/cluster/docs/runbooks/CNPGClusterLowDiskSpaceWarning.md',
      'cluster-offline.yaml CNPGClusterOffline critical -> charts/cluster/docs/runbooks/CNPGClusterOffline.md',
      'cluster-physical_replication_lag-critical.yaml CNPGClusterPhysicalReplicationLagCritical critical -> charts/cluster/docs/runbooks/CNPGClusterPhysicalReplicationLag.md',
      'cluster-physical_replication_lag-warning.yaml CNPGClusterPhysicalReplicationLagWarning warning -> charts/cluster/docs/runbooks/CNPGClusterPhysicalReplicationLag.md',
      'cluster-zone_spread-warning.yaml CNPGClusterZoneSpreadWarning warning -> charts/cluster/docs/runbooks/CNPGClusterZoneSpreadWarning.md',
    ]);
  });

  it('finds what is wrong, each finding read in its file', async () => {
    const report = await run();
    // Every alert links a runbook that exists, with a severity the config names: no alert finding. The runbooks
    // the alerts link are checked against the family's template, though no file of theirs was named.
    expect(report.findings.map((f) => `${f.source}:${f.line} ${f.ruleId} ${f.message}`)).toEqual([
      // The file ends with its "Mitigation" heading and nothing under it.
      'charts/cluster/docs/runbooks/CNPGClusterHighReplicationLag.md:30 runbook-section-empty Section "Mitigation" is empty. Write its content, or "None known" where that is the truth.',
      // "Diagnosis" is followed at once by "Mitigation", in both low-disk-space runbooks.
      'charts/cluster/docs/runbooks/CNPGClusterLowDiskSpaceCritical.md:21 runbook-section-empty Section "Diagnosis" is empty. Write its content, or "None known" where that is the truth.',
      'charts/cluster/docs/runbooks/CNPGClusterLowDiskSpaceWarning.md:21 runbook-section-empty Section "Diagnosis" is empty. Write its content, or "None known" where that is the truth.',
    ]);
    // 15 runbooks for 19 alerts: four critical twins share their warning's. The 16th file,
    // CNPGClusterHighPhysicalReplicationLagWarning.md, is linked by no alert (the warning links
    // CNPGClusterPhysicalReplicationLag.md), so it is not read.
    const runbooks = report.sources.filter((s) => s.startsWith('charts/cluster/docs/runbooks/'));
    expect(runbooks).toHaveLength(15);
    expect(runbooks).not.toContain('charts/cluster/docs/runbooks/CNPGClusterHighPhysicalReplicationLagWarning.md');
    expect(report.sources.filter((s) => s.startsWith(`${RULES}/`))).toHaveLength(19);
  });

  it('audits the whole repository with no file named: every alert, every runbook, and the one no alert links', async () => {
    const report = await run([]);
    expect(report.findings.map((f) => `${f.source}:${f.line} ${f.ruleId} ${f.severity}`)).toEqual([
      'charts/cluster/docs/runbooks/CNPGClusterHighPhysicalReplicationLagWarning.md:1 runbook-orphan notice',
      'charts/cluster/docs/runbooks/CNPGClusterHighReplicationLag.md:30 runbook-section-empty error',
      'charts/cluster/docs/runbooks/CNPGClusterLowDiskSpaceCritical.md:21 runbook-section-empty error',
      'charts/cluster/docs/runbooks/CNPGClusterLowDiskSpaceWarning.md:21 runbook-section-empty error',
    ]);
    // The orphan: the physical-lag warning links the runbook it shares with its critical twin, not its own.
    const warning = readFileSync(path.join(CHART_REPO, RULES, 'cluster-physical_replication_lag-warning.yaml'), 'utf8');
    expect(warning).toContain('docs/runbooks/CNPGClusterPhysicalReplicationLag.md');
    expect(report.sources.filter((s) => s.startsWith(`${RULES}/`))).toHaveLength(19);
    expect(report.sources.filter((s) => s.startsWith('charts/cluster/docs/runbooks/'))).toHaveLength(16);
  });
});

// Thanos's mixin: 48 alerts in examples/alerts/alerts.yaml, each linking mixin/runbook.md by a GitHub URL with a
// fragment per alert (`#alert-name-thanoscompacthalted`). The runbook is generated: a table of the alerts under
// one heading per rule group, and no heading or anchor per alert, so every fragment lands at the top of the file.
const THANOS = path.join(ROOT, 'corpus/manifests/thanos-io__thanos');
const THANOS_CONFIG =
  'extends: none\nrules:\n  alert-runbook: error\n  alert-severity: warning\nalerts:\n  severities: [critical, warning, info]\nrunbooks:\n  templates:\n    - name: Thanos mixin runbook\n      paths: [mixin/runbook.md]\n      sections-per-alert: true\n      sections: [Meaning, Mitigation]\n';

describe('thanos-io/thanos: a mixin whose runbook is one file with an anchor per alert', () => {
  it('resolves every fragment against the headings as GitHub slugs them, and finds none there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-thanos-'));
    try {
      await writeFile(path.join(dir, 'config.yml'), THANOS_CONFIG);
      const source = new DiskSource({
        cwd: THANOS,
        root: THANOS,
        repository: { host: 'github.com', owner: 'thanos-io', repo: 'thanos' },
        configFile: path.join(dir, 'config.yml'),
        pullRequest: {},
        args: ['examples/alerts/alerts.yaml'],
      });
      const { report } = await runPipeline(source, { today: '2026-12-06' });
      const alerts = readAlerts(readFileSync(path.join(THANOS, 'examples/alerts/alerts.yaml'), 'utf8'));
      expect(alerts).toHaveLength(48);
      // One finding an alert, on its runbook_url line: each fragment is `alert-name-<alert in lower case>`, and
      // the file's anchors are only its title, "Rule Groups" and the eight group headings.
      expect(report.findings.map((f) => `${f.line} ${f.ruleId} ${f.severity}`)).toEqual(
        alerts.map((a) => `${a.annotations.runbook_url!.line} alert-runbook error`),
      );
      for (const [i, finding] of report.findings.entries()) {
        const name = alerts[i]!.name;
        expect(finding.message).toBe(
          `Alert "${name}" links mixin/runbook.md#alert-name-${name.toLowerCase()}, and mixin/runbook.md has no such anchor: on-call lands at the top of the file. Link the alert's own section (anchors are made as GitHub makes them: lower case, punctuation dropped, spaces as -), or write that section.`,
        );
      }
      // The runbook was read and checked as the template says: held per alert, so not as a whole.
      expect(report.sources).toEqual(['mixin/runbook.md', 'examples/alerts/alerts.yaml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// kube-prometheus's PrometheusRule objects (139 alerts in eight files, each linking
// https://runbooks.prometheus-operator.dev/runbooks/<component>/<alert in lower case>) beside the runbooks that site
// serves (prometheus-operator/runbooks: one file an alert, `content/runbooks/<component>/<Alert>.md`), as a
// platform team that vendors both keeps them. The site's URLs are the files' names in lower case.
const KUBE_PROMETHEUS = path.join(ROOT, 'corpus/manifests/prometheus-operator__kube-prometheus');
const PO_RUNBOOKS = path.join(ROOT, 'corpus/runbooks/prometheus-operator__runbooks');
const KP_CONFIG = `extends: none
rules:
  alert-runbook: error
  alert-severity: warning
  runbook-section: error
  runbook-section-empty: error
alerts:
  runbook-urls:
    - prefix: https://runbooks.prometheus-operator.dev/runbooks/
      path: content/runbooks/
  severities: [critical, warning, info, none]
runbooks:
  exclude: ['**/_index.md']
  templates:
    - name: prometheus-operator runbooks
      paths: ['content/runbooks/**/*.md']
      sections: [Meaning, Impact, Diagnosis, Mitigation]
`;

describe('kube-prometheus alerts and the runbooks prometheus-operator serves: one file an alert', () => {
  it('finds the alerts whose runbook the site does not have, and the runbooks that lack a section, and nothing else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rg-kp-'));
    try {
      await cp(path.join(KUBE_PROMETHEUS, 'manifests'), path.join(dir, 'manifests'), { recursive: true });
      await cp(path.join(PO_RUNBOOKS, 'content'), path.join(dir, 'content'), { recursive: true });
      await writeFile(path.join(dir, 'config.yml'), KP_CONFIG);
      const source = new DiskSource({
        cwd: dir,
        root: dir,
        configFile: path.join(dir, 'config.yml'),
        pullRequest: {},
        args: ['manifests'],
      });
      const { report } = await runPipeline(source, { today: '2026-12-06' });
      const runbooks = new Set((await glob('content/runbooks/**/*.md', { cwd: dir })).map((p) => p.toLowerCase()));
      // Each alert-runbook error names a runbook the site has under no case: 27 alerts newer than the runbooks.
      const missing = report.findings.filter((f) => f.ruleId === 'alert-runbook');
      expect(missing).toHaveLength(27);
      for (const f of missing) {
        const file = /which is (content\/runbooks\/\S+\.md), and there is no such file at the head commit/.exec(
          f.message,
        )?.[1];
        expect(file, f.message).toBeDefined();
        expect(runbooks.has(file!.toLowerCase())).toBe(false);
      }
      // Each runbook-section error names a heading its runbook does not have; each empty section is empty or a TODO.
      for (const f of report.findings.filter((x) => x.ruleId === 'runbook-section')) {
        const section = /^Missing section "([^"]+)"/.exec(f.message)![1]!;
        // Outside code fences, as GitHub renders it: PrometheusOperatorNodeLookupErrors.md opens a ```shell fence it
        // never closes, so its "## Mitigation" is shown as code, not as a heading.
        let fenced = false;
        const headings = readFileSync(path.join(dir, f.source), 'utf8')
          .split('\n')
          .filter((line) => {
            if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
            return !fenced && /^#+\s/.test(line);
          });
        expect(
          headings.some((h) => new RegExp(`^#+\\s*${section}\\s*$`, 'i').test(h)),
          `${f.source} ${section}`,
        ).toBe(false);
      }
      expect(
        Object.entries(
          report.findings.reduce<Record<string, number>>((n, f) => ({ ...n, [f.ruleId]: (n[f.ruleId] ?? 0) + 1 }), {}),
        ),
      ).toEqual([
        ['runbook-section-empty', 29],
        ['runbook-section', 16],
        ['alert-runbook', 27],
      ]);
      // Every alert's runbook that exists was read, found by its name in another case, and checked.
      expect(report.sources.filter((s) => s.startsWith('manifests/'))).toHaveLength(8);
      expect(report.sources.filter((s) => s.startsWith('content/runbooks/')).length).toBeGreaterThan(90);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
