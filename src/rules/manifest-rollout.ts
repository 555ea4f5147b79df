/**
 * `manifest-rollout`: a Deployment's rollout keeps some pods serving (the
 * seed's Zero Downtime item). `strategy.type: Recreate` stops every pod
 * before starting the new ones; `maxUnavailable` of at least `replicas`
 * (1 unless set; a percentage rounds down, as Kubernetes does) lets a
 * rolling update take them all down at once.
 */
import { objectLabel } from '../kinds/manifest.js';
import type { RawFinding } from '../model/finding.js';
import { manifestOptOut } from './manifest-common.js';
import { sayer } from '../model/messages.js';
import { ANNOTATION_OPT_OUT } from './opt-out.js';
import { defineRule } from './rule.js';

const DEPLOYMENT = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n${spec}  template:\n    spec:\n      containers:\n        - name: api\n`;

const messages = {
  ...ANNOTATION_OPT_OUT,
  recreate:
    '{{object}} uses strategy Recreate: every pod stops before the new ones start, so each rollout is an outage. Use RollingUpdate, or say in the description why this one cannot.',
  allUnavailable:
    '{{object}} allows maxUnavailable {{max}} of {{replicas}}: a rollout may take every pod down at once. Set maxUnavailable below the replica count (25% is the default).',
};
const say = sayer(messages);

export const manifestRollout = defineRule({
  id: 'manifest-rollout',
  kind: 'manifest',
  title: 'Every Deployment rolls out without downtime',
  description: 'a Deployment does not use `strategy.type: Recreate`, nor a `maxUnavailable` of all its replicas',
  defaultSeverity: { devops: 'notice', none: 'off' },
  messages,
  examples: [
    {
      name: 'Recreate',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT('  replicas: 3\n  strategy:\n    type: Recreate\n'),
      findings: [{ at: '8:11', id: 'recreate', data: { object: 'Deployment "api"' } }],
    },
    {
      name: 'all replicas unavailable at once',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT('  replicas: 4\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 100%\n'),
      findings: [
        { at: '9:23', id: 'allUnavailable', data: { object: 'Deployment "api"', max: '100%', replicas: '4 replicas' } },
      ],
    },
    {
      name: 'a rolling update that keeps pods serving',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT('  replicas: 4\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 1\n'),
      findings: [],
    },
  ],
  check({ file }) {
    const deployments = file.objects.filter((o) => o.workload && o.kind === 'Deployment');
    if (deployments.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const object of deployments) {
      if (manifestOptOut(object, 'manifest-rollout', out)) continue;
      const { type, maxUnavailable } = object.strategy ?? {};
      if (type?.value === 'Recreate') {
        out.push({
          message: say('recreate', { object: objectLabel(object) }),
          line: type.line,
          column: type.column,
        });
        continue;
      }
      if (!maxUnavailable || object.replicas === 'unknown') continue;
      const replicas = object.replicas ?? 1;
      if (replicas === 0) continue;
      const unavailable = podsOf(maxUnavailable.value, replicas);
      if (unavailable === undefined || unavailable < replicas) continue;
      out.push({
        message: say('allUnavailable', {
          object: objectLabel(object),
          max: maxUnavailable.value,
          replicas: `${replicas} replica${replicas === 1 ? '' : 's'}`,
        }),
        line: maxUnavailable.line,
        column: maxUnavailable.column,
      });
    }
    return out;
  },
});

/** maxUnavailable in pods: a number, or a percentage of the replicas rounded down; undefined when it is neither. */
function podsOf(value: string | number, replicas: number): number | undefined {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value.trim());
  if (percent) return Math.floor((Number(percent[1]) * replicas) / 100);
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}
