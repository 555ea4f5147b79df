/**
 * `claim-contradicted`: a ticked checklist item is a claim, and the files the
 * pull request changes can contradict it: "Health Checks" ticked while a
 * changed Deployment has a serving container without a readinessProbe.
 * `claims` maps item labels to the rules whose findings contradict them (the
 * devops preset: Zero Downtime → manifest-rollout, Health Checks → the
 * readiness and liveness probe rules, Graceful Shutdown →
 * manifest-graceful-shutdown and dockerfile-exec-form, Memory, CPU and
 * Resource limits set → manifest-resources). A waived item is not
 * contradicted. Findings of rules turned off do not count. Evidence an
 * overlay may change (a manifest beside a kustomization.yaml) makes the
 * contradiction a warning.
 */
import { aliasesOf, findItems } from '../model/checklist.js';
import { at, type RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const messages = {
  contradicted:
    '"{{item}}" is ticked, but {{source}}:{{line}} says otherwise ({{rule}}): {{gist}}{{more}} Fix the file as that finding says, or untick the item and say why.',
  contradictedCapped:
    '"{{item}}" is ticked, but {{source}}:{{line}} says otherwise ({{rule}}): {{gist}}{{more}} Fix the file as that finding says, or untick the item and say why. A warning only: {{capped}}.',
};
const say = sayer(messages);

export const claimContradicted = defineRule({
  id: 'claim-contradicted',
  kind: 'pull-request',
  title: 'No ticked item is contradicted by the changed files',
  description: 'a ticked item (`claims`) is not contradicted by a finding on a changed deployment file',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'health checks ticked, a serving container without a readiness probe',
      text: '## Reliability\n- [x] **Health Checks**: probes defined\n',
      files: {
        'deploy/api.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          livenessProbe: {tcpSocket: {port: 8080}}\n',
      },
      findings: [
        {
          at: '2:1',
          id: 'contradicted',
          data: {
            item: 'Health Checks',
            source: 'deploy/api.yaml',
            line: '9',
            rule: 'manifest-readiness-probe',
            gist: 'Container "api" of Deployment "api" serves on a port but has no readinessProbe: traffic reaches it before it can answer.',
            more: '',
          },
        },
      ],
    },
    {
      name: 'ticked under the alias the config gives the item',
      config:
        'pull-request:\n  sections:\n    - name: Reliability\n      items: [{label: Health Checks, aliases: [Probes]}]\n',
      text: '## Reliability\n- [x] **Probes**: defined\n',
      files: {
        'deploy/api.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n',
      },
      findings: [
        {
          at: '2:1',
          id: 'contradicted',
          data: {
            item: 'Health Checks',
            source: 'deploy/api.yaml',
            line: '9',
            rule: 'manifest-liveness-probe',
            gist: 'Container "api" of Deployment "api" serves on a port but has no livenessProbe or startupProbe: a hung process is never restarted.',
            more: '',
          },
        },
      ],
    },
    {
      name: 'evidence an overlay may patch makes it a warning',
      text: '## Reliability\n- [x] **Health Checks**: probes defined\n',
      files: {
        'deploy/base/kustomization.yaml': 'resources: [api.yaml]\n',
        'deploy/base/api.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          livenessProbe: {tcpSocket: {port: 8080}}\n',
      },
      findings: [
        {
          at: '2:1',
          id: 'contradictedCapped',
          data: {
            item: 'Health Checks',
            source: 'deploy/base/api.yaml',
            line: '9',
            rule: 'manifest-readiness-probe',
            gist: 'Container "api" of Deployment "api" serves on a port but has no readinessProbe: traffic reaches it before it can answer.',
            more: '',
            capped: 'deploy/base/kustomization.yaml is beside it, and an overlay may patch it',
          },
        },
      ],
    },
    {
      name: 'the files agree with the tick',
      text: '## Reliability\n- [x] **Health Checks**: probes defined\n',
      files: {
        'deploy/api.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n          livenessProbe: {tcpSocket: {port: 8080}}\n',
      },
      findings: [],
    },
  ],
  check({ doc, spec, evidence, evidenceSources }) {
    const claims = Object.entries(spec.claims);
    // It applies when there are claims and deployment files to weigh them against.
    if (claims.length === 0 || evidenceSources.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const [label, ruleIds] of claims) {
      // Any ticked copy is a claim, wherever it stands.
      // Under any name the config gives the item: a tick on an alias is the same claim. (The
      // default sign-off boxes have no aliases.)
      const sections = [...spec.sections, ...(spec.signOff?.sections ?? [])];
      const found = findItems(doc, label, aliasesOf(label, sections)).find((f) => f.state.kind === 'checked');
      if (!found) continue;
      const against = evidence.filter((e) => ruleIds.includes(e.ruleId));
      // Conclusive evidence first; evidence an overlay may change makes the contradiction a warning.
      const first = against.find((e) => !e.capped) ?? against[0];
      if (!first) continue;
      const more = against.length > 1 ? ` (and ${against.length - 1} more)` : '';
      // What the file's finding says, in its first sentence: the whole of it, with what to do, is said once, on the file.
      const data = {
        item: label,
        source: first.source,
        line: first.line,
        rule: first.ruleId,
        gist: gist(first.message),
        more,
      };
      const related = { source: first.source, line: first.line };
      out.push(
        first.capped
          ? {
              ...at(found.item, say('contradictedCapped', { ...data, capped: first.capped })),
              severity: 'warning',
              related,
            }
          : { ...at(found.item, say('contradicted', data)), related },
      );
    }
    return out;
  },
});

/** A message's first sentence: up to its first full stop before a space, or all of it. */
function gist(message: string): string {
  const end = message.search(/\.\s/);
  return end < 0 ? message : message.slice(0, end + 1);
}
