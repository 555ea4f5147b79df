/**
 * `manifest-graceful-shutdown`: a workload's pods get time to finish their
 * work when they stop (the seed's "no graceful shutdown" red flag).
 * `terminationGracePeriodSeconds: 0` kills them at once; a preStop hook
 * that sleeps as long as the grace period (30 s unless set) or longer uses
 * it all, so the process is killed before it sees SIGTERM.
 */
import { objectLabel } from '../kinds/manifest.js';
import type { RawFinding } from '../model/finding.js';
import { manifestOptOut } from './manifest-common.js';
import { sayer } from '../model/messages.js';
import { ANNOTATION_OPT_OUT } from './opt-out.js';
import { defineRule } from './rule.js';

/** Kubernetes' default terminationGracePeriodSeconds. */
const DEFAULT_GRACE = 30;

const DEPLOYMENT = (pod: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n${pod}`;

const messages = {
  ...ANNOTATION_OPT_OUT,
  zeroGrace:
    '{{object}} sets terminationGracePeriodSeconds: 0: its pods are killed at once and in-flight work is lost. Give the time the process needs to drain (the default is {{default}} s).',
  sleepTooLong:
    'Container "{{container}}" of {{object}} sleeps {{sleep}} s in preStop, not less than its {{grace}} s grace period: it is killed before it receives SIGTERM. Sleep less than the grace period, or raise terminationGracePeriodSeconds.',
};
const say = sayer(messages);

export const manifestGracefulShutdown = defineRule({
  id: 'manifest-graceful-shutdown',
  kind: 'manifest',
  title: 'Every workload gives its pods time to shut down',
  description:
    'no `terminationGracePeriodSeconds: 0`, and no preStop `sleep` as long as the grace period (30 s unless set)',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: 'no grace period',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT('      terminationGracePeriodSeconds: 0\n      containers:\n        - name: api\n'),
      findings: [{ at: '8:38', id: 'zeroGrace', data: { object: 'Deployment "api"', default: '30' } }],
    },
    {
      name: 'a preStop sleep that uses the default grace period up',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT(
        '      containers:\n        - name: api\n          lifecycle:\n            preStop:\n              exec:\n                command: ["/bin/sh", "-c", "sleep 30"]\n',
      ),
      findings: [
        {
          at: '13:26',
          id: 'sleepTooLong',
          data: { container: 'api', object: 'Deployment "api"', sleep: '30', grace: '30' },
        },
      ],
    },
    {
      name: 'a preStop sleep inside a longer grace period',
      path: 'deploy/api.yaml',
      text: DEPLOYMENT(
        '      terminationGracePeriodSeconds: 45\n      containers:\n        - name: api\n          lifecycle:\n            preStop:\n              sleep: {seconds: 10}\n',
      ),
      findings: [],
    },
  ],
  check({ file }) {
    const workloads = file.objects.filter((o) => o.workload);
    if (workloads.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const object of workloads) {
      if (manifestOptOut(object, 'manifest-graceful-shutdown', out)) continue;
      const grace = object.gracePeriod?.value ?? DEFAULT_GRACE;
      if (object.gracePeriod?.value === 0) {
        out.push({
          message: say('zeroGrace', { object: objectLabel(object), default: DEFAULT_GRACE }),
          line: object.gracePeriod.line,
          column: object.gracePeriod.column,
        });
        continue;
      }
      for (const container of object.containers) {
        const sleep = container.preStopSleep;
        if (!sleep || sleep.seconds < grace || container.unverifiable) continue;
        out.push({
          message: say('sleepTooLong', {
            container: container.name,
            object: objectLabel(object),
            sleep: sleep.seconds,
            grace,
          }),
          line: sleep.line,
          column: sleep.column,
        });
      }
    }
    return out;
  },
});
