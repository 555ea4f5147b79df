/**
 * `manifest-liveness-probe`: a serving container (it declares `ports`) of a
 * workload has a `livenessProbe` or a `startupProbe`, so a process that hangs
 * is restarted (the seed's Health Checks item: liveness and readiness
 * probes). A notice by default: a liveness probe done wrong restarts healthy
 * pods, and some teams leave it out on purpose.
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
    'Container "{{container}}" of {{object}} serves on a port but has no livenessProbe or startupProbe: a hung process is never restarted. Add a livenessProbe that checks the process alone, not its dependencies.',
};
const say = sayer(messages);

export const manifestLivenessProbe = defineRule({
  id: 'manifest-liveness-probe',
  kind: 'manifest',
  title: 'Every serving container has a liveness or startup probe',
  description: 'a serving container (with `ports`) of a workload has a `livenessProbe` or `startupProbe`',
  defaultSeverity: { devops: 'notice', none: 'off' },
  messages,
  examples: [
    {
      name: 'a readiness probe only',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT(
        '        - name: api\n          ports: [{containerPort: 8080}]\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n',
      ),
      findings: [{ at: '9:17', id: 'noProbe', data: { container: 'api', object: 'Deployment "api"' } }],
    },
    {
      name: 'a startup probe counts',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT(
        '        - name: api\n          ports: [{containerPort: 8080}]\n          startupProbe: {httpGet: {path: /live, port: 8080}}\n',
      ),
      findings: [],
    },
  ],
  check: ({ file }) =>
    containerFindings(file, 'manifest-liveness-probe', (c, where) =>
      c.ports && !c.livenessProbe ? say('noProbe', where) : undefined,
    ),
});
