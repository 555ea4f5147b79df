// Dockerfiles and workflows of ../shared/corpus/manifests through the same engine. Every finding is
// listed with its file and line; each was read in the file and is a real instance of what the rule
// names (a shell-form CMD/ENTRYPOINT, a job without timeout-minutes).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { isEvidence, kindOf } from '../src/kinds/index.js';
import { loadGrammars, ROOT } from './helpers.js';

// check() is synchronous: the parsers a kind loads on demand (a Dockerfile's) are loaded first.
await loadGrammars();

const CORPUS = path.resolve(ROOT, '../shared/corpus/manifests');
const config = loadConfig(undefined, 'x.yml');

async function evidence(folder: string, corpus = CORPUS) {
  const root = path.join(corpus, folder);
  const all = await glob('**/*', { cwd: root, dot: true, onlyFiles: true });
  const files = all
    .map((p) => ({ path: p, kind: kindOf(p, config) }))
    .filter((f) => f.kind !== undefined && isEvidence(f.kind))
    .map((f) => ({ path: f.path, kind: f.kind!, text: readFileSync(path.join(root, f.path), 'utf8') }));
  // The repository as it stands: its kustomization files are on the base branch too.
  const base = files
    .filter((f) => /(^|\/)kustomization\.ya?ml$/i.test(f.path))
    .map((f) => ({ ...f, companion: true as const, fromBase: true as const }));
  const report = check({ files: [...files, ...base], config });
  // Alerts are judged with the runbooks they link and the repository they are in, which this check alone does
  // not have: test/corpus-alerts.test.ts runs the cluster chart's alerts through the whole pipeline.
  const findings = report.findings
    .filter((f) => f.ruleId !== 'evidence-unverifiable' && !f.ruleId.startsWith('alert-'))
    .map((f) => `${f.source}:${f.line} ${f.ruleId}`)
    .sort();
  const capped = report.findings
    .filter((f) => f.capped && f.ruleId !== 'evidence-unverifiable')
    .map((f) => `${f.source}:${f.line} ${f.ruleId} ${f.severity}`)
    .sort();
  const notices = report.findings
    .filter((f) => f.ruleId === 'evidence-unverifiable')
    .map((f) => `${f.source}:${f.line}`);
  return { count: files.length, findings, capped, notices };
}

describe.skipIf(!existsSync(CORPUS))('deployment files in the corpus', () => {
  it('GoogleCloudPlatform/microservices-demo', async () => {
    const { count, findings, capped, notices } = await evidence('GoogleCloudPlatform__microservices-demo');
    expect(count).toBe(103); // 13 Dockerfiles, 9 workflows, 81 other YAML files (manifests, Helm templates, Kustomize, skaffold)
    expect(findings).toEqual([
      '.github/workflows/ci-main.yaml:33 workflow-job-timeout',
      '.github/workflows/ci-main.yaml:58 workflow-job-timeout',
      '.github/workflows/ci-pr.yaml:37 workflow-job-timeout',
      '.github/workflows/cleanup.yaml:31 workflow-job-timeout',
      '.github/workflows/deploy-pr.yaml:28 workflow-job-timeout',
      '.github/workflows/helm-chart-ci.yaml:28 workflow-job-timeout',
      '.github/workflows/kustomize-build-ci.yaml:28 workflow-job-timeout',
      '.github/workflows/make-release.yaml:41 workflow-job-timeout',
      '.github/workflows/terraform-validate-ci.yaml:28 workflow-job-timeout',
      // The chart's collector gateway sets no resources, as its Kustomize twin below (the `if` lines around
      // its init container hide nothing); the other templates' resources come from values.yaml.
      'helm-chart/templates/opentelemetry-collector.yaml:89 manifest-resources',
      // A Kustomize component: the key is pasted in by hand (GOOGLE_API_KEY_VAL is replaced with sed).
      'kustomize/components/google-cloud-operations/otel-collector.yaml:61 manifest-resources', // otel-gateway sets none
      'kustomize/components/shopping-assistant/shoppingassistantservice.yaml:38 manifest-liveness-probe', // no probe at all
      'kustomize/components/shopping-assistant/shoppingassistantservice.yaml:38 manifest-readiness-probe', // port 8080
      'kustomize/components/shopping-assistant/shoppingassistantservice.yaml:51 manifest-secret-literal',
      'src/loadgenerator/Dockerfile:52 dockerfile-exec-form', // ENTRYPOINT locust --host=… in shell form
    ]);
    // The well-kept plain manifests pass; the Helm chart's templates parse without a finding from template syntax.
    expect(findings.filter((f) => f.startsWith('kubernetes-manifests/'))).toEqual([]);
    // A Kustomize component's findings are warnings at most: an overlay may patch the file.
    expect(capped).toEqual([
      'kustomize/components/google-cloud-operations/otel-collector.yaml:61 manifest-resources warning',
      'kustomize/components/shopping-assistant/shoppingassistantservice.yaml:38 manifest-liveness-probe notice',
      'kustomize/components/shopping-assistant/shoppingassistantservice.yaml:38 manifest-readiness-probe warning',
      // Not the pasted key: an overlay cannot take a secret out of Git, so it stays an error.
    ]);
    // One notice per workload file beside a kustomization.yaml; none from the Helm chart, whose
    // containers' resources all resolve from values.yaml.
    expect(notices.filter((n) => n.startsWith('helm-chart/'))).toEqual([]);
    expect(notices).toHaveLength(25); // 11 + 11 services, 3 component files (one a delete patch)
    expect(notices.every((n) => n.startsWith('kubernetes-manifests/') || n.startsWith('kustomize/'))).toBe(true);
  });

  it('kubernetes/examples', async () => {
    const { count, findings, notices } = await evidence('kubernetes__examples');
    expect(count).toBeGreaterThan(15);
    const byRule = (id: string) => findings.filter((f) => f.endsWith(` ${id}`));
    // Older teaching material: containers without probes or resources, and literal passwords and tokens.
    // Resources: the three selenium containers set only limits (cpu .5, memory 1000Mi), which Kubernetes
    // copies into their requests; they were reported before requests defaulted to limits here.
    expect([byRule('manifest-readiness-probe').length, byRule('manifest-resources').length]).toEqual([24, 27]);
    expect(byRule('manifest-resources').filter((f) => f.includes('selenium'))).toEqual([]);
    // Liveness: the same teaching Deployments, plus ones with a readiness probe only (AI/model-serving-tensorflow).
    expect(byRule('manifest-liveness-probe')).toHaveLength(24);
    // Recreate, for a single-writer store (etcd, minio): the rule's notice is what a reviewer should see.
    expect(byRule('manifest-rollout')).toEqual([
      '_archived/openshift-origin/etcd-controller.yaml:10 manifest-rollout',
      '_archived/openshift-origin/etcd-discovery-controller.yaml:10 manifest-rollout',
      '_archived/storage/minio/minio-standalone-deployment.yaml:11 manifest-rollout',
    ]);
    expect(byRule('manifest-graceful-shutdown')).toEqual([]);
    expect(notices).toEqual([]); // no Helm chart, no kustomization.yaml
    // 17 literal env values (etcd, minio, mysql-galera; sysdig's ACCESS_KEY, marked "replace with your
    // access key") and 10 Secret objects with their data in the file.
    expect(byRule('manifest-secret-literal')).toHaveLength(27);
    const secretObjects = byRule('manifest-secret-literal').filter((f) => /secret/i.test(f.split(':')[0]!));
    expect(secretObjects).toHaveLength(10);
    expect(
      byRule('manifest-secret-literal')
        .filter((f) => !secretObjects.includes(f))
        .every((f) => /etcd-controller|minio|mysql-galera|sysdig/.test(f)),
    ).toBe(true);
    expect(findings.filter((f) => !f.includes(' manifest-'))).toEqual([
      '_archived/meteor/dockerbase/Dockerfile:31 dockerfile-exec-form', // ENTRYPOINT MONGO_URL=… node main.js
      '_archived/storage/rethinkdb/image/Dockerfile:27 dockerfile-exec-form',
      '_archived/volumes/flexvolume/deploy/Dockerfile:22 dockerfile-exec-form',
      'web/guestbook/redis-slave/Dockerfile:19 dockerfile-exec-form', // CMD /run.sh
    ]);
  });
});

describe("deployment files in the project's own corpus", () => {
  it('cloudnative-pg/charts: the operator chart, its env written by a directive', async () => {
    const { count, findings, notices } = await evidence('cloudnative-pg__charts', path.join(ROOT, 'corpus/manifests'));
    // The operator chart: Chart.yaml, values.yaml and eight templates (NOTES.txt and _helpers.tpl are not
    // manifests); the cluster chart: Chart.yaml, values.yaml, its PrometheusRule template and 19 rule files.
    expect(count).toBe(32);
    expect(findings).toEqual([
      // `{{- tpl (.Values.additionalEnv | toYaml) . | nindent 8 }}` continues the env list: it hides env, not the
      // container. values.yaml's `resources: {}` leaves the operator without requests or a memory limit.
      'charts/cloudnative-pg/templates/deployment.yaml:109 manifest-resources',
    ]);
    // rbac.yaml has a template comment over several lines (`{{/*` … `*/}}`): blanked, the file parses.
    expect(notices).toEqual([]);
  });

  it('prometheus-community/helm-charts: four community charts, read with their default values', async () => {
    const { count, findings, notices } = await evidence(
      'prometheus-community__helm-charts',
      path.join(ROOT, 'corpus/manifests'),
    );
    expect(count).toBe(60);
    expect(findings).toEqual([
      // values.yaml leaves `resources: {}` for Alertmanager and for its config-reloader sidecar: what the chart
      // deploys by default has no requests and no memory limit.
      'charts/alertmanager/templates/statefulset.yaml:102 manifest-resources',
      'charts/alertmanager/templates/statefulset.yaml:146 manifest-resources',
      // The kube-rbac-proxy sidecar, under `if .Values.kubeRBACProxy.enabled` (read as on, as an optional part is):
      // it serves on a port with no liveness probe, and its values give it no resources.
      'charts/prometheus-node-exporter/templates/daemonset.yaml:238 manifest-liveness-probe',
      'charts/prometheus-node-exporter/templates/daemonset.yaml:238 manifest-resources',
      // The Pushgateway's values choose `strategy: {type: Recreate}` (its state lives on one volume).
      'charts/prometheus-pushgateway/templates/deployment.yaml:17 manifest-rollout',
    ]);
    // What the gate cannot read without rendering, each said: a pod template a helper writes whole (`spec:
    // {{- include "….podSpec" . | nindent 6 }}`), and node-exporter's main container, whose fields a `$overwrites`
    // dict writes. Empty values (`podDisruptionBudget: {}`, `extraInitContainers: []`) and a choice of key within a
    // line (`{{ if .Values.secretConfig -}} stringData: {{- else -}} data: {{- end }}`) read as YAML.
    expect(notices.sort()).toEqual([
      'charts/prometheus-blackbox-exporter/templates/daemonset.yaml:2',
      'charts/prometheus-blackbox-exporter/templates/deployment.yaml:2',
      'charts/prometheus-node-exporter/templates/daemonset.yaml:99',
      'charts/prometheus-pushgateway/templates/deployment.yaml:2',
      'charts/prometheus-pushgateway/templates/statefulset.yaml:2',
    ]);
  });

  it('open-telemetry/opentelemetry-demo: 30 Dockerfiles and the manifest Helm rendered for them', async () => {
    const { count, findings, notices } = await evidence(
      'open-telemetry__opentelemetry-demo',
      path.join(ROOT, 'corpus/manifests'),
    );
    expect(count).toBe(31); // 30 Dockerfiles (two named *.Dockerfile or Dockerfile.cypress) and the rendered manifest
    const M = 'kubernetes/opentelemetry-demo.yaml';
    const at = (line: number, ...rules: string[]) => rules.map((rule) => `${M}:${line} ${rule}`);
    // The demo's own services (templates/component.yaml) have ports and no probe of any kind, and set only
    // limits.memory (so requests.memory has its value, requests.cpu none); the StatefulSet of OpenSearch
    // has both probes and resources, and is not listed.
    const service = (line: number) =>
      at(line, 'manifest-liveness-probe', 'manifest-readiness-probe', 'manifest-resources');
    expect(findings).toEqual([
      ...at(103, 'manifest-secret-literal'), // the grafana chart's Secret: admin-user and admin-password in `data`
      ...at(18098, 'manifest-resources'), // grafana: limits.memory 150Mi only
      ...at(18214, 'manifest-rollout'), // jaeger: strategy Recreate
      ...at(18252, 'manifest-resources'), // jaeger: limits.memory only
      ...at(18349, 'manifest-resources'), // otel-collector: limits.memory 200Mi only
      ...at(18424, 'manifest-rollout'), // prometheus: strategy Recreate
      ...at(18446, 'manifest-resources'), // prometheus-server: limits.memory only
      ...at(18534, 'manifest-resources'), // accounting: no ports, so no probe is asked for
      ...service(18601), // ad
      ...service(18667), // cart
      ...service(18743), // checkout
      ...service(18830), // currency
      ...service(18892), // email
      ...service(18958), // flagd
      ...service(19000), // flagd-ui, the second container of Deployment flagd
      ...at(19023, 'manifest-secret-literal'), // flagd-ui's SECRET_KEY_BASE written out
      ...at(19085, 'manifest-resources'), // fraud-detection: no ports
      ...service(19156), // frontend
      ...service(19250), // frontend-proxy
      ...service(19348), // image-provider
      ...service(19410), // kafka
      ...service(19484), // load-generator
      ...service(19566), // payment
      ...service(19634), // postgresql
      ...at(19653, 'manifest-secret-literal'), // POSTGRES_PASSWORD written out
      ...service(19696), // product-catalog
      ...service(19769), // quote
      ...service(19837), // recommendation
      ...service(19907), // shipping
      ...service(19969), // valkey-cart
      // ENTRYPOINT ["sh", "-c", "./usr/local/bin/currency ${CURRENCY_PORT}"]: the shell stays PID 1.
      'src/currency/Dockerfile:58 dockerfile-exec-form',
      // ["/bin/sh", "-c", "envsubst < envoy.tmpl.yaml > envoy.yaml && envoy -c envoy.yaml;"]: envoy is not exec'd.
      'src/frontend-proxy/Dockerfile:19 dockerfile-exec-form',
      // Not image-provider's `… && exec nginx -g 'daemon off;'`: the `;` is inside quotes, and nginx is exec'd.
    ]);
    // Rendered, not a template: nothing is left unverifiable.
    expect(notices).toEqual([]);
  });
});
