/**
 * `manifest-duplicate-key`: a key given twice in one map of a Kubernetes
 * manifest. kubectl (go-yaml) keeps the last and drops the first without a
 * word, so a `readinessProbe:` followed further down by `readinessProbe:
 * null` deploys no probe while the file seems to have one. The gate reads
 * the last too; this rule says so at the line. Helm templates are left out:
 * their `if`/`else` branches may each set a key.
 */
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  duplicate:
    '"{{key}}" is given twice in one map (first at line {{first}}): kubectl keeps this one and drops the first without a word. Keep one.',
};
const say = sayer(messages);

export const manifestDuplicateKey = defineRule({
  id: 'manifest-duplicate-key',
  kind: 'manifest',
  title: 'No key is given twice in a manifest',
  description: 'no map of a Kubernetes manifest gives a key twice (kubectl keeps the last, silently)',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a probe set, then emptied further down',
      path: 'deploy/api.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n          image: api:1\n          readinessProbe: null\n',
      findings: [{ at: '12:11', id: 'duplicate', data: { key: 'readinessProbe', first: '10' } }],
    },
    {
      name: 'the same key in two maps',
      path: 'deploy/api.yaml',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  labels: {name: api}\nspec:\n  selector: {name: api}\n',
      findings: [],
    },
  ],
  check: ({ file }) =>
    file.helm
      ? undefined
      : file.duplicates.map((d) => ({
          message: say('duplicate', { key: d.key, first: d.first }),
          line: d.line,
          column: d.column,
        })),
});
