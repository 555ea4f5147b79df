/**
 * `runbook-field`: each `**Field**: value` a team template lists is there,
 * once, filled in, and one of its `allowed` values when it has any. Risk
 * levels and severities read by key: `Medium (customer-facing)` is Medium.
 */
import { headingKey } from '../markdown/heading.js';
import { at, type RawFinding } from '../model/finding.js';
import { fieldsNamed, unfilled } from '../model/runbook-template.js';
import { defineRule } from './rule.js';

const CONFIG =
  "runbooks:\n  templates:\n    - name: alerts\n      paths: ['docs/**']\n      fields: [Summary, {name: Severity, allowed: [critical, warning, info]}]\n";

export const runbookField = defineRule({
  id: 'runbook-field',
  kind: 'runbook',
  title: 'Every field the template asks for is filled in',
  description: "the team template's `fields` are there once, filled, with an allowed value",
  defaultSeverity: { devops: 'error', none: 'error' },
  examples: [
    {
      name: 'a field missing, another with a value not allowed',
      config: CONFIG,
      text: '# KubeletDown\n**Severity**: high\n',
      findings: [
        '1:1 The runbook has no "**Summary**:" field. Add "**Summary**: …".',
        '2:1 "Severity" is "high". Write one of critical, warning, info.',
      ],
    },
    {
      name: 'filled in',
      config: CONFIG,
      text: '# KubeletDown\n**Summary**: The kubelet is down.\n**Severity**: Critical (pages)\n',
      findings: [],
    },
  ],
  check({ doc, spec }) {
    const { fields } = spec.template;
    if (fields.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const wanted of fields) {
      const [field, second] = fieldsNamed(doc, wanted.name);
      if (!field) {
        out.push({
          message: `The runbook has no "**${wanted.name}**:" field. Add "**${wanted.name}**: …".`,
          line: 1,
          column: 1,
        });
        continue;
      }
      if (second) {
        out.push(at(second, `"${wanted.name}" is given twice (lines ${field.line} and ${second.line}). Keep one.`));
      }
      if (unfilled(field.value)) {
        out.push(at(field, `"${wanted.name}" is empty. Write the value after "**${wanted.name}**:".`));
      } else if (wanted.allowed.length > 0 && !wanted.allowed.map(headingKey).includes(headingKey(field.value))) {
        out.push(at(field, `"${wanted.name}" is "${field.value}". Write one of ${wanted.allowed.join(', ')}.`));
      }
    }
    return out;
  },
});
