/**
 * `evidence-unverifiable`: once per manifest, what the gate could not check
 * and why, so a pass is never read as more than it is. A Helm directive it
 * cannot resolve (`include`, `template`, a value not in `values.yaml`) may
 * emit a container's probes and resources: that container is not judged.
 * A manifest beside a `kustomization.yaml` may be patched by an overlay:
 * its findings are warnings at most. YAML that does not parse is read as
 * nothing: that is said too, never passed over in silence.
 */
import { objectLabel } from '../kinds/manifest.js';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const CHART = {
  'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
  'charts/api/values.yaml': 'resources:\n  requests: {cpu: 100m, memory: 64Mi}\n  limits: {memory: 128Mi}\n',
};
const TEMPLATE = (extra: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n${extra}`;

const messages = {
  noParse:
    'Not checked: a YAML document here does not parse ({{error}}), so whatever it declares was not read. Fix the YAML, or leave the file out with `evidence.exclude` if it is not a manifest.',
  templateNoParse:
    'Not checked: this Helm template does not read as YAML once its directives are set aside ({{error}}), so what it declares cannot be known without rendering it. Render the chart in a step before the gate and check that (the `rendered` input, or `--rendered`).',
  hidden:
    'Not checked: {{containers}}. The gate reads templates without rendering them and cannot resolve that directive. Write the fields in the template, take them from values.yaml with toYaml .Values.<key>, or check the rendered chart in CI.',
  hiddenPods:
    'Not checked: the pods of {{object}}, whose pod template {{directive}} at line {{line}} writes. The gate reads templates without rendering them and cannot resolve that directive: render the chart in a step before the gate and check that (the `rendered` input, or `--rendered`).',
  hiddenContainer: 'container "{{container}}" of {{object}} (its fields may come from {{directive}} at line {{line}})',
  overlay:
    'Findings on this file are warnings at most: {{kustomization}} is beside it, and an overlay may patch it. Check the built overlays (kustomize build) in CI for a conclusive answer.',
  overlayProbes:
    'Findings on this file are warnings at most ({{kustomization}} is beside it, and an overlay may patch it), but for its probes: {{probes}}, so a probe missing here is judged as written unless one of them puts it back.',
};
const say = sayer(messages);

export const evidenceUnverifiable = defineRule({
  id: 'evidence-unverifiable',
  kind: 'manifest',
  title: 'Every changed workload could be checked',
  description:
    'once per manifest: what could not be checked and why (a Helm directive, a Kustomize overlay, YAML that does not parse)',
  defaultSeverity: { devops: 'notice', none: 'off' },
  messages,
  examples: [
    {
      name: 'probes from a named template',
      path: 'charts/api/templates/deployment.yaml',
      files: CHART,
      text: TEMPLATE('          {{- include "api.probes" . | nindent 10 }}\n'),
      findings: [
        {
          at: '9:17',
          id: 'hidden',
          data: {
            containers:
              'container "api" of Deployment "{{…}}" (its fields may come from {{- include "api.probes" . | nindent 10 }} at line 13)',
          },
        },
      ],
    },
    {
      name: 'a directive that ends the last container, followed by another document',
      path: 'charts/api/templates/deployment.yaml',
      files: CHART,
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n          resources:\n            {{- toYaml .Values.api.resources | nindent 12 }}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n',
      findings: [
        {
          at: '9:17',
          id: 'hidden',
          data: {
            containers:
              'container "api" of Deployment "{{…}}" (its fields may come from {{- toYaml .Values.api.resources | nindent 12 }} at line 13)',
          },
        },
      ],
    },
    {
      name: 'a manifest an overlay may patch',
      path: 'deploy/base/api.yaml',
      files: { 'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n' },
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n',
      findings: [{ at: '1:1', id: 'overlay', data: { kustomization: 'deploy/base/kustomization.yaml' } }],
    },
    {
      name: 'YAML that does not parse',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels: {app: api\n',
      findings: [
        {
          at: '6:1',
          id: 'noParse',
          data: { error: 'Flow map in block collection must be sufficiently indented and end with a }' },
        },
      ],
    },
    {
      name: 'a workload whose whole pod template a helper writes',
      path: 'charts/api/templates/deployment.yaml',
      files: CHART,
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n    {{- include "api.podSpec" . | nindent 6 }}\n',
      findings: [
        {
          at: '1:1',
          id: 'hiddenPods',
          data: { object: 'Deployment "{{…}}"', directive: '{{- include "api.podSpec" . | nindent 6 }}', line: 10 },
        },
      ],
    },
    {
      name: 'resources resolved from values.yaml, probes written out',
      path: 'charts/api/templates/deployment.yaml',
      files: CHART,
      text: TEMPLATE('          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n'),
      findings: [],
    },
  ],
  check({ file, overlays }) {
    const workloads = file.objects.filter((o) => o.workload);
    if (workloads.length === 0 && !file.error) return undefined;
    const out: RawFinding[] = [];
    if (file.error) {
      out.push({
        message: say(file.helm ? 'templateNoParse' : 'noParse', { error: file.error.message }),
        line: file.error.line,
        column: 1,
        // A plain manifest kubectl would refuse is an error, not a notice: what it deploys was not read. A Helm
        // template's YAML is only the gate's approximation, and a file without `apiVersion:`/`kind:` no manifest.
        ...(file.error.manifest && !file.helm ? { alwaysError: true } : {}),
      });
    }
    for (const object of workloads) {
      if (!object.podsHidden) continue;
      out.push({
        message: say('hiddenPods', {
          object: objectLabel(object),
          directive: object.podsHidden.text,
          line: object.podsHidden.line,
        }),
        line: object.line,
        column: object.column,
      });
    }
    const hidden = workloads.flatMap((object) =>
      object.containers.filter((c) => c.unverifiable).map((container) => ({ object, container })),
    );
    const first = hidden[0];
    if (first) {
      const names = hidden
        .map(({ object, container }) =>
          say('hiddenContainer', {
            container: container.name,
            object: objectLabel(object),
            directive: container.unverifiable!.text,
            line: container.unverifiable!.line,
          }),
        )
        .join(', ');
      out.push({
        message: say('hidden', { containers: names }),
        line: first.container.line,
        column: first.container.column,
      });
    }
    if (file.kustomization) {
      const probes = overlays
        ? overlays.length === 0
          ? 'no kustomization of the repository takes its folder in'
          : overlays
              .map(
                (o) =>
                  `${o.overlay} ${o.probes.length > 0 ? `patches in ${o.probes.join(' and ')}` : 'patches in none'}`,
              )
              .join('; ')
        : undefined;
      out.push({
        message: probes
          ? say('overlayProbes', { kustomization: file.kustomization, probes })
          : say('overlay', { kustomization: file.kustomization }),
        line: 1,
        column: 1,
      });
    }
    return out;
  },
});
