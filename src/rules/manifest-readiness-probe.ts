/**
 * `manifest-readiness-probe`: a serving container (it declares `ports`) of a
 * Deployment, StatefulSet or DaemonSet has a `readinessProbe`, so traffic
 * reaches it only when it can answer (the role document's "no health
 * endpoint" red flag). Init containers, Jobs, CronJobs and bare Pods are
 * not serving workloads; a `helm.sh/hook` annotation changes nothing (kubectl
 * ignores it, and Helm installs a hooked Deployment like any other).
 */
import { containerFindings } from './manifest-common.js';
import { sayer } from '../model/messages.js';
import { ANNOTATION_OPT_OUT } from './opt-out.js';
import { defineRule } from './rule.js';

const DEPLOYMENT = (container: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n${container}`;

const messages = {
  ...ANNOTATION_OPT_OUT,
  noProbe:
    'Container "{{container}}" of {{object}} serves on a port but has no readinessProbe: traffic reaches it before it can answer. Add a readinessProbe (httpGet on its health endpoint).',
};
const say = sayer(messages);

export const manifestReadinessProbe = defineRule({
  id: 'manifest-readiness-probe',
  kind: 'manifest',
  title: 'Every serving container has a readiness probe',
  description: 'a serving container (with `ports`) of a workload has a `readinessProbe`',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'a Helm directive inside env hides the env list, not the probes; a templated name is shown as such',
      path: 'charts/api/templates/deployment.yaml',
      files: { 'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n' },
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "api.fullname" . }}-web\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - {name: MODE, value: live}\n            {{- tpl .Values.additionalEnv . | nindent 12 }}\n          ports: [{containerPort: 8080}]\n',
      findings: [{ at: '9:17', id: 'noProbe', data: { container: 'api', object: 'Deployment "{{…}}-web"' } }],
    },
    {
      name: 'a helm.sh/hook annotation does not exempt a Deployment',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:\n    helm.sh/hook: post-install\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n',
      findings: [{ at: '11:17', id: 'noProbe', data: { container: 'api', object: 'Deployment "api"' } }],
    },
    {
      name: 'a container that serves without a readiness probe',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT(
        '        - name: api\n          image: api:1\n          ports:\n            - containerPort: 8080\n',
      ),
      findings: [{ at: '9:17', id: 'noProbe', data: { container: 'api', object: 'Deployment "api"' } }],
    },
    {
      name: 'a probe key with nothing in it, and a Deployment inside a List',
      path: 'deploy/api.yaml',
      text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: api}\n    spec:\n      template:\n        spec:\n          containers:\n            - name: api\n              ports: [{containerPort: 8080}]\n              readinessProbe:\n',
      findings: [{ at: '11:21', id: 'noProbe', data: { container: 'api', object: 'Deployment "api"' } }],
    },
    {
      name: 'a probe shared through an anchor or a merge counts; a merged container that empties it does not',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT(
        '        - &base\n          name: api\n          ports: [{containerPort: 8080}]\n          readinessProbe: &probe {httpGet: {path: /ready, port: 8080}}\n        - name: admin\n          ports: [{containerPort: 9090}]\n          readinessProbe: *probe\n        - <<: *base\n          name: side\n        - <<: *base\n          name: debug\n          readinessProbe:\n',
      ),
      findings: [{ at: '19:17', id: 'noProbe', data: { container: 'debug', object: 'Deployment "api"' } }],
    },
    {
      name: 'a probe, or no port',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT(
        '        - name: api\n          ports: [{containerPort: 8080}]\n          readinessProbe: {httpGet: {path: /healthz, port: 8080}}\n        - name: worker\n          image: worker:1\n',
      ),
      findings: [],
    },
  ],
  check: ({ file }) =>
    containerFindings(file, 'manifest-readiness-probe', (c, where) =>
      c.ports && !c.readinessProbe ? say('noProbe', where) : undefined,
    ),
});
