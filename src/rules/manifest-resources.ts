/**
 * `manifest-resources`: every container of a workload requests CPU and
 * memory and limits memory, so the scheduler can place it and one pod
 * cannot starve its node (the role document's Resources checklist). A
 * request left out where the limit is set has the limit's value: Kubernetes
 * copies a limit into a missing request.
 */
import { containerFindings } from './manifest-common.js';

/** A resource quantity Kubernetes reads as set: not absent, null or empty. */
const set = (value: unknown) => value !== undefined && value !== null && value !== '';
import { sayer } from '../model/messages.js';
import { ANNOTATION_OPT_OUT } from './opt-out.js';
import { defineRule } from './rule.js';

const messages = {
  ...ANNOTATION_OPT_OUT,
  missing:
    'Container "{{container}}" of {{object}} has no {{missing}}. Set requests.cpu, requests.memory and limits.memory.',
};
const say = sayer(messages);

export const manifestResources = defineRule({
  id: 'manifest-resources',
  kind: 'manifest',
  title: 'Every container requests CPU and memory and limits memory',
  description: 'a workload container sets `resources.requests.cpu`, `requests.memory` and `limits.memory`',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'no memory limit',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            requests: {cpu: 100m, memory: 64Mi}\n',
      findings: [
        {
          at: '9:17',
          id: 'missing',
          data: { container: 'api', object: 'Deployment "api"', missing: 'resources.limits.memory' },
        },
      ],
    },
    {
      name: 'a chart judged with its default values: resources written only when values.yaml gives some, and it gives none',
      path: 'charts/api/templates/deployment.yaml',
      files: {
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
        'charts/api/values.yaml':
          'resources: {}\nworker:\n  resources:\n    requests: {cpu: 100m, memory: 64Mi}\n    limits: {memory: 128Mi}\n',
      },
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1\n          {{- with .Values.resources }}\n          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n        - name: worker\n          image: worker:1\n          {{- with .Values.worker.resources }}\n          resources:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n',
      findings: [
        {
          at: '9:17',
          id: 'missing',
          data: {
            container: 'api',
            object: 'Deployment "api"',
            missing: 'resources.requests.cpu, resources.requests.memory, resources.limits.memory',
          },
        },
      ],
    },
    {
      name: 'a request left empty is no request (the memory limit then stands in for the memory request)',
      path: 'deploy/api.yaml',
      text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            requests: {cpu: null, memory: ''}\n            limits: {memory: 128Mi}\n",
      findings: [
        {
          at: '9:17',
          id: 'missing',
          data: { container: 'api', object: 'Deployment "api"', missing: 'resources.requests.cpu' },
        },
      ],
    },
    {
      name: 'a container merged from another (<<: *base) keeps what it overrides',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - &base\n          name: api\n          resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}\n        - <<: *base\n          name: side\n        - <<: *base\n          name: worker\n          resources: {requests: {cpu: null, memory: 1Gi}, limits: {memory: 1Gi}}\n',
      findings: [
        {
          at: '15:17',
          id: 'missing',
          data: { container: 'worker', object: 'Deployment "api"', missing: 'resources.requests.cpu' },
        },
      ],
    },
    {
      name: 'an opt-out annotation without a reason',
      path: 'deploy/api.yaml',
      text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:\n    readiness-gate.io/waive.manifest-resources: ''\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n",
      findings: [{ at: '6:1', id: 'annotationNoReason', data: { rule: 'manifest-resources' } }],
    },
    {
      name: 'opted out with a reason',
      path: 'deploy/api.yaml',
      text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:\n    readiness-gate.io/waive.manifest-resources: 'a VPA sets them'\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n",
      findings: [],
    },
    {
      name: 'limits alone: Kubernetes copies them into the requests',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            limits: {cpu: 500m, memory: 128Mi}\n',
      findings: [],
    },
    {
      name: 'a memory limit stands in for its request, not for the CPU request',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            limits: {memory: 128Mi}\n',
      findings: [
        {
          at: '9:17',
          id: 'missing',
          data: { container: 'api', object: 'Deployment "api"', missing: 'resources.requests.cpu' },
        },
      ],
    },
    {
      name: 'all three set',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            requests: {cpu: 100m, memory: 64Mi}\n            limits: {memory: 128Mi}\n',
      findings: [],
    },
  ],
  check: ({ file }) =>
    containerFindings(file, 'manifest-resources', ({ resources, field }, where) => {
      const limit = (resource: string) => set(field('resources', 'limits', resource)?.value);
      const missing = [
        resources.requestsCpu || limit('cpu') ? undefined : 'resources.requests.cpu',
        resources.requestsMemory || resources.limitsMemory ? undefined : 'resources.requests.memory',
        resources.limitsMemory ? undefined : 'resources.limits.memory',
      ].filter((m): m is string => m !== undefined);
      return missing.length === 0 ? undefined : say('missing', { ...where, missing: missing.join(', ') });
    }),
});
