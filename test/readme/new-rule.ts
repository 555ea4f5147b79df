import { at } from '../../src/model/finding.js';
import { sayer } from '../../src/model/messages.js';
import { workloadContainers } from '../../src/rules/manifest-common.js';
import { defineRule } from '../../src/rules/rule.js';

const POD = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n${spec}`;

// What the rule says, once: the check writes it with `say`, the examples name the id and the data.
const messages = {
  root: 'Container "{{container}}" may run as root. Set securityContext.runAsNonRoot: true on it or on its pod.',
};
const say = sayer(messages);

export const manifestRunAsNonRoot = defineRule({
  id: 'manifest-run-as-non-root',
  kind: 'manifest',
  title: 'Containers run as a non-root user',
  description: 'each workload container sets `securityContext.runAsNonRoot: true`, or its pod does',
  defaultSeverity: { devops: 'notice', none: 'off' },
  messages,
  examples: [
    {
      name: 'root by default',
      path: 'deploy/api.yaml',
      text: POD('      containers:\n        - name: api\n'),
      findings: [{ at: '9:17', id: 'root', data: { container: 'api' } }],
    },
    {
      name: 'set on the pod',
      path: 'deploy/api.yaml',
      text: POD('      securityContext: {runAsNonRoot: true}\n      containers:\n        - name: api\n'),
      findings: [],
    },
  ],
  check: ({ file }) => {
    const out: ReturnType<typeof at>[] = [];
    const containers = workloadContainers(file, 'manifest-run-as-non-root', out);
    if (!containers) return undefined;
    for (const { object, container } of containers) {
      // Fields the view does not summarise are read with their positions; the parser is not changed.
      const own = container.field('securityContext', 'runAsNonRoot');
      const pod = object.field('spec', 'template', 'spec', 'securityContext', 'runAsNonRoot');
      if ((own ?? pod)?.value !== true) out.push(at(container, say('root', { container: container.name })));
    }
    return out;
  },
});
