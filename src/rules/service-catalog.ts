/**
 * `service-catalog`: every service is in the catalog, and the catalog is one
 * Backstage accepts. A workload no catalog entity covers (in a repository
 * that keeps a catalog); an entity Backstage's own schemas reject
 * (`@backstage/catalog-model`), or a catalog file that does not parse; a
 * component whose `spec.owner` names a group neither the catalog nor
 * CODEOWNERS knows. A workload two components claim alike is a notice: the
 * gate cannot tell whose it is, and says so.
 */
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { READY_CATALOG, READY_FILES, readyCatalogWith, readyExample } from './service-common.js';
import { defineRule } from './rule.js';

const messages = {
  uncovered:
    '{{workload}} is a service no catalog entity covers: add a Component of `spec.type: service` for it to a catalog-info.yaml (and label the workload `backstage.io/kubernetes-id`), so it has an owner, a lifecycle and a place in the scorecard.',
  rejected: 'Backstage would reject {{entity}}: {{problem}}. Correct it, or the catalog drops the entity.',
  unparsed: 'This catalog file {{problem}}; Backstage reads none of its entities until it parses.',
  unknownOwner:
    '{{entity}} is owned by "{{owner}}", a group neither the catalog nor CODEOWNERS knows: define the Group, or name the team CODEOWNERS gives its files.',
  ambiguous:
    'The gate cannot tell which service {{workload}} belongs to: {{candidates}} all claim it. Label it `backstage.io/kubernetes-id` with the one it is.',
};
const say = sayer(messages);

export const serviceCatalog = defineRule({
  id: 'service-catalog',
  kind: 'service',
  title: 'Every service is in a valid catalog',
  description:
    "every workload is covered by a catalog entity, every entity passes Backstage's own schemas, and every owner is a group the catalog or CODEOWNERS knows",
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a component without an owner, and one whose name Backstage refuses',
      path: 'services/payments/catalog-info.yaml',
      text: readyCatalogWith('  owner: group:payments-team\n', '').replace(
        '  name: payments-team',
        '  name: payments team',
      ),
      files: READY_FILES,
      findings: [
        { at: '12:3', id: 'rejected', data: { entity: 'Component "payments"', problem: 'spec.owner is required' } },
        {
          at: '18:9',
          id: 'rejected',
          data: {
            entity: 'Group "payments team"',
            problem:
              'metadata.name "payments team" is not a valid name: 1 to 63 letters, digits, -, _ and ., starting and ending with a letter or digit',
          },
        },
      ],
    },
    {
      name: 'an owner no Group entity and no CODEOWNERS team names',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG.replace('owner: group:payments-team', 'owner: group:billing'),
      files: READY_FILES,
      findings: [{ at: '14:10', id: 'unknownOwner', data: { entity: 'Component "payments"', owner: 'group:billing' } }],
    },
    {
      name: 'a file that does not parse',
      path: 'services/payments/catalog-info.yaml',
      text: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: [name: payments\n',
      files: READY_FILES,
      findings: [
        {
          at: '4:1',
          id: 'unparsed',
          data: {
            problem:
              'does not parse as YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
          },
        },
      ],
    },
    readyExample('a service with its workload, its owner a Group of the catalog'),
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    const { model } = ctx;
    for (const p of model.catalogProblems.filter((c) => c.path === ctx.path))
      out.push({ message: say('unparsed', { problem: p.message }), line: p.line, column: p.column });
    for (const e of ctx.entities)
      for (const p of e.problems)
        out.push({
          message: say('rejected', { entity: `${e.kind} "${e.name.value}"`, problem: p.message }),
          line: p.line,
          column: p.column,
        });
    for (const s of ctx.judged) {
      if (s.unknownOwner)
        out.push({
          message: say('unknownOwner', { entity: `Component "${s.name}"`, owner: s.unknownOwner.owner }),
          line: s.unknownOwner.line,
          column: s.unknownOwner.column,
        });
      if (!s.entity && model.hasCatalog)
        for (const w of s.workloads.filter((w) => w.path === ctx.path))
          out.push({
            message: say('uncovered', { workload: `${w.kind} "${w.name}"` }),
            line: w.line,
            column: w.column,
          });
    }
    for (const u of ctx.unattributed)
      out.push({
        message: say('ambiguous', {
          workload: `${u.workload.kind} "${u.workload.name}"`,
          candidates: u.candidates.join(', '),
        }),
        line: u.workload.line,
        column: u.workload.column,
        severity: 'notice',
      });
    const judges = ctx.entities.length > 0 || ctx.judged.length > 0 || ctx.unattributed.length > 0 || out.length > 0;
    return judges ? out : undefined;
  },
});
