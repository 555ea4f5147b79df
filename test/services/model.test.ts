// Services and what the repository keeps for them, from files: who owns them (CODEOWNERS as GitHub reads it),
// which workload is whose, which SLOs, alerts and dashboards name them, and the inputs that almost pass.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { runbookKind } from '../../src/kinds/runbook.js';
import { ownersOf, parseCodeowners } from '../../src/model/codeowners.js';
import { READY_CATALOG, READY_FILES } from '../../src/rules/service-common.js';
import { readDashboards } from '../../src/services/dashboards.js';
import { servicesOf, type ServiceModel } from '../../src/services/model.js';
import { modelOf } from '../../src/kinds/service.js';
import { readSlos } from '../../src/services/slo.js';
import { loadEntitySchemas } from '../../src/services/validate.js';

await loadEntitySchemas();

const CATALOG = 'services/payments/catalog-info.yaml';

function model(files: Record<string, string>, yaml = ''): ServiceModel {
  const config = loadConfig(yaml, 'c.yml');
  return servicesOf(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    config.services,
    { isRunbook: (p) => runbookKind.select(p, config), runbookAnnotations: config.alerts.runbookAnnotations },
  );
}

const ready = (over: Record<string, string | null> = {}) => {
  const files: Record<string, string> = { ...READY_FILES, [CATALOG]: READY_CATALOG };
  for (const [p, t] of Object.entries(over)) {
    if (t === null) delete files[p];
    else files[p] = t;
  }
  return files;
};

const status = (m: ServiceModel, name: string) =>
  Object.fromEntries(Object.entries(m.services.find((s) => s.name === name)!.checks).map(([c, r]) => [c, r.status]));

const deployment = (name: string, labels: Record<string, string> = {}, namespace?: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}  labels: ${JSON.stringify(labels)}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: x}]\n`;

describe('a ready service', () => {
  it('passes every launch question, each decided at a file and line', () => {
    const m = model(ready());
    expect(m.services.map((s) => s.name)).toEqual(['payments']);
    const [s] = m.services;
    expect(s!.workloads.map((w) => w.path)).toEqual(['services/payments/deploy.yaml']);
    expect(
      Object.fromEntries(
        Object.entries(s!.checks).map(([c, r]) => [c, `${r.status} ${r.source?.path}:${r.source?.line}`]),
      ),
    ).toEqual({
      owner: 'pass .github/CODEOWNERS:2',
      oncall: `pass ${CATALOG}:6`,
      slo: 'pass slos/payments.yaml:4',
      alerts: 'pass alerts/payments-rules.yaml:4',
      dashboard: 'pass dashboards/payments.json:2',
      runbook: `pass ${CATALOG}:9`,
    });
  });
});

describe('CODEOWNERS as GitHub reads it', () => {
  it('the last matching line wins, and a line with no owners unsets ownership', () => {
    const lines = parseCodeowners('* @acme/platform\n/services/ @acme/svc\n/services/payments/deploy.yaml\n');
    expect(ownersOf(lines, 'services/orders/a.yaml')?.owners).toEqual(['@acme/svc']);
    expect(ownersOf(lines, 'README.md')?.owners).toEqual(['@acme/platform']);
    expect(ownersOf(lines, 'services/payments/deploy.yaml')).toBeUndefined();
  });

  it('an owner-less line after the team unsets the workload: the service is not owned', () => {
    const m = model(
      ready({ '.github/CODEOWNERS': '/services/payments/ @acme/payments-team\n/services/payments/deploy.yaml\n' }),
    );
    expect(m.services[0]!.checks.owner).toMatchObject({
      status: 'fail',
      detail: 'services/payments/deploy.yaml has no owner in .github/CODEOWNERS',
    });
  });

  it('skips the lines GitHub skips, so they own nothing, and says why', () => {
    const lines = parseCodeowners(
      '!/docs/ @acme/docs\n/src/[ab]/ @acme/ab\n\\#notes @acme/notes\n/ops/ acme-team\n/api/ @acme/api # the API team\n',
    );
    expect(lines.map((l) => l.skipped)).toEqual([
      'it negates a pattern with !, which CODEOWNERS does not support',
      'it uses a [ ] character range, which CODEOWNERS does not support',
      'it escapes a # with \\, which CODEOWNERS does not support',
      'acme-team is not an owner: @user, @org/team or an e-mail address',
      undefined,
    ]);
    expect(ownersOf(lines, 'docs/a.md')).toBeUndefined();
    expect(ownersOf(lines, 'api/x.ts')?.owners).toEqual(['@acme/api']);
  });

  it('reads the first of .github/, the root and docs/ that exists, as GitHub does', () => {
    const m = model(
      ready({
        '.github/CODEOWNERS': null,
        CODEOWNERS: '/services/ @alice\n',
        'docs/CODEOWNERS': '/services/ @acme/payments-team\n',
      }),
    );
    expect(m.services[0]!.checks.owner).toMatchObject({ status: 'fail', source: { path: 'CODEOWNERS', line: 1 } });
  });
});

describe('which workload is whose', () => {
  const second = READY_CATALOG.replace('name: payments\n', 'name: refunds\n').replace(
    'backstage.io/kubernetes-id: payments',
    'backstage.io/kubernetes-id: refunds',
  );

  it('by the kubernetes-id label first, whatever folder the workload is in', () => {
    const m = model({
      ...ready(),
      'services/refunds/catalog-info.yaml': second,
      'services/payments/refunds.yaml': deployment('refunds-api', { 'backstage.io/kubernetes-id': 'refunds' }),
    });
    expect(m.services.find((s) => s.name === 'refunds')!.workloads.map((w) => w.name)).toEqual(['refunds-api']);
    expect(m.services.find((s) => s.name === 'payments')!.workloads.map((w) => w.name)).toEqual(['payments']);
  });

  it('by a label selector, and never by one whose terms do not all match', () => {
    const selector = (s: string) =>
      READY_CATALOG.replace(
        '    backstage.io/kubernetes-id: payments\n',
        `    backstage.io/kubernetes-label-selector: '${s}'\n`,
      );
    const files = (s: string) => ({
      ...ready({ 'services/payments/deploy.yaml': null }),
      [CATALOG]: selector(s),
      'deploy/pay.yaml': deployment('pay', { app: 'payments', tier: 'api' }),
    });
    expect(model(files('app=payments,tier=api')).services[0]!.workloads.map((w) => w.name)).toEqual(['pay']);
    const apart = model(files('app=payments,tier=web'));
    expect(apart.services.map((s) => s.name).sort()).toEqual(['payments', 'pay'].sort());
  });

  it('two components of one folder claim a workload alike: the gate cannot tell, and says so', () => {
    const both = `${READY_CATALOG}---\n${READY_CATALOG.split('---\n')[0]!.replace('name: payments\n', 'name: refunds\n').replace('    backstage.io/kubernetes-id: payments\n', '')}`;
    const m = model({
      ...ready({ 'services/payments/deploy.yaml': null }),
      [CATALOG]: both,
      'services/payments/worker.yaml': deployment('worker'),
    });
    expect(m.unattributed.map((u) => [u.workload.name, u.candidates])).toEqual([['worker', ['payments', 'refunds']]]);
  });

  it('a workload no component covers is a service of its own; in a services.paths folder, named by the folder', () => {
    const files = { ...ready(), 'apps/search/deploy.yaml': deployment('search-api', { app: 'search-api' }) };
    expect(model(files).services.map((s) => [s.name, s.entity?.name.value])).toEqual([
      ['payments', 'payments'],
      ['search-api', undefined],
    ]);
    expect(model(files, "services:\n  paths: ['apps/*']\n").services.map((s) => s.name)).toEqual([
      'payments',
      'search',
    ]);
  });
});

describe('one model for the documents of a check', () => {
  it('is made again when a file differs, though its length and sampled characters do not', () => {
    const config = loadConfig('', 'c.yml');
    // Past 4 KB the key samples every other character: these differ at an odd index only.
    const pad = '#'.repeat(5000);
    const files = (owner: string) => [
      {
        path: CATALOG,
        text: `${READY_CATALOG.replace('  owner: group:payments-team', `  owner: group:${owner}`)}${pad}\n`,
      },
    ];
    const a = modelOf(files('payments-teaa'), config);
    const b = modelOf(files('payments-team'), config);
    expect(a.services[0]!.owner).toBe('group:payments-teaa');
    expect(b.services[0]!.owner).toBe('group:payments-team');
    expect(modelOf(files('payments-team'), config)).toBe(b);
  });
});

describe('answers that are empty', () => {
  it('a runbook link without a URL, and an alert whose runbook annotation is empty, are no runbook', () => {
    const noUrl = READY_CATALOG.replace('    - url: https://runbooks.example.com/payments\n', '    - url: ""\n');
    const emptyAnnotation = READY_FILES['alerts/payments-rules.yaml']!.replace(
      'runbook_url: https://runbooks.example.com/payments',
      'runbook_url: ""',
    );
    const m = model(ready({ [CATALOG]: noUrl, 'alerts/payments-rules.yaml': emptyAnnotation }));
    expect(m.services[0]!.checks.runbook.status).toBe('fail');
  });
});

describe('what describes services', () => {
  it('a catalog file among tests or fixtures describes no service of the repository, nor does one services.exclude names', () => {
    const fixture = { 'test/fixtures/acme/catalog-info.yaml': READY_CATALOG, 'deploy/api.yaml': deployment('api') };
    expect(model(fixture)).toMatchObject({ describes: false, services: [] });
    const examples = { ...ready(), 'examples/api.yaml': deployment('example-api') };
    expect(model(examples).services.map((s) => s.name)).toEqual(['example-api', 'payments']);
    expect(model(examples, "services:\n  exclude: ['examples/**']\n").services.map((s) => s.name)).toEqual([
      'payments',
    ]);
  });
});

describe('a catalog that cannot be read', () => {
  it('still says the repository keeps a catalog: a workload beside it is not covered, and the file says why', () => {
    const broken = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: [name: payments\n';
    const m = model({
      'services/payments/catalog-info.yaml': broken,
      'services/payments/deploy.yaml': deployment('payments'),
    });
    expect(m).toMatchObject({ describes: true, hasCatalog: true, entities: [] });
    expect(m.services.map((s) => [s.name, s.entity])).toEqual([['payments', undefined]]);
    expect(m.catalogProblems.map((p) => `${p.path}:${p.line}`)).toEqual(['services/payments/catalog-info.yaml:4']);
  });
});

describe('SLOs in their own formats', () => {
  it('reads OpenSLO v1 targets as fractions and targetPercent as a percentage', () => {
    const slo = (objective: string, extra = '  timeWindow: [{duration: 28d, isRolling: true}]\n') =>
      readSlos(
        `apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: s}\nspec:\n  service: payments\n  indicatorRef: payments-good\n${extra}  objectives:\n    - ${objective}\n`,
        'slo.yaml',
      )[0]!.problems.map((p) => p.message);
    expect(slo('target: 0.999')).toEqual([]);
    expect(slo('targetPercent: 99.9')).toEqual([]);
    // A percentage written where the fraction goes: 9990 %, no objective.
    expect(slo('target: 99.9')).toEqual([
      'its objective, target 99.9 (a fraction: 9990 %), is not between 0 and 100 %',
    ]);
    expect(slo('target: 1')).toEqual(['its objective, target 1 (a fraction: 100 %), is not between 0 and 100 %']);
    expect(slo('displayName: none')).toEqual(['an objective has no target (target, a fraction, or targetPercent)']);
    expect(slo('target: 0.99', '')).toEqual(['it has no time window (spec.timeWindow[].duration)']);
  });

  it('an indicator without a query or a reference is empty', () => {
    const [slo] = readSlos(
      'apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: s}\nspec:\n  service: payments\n  indicator:\n    metadata: {name: good}\n    spec: {ratioMetric: {good: {metricSource: {type: Prometheus, spec: {query: ""}}}}}\n  timeWindow: [{duration: 7d}]\n  objectives: [{target: 0.99}]\n',
      'slo.yaml',
    );
    expect(slo!.problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '7 its indicator is empty: no query (spec.indicator) and no spec.indicatorRef',
    ]);
  });

  it('reads Sloth files and objects, each SLO of a file on its own', () => {
    const slos = readSlos(
      'version: prometheus/v1\nservice: payments\nslos:\n  - name: ok\n    objective: 99.5\n    sli: {raw: {error_ratio_query: "x"}}\n  - name: broken\n    objective: 0\n    sli: {}\n',
      'sloth.yaml',
    );
    expect(slos.map((s) => [s.name, s.line, s.service?.value, s.problems.map((p) => p.message)])).toEqual([
      ['ok', 4, 'payments', []],
      [
        'broken',
        7,
        'payments',
        [
          'its objective, 0 %, is not between 0 and 100 %',
          'its indicator is empty: sli holds no events, raw or plugin query',
        ],
      ],
    ]);
  });

  it('matches an SLO to the service it names, never to one whose name only starts the same', () => {
    const db = READY_FILES['slos/payments.yaml']!.replace('service: payments', 'service: payments-db').replaceAll(
      'job="payments"',
      'job="payments-db"',
    );
    expect(status(model(ready({ 'slos/payments.yaml': db })), 'payments').slo).toBe('fail');
  });
});

describe('dashboards', () => {
  it('finds the service in a ConfigMap the Grafana sidecar loads, and in a GrafanaDashboard', () => {
    const configMap =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  labels: {grafana_dashboard: "1"}\ndata:\n  d.json: \'{"title": "Checkout", "panels": [{"targets": [{"expr": "up{job=\\"payments\\"}"}]}]}\'\n';
    const operator =
      'apiVersion: grafana.integreatly.org/v1beta1\nkind: GrafanaDashboard\nmetadata:\n  name: payments-overview\nspec:\n  url: https://grafana.com/api/dashboards/1860/revisions/37/download\n';
    expect(readDashboards(configMap, 'm/d.yaml').map((d) => d.title)).toEqual(['Checkout']);
    expect(readDashboards(operator, 'm/o.yaml').map((d) => [d.title, d.external])).toEqual([
      ['payments-overview', 'https://grafana.com/api/dashboards/1860/revisions/37/download'],
    ]);
    expect(
      status(model(ready({ 'dashboards/payments.json': null, 'm/d.yaml': configMap })), 'payments').dashboard,
    ).toBe('pass');
  });

  it("a ConfigMap without the sidecar label, and a dashboard of payments-db, are not the service's", () => {
    const unlabelled =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: grafana_dashboard\ndata:\n  d.json: \'{"title": "Payments", "panels": []}\'\n';
    const db = '{"title": "payments-db", "panels": [{"targets": [{"expr": "up{job=\\"payments-db\\"}"}]}]}';
    const m = model(ready({ 'dashboards/payments.json': db, 'm/d.yaml': unlabelled }));
    expect(status(m, 'payments').dashboard).toBe('fail');
  });
});

describe('tiers and waivers', () => {
  it('reads the tier where the config says, and judges an unknown one as the default tier', () => {
    const files = ready({
      [CATALOG]: READY_CATALOG.replace('  labels:\n', '').replace('metadata:\n', 'metadata:\n  labels: {tier: "1"}\n'),
    });
    const m = model(
      files,
      "services:\n  tier-from: label:tier\n  tiers:\n    '1': [owner, oncall]\n    '3': [owner]\n  default-tier: '1'\n",
    );
    expect(m.services[0]).toMatchObject({ tier: '1', tierKnown: true });
    expect(status(m, 'payments')).toMatchObject({ slo: 'pass', dashboard: 'pass' });
    const unknown = model(ready(), "services:\n  tier-from: label:tier\n  tiers:\n    '3': [owner]\n");
    expect(unknown.services[0]).toMatchObject({ tier: '3', tierKnown: true });
    const misspelt = model(ready({ [CATALOG]: READY_CATALOG.replace('lifecycle: production', 'lifecycle: prod') }));
    expect(misspelt.services[0]).toMatchObject({ tier: 'prod', tierKnown: false });
    expect(status(misspelt, 'payments').slo).toBe('pass');
  });

  it('a tier the change lowers is judged as the base commit had it; one it raises, as the change has it', () => {
    const config = loadConfig('', 'c.yml');
    const at = (head: string, base: string) =>
      servicesOf(
        Object.entries(ready({ [CATALOG]: READY_CATALOG.replace('lifecycle: production', `lifecycle: ${head}`) })).map(
          ([path, text]) => ({ path, text }),
        ),
        config.services,
        {
          isRunbook: (p) => runbookKind.select(p, config),
          runbookAnnotations: ['runbook_url'],
          base: [{ path: CATALOG, text: READY_CATALOG.replace('lifecycle: production', `lifecycle: ${base}`) }],
        },
      ).services[0]!;
    expect(at('experimental', 'production')).toMatchObject({
      tier: 'production',
      tierLowered: { from: 'production', to: 'experimental' },
    });
    expect(at('production', 'experimental')).toMatchObject({ tier: 'production' });
    expect(at('production', 'experimental').tierLowered).toBeUndefined();
    // Between tiers that owe alike, nothing is lowered.
    expect(at('deprecated', 'experimental')).toMatchObject({ tier: 'deprecated' });
  });

  it('a waiver with a reason waives a required check; one without waives nothing', () => {
    const waived = (value: string) =>
      model(
        ready({
          'dashboards/payments.json': null,
          [CATALOG]: READY_CATALOG.replace(
            '    pagerduty.com/service-id: PABC123\n',
            `    pagerduty.com/service-id: PABC123\n    readiness-gate.io/waive.service-dashboard: "${value}"\n`,
          ),
        }),
      ).services[0]!;
    expect(waived('The team reads the SLO dashboard Pyrra generates').checks.dashboard).toMatchObject({
      status: 'waived',
      reason: 'The team reads the SLO dashboard Pyrra generates',
    });
    const empty = waived('');
    expect(empty.checks.dashboard.status).toBe('fail');
    expect(empty.emptyWaivers).toEqual([{ check: 'dashboard', line: 7 }]);
  });
});
